FROM golang:1.23 AS build
LABEL stage=build
LABEL stage=compile
RUN go build -o /out/app ./cmd/app
FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.source="https://github.com/example/app"
LABEL org.opencontainers.image.licenses="Apache-2.0"
LABEL org.opencontainers.image.source="https://github.com/example/app-legacy"
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
