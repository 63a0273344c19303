FROM debian:bookworm-slim AS build
VOLUME /build-cache
RUN echo "built" > /built.txt

FROM nginx:1.27
COPY --from=build /built.txt /usr/share/nginx/html/built.txt
VOLUME ["/var/cache/nginx", "/var/log/nginx"]
