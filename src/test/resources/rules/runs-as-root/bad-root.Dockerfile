FROM debian:12-slim
RUN useradd --uid 10001 app
USER app
RUN echo "built as app"
USER root
CMD ["/usr/local/bin/start"]
