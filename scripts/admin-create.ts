// npm run admin:create -- <email>: creates a coordinator account and prints its access-code letter.
import { ConfigError } from "../src/config.ts";
import { disconnectDb } from "../src/db/client.ts";
import { loadDotEnv } from "./env.ts";
import { adminCreate } from "./first-admin.ts";

loadDotEnv();
try {
  process.exitCode = await adminCreate(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`[spid] ${error.message}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
