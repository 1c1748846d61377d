FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY domain/package.json domain/
COPY eventstore/package.json eventstore/
COPY projections/package.json projections/
COPY api/package.json api/
COPY citizen-portal/package.json citizen-portal/
COPY backoffice/package.json backoffice/
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build-apps.mjs --force
EXPOSE 8080
CMD ["node", "--import", "tsx", "api/src/server.ts"]
