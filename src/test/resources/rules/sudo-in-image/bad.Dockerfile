FROM python:3.12-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends sudo git \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home app \
    && echo 'app ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/app
USER app
WORKDIR /home/app
COPY requirements.txt .
RUN sudo pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "app.py"]
