// The sign-in and activation throttle's counters, in the database so that every server process
// shares them. The clock is injected; the processes are real ones (helpers/throttle-process.ts).
import { beforeEach, describe, expect, it } from "vitest";
import { databaseThrottle } from "../../src/features/sign-in/service.ts";
import { testDb } from "../helpers/factories.ts";
import { otherProcess } from "../helpers/spawned.ts";

const MINUTE = 60_000;

function attemptsOf(key: string) {
  return testDb.throttleWindow.findUnique({ where: { key } }).then((window) => window?.attempts ?? 0);
}

/** Starts a server process sending `count` attempts under `key` once told to go. */
const attemptsProcess = (key: string, count: number) => otherProcess<boolean[]>("throttle-process.ts", [key, String(count)]);

beforeEach(async () => {
  await testDb.throttleWindow.deleteMany();
});

describe("database throttle", () => {
  it("10 attempts under a key — the 11th is refused, with any other key beside it; other keys are not", async () => {
    const throttle = databaseThrottle("login", 10, MINUTE, () => 0);
    for (let i = 0; i < 10; i += 1) expect(await throttle.attempt(["ip:a", "account:1"])).toBe(true);
    expect(await throttle.attempt(["ip:b", "account:1"])).toBe(false);
    expect(await throttle.attempt(["ip:b", "account:2"])).toBe(true);
  });

  it("20 attempts under one key sent together — exactly 20 counted, only 10 go through", async () => {
    const throttle = databaseThrottle("login", 10, MINUTE);
    const answers = await Promise.all(Array.from({ length: 20 }, () => throttle.attempt(["account:1"])));
    expect(answers.filter(Boolean)).toHaveLength(10);
    expect(await attemptsOf("login|account:1")).toBe(20);
  });

  it("3 server processes sending 10 attempts each under one key at once — exactly 30 counted, only 10 go through", async () => {
    const processes = Array.from({ length: 3 }, () => attemptsProcess("account:shared", 10));
    await Promise.all(processes.map((other) => other.ready));
    const answers = (await Promise.all(processes.map((other) => other.go()))).flat();
    expect(answers).toHaveLength(30);
    expect(answers.filter(Boolean)).toHaveLength(10);
    expect(await attemptsOf("login|account:shared")).toBe(30);
  }, 60_000);

  it("forgiven attempts (successes) — are not counted, and never below 0", async () => {
    const throttle = databaseThrottle("login", 2, MINUTE, () => 0);
    await throttle.forgive(["account:1"]);
    for (let i = 0; i < 5; i += 1) {
      await throttle.attempt(["account:1"]);
      await throttle.forgive(["account:1"]);
    }
    await throttle.forgive(["account:1"]);
    expect(await attemptsOf("login|account:1")).toBe(0);
    expect(await throttle.attempt(["account:1"])).toBe(true);
    expect(await throttle.attempt(["account:1"])).toBe(true);
    expect(await throttle.attempt(["account:1"])).toBe(false);
  });

  it("the window passes — counted afresh, and ended windows are dropped, whatever their key", async () => {
    let now = 0;
    const throttle = databaseThrottle("login", 2, MINUTE, () => now);
    await throttle.attempt(["ip:a"]);
    await throttle.attempt(["ip:a"]);
    await throttle.attempt(["ip:gone"]);
    now = MINUTE - 1;
    expect(await throttle.attempt(["ip:a"])).toBe(false);
    now = MINUTE;
    expect(await throttle.attempt(["ip:a"])).toBe(true);
    expect(await testDb.throttleWindow.findMany({ select: { key: true, attempts: true } })).toEqual([{ key: "login|ip:a", attempts: 1 }]);
  });

  it("a forgiven attempt after its window ended — nothing is taken from the next window", async () => {
    let now = 0;
    const throttle = databaseThrottle("login", 1, MINUTE, () => now);
    await throttle.attempt(["ip:a"]);
    now = MINUTE;
    await throttle.forgive(["ip:a"]);
    expect(await attemptsOf("login|ip:a")).toBe(1);
    expect(await throttle.attempt(["ip:a"])).toBe(true);
  });

  it("sign-in and activation on the same keys — counted apart", async () => {
    const signIn = databaseThrottle("login", 2, MINUTE, () => 0);
    const activation = databaseThrottle("activate", 2, MINUTE, () => 0);
    for (let i = 0; i < 3; i += 1) await signIn.attempt(["ip:a"]);
    expect(await signIn.attempt(["ip:a"])).toBe(false);
    expect(await activation.attempt(["ip:a"])).toBe(true);
    await activation.forgive(["ip:a"]);
    expect(await attemptsOf("login|ip:a")).toBe(4);
    expect(await attemptsOf("activate|ip:a")).toBe(0);
  });
});
