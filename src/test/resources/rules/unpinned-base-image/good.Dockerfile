ARG GO_VERSION=1.23
ARG RUNTIME_IMAGE
FROM golang:${GO_VERSION}-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/api ./cmd/api

FROM build AS test
RUN go test ./...

FROM scratch AS export
COPY --from=build /out/api /api

FROM ${RUNTIME_IMAGE} AS custom-runtime
COPY --from=build /out/api /usr/local/bin/api

FROM alpine:3.20.3@sha256:1e42bbe2508154c9126d48c2b8a75420c3544343bf86fd041fb7527e017a4b4a
RUN apk add --no-cache ca-certificates
COPY --from=build /out/api /usr/local/bin/api
USER 65534
ENTRYPOINT ["api"]
