FROM golang:1.23-bookworm AS build
RUN sudo -E apt-get update && sudo apt-get install -y --no-install-recommends protobuf-compiler
WORKDIR /src
COPY . .
RUN go build -o /out/app ./cmd/app

FROM node:22-bookworm-slim AS base
RUN apt-get update && apt-get install -y --no-install-recommends sudo && rm -rf /var/lib/apt/lists/*

FROM base
COPY --from=build /out/app /usr/local/bin/app
USER node
ENTRYPOINT ["app"]
