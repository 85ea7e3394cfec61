#!/usr/bin/env bash
# npm run test:postgres [-- vitest arguments]: the HTTP and database tests on PostgreSQL. The
# server is SPID_TEST_POSTGRES_URL (a maintenance database, e.g. postgresql://postgres@127.0.0.1:55432/postgres,
# where the tests may create and drop databases), or else a throwaway one started here.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SPID_TEST_POSTGRES_URL:-}" ]; then
  dir=$(mktemp -d /tmp/spid-test-postgres.XXXXXX)
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  trap 'bash scripts/postgres-local.sh stop "$dir"; rm -rf "$dir"' EXIT
  SPID_TEST_POSTGRES_URL=$(bash scripts/postgres-local.sh start "$dir" "$port")
  export SPID_TEST_POSTGRES_URL
fi
if [ $# -eq 0 ]; then set -- tests/http tests/db; fi
npx vitest run "$@"
