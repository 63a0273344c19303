# syntax=docker/dockerfile:1
FROM node:22-alpine
ARG NPM_TOKEN
ENV NODE_ENV=production
ENV DB_PASSWORD_FILE=/run/secrets/db_password
ENV API_TOKEN=$NPM_TOKEN
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci --omit=dev
USER node
CMD ["node", "server.js"]
