# Parley's image: the server compiled to JavaScript (dist/), the built inbox and chat widget, the
# migrations and the production dependencies; no TypeScript, tsx or Prisma CLI at run time. One
# image for every process kind (see compose.yaml):
#   node dist/src/main.js           everything in one process (the default)
#   node dist/src/main.js api       API + realtime + SMTP edge; migrates the database at start
#   node dist/src/main.js workers   the workers; wait for those migrations, health on HEALTH_PORT
ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: all dependencies (TypeScript, Vite, the Prisma CLI), then `npm run build` ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts off: postinstall (prisma generate) needs the schema and sources, and the Prisma engines'
# own postinstall would download a native engine Parley does not use. Generated explicitly below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json prisma.config.ts ./
COPY prisma ./prisma
COPY src ./src
COPY channels ./channels
COPY workers ./workers
COPY web ./web
# The generated Prisma client (TypeScript) is compiled into dist/ with the rest of the server;
# `npm run build` builds the web app and the widget without source maps.
RUN npm run -s generate && npm run -s build

# --- production dependencies only ---
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=optional as well as dev: @prisma/client names `prisma` and `typescript` as optional peer
# dependencies, so npm keeps them and what they pull in (Prisma Studio, PGlite, React ...) under
# --omit=dev alone (~430 MB instead of ~170 MB). The only optional production packages this drops
# are msgpackr-extract (a native speed-up msgpackr works without) and pg-cloudflare (Workers only).
# Scripts off: postinstall runs tsx, a devDependency; the client it generates is already in dist/.
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund && npm cache clean --force

# --- runtime ---
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/var/lib/parley \
    PORT=3000 \
    SMTP_INBOUND_PORT=2525
WORKDIR /app
# package.json makes dist/ ES modules and marks the installation folder the code finds its files from.
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/web/dist-widget ./web/dist-widget
COPY prisma/migrations ./prisma/migrations

RUN mkdir -p /var/lib/parley && chown node:node /var/lib/parley
USER node
VOLUME ["/var/lib/parley"]
EXPOSE 3000 2525
# Fits the default command (the API answers /healthz). A workers-only container sets HEALTH_PORT
# and checks with `node dist/src/cli/healthcheck.js workers` instead (compose.yaml does).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD ["node", "dist/src/cli/healthcheck.js", "api"]
CMD ["node", "dist/src/main.js"]
