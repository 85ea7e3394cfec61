import { describe, expect, it } from "vitest";
import { messageCodec, type OneShotMessage } from "../../src/http/flash.ts";

const SECRET = "flash-test-secret-flash-test-secret-flash";
const NOW = Date.UTC(2026, 0, 15, 10, 0);

const message: OneShotMessage = {
  userId: "u1",
  expiresAt: NOW + 120_000,
  flash: "Présent·e — Léa Martin, leçon du 15/01/2026 à 11:00.",
  attendanceChange: { lessonId: "l1", message: "Présent·e — Léa Martin.", undo: { attendance: "LATE", lateMin: 12, reason: null } },
};

describe("one-shot message cookie", () => {
  it("seal then open — the same message; the text is not readable in the cookie", () => {
    const codec = messageCodec(SECRET);
    const token = codec.seal(message);

    expect(codec.open(token, NOW)).toEqual(message);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token, "base64url").toString("latin1")).not.toContain("Martin");
  });

  it("a signed-out message (userId null, flash alone) — opens as sealed", () => {
    const codec = messageCodec(SECRET);
    const signedOut: OneShotMessage = { userId: null, expiresAt: NOW + 1, flash: "Votre compte est activé." };

    expect(codec.open(codec.seal(signedOut), NOW)).toEqual(signedOut);
  });

  it("one byte changed anywhere — ignored", () => {
    const codec = messageCodec(SECRET);
    const sealed = Buffer.from(codec.seal(message), "base64url");

    for (const at of [0, 12, 28, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[at] = (tampered[at] ?? 0) ^ 1;
      expect(codec.open(tampered.toString("base64url"), NOW)).toBeNull();
    }
  });

  it("sealed under another secret, truncated or not base64url at all — ignored, no exception", () => {
    const token = messageCodec(SECRET).seal(message);
    const codec = messageCodec(SECRET);

    expect(messageCodec(`${SECRET}-other`).open(token, NOW)).toBeNull();
    expect(codec.open(token.slice(0, 30), NOW)).toBeNull();
    expect(codec.open("", NOW)).toBeNull();
    expect(codec.open("%%% not a cookie %%%", NOW)).toBeNull();
  });

  it("authentic but not a message (JSON of another shape) — ignored", () => {
    const codec = messageCodec(SECRET);
    const token = codec.seal({ ...message, userId: 42 } as unknown as OneShotMessage);

    expect(codec.open(token, NOW)).toBeNull();
  });

  it("past its expiry — ignored", () => {
    const codec = messageCodec(SECRET);
    const token = codec.seal(message);

    expect(codec.open(token, message.expiresAt - 1)).not.toBeNull();
    expect(codec.open(token, message.expiresAt)).toBeNull();
  });
});
