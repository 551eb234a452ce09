# The backend image: built from the repository root (`docker compose build` sets the context).
# syntax=docker/dockerfile:1
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc tsconfig.base.json ./
COPY contracts/package.json contracts/
COPY infra/package.json infra/
COPY backend/package.json backend/
COPY frontend/package.json frontend/
# No install scripts: the image already has Node 24, and `prepare` needs the sources copied below.
RUN npm ci --ignore-scripts
COPY contracts contracts
COPY infra/src infra/src
COPY infra/tsconfig.json infra/
COPY backend/src backend/src
COPY backend/tsconfig.json backend/
RUN npx tsc -b contracts infra backend \
  && npm prune --omit=dev --ignore-scripts --workspace contracts --workspace infra --workspace backend --include-workspace-root

FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 DATA_DIR=/var/lib/decidimos
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/contracts/package.json contracts/
COPY --from=build /app/contracts/dist contracts/dist
COPY --from=build /app/infra/package.json infra/
COPY --from=build /app/infra/dist infra/dist
COPY --from=build /app/backend/package.json backend/
COPY --from=build /app/backend/dist backend/dist
RUN mkdir -p /var/lib/decidimos && chown node:node /var/lib/decidimos
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The V8 option as scripts/lib/backend.mjs gives it, and why.
CMD ["node", "--no-allocation-site-pretenuring", "backend/dist/main.js"]
