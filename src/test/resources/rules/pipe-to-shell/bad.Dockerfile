FROM node:22-bookworm-slim AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl ca-certificates \
    && curl -fsSL https://get.pnpm.io/install.sh | env PNPM_VERSION=9.12.3 sh - \
    && rm -rf /var/lib/apt/lists/*
ENV PNPM_HOME=/root/.local/share/pnpm PATH=/root/.local/share/pnpm:$PATH
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm build

FROM node:22-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends wget \
    && bash -c "$(wget -qO- https://raw.githubusercontent.com/example/agent/main/install.sh)" \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/dist ./dist
USER node
CMD ["node", "dist/server.js"]
