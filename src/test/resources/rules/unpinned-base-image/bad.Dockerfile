ARG GO_IMAGE=golang:latest
FROM ${GO_IMAGE} AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/api ./cmd/api

FROM build AS test
RUN go test ./...

FROM alpine
RUN apk add --no-cache ca-certificates
COPY --from=build /out/api /usr/local/bin/api
USER 65534
ENTRYPOINT ["api"]
