# syntax=docker/dockerfile:1.7
# check=error=true

# Build a Node.js API and its static front end, then ship both on a small runtime.
ARG NODE_VERSION=22.11
ARG RUNTIME_BASE=gcr.io/distroless/nodejs22-debian12:nonroot

FROM --platform=$BUILDPLATFORM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    --mount=type=secret,id=npmrc,target=/root/.npmrc \
    npm ci --omit=dev

FROM deps AS build
ARG GIT_SHA=unknown
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN <<EOF
set -eu
npm run build
# keep the source maps out of the image
find dist -name '*.map' -delete
EOF
COPY <<-EOT /src/dist/version.json
	{"sha": "${GIT_SHA}"}
	EOT

FROM build AS test
USER node
RUN npm test

FROM ${RUNTIME_BASE} AS runtime
LABEL org.opencontainers.image.title="orders-api" \
      org.opencontainers.image.source="https://example.com/shop/orders-api" \
      org.opencontainers.image.licenses=Apache-2.0
WORKDIR /app
COPY --from=deps --chown=nonroot:nonroot /src/node_modules ./node_modules
COPY --from=build --chown=nonroot:nonroot /src/dist ./dist
ENV PORT=8080
EXPOSE 8080/tcp
VOLUME ["/app/uploads"]
ONBUILD COPY --chown=nonroot:nonroot config/ /app/config/
HEALTHCHECK --interval=30s --timeout=3s --retries=3 \
    CMD ["/nodejs/bin/node", "dist/healthcheck.js"]
USER nonroot:nonroot
ENTRYPOINT ["/nodejs/bin/node"]
CMD ["dist/server.js"]
