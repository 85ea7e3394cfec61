// npm run backup while the app is up, then the restore of docs/operations.md (the copy in place
// of the database, no write-ahead log beside it): a server started on the restored file serves
// the data written before the backup.
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { tuneSqlite } from "../../src/db/client.ts";
import { signedIn } from "../helpers/app.ts";
import { PASSWORD, testDb } from "../helpers/factories.ts";
import { HttpClient, startServerProcess, type ServerProcess } from "../helpers/server-process.ts";
import { attendanceFixture } from "./attendance-fixture.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

let server: ServerProcess | undefined;
afterAll(() => {
  if (server?.child.exitCode === null) server.child.kill("SIGKILL");
});

describe.skipIf(!process.env.DATABASE_URL?.startsWith("file:"))("backup and restore (SQLite)", () => {
  it("npm run backup — app up, a write in the log — restored copy serves it after sign-in", async () => {
    const {
      accounts: [account],
    } = await attendanceFixture(1, 2);
    const update = account!.updates[0]!;
    // The app as it runs: WAL, the last writes still in the log when the backup starts.
    await tuneSqlite(testDb);
    const { agent, csrf } = await signedIn(account!.email, PASSWORD);
    const write = await agent
      .post(`/lessons/${update.lessonId}/attendance`)
      .type("form")
      .send({ ...update.form, _csrf: csrf });
    expect(write.status).toBe(303);

    const folder = mkdtempSync(path.join(path.dirname(process.env.DATABASE_URL!.replace(/^file:/, "")), "backups-"));
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/backup.ts", "--out", folder], {
      cwd: ROOT,
      env: process.env,
    });
    const file = /sauvegarde écrite : (\S+) \(/.exec(stdout)?.[1] ?? "";
    expect(path.dirname(file)).toBe(folder);
    expect(path.basename(file)).toMatch(/^spid-\d{4}-\d\d-\d\dT[\d-]+Z\.db$/);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const restored = path.join(folder, "restored.db");
    copyFileSync(file, restored);
    const sqlite = new Database(restored, { readonly: true });
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    sqlite.close();

    server = await startServerProcess({ DATABASE_URL: `file:${restored}` });
    const client = await new HttpClient(server.base).signIn(account!.email, PASSWORD);
    const page = await client.send(`/lessons/${update.lessonId}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Présent·e");
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 120_000);
});
