# syntax=docker/dockerfile:1
FROM python:3.12-slim
ENV POETRY_HOME=/opt/poetry
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
RUN curl -sSL https://install.python-poetry.org | python3 -
RUN <<EOF
set -eux
curl -LsSf https://astral.sh/uv/install.sh | sh
EOF
WORKDIR /app
COPY pyproject.toml poetry.lock ./
RUN /opt/poetry/bin/poetry install --only main --no-root
COPY . .
USER 10001
CMD ["python", "-m", "app"]
