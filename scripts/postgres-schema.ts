// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma (npm run db:new-migration), the
// one source of the data model. Only the datasource and the generated client's folder differ; the
// models are copied as they are. With --check, writes nothing and fails when the file is stale.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const source = path.join(root, "prisma", "schema.prisma");
const target = path.join(root, "prisma", "postgresql", "schema.prisma");

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/postgres-schema.ts (npm run db:new-migration): edit that file, not this one.
// The PostgreSQL twin of the data model (DATABASE_URL=postgres://…), with its own migrations
// folder (prisma/postgresql/migrations) and generated client (src/generated/prisma-postgresql).

`;

const DATASOURCE = `// The literal url is ignored (the pg adapter of prisma.config.ts and src/db/client.ts is used),
// as for SQLite: an env("…") url would make the CLI want the variable on every command.
datasource db {
  provider = "postgresql"
  url      = "postgresql://localhost/spid"
}`;

function postgresSchema(sqlite: string): string {
  const datasource = /(?:\/\/[^\n]*\n)*datasource db \{[^}]*\}/;
  const output = /output\s*=\s*"\.\.\/src\/generated\/prisma"/;
  if (!datasource.test(sqlite) || !output.test(sqlite)) {
    throw new Error("prisma/schema.prisma: datasource or generator output not found (see scripts/postgres-schema.ts)");
  }
  return HEADER + sqlite.replace(datasource, DATASOURCE).replace(output, 'output       = "../../src/generated/prisma-postgresql"');
}

const expected = postgresSchema(readFileSync(source, "utf8"));
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // missing: stale
  }
  if (current !== expected) {
    console.error(
      "prisma/postgresql/schema.prisma is stale: run npm run db:new-migration -- <name> (or -- --postgres-only <name> when the SQLite migration exists)",
    );
    process.exit(1);
  }
} else {
  writeFileSync(target, expected);
}
