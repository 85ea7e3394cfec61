// Another server process for tests/db/throttle.test.ts: on the same database (DATABASE_URL), it
// waits for "go" on stdin, then sends its attempts under one key all at once and prints the answers.
import { createInterface } from "node:readline";
import { disconnectDb } from "../../src/db/client.ts";
import { databaseThrottle } from "../../src/features/sign-in/service.ts";

const [key = "", count = "0"] = process.argv.slice(2);
const throttle = databaseThrottle("login");
// A first call opens the connection, so that the processes start counting together.
await throttle.forgive([key]);
process.stdout.write("ready\n");
for await (const line of createInterface({ input: process.stdin })) if (line === "go") break;
const answers = await Promise.all(Array.from({ length: Number(count) }, () => throttle.attempt([key])));
process.stdout.write(`${JSON.stringify(answers)}\n`);
await disconnectDb();
