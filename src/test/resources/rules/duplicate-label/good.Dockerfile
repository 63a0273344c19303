FROM golang:1.23 AS build
RUN go build -o /out/app ./cmd/app
FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.source="https://github.com/example/app"
LABEL org.opencontainers.image.licenses="Apache-2.0"
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
