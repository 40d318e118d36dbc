# cart-api image: the same entry point `npm run start:api` and the lab's
# process driver start (dist/apps/cart-api/main.js), built from this checkout.
#
#   docker build -f docker/cart-api.Dockerfile -t sticky-sessions-lab/cart-api:dev .
#
# Node 24 is the Active LTS line; the tag is pinned to a patch release so a
# rebuild next month gets the same runtime (bump it on purpose, not by accident).
# NODE_IMAGE replaces it where no registry answers: `npm run docker:offline`
# builds a stand-in from Debian packages (docs/docker.md, "Offline").
ARG NODE_IMAGE=node:24.14.0-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# Dependencies come from the registry, or with NPM_OFFLINE=1 from the npm
# cache scripts/docker-offline.sh filled on the host (.docker-offline/),
# used only in these install stages: the runtime image never holds it.
FROM base AS install
COPY package.json package-lock.json ./
COPY .docker-offline /tmp/docker-offline

# Build stage: dev dependencies (typescript) are needed to compile, and only here.
FROM install AS build
ARG NPM_OFFLINE=0
RUN npm ci $([ "$NPM_OFFLINE" = 1 ] && echo --offline --cache /tmp/docker-offline/npm-cache)
COPY tsconfig.json ./
COPY apps/cart-api ./apps/cart-api
COPY libs ./libs
# Only the cart-api project; the lab is not part of the image.
RUN npx tsc -b apps/cart-api/tsconfig.app.json

# Production dependencies only, installed apart so the runtime stage copies
# node_modules and nothing of the install (cache, lockfile tooling).
FROM install AS deps
ARG NPM_OFFLINE=0
RUN npm ci --omit=dev $([ "$NPM_OFFLINE" = 1 ] && echo --offline --cache /tmp/docker-offline/npm-cache)

# Runtime stage: production dependencies and compiled JavaScript, nothing else.
FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8000
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist/apps/cart-api ./dist/apps/cart-api
COPY --from=build /app/libs ./libs
# Files stay owned by root: the service reads them, it never needs to write them.
USER node
EXPOSE 8000
# Exec-form ENTRYPOINT: node is the process that receives SIGTERM (no shell in
# between to swallow it); Nest's shutdown hooks close the server on it.
STOPSIGNAL SIGTERM
# The slim image has no curl: ask node itself (global fetch since Node 18).
HEALTHCHECK --interval=5s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "dist/apps/cart-api/main.js"]
