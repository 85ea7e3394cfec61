// Typed errors, turned into French pages by one error middleware (app.ts, last).
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message = "Page introuvable") {
    super(404, message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = "Accès refusé") {
    super(403, message);
  }
}

/** A check that needs the database failed on one field: the same form comes back (422). */
export class FormError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function statusOf(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  if (typeof error === "object" && error !== null) {
    const candidate = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
    if (typeof candidate === "number" && candidate >= 400 && candidate < 600) return candidate;
  }
  return 500;
}
