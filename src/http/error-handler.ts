import type { ErrorRequestHandler, RequestHandler } from "express";
import { NotFoundError, statusOf } from "./errors.ts";

const PAGES: Record<number, { view: string; title: string }> = {
  400: { view: "errors/400", title: "Demande incorrecte" },
  401: { view: "errors/401", title: "Connexion requise" },
  403: { view: "errors/403", title: "Accès refusé" },
  404: { view: "errors/404", title: "Page introuvable" },
  413: { view: "errors/400", title: "Envoi trop volumineux" },
  429: { view: "errors/429", title: "Trop de demandes" },
  500: { view: "errors/500", title: "Erreur du serveur" },
};

export const notFound: RequestHandler = (_req, _res, next) => next(new NotFoundError());

/** The one error middleware: a French page for the status, never a stack trace. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const status = statusOf(error);
  if (status >= 500) req.log?.error({ err: error, req: { id: req.id } }, "request failed");
  const page = PAGES[status] ?? (status < 500 ? PAGES[400]! : PAGES[500]!);
  if (res.headersSent) return;
  res.status(status);
  if (req.accepts(["html", "json"]) === "json") return res.json({ error: page.title });
  res.render(page.view, { title: page.title });
};
