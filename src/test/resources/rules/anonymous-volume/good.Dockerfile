FROM golang:1.23 AS build
# a VOLUME in a build stage does not reach the final image
VOLUME /go/pkg/mod
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
USER nonroot
ENTRYPOINT ["/app"]
