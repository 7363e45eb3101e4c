# syntax=docker/dockerfile:1
# Warden: one process, one SQLite file on a volume. Node 24 is the newest LTS that the pinned
# better-sqlite3 12.x supports (its engines: 20.x to 25.x).
ARG NODE_IMAGE=node:24-bookworm-slim

# Production dependencies only; better-sqlite3 compiles here if no prebuilt binary fits.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# Compile TypeScript with the dev dependencies, which stay in this stage.
FROM deps AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.js ./scripts/build.js
COPY src ./src
# warden demo plays against the Slack stand-in, so the build includes it.
COPY test/support/stand-ins ./test/support/stand-ins
RUN npm run build

# The image runs the compiled JavaScript with node alone: no tsx, no TypeScript at run time.
FROM ${NODE_IMAGE}
# HOST: all interfaces, so `docker run -p 3000:3000` reaches it; a sidecar setup sets HOST=127.0.0.1.
# MALLOC_ARENA_MAX=2: glibc gives every thread that allocates (V8's compiler and GC helpers, the WAL checkpoint
# worker) a malloc arena of its own and keeps what each freed; with two, `warden start` peaked at 141-145 MiB
# under the bench's load against 147 MiB (two runs each, by hand: the bench runs npm start, which cannot set it
# portably).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WARDEN_DB=/data/warden.db \
    WARDEN_CONFIG=/etc/warden/warden.yaml \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json warden.example.yaml ./
COPY playbooks ./playbooks
COPY regimes ./regimes
COPY templates ./templates
RUN mkdir -p /data /etc/warden && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# --max-semi-space-size=4 (MiB, V8's default is 16): the young generation stays small, which keeps `warden start`
# idle at about 130 MB resident instead of 155. --heap-growing-percent=30: old space grows by 1.3x between
# collections rather than V8's larger steps, so after 1,800 declares it stays near 130 MiB rather than 215.
# --no-wasm-tier-up --no-wasm-dynamic-tiering: Node's fetch (undici, which the Slack Web API client calls through)
# parses responses with llhttp compiled to WebAssembly; V8 recompiles it with its optimizing compiler after the
# first few calls, and that one compilation takes about 30 MiB of memory for a tenth of a second, which set the
# process's peak at 155-163 MiB (147 MiB without it). The baseline compiler's code is slower, which at the few Slack
# calls Warden makes a second does not show in its CPU per declare.
# npm run bench measures the memory with all four flags (the figures without them were measured by hand). The same flags as `npm start` (test/start-flags.test.ts holds them equal): V8
# refuses the second one in NODE_OPTIONS, so they cannot live in one ENV.
ENTRYPOINT ["node", "--max-semi-space-size=4", "--heap-growing-percent=30", "--no-wasm-tier-up", "--no-wasm-dynamic-tiering", "dist/src/bin/warden.js"]
CMD ["start"]
