# syntax=docker/dockerfile:1
FROM node:22-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci --omit=dev

FROM node:22-alpine
ENV NODE_ENV=production
ENV DB_PASSWORD_FILE=/run/secrets/db_password
ENV PASSWORD_MIN_LENGTH=12
COPY certs/corp-root-ca.pem /usr/local/share/ca-certificates/corp-root-ca.crt
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY .env.example ./.env.example
COPY . .
USER node
CMD ["node", "server.js"]
