# SPID's server image: Node 20 on Debian, the locked dependencies, `npm start` in production.
# better-sqlite3 compiles from source (build-from-source in .npmrc), hence the build tools;
# postgresql-client gives `npm run backup` its pg_dump.
FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ postgresql-client \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /app /srv/uploads && chown node:node /app /srv/uploads
WORKDIR /app
USER node
ENV NODE_ENV=production PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 UPLOAD_DIR=/srv/uploads
COPY --chown=node:node . .
RUN npm ci --no-audit --no-fund
EXPOSE 3000
CMD ["npm", "start"]
