FROM golang:1.23-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/worker ./cmd/worker

FROM alpine:3.20 AS runtime
LABEL org.opencontainers.image.source="https://github.com/example/worker"
LABEL org.opencontainers.image.licenses="Apache-2.0"
RUN apk add --no-cache ca-certificates

FROM runtime
COPY --from=build /out/worker /usr/local/bin/worker
USER 65534
ENTRYPOINT ["worker"]
