FROM debian:12-slim
ARG APP_USER=app
RUN useradd --uid 10001 "$APP_USER"
USER $APP_USER
CMD ["/usr/local/bin/start"]
