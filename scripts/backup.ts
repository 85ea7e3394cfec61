// npm run backup [-- --out <folder or file>]: a consistent copy of the database while the app
// keeps serving (docs/operations.md, "Backup and restore"). SQLite: the online backup API, into a
// single self-contained file; PostgreSQL: pg_dump's custom format (restored with pg_restore).
// By default into backups/ (git-ignored), named after the time; prints the file and its size.
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { loadDotEnv } from "./env.ts";

const DEFAULT_FOLDER = "backups";
/** sqlite3_backup_step's largest count of pages (better-sqlite3 caps it there). */
const ALL_PAGES = 0x7fffffff;

/** The file to write: `--out` naming a file (.db, .dump), or a new timestamped file in a folder. */
function destinationOf(args: readonly string[], extension: string, now: Date): string {
  const at = args.indexOf("--out");
  const out = at === -1 ? DEFAULT_FOLDER : args[at + 1];
  if (!out || out.startsWith("--")) throw new Error("--out attend un dossier ou un fichier");
  if (/\.(db|dump)$/.test(out)) return path.resolve(out);
  mkdirSync(out, { recursive: true, mode: 0o700 });
  return path.resolve(out, `spid-${now.toISOString().replace(/[:.]/g, "-")}${extension}`);
}

async function backupSqlite(databaseUrl: string, file: string): Promise<void> {
  const source = new Database(path.resolve(databaseUrl.replace(/^file:/, "")), { fileMustExist: true });
  try {
    // All the pages in one step, one read transaction: in WAL mode the app's writers go on, and
    // the copy is the snapshot at its start. Small steps would start over after each app write
    // (another connection's), possibly never ending on a busy day.
    await source.backup(file, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  const copy = new Database(file);
  try {
    // One file without a write-ahead log beside it: what is copied is the whole backup.
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`la copie ne passe pas la vérification d'intégrité : ${String(check)}`);
  } finally {
    copy.close();
  }
}

/** pg_dump with the password in the environment rather than on its command line (visible in ps). */
async function backupPostgres(databaseUrl: string, file: string): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  const child = spawn("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, `--dbname=${url.href}`], {
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", resolve);
  });
  if (code !== 0) throw new Error(`pg_dump a échoué (code ${code})`);
}

loadDotEnv();
try {
  const databaseUrl = process.env.DATABASE_URL || "file:./data/spid.db";
  const postgres = /^postgres(ql)?:\/\//.test(databaseUrl);
  const file = destinationOf(process.argv.slice(2), postgres ? ".dump" : ".db", new Date());
  if (postgres) await backupPostgres(databaseUrl, file);
  else await backupSqlite(databaseUrl, file);
  // Personal data: readable by the owner only.
  chmodSync(file, 0o600);
  const bytes = statSync(file).size;
  const size = bytes < 1e6 ? `${Math.ceil(bytes / 1e3)} ko` : `${(bytes / 1e6).toFixed(1).replace(".", ",")} Mo`;
  console.log(`[spid] sauvegarde écrite : ${file} (${size})`);
} catch (error) {
  console.error(`[spid] sauvegarde impossible : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
