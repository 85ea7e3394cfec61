import type { Request, Response } from "express";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { FormError, NotFoundError } from "../../src/http/errors.ts";
import { FLASH_COOKIE, messageCodec, oneShotMessages } from "../../src/http/flash.ts";
import { formAction, type FormPage } from "../../src/http/form-action.ts";

const SECRET = "form-action-test-secret-form-action-test-secret";

const ACTOR = { id: "u1", role: "ADMIN", missionLocaleId: null, drivingSchoolId: null, youthId: null, displayName: "Coordination" };
const schema = z.object({ name: z.string().min(2, "Le nom est trop court.") }).strict();

class Duplicate extends Error {
  constructor(readonly ref: string) {
    super("duplicate");
  }
}

/** A request and a response just rich enough for formAction: what it sets is read back (the
 * one-shot message is the cookie's content, opened). */
function exchange(body: Record<string, string>) {
  const sent: { status?: number; to?: string } = {};
  const cookies = new Map<string, string>();
  const req = { user: ACTOR, body, params: {}, headers: {} } as unknown as Request;
  const res = {
    req,
    locals: {},
    status(code: number) {
      sent.status = code;
      return this;
    },
    redirect(code: number, to: string) {
      sent.status = code;
      sent.to = to;
    },
    getHeader: () => undefined,
    cookie(name: string, value: string) {
      cookies.set(name, value);
    },
  } as unknown as Response;
  oneShotMessages(SECRET, false)(req, res, vi.fn());
  const message = () => {
    const token = cookies.get(FLASH_COOKIE);
    return token === undefined ? undefined : messageCodec(SECRET).open(token, Date.now());
  };
  return { req, res, message, sent };
}

async function run(handler: ReturnType<typeof formAction>, req: Request, res: Response) {
  await handler(req, res, vi.fn());
}

describe("formAction", () => {
  it("formAction — a valid form — calls the service, flashes and answers 303 where done says", async () => {
    const act = vi.fn(() => Promise.resolve("id-1"));
    const handler = formAction({ schema, act, rejected: vi.fn(), done: (id) => ({ to: `/things/${id}`, flash: "Enregistré." }) });
    const { req, res, message, sent } = exchange({ name: "Léa", _csrf: "t" });

    await run(handler, req, res);

    expect(act).toHaveBeenCalledWith(ACTOR, { name: "Léa" }, req);
    expect(sent).toEqual({ status: 303, to: "/things/id-1" });
    expect(message()).toMatchObject({ userId: ACTOR.id, flash: "Enregistré." });
  });

  it("formAction — a record out of scope and a bad form — 404 before the form is looked at", async () => {
    const rejected = vi.fn();
    const handler = formAction({
      schema,
      inScope: () => Promise.reject(new NotFoundError()),
      act: vi.fn(),
      rejected,
      done: () => ({ to: "/" }),
    });
    const { req, res } = exchange({ name: "" });

    await expect(run(handler, req, res)).rejects.toBeInstanceOf(NotFoundError);
    expect(rejected).not.toHaveBeenCalled();
  });

  it("formAction — a bad form — 422 with the typed values and the schema's message, the service not called", async () => {
    const act = vi.fn();
    const rejected = vi.fn();
    const handler = formAction({ schema, act, rejected, done: () => ({ to: "/" }) });
    const { req, res, sent } = exchange({ name: "L" });

    await run(handler, req, res);

    expect(sent.status).toBe(422);
    expect(act).not.toHaveBeenCalled();
    expect(rejected).toHaveBeenCalledWith(req, res, { values: { name: "L" }, errors: { name: "Le nom est trop court." } });
  });

  it("formAction — reword on a bad form — the reworded messages", async () => {
    const rejected = vi.fn();
    const handler = formAction({
      schema,
      reword: () => ({ _form: "Demande incorrecte." }),
      act: vi.fn(),
      rejected,
      done: () => ({ to: "/" }),
    });
    const { req, res } = exchange({ name: "Léa", extra: "x" });

    await run(handler, req, res);

    expect(rejected).toHaveBeenCalledWith(req, res, { values: { name: "Léa", extra: "x" }, errors: { _form: "Demande incorrecte." } });
  });

  it("formAction — the service throws a FormError — 422 with its message by its field", async () => {
    const rejected = vi.fn();
    const handler = formAction({
      schema,
      act: () => Promise.reject(new FormError("name", "Ce nom est déjà pris.")),
      rejected,
      done: () => ({ to: "/" }),
    });
    const { req, res, sent, message } = exchange({ name: "Léa" });

    await run(handler, req, res);

    expect(sent).toEqual({ status: 422 });
    expect(message()).toBeUndefined();
    expect(rejected).toHaveBeenCalledWith(req, res, { values: { name: "Léa" }, errors: { name: "Ce nom est déjà pris." } });
  });

  it("formAction — a refusal the action knows — 422 with the page it makes, the refusal in it", async () => {
    const rejected = vi.fn<(req: Request, res: Response, page: FormPage<Duplicate>) => void>();
    const refused = new Duplicate("AUT-1");
    const handler = formAction({
      schema,
      act: () => Promise.reject(refused),
      refusal: (error) => (error instanceof Duplicate ? { values: {}, errors: { confirm: "Vérifiez." }, refused: error } : undefined),
      rejected,
      done: () => ({ to: "/" }),
    });
    const { req, res, sent } = exchange({ name: "Léa" });

    await run(handler, req, res);

    expect(sent.status).toBe(422);
    expect(rejected).toHaveBeenCalledWith(req, res, { values: {}, errors: { confirm: "Vérifiez." }, refused });
  });

  it("formAction — an error neither a FormError nor a known refusal — goes on to the error handler", async () => {
    const rejected = vi.fn();
    const handler = formAction({
      schema,
      act: () => Promise.reject(new Error("boom")),
      refusal: () => undefined,
      rejected,
      done: () => ({ to: "/" }),
    });
    const { req, res } = exchange({ name: "Léa" });

    await expect(run(handler, req, res)).rejects.toThrow("boom");
    expect(rejected).not.toHaveBeenCalled();
  });
});
