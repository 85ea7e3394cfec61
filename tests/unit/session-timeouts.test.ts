import { describe, expect, it, vi } from "vitest";
import type { Request, Response } from "express";
import { ABSOLUTE_TIMEOUT_MS, absoluteTimeout, IDLE_TIMEOUT_MS } from "../../src/http/session.ts";

function fakeRequest(signedInAgoMs: number) {
  const destroy = vi.fn((done: () => void) => done());
  const req = { user: { id: "u1" }, session: { signedInAt: Date.now() - signedInAgoMs, destroy } } as unknown as Request;
  const redirect = vi.fn();
  const res = { redirect } as unknown as Response;
  return { req, res, destroy, redirect };
}

describe("session timeouts", () => {
  it("timeouts — as configured — 30 minutes idle, 12 hours absolute", () => {
    expect(IDLE_TIMEOUT_MS).toBe(30 * 60 * 1000);
    expect(ABSOLUTE_TIMEOUT_MS).toBe(12 * 60 * 60 * 1000);
  });

  it("absoluteTimeout — a session signed in 11 h ago — goes on", () => {
    const { req, res, destroy } = fakeRequest(11 * 3600 * 1000);
    const next = vi.fn();
    absoluteTimeout(req, res, next);
    expect(next).toHaveBeenCalledOnce();
    expect(destroy).not.toHaveBeenCalled();
  });

  it("absoluteTimeout — a session signed in 12 h 1 min ago — is destroyed and sent to /login", () => {
    const { req, res, destroy, redirect } = fakeRequest(ABSOLUTE_TIMEOUT_MS + 60_000);
    const next = vi.fn();
    absoluteTimeout(req, res, next);
    expect(destroy).toHaveBeenCalledOnce();
    expect(redirect).toHaveBeenCalledWith(303, "/login?expire=1");
    expect(next).not.toHaveBeenCalled();
  });
});
