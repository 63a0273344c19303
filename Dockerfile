# shipshape's own image: the release bundle (its own Java runtime, the jar and its start-up cache) on a
# small glibc base. Build the bundle first, then the image:
#
#   ./mvnw -Prelease package
#   docker build -t ghcr.io/shipshape-dev/shipshape:0.1.0 .
#   docker run --rm -v "$PWD:/src:ro" ghcr.io/shipshape-dev/shipshape:0.1.0 scan /src
#
# The base needs glibc, /bin/sh, readlink and dirname (bin/shipshape is a POSIX shell script).
ARG BASE_IMAGE=debian:bookworm-slim
# shipshape:ignore missing-healthcheck a command-line tool; as the webhook, deploy/kubernetes probes /readyz and /healthz
FROM ${BASE_IMAGE}

# declared again to be seen after FROM (the label names the base)
ARG BASE_IMAGE
ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="shipshape" \
      org.opencontainers.image.description="Production-readiness checks for containers: Dockerfile, Compose, Kubernetes, daemon.json, live Docker, and an admission webhook, with one rule set." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="https://github.com/shipshape-dev/shipshape" \
      org.opencontainers.image.url="https://github.com/shipshape-dev/shipshape" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.base.name="${BASE_IMAGE}"

# Owned by root and read-only to the user: nothing in it is written at run time (the AOT cache is only
# read), so the container can run with a read-only root filesystem.
COPY target/bundle/shipshape/ /opt/shipshape/
ENV PATH=/opt/shipshape/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# A numeric user, so that Kubernetes can check runAsNonRoot without a passwd entry.
USER 10001:10001
WORKDIR /src
ENTRYPOINT ["shipshape"]
CMD ["--help"]
