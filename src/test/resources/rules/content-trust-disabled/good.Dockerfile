FROM docker:27-cli
ENV DOCKER_CONTENT_TRUST=1
RUN docker build -t example/app:1.0 .
