# The reverse proxy image: nginx serving the built SPA and forwarding the API to the backends.
# syntax=docker/dockerfile:1
FROM node:24-bookworm-slim AS spa
WORKDIR /app
COPY package.json package-lock.json .npmrc tsconfig.base.json ./
COPY contracts/package.json contracts/
COPY infra/package.json infra/
COPY backend/package.json backend/
COPY frontend/package.json frontend/
RUN npm ci --ignore-scripts
COPY contracts contracts
COPY frontend frontend
RUN npx tsc -b contracts && npm run build -w frontend

FROM nginx:1.28-alpine
COPY infra/deploy/nginx.conf /etc/nginx/nginx.conf
COPY --from=spa /app/frontend/dist /usr/share/nginx/html
EXPOSE 80 443
