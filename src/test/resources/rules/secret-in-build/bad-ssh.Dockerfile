ARG GOPROXY_TOKEN
# a literal secret in a global ARG is secret-in-environment's finding, not this rule's
ARG REGISTRY_PASSWORD=changeme
FROM golang:1.23-bookworm AS build
ARG GITHUB_TOKEN=changeme
COPY id_ed25519 /root/.ssh/id_ed25519
RUN git config --global url."git@github.com:".insteadOf "https://github.com/"
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
COPY deploy/tls/server.key deploy/tls/server.crt /etc/app/tls/
ENTRYPOINT ["/app"]
