FROM docker:27-cli
ENV DOCKER_CONTENT_TRUST=0
RUN docker build --disable-content-trust -t example/app:1.0 .
