import { describe, expect, it } from "vitest";
import { snapshotted } from "../../src/features/homes/snapshot.ts";

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 9, 0, seconds));

function counter() {
  let calls = 0;
  const snapshot = snapshotted((now) => {
    calls += 1;
    return Promise.resolve({ calls, now });
  });
  return { snapshot, calls: () => calls };
}

describe("programme-wide figures kept for a while", () => {
  it("snapshot — asked again within its age — counted once, with the time it was counted", async () => {
    const { snapshot, calls } = counter();

    await snapshot(60_000, at(0));
    const again = await snapshot(60_000, at(59));

    expect(calls()).toBe(1);
    expect(again.at).toEqual(at(0));
  });

  it("snapshot — asked once its age is reached — counted again", async () => {
    const { snapshot, calls } = counter();

    await snapshot(60_000, at(0));
    const later = await snapshot(60_000, at(60));

    expect(calls()).toBe(2);
    expect(later.at).toEqual(at(60));
  });

  it("snapshot — age 0 — counted at every request", async () => {
    const { snapshot, calls } = counter();

    await snapshot(0, at(0));
    await snapshot(0, at(0));

    expect(calls()).toBe(2);
  });

  it("snapshot — requests while a count runs — share it", async () => {
    const { snapshot, calls } = counter();

    const [first, second] = await Promise.all([snapshot(60_000, at(0)), snapshot(60_000, at(1))]);

    expect(calls()).toBe(1);
    expect(second.value).toBe(first.value);
  });

  it("snapshot — a count that failed — not kept: the next request counts again", async () => {
    let calls = 0;
    const snapshot = snapshotted(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error("database busy")) : Promise.resolve(calls);
    });

    await expect(snapshot(60_000, at(0))).rejects.toThrow("database busy");
    const retried = await snapshot(60_000, at(1));

    expect(retried.value).toBe(2);
  });
});
