import { pino } from "pino";
import { pinoHttp } from "pino-http";
import type { RequestHandler } from "express";

export function createLogger(level: string) {
  return pino({ level, redact: ["req.headers.cookie", "req.body.password", "req.body.code"] });
}

export function requestLogger(logger: ReturnType<typeof createLogger>): RequestHandler {
  return pinoHttp({
    logger,
    // The URL is enough: no cookies, no bodies (personal data) in the logs.
    serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }) },
    autoLogging: { ignore: (req) => req.url === "/health" || (req.url ?? "").startsWith("/public/") || (req.url ?? "").startsWith("/vendor/") },
  });
}
