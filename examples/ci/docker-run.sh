#!/bin/sh
# Any CI with Docker: shipshape's image on the checked-out repository. Exit 0 clean, 1 findings at or
# above --fail-on, 2 usage or configuration error (shipshape --help lists them).
set -eu
image="${SHIPSHAPE_IMAGE:-ghcr.io/shipshape-dev/shipshape:0.1.0}"

# the findings in the log; the repository mounted read-only
docker run --rm -v "$PWD:/src:ro" "$image" scan /src --fail-on high

# or a report file: run as the checkout's owner so that the file can be written
# docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/src" "$image" scan /src --format sarif --output /src/shipshape.sarif
