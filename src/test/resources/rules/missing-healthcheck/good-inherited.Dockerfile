FROM node:22-slim AS runtime
HEALTHCHECK CMD node -e "fetch('http://localhost:3000/healthz').then(r => process.exit(r.ok ? 0 : 1))"

FROM runtime
COPY server.js /srv/server.js
USER node
CMD ["node", "/srv/server.js"]
