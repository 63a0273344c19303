# syntax=docker/dockerfile:1
FROM python:3.13-slim AS build
WORKDIR /app
ADD requirements.txt .
RUN pip install --no-cache-dir --prefix=/install -r requirements.txt

FROM python:3.13-slim
RUN useradd --system --uid 10001 app
WORKDIR /app
COPY --from=build /install /usr/local
ADD --chown=app:app src/ ./src/
USER 10001
CMD ["python", "-m", "src.main"]
