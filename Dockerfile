# Parley in one image: API + realtime + SMTP edge + workers (`npm start`), or one role per
# container with `npm run start:api` / `npm run start:workers`.

# --- build: the browser bundles need the dev dependencies (Vite, React) ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY src/cli/generate-prisma.ts ./src/cli/generate-prisma.ts
# npm install, not npm ci: see .ci/run (platform-only optional packages missing from the lock).
RUN npm install --no-audit --no-fund
COPY web ./web
RUN npm run build:web && npm run build:widget

# --- runtime: production dependencies only, plus the built bundles ---
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/var/lib/parley \
    PORT=3000 \
    SMTP_INBOUND_PORT=2525
WORKDIR /app

# postinstall runs `prisma generate`, which needs the schema, its config and the small wrapper.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY src/cli/generate-prisma.ts ./src/cli/generate-prisma.ts
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json ./
COPY src ./src
COPY channels ./channels
COPY workers ./workers
# Only the built UI: without web/src the start script serves it as it is and never rebuilds.
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/web/dist-widget ./web/dist-widget

RUN mkdir -p /var/lib/parley && chown node:node /var/lib/parley
USER node
VOLUME ["/var/lib/parley"]
EXPOSE 3000 2525
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["npm", "start"]
