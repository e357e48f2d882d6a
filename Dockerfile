# syntax=docker/dockerfile:1
# SoMe-rådgiveren in a container. Build: docker build -t some-advisor .
# Run:   docker run -p 3978:3978 -v some-advisor-data:/app/data --env-file .env some-advisor
# test/production/container-steps.test.ts performs these steps without a container engine: keep every path in RUN
# relative to WORKDIR, and copy only what the runtime needs.

# Build stage: all dependencies (TypeScript), compile src/ to dist/. Install scripts are skipped: nothing here runs
# the native SQLite module, and the build below replaces `prepare`.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --prefer-offline --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
# The build parses the shipped knowledge once into dist/ (start-up skips parsing files that have not changed).
COPY knowledge ./knowledge
RUN npm run build

# Runtime stage: production dependencies only (no TypeScript, tsx, Mermaid), the compiled code, knowledge and manifests.
# npm's cache stays in a build cache mount, out of the image. better-sqlite3 downloads its prebuilt binary (from
# GitHub; where the build cannot reach it, add python3, make and g++ to compile it); the C sources and object files
# are not needed at run time and are removed.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3978
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/build.js ./scripts/build.js
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --prefer-offline --no-audit --no-fund \
  && rm -rf node_modules/better-sqlite3/deps node_modules/better-sqlite3/src node_modules/better-sqlite3/build/Release/obj node_modules/better-sqlite3/build/Release/obj.target
COPY bin ./bin
COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge
COPY manifest ./manifest
# The SQLite database (which also keeps the generated analytics secret) lives in ./data: mount a volume there.
# uid 1000 is `node`.
RUN mkdir -p data && chown 1000:1000 data
VOLUME /app/data
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/some-advisor.js", "serve"]
