# syntax=docker/dockerfile:1
FROM python:3.13-slim AS protos
ADD https://github.com/example/protos.git#v1.4.0 /protos
ADD git@github.com:example/internal-tools.git /tools

FROM python:3.13-slim
COPY --from=protos /protos /app/protos
USER 10001
