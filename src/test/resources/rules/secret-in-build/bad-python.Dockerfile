FROM python:3.13-slim
WORKDIR /app
COPY .pypirc /root/.pypirc
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY .env.production ./.env
COPY . .
ONBUILD ARG PIP_INDEX_PASSWORD
USER 10001
CMD ["gunicorn", "app:create_app()"]
