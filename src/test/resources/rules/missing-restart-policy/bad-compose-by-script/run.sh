#!/bin/sh
docker compose -f app.compose.yaml up -d
docker stack deploy -c other.compose.yaml other
