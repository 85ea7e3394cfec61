// The sequence every form POST shares, written once: the record in scope (404) → the form parsed
// (422) → the service (its FormError → 422) → a flash message → 303 (or a page in its place).
// A handler states only its schema, its service call and where to go next.
import type { Request, RequestHandler, Response } from "express";
import type { z } from "zod";
import { actorOf } from "../auth/middleware.ts";
import type { Actor } from "../auth/policy.ts";
import { formRejection, parseForm, type FieldErrors, type FormValues } from "./forms.ts";
import { setFlash } from "./flash.ts";

/** What a rejected form needs to come back: what was typed and a message per field, and the
 * service's refusal when it carries more than a message (e.g. the possible duplicates to confirm). */
export type FormPage<X = never> = { values: FormValues; errors: FieldErrors; refused?: X };

type Success<S extends z.ZodType, R> =
  | {
      /** Where to go after success (303), and the message shown there (res: for another one-shot
       * message, src/http/flash.ts). */
      done: (result: R, data: z.infer<S>, req: Request, res: Response) => { to: string; flash?: string };
    }
  | {
      /** A page answered in place of the redirect (e.g. a letter that must never be stored). */
      respond: (req: Request, res: Response, result: R) => unknown;
    };

export type FormAction<S extends z.ZodType, R, X = never> = Success<S, R> & {
  schema: S;
  /** Loads the record the form is about within the caller's scope; throws NotFoundError (404)
   * before anything else is looked at, so a record outside the scope never answers 422. */
  inScope?: (actor: Actor, req: Request) => Promise<unknown>;
  /** Rewords the schema's messages where the form has no field to show them by (a one-button
   * form, two boxes sharing one message). */
  reword?: (errors: FieldErrors) => FieldErrors;
  /** The service call. A FormError it throws brings the form back with the message by its field. */
  act: (actor: Actor, data: z.infer<S>, req: Request) => Promise<R>;
  /** The page for a refusal of the service other than a FormError (one that carries more than a
   * message); undefined lets the error go on to the error handler. */
  refusal?: (error: unknown, req: Request) => FormPage<X> | undefined;
  /** Renders the same form again; the status (422) is already set. */
  rejected: (req: Request, res: Response, page: FormPage<X>) => unknown;
};

export function formAction<S extends z.ZodType, R, X = never>(action: FormAction<S, R, X>): RequestHandler {
  return async (req, res) => {
    const actor = actorOf(req);
    if (action.inScope) await action.inScope(actor, req);
    const form = parseForm(action.schema, req.body);
    if (!form.ok) {
      const errors = action.reword ? action.reword(form.errors) : form.errors;
      return action.rejected(req, res.status(422), { values: form.values, errors });
    }
    let result: R;
    try {
      result = await action.act(actor, form.data, req);
    } catch (error) {
      return action.rejected(req, res.status(422), action.refusal?.(error, req) ?? formRejection(error, req.body));
    }
    if ("respond" in action) return action.respond(req, res, result);
    const { to, flash } = action.done(result, form.data, req, res);
    if (flash) setFlash(res, flash);
    res.redirect(303, to);
  };
}
