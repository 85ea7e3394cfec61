import { z } from "zod";
import { FormError } from "./errors.ts";

// zod's own messages (a field sent twice, a wrong type…) in French, for every schema.
z.config(z.locales.fr());

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

export type ParsedForm<T> = { ok: true; data: T } | { ok: false; values: FormValues; errors: FieldErrors };

// Never echoed back into a page, even on a rejected form.
const SECRET_FIELDS = new Set(["_csrf", "password", "passwordConfirmation"]);

/** What the person typed, as strings, to refill the form. */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (typeof body !== "object" || body === null) return values;
  for (const [name, value] of Object.entries(body)) {
    if (SECRET_FIELDS.has(name)) continue;
    if (typeof value === "string") values[name] = value;
    else if (Array.isArray(value)) values[name] = value.filter((v) => typeof v === "string").join(",");
  }
  return values;
}

/** The first message per field, keyed by the field's name ("_form" for the form as a whole). */
function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "_form";
    // .strict() schemas refuse unknown fields; zod's own message for that is in English.
    const message =
      issue.code === "unrecognized_keys" ? `Ce formulaire contient un champ inattendu : ${issue.keys.join(", ")}.` : issue.message;
    errors[field] ??= message;
  }
  return errors;
}

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): ParsedForm<z.infer<S>> {
  const { _csrf: _ignored, ...fields } = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const result = schema.safeParse(fields);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, values: formValues(body), errors: fieldErrors(result.error) };
}

/** The same form again after a service's FormError (what was typed, the message beside its
 * field); any other error goes on to the error handler. */
export function formRejection(error: unknown, body: unknown): { values: FormValues; errors: FieldErrors } {
  if (!(error instanceof FormError)) throw error;
  return { values: formValues(body), errors: { [error.field]: error.message } };
}
