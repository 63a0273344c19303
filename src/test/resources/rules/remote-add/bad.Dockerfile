FROM golang:1.23-alpine AS build
WORKDIR /src
ADD https://github.com/golang-migrate/migrate/releases/download/v4.18.1/migrate.linux-amd64.tar.gz /tmp/migrate.tar.gz
RUN tar -xzf /tmp/migrate.tar.gz -C /usr/local/bin migrate
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/api ./cmd/api

FROM gcr.io/distroless/static-debian12:nonroot
ADD https://raw.githubusercontent.com/example/api/main/config/default.yaml /etc/api/config.yaml
COPY --from=build /usr/local/bin/migrate /usr/local/bin/migrate
COPY --from=build /out/api /api
ENTRYPOINT ["/api"]
