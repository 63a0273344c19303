#!/bin/sh
set -eu
cd "$(dirname "$0")"
docker stack deploy \
  --with-registry-auth \
  -c app.compose.yaml web
