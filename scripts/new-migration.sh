#!/usr/bin/env bash
# Author a migration offline (prisma migrate dev needs a network here):
#   npm run db:new-migration -- <name>
# 1) apply the committed migrations to a scratch database, 2) pull its schema,
# 3) diff it against prisma/schema.prisma into a new migration folder.
set -euo pipefail
name=${1:?usage: npm run db:new-migration -- <name>}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export DATABASE_URL="file:$scratch/scratch.db"
npx prisma migrate deploy >/dev/null
# Pull from a schema holding only the generator and datasource: pulling over the full schema would
# keep its enum types with the database's quoted defaults, which does not parse.
sed -n '/^generator /,/^}/p; /^datasource /,/^}/p' prisma/schema.prisma > "$scratch/base.prisma"
npx prisma db pull --print --schema "$scratch/base.prisma" | sed -n '/^generator /,$p' > "$scratch/pulled.prisma"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
npx prisma migrate diff --from-schema-datamodel "$scratch/pulled.prisma" \
  --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
echo "wrote $dir/migration.sql — review it: a rebuilt AuditEvent or Lottery* table needs its triggers re-created (tests/db/triggers.test.ts)"
