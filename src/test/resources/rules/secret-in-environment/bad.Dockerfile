ARG REGISTRY_TOKEN=not-a-real-token
FROM node:22-alpine AS build
ENV BUILD_SECRET=only-in-the-build-stage
RUN npm ci
FROM node:22-alpine
ARG API_KEY=dev-key-123
ENV NODE_ENV=production
ENV DB_PASSWORD=hunter2
ENV PASSWORD_MIN_LENGTH=12
COPY --from=build /app /app
USER node
CMD ["node", "/app/server.js"]
