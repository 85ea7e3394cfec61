// npx tsx bench/render-cost.ts <database file> <account> <path> [renders]: the time one page's
// template takes to render, alone, in a loop. The page is requested once as <account>@autonomie.test
// (the app in this process, on loopback); its view and locals are kept, then rendered again and
// again. Steadier than a whole request for a change to a template, and it says how much of a page's
// cost is its rendering (compare with bench/page-cost.ts):
//   npx tsx bench/render-cost.ts .tmp/national.db referent.orleans /caseload
// The database must hold the demo accounts; the page's view writes its audit event into it.
// Compare two versions of a template back to back: this machine's speed drifts over minutes.
import { existsSync } from "node:fs";
import path from "node:path";
import { BENCH_SERVER_ENV } from "./server-env.ts";
import { signedInCookie } from "./sign-in.ts";

const ROUNDS = 3;
const WARM_UP = 200;

const [file, account, pagePath, count = "300"] = process.argv.slice(2);
if (!file || !existsSync(file) || !account || !pagePath?.startsWith("/")) {
  console.error("usage: npx tsx bench/render-cost.ts <database file> <account> <path> [renders]");
  process.exit(2);
}
Object.assign(process.env, { ...BENCH_SERVER_ENV, DATABASE_URL: `file:${path.resolve(file)}`, LOG_LEVEL: "silent" });
// After the environment: the configuration is read when these modules load.
const { config } = await import("../src/config.ts");
const { migrateDatabase } = await import("../src/db/prepare.ts");
const { disconnectDb, tuneSqlite } = await import("../src/db/client.ts");
const { createApp } = await import("../src/app.ts");

const settings = config();
migrateDatabase(settings.databaseUrl, settings.databasePath);
await tuneSqlite();
const app = createApp(settings);

type Rendered = { view: string; options: object };
let rendered: Rendered | undefined;
const render = app.render.bind(app);
// res.render ends in app.render with the response's locals attached: the first page rendered after
// the sign-in is the one asked for.
let capturing = false;
app.render = ((view: string, options: object, callback: (error: Error | null, html?: string) => void) => {
  if (capturing) rendered ??= { view, options };
  return render(view, options, callback);
}) as typeof app.render;

const server = app.listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

const cookie = await signedInCookie(base, account);
capturing = true;
const page = await fetch(base + pagePath, { headers: { cookie } });
await page.arrayBuffer();
if (page.status !== 200 || !rendered) throw new Error(`${pagePath} answered ${page.status}`);
const { view, options } = rendered;

const once = () =>
  new Promise<number>((resolve, reject) => render(view, options, (error, html) => (error ? reject(error) : resolve(html?.length ?? 0))));
for (let i = 0; i < WARM_UP; i++) await once();
const renders = Math.max(1, Number(count));
let characters = 0;
console.log(`${account} GET ${pagePath}: view ${view}, ${renders} renders a round`);
for (let round = 1; round <= ROUNDS; round++) {
  const started = performance.now();
  for (let i = 0; i < renders; i++) characters = await once();
  console.log(`round ${round}: ${((performance.now() - started) / renders).toFixed(3)} ms a render, ${characters} characters`);
}
server.close();
await disconnectDb();
