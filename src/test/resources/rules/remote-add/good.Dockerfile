# syntax=docker/dockerfile:1
FROM golang:1.23-alpine AS build
WORKDIR /src
ADD --checksum=sha256:2f7ec4ba0a2a05b4d6bd4a1fd68b26d7a2f3f33acde2c9e2a0ab7a92df4f23a5 https://github.com/golang-migrate/migrate/releases/download/v4.18.1/migrate.linux-amd64.tar.gz /tmp/migrate.tar.gz
RUN tar -xzf /tmp/migrate.tar.gz -C /usr/local/bin migrate
ADD https://github.com/example/protos.git#4b825dc642cb6eb9a060e54bf8d69288fbee4904 /protos
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/api ./cmd/api

FROM gcr.io/distroless/static-debian12:nonroot
COPY config/default.yaml /etc/api/config.yaml
COPY --from=build /usr/local/bin/migrate /usr/local/bin/migrate
COPY --from=build /out/api /api
ENTRYPOINT ["/api"]
