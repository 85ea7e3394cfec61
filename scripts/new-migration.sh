#!/usr/bin/env bash
# Author a migration offline (prisma migrate dev needs a network here), for both databases:
#   npm run db:new-migration -- <name>
#   npm run db:new-migration -- --postgres-only <name>   # SQLite migration already written (a merge)
# SQLite: 1) apply the committed migrations to a scratch database, 2) pull its schema,
# 3) diff it against prisma/schema.prisma into a new migration folder.
# PostgreSQL: prisma/postgresql/schema.prisma is the schema its migrations give; it is diffed
# against the one regenerated from prisma/schema.prisma (scripts/postgres-schema.ts), then replaced.
set -euo pipefail
postgres_only=false
if [ "${1:-}" = "--postgres-only" ]; then postgres_only=true; shift; fi
name=${1:?usage: npm run db:new-migration -- [--postgres-only] <name>}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
stamp=$(date -u +%Y%m%d%H%M%S)

if [ "$postgres_only" = false ]; then
  export DATABASE_URL="file:$scratch/scratch.db"
  npx prisma migrate deploy >/dev/null
  # Pull from a schema holding only the generator and datasource: pulling over the full schema would
  # keep its enum types with the database's quoted defaults, which does not parse.
  sed -n '/^generator /,/^}/p; /^datasource /,/^}/p' prisma/schema.prisma > "$scratch/base.prisma"
  npx prisma db pull --print --schema "$scratch/base.prisma" | sed -n '/^generator /,$p' > "$scratch/pulled.prisma"
  dir="prisma/migrations/${stamp}_$name"
  mkdir -p "$dir"
  npx prisma migrate diff --from-schema-datamodel "$scratch/pulled.prisma" \
    --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
  echo "wrote $dir/migration.sql — review it: a rebuilt AuditEvent or Lottery* table needs its triggers re-created (tests/db/triggers.test.ts)"
fi

cp prisma/postgresql/schema.prisma "$scratch/before.prisma"
npx tsx scripts/postgres-schema.ts
# Diffing two schema files reads no database, but the CLI connects to one: SPID_TEST_POSTGRES_URL,
# or a throwaway local server.
if [ -n "${SPID_TEST_POSTGRES_URL:-}" ]; then
  export DATABASE_URL="$SPID_TEST_POSTGRES_URL"
else
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  server=$(mktemp -d)
  trap 'bash scripts/postgres-local.sh stop "$server"; rm -rf "$scratch" "$server"' EXIT
  DATABASE_URL=$(bash scripts/postgres-local.sh start "$server" "$port")
  export DATABASE_URL
fi
dir="prisma/postgresql/migrations/${stamp}_$name"
mkdir -p "$dir"
npx prisma migrate diff --from-schema-datamodel "$scratch/before.prisma" \
  --to-schema-datamodel prisma/postgresql/schema.prisma --script > "$dir/migration.sql"
npx prisma generate --schema prisma/postgresql/schema.prisma >/dev/null
echo "wrote $dir/migration.sql — review it: write there the PostgreSQL form of any hand-written SQL of the SQLite migration (docs/postgresql.md)"
