# The portal's production image, after Next.js's own example (examples/with-docker): install, build
# with `output: "standalone"`, and run .next/standalone/server.js as an unprivileged user.
# Not built in this repository's CI (no Docker there); the standalone server it runs is tested by
# .ci/run. See README, "Operations". Run it with PostgreSQL and a real identity provider:
# compose.yaml shows two instances behind a load balancer.

# Debian rather than Alpine: esbuild (the MDX worker) and PGlite are tested on glibc.
FROM node:22-bookworm-slim AS base

FROM base AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci

FROM base AS builder
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npx next build

FROM base AS runner
WORKDIR /app
ENV NODE_ENV=production
ENV NEXT_TELEMETRY_DISABLED=1
RUN groupadd --system --gid 1001 portal && useradd --system --uid 1001 --gid portal portal
# The standalone output holds the server, the node_modules it needs and the files the portal reads
# at run time (migrations, content, fonts, the MDX worker: next.config.ts); Next leaves the client
# assets and public/ to the deployment.
COPY --from=builder --chown=portal:portal /app/.next/standalone ./
COPY --from=builder --chown=portal:portal /app/.next/static ./.next/static
COPY --from=builder --chown=portal:portal /app/public ./public
# DATA_DIR holds only the data directory's secret when DATABASE_URL is set; the checkpoints and
# their signing key go to their own volume.
RUN mkdir -m 700 /var/lib/portal /var/lib/portal/data /var/lib/portal/checkpoints \
  && chown -R portal:portal /var/lib/portal
USER portal
ENV DATA_DIR=/var/lib/portal/data
ENV CHECKPOINT_DIR=/var/lib/portal/checkpoints
EXPOSE 3000
ENV PORT=3000
# Inside the container only; publish the port on loopback or behind the load balancer.
ENV HOSTNAME=0.0.0.0
ENV HOST=0.0.0.0
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]
