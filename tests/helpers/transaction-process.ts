// Another server process for tests/db/transactions.test.ts: on the same database (DATABASE_URL), it
// waits for "go" on stdin, then runs its transactions (read, then write, as the services do) all
// at once and prints how many failed.
import { createInterface } from "node:readline";
import { db, disconnectDb } from "../../src/db/client.ts";

const [actorId = "", count = "0"] = process.argv.slice(2);
await db().auditEvent.count();
process.stdout.write("ready\n");
for await (const line of createInterface({ input: process.stdin })) if (line === "go") break;
const outcomes = await Promise.allSettled(
  Array.from({ length: Number(count) }, () =>
    db().$transaction(async (tx) => {
      const seen = await tx.auditEvent.count({ where: { actorId } });
      await new Promise((resolve) => setTimeout(resolve, 1));
      await tx.auditEvent.create({ data: { actorId, action: "TEST", entity: "Test", details: String(seen) } });
    }),
  ),
);
const failures = outcomes.filter((outcome) => outcome.status === "rejected").map((outcome) => String(outcome.reason).slice(0, 200));
process.stdout.write(`${JSON.stringify(failures)}\n`);
await disconnectDb();
