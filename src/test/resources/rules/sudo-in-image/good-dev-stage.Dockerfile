# sudo only in a development stage that the final image is not built from
FROM golang:1.23-bookworm AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app ./cmd/app

FROM build AS devcontainer
RUN apt-get update && apt-get install -y --no-install-recommends sudo \
    && echo 'vscode ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/vscode

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
