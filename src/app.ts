import path from "node:path";
import zlib from "node:zlib";
import express from "express";
import compression from "compression";
import { config as defaultConfig, type Config } from "./config.ts";
import { configurePassport } from "./auth/passport.ts";
import { requireAuth } from "./auth/middleware.ts";
import { cspNonce, noStore, securityHeaders } from "./http/security.ts";
import { absoluteTimeout, sessions } from "./http/session.ts";
import { csrfProtection, csrfToken } from "./http/csrf.ts";
import { viewLocals } from "./http/locals.ts";
import { oneShotMessages } from "./http/flash.ts";
import { viewHelpers } from "./http/view-helpers.ts";
import { assetUrl, cacheVersionedAssets, hashAssets } from "./http/assets.ts";
import { escapeHtml } from "./http/html-escape.ts";
import { viewEngine } from "./http/view-engine.ts";
import { createLogger, requestLogger, type LogOutput } from "./http/logger.ts";
import { errorHandler, notFound } from "./http/error-handler.ts";
import { mountRoutes, ROUTES_SETTING, type Route } from "./http/routes.ts";
import { HEALTH_ROUTES } from "./features/health/routes.ts";
import { signInRoutes } from "./features/sign-in/routes.ts";
import { HOME_ROUTES } from "./features/homes/routes.ts";
import { suggestionForm } from "./features/recommendations/suggestion-form.ts";
import { YOUTH_ROUTES } from "./features/youths/routes.ts";
import { ACCOUNT_ROUTES } from "./features/accounts/routes.ts";
import { NOTIFICATION_ROUTES, unreadOnPages } from "./features/notifications/routes.ts";
import { ENROLMENT_ROUTES } from "./features/enrolments/routes.ts";
import { LESSON_ROUTES } from "./features/lessons/routes.ts";
import { BOOKLET_ROUTES } from "./features/booklet/routes.ts";
import { EXAM_ROUTES } from "./features/exams/routes.ts";
import { DIFFICULTY_ROUTES } from "./features/difficulties/routes.ts";
import { APPLICATION_ROUTES } from "./features/applications/routes.ts";
import { COHORT_ROUTES } from "./features/cohorts/routes.ts";
import { LOTTERY_PUBLIC_ROUTES, LOTTERY_ROUTES } from "./features/lottery/routes.ts";
import { TERRITORY_ROUTES } from "./features/territories/routes.ts";
import { CASELOAD_ROUTES } from "./features/caseload/routes.ts";
import { RECOMMENDATION_ROUTES } from "./features/recommendations/routes.ts";
import { PAYMENT_ROUTES } from "./features/payments/routes.ts";
import { AUDIT_ROUTES } from "./features/audit/routes.ts";
import { STATEMENT_ROUTES } from "./features/statements/routes.ts";
import { RESOURCE_ROUTES } from "./features/resources/routes.ts";
import { uploadParser } from "./features/resources/files.ts";
import { DATA_EXPORT_ROUTES } from "./features/data-export/routes.ts";
import { EVALUATION_ROUTES } from "./features/evaluation/routes.ts";
import { OPERATION_ROUTES } from "./features/operations/routes.ts";
import { SURVEY_ROUTES } from "./features/surveys/routes.ts";
import { DASHBOARD_ROUTES } from "./features/dashboards/routes.ts";
import { secondFactorRoutes } from "./features/second-factor/routes.ts";
import { secondFactorSignInRoutes } from "./features/sign-in/second-factor.ts";
import { PASSWORD_ROUTES } from "./features/password/routes.ts";
import { secondFactorGate } from "./auth/second-factor-gate.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const PUBLIC_DIR = path.join(ROOT, "public");
const PICO_DIR = path.join(ROOT, "node_modules/@picocss/pico/css");
const CHART_DIR = path.join(ROOT, "node_modules/chart.js/dist");

// Browsers ask for /favicon.ico on their own (bookmarks, pages without a <link rel="icon">).
const FAVICON: Route = {
  method: "get",
  path: "/favicon.ico",
  permission: "public",
  handler: (_req, res) => res.redirect(301, "/public/favicon.svg"),
};

// Answered before sessions are read: probes, the icon and the draws' public proofs open no session.
const SESSIONLESS_ROUTES: readonly Route[] = [...HEALTH_ROUTES, FAVICON, ...LOTTERY_PUBLIC_ROUTES];

// Private by default: every row needs its permission, checked by mountRoutes.
const PRIVATE_ROUTES: readonly Route[] = [
  ...HOME_ROUTES,
  ...CASELOAD_ROUTES,
  ...YOUTH_ROUTES,
  ...ACCOUNT_ROUTES,
  ...NOTIFICATION_ROUTES,
  ...APPLICATION_ROUTES,
  ...COHORT_ROUTES,
  ...LOTTERY_ROUTES,
  ...ENROLMENT_ROUTES,
  ...LESSON_ROUTES,
  ...BOOKLET_ROUTES,
  ...EXAM_ROUTES,
  ...DIFFICULTY_ROUTES,
  ...RECOMMENDATION_ROUTES,
  ...PAYMENT_ROUTES,
  ...TERRITORY_ROUTES,
  ...AUDIT_ROUTES,
  ...STATEMENT_ROUTES,
  ...RESOURCE_ROUTES,
  ...DATA_EXPORT_ROUTES,
  ...EVALUATION_ROUTES,
  ...OPERATION_ROUTES,
  ...SURVEY_ROUTES,
  ...DASHBOARD_ROUTES,
  ...PASSWORD_ROUTES,
];

type AppOptions = {
  /** Where request logs go; process.stdout by default (tests capture them). */
  logOutput?: LogOutput;
};

export function createApp(config: Config = defaultConfig(), options: AppOptions = {}): express.Express {
  const app = express();
  const logger = createLogger(config.logLevel, config.env === "development" ? "short" : "json", options.logOutput);
  const views = path.join(ROOT, "views");
  app.set("views", views);
  app.set("view engine", "ejs");
  // In production, no line bookkeeping compiled into every template line (an error in a view
  // still shows its stack; its template line shows in development and tests).
  // escapeHtml: pages made of Latin-1 characters only, cheaper to send (see html-escape.ts).
  app.engine("ejs", viewEngine({ root: views, compileDebug: config.env !== "production", escape: escapeHtml }));
  // Express keeps each page's resolved view file (the engine keeps the compiled templates).
  app.set("view cache", true);
  app.set("query parser", "simple");
  // No ETag on rendered responses (a hash of the whole page on every request): signed-in pages are
  // no-store, so a browser never revalidates them. Static files keep theirs (express.static).
  app.set("etag", false);
  app.disable("x-powered-by");
  // Behind HTTPS termination, req.secure (secure cookies) and req.ip (per-IP limits) come from the
  // X-Forwarded-* headers of that many proxies; without proxies those headers are ignored.
  if (config.trustProxy > 0) app.set("trust proxy", config.trustProxy);
  Object.assign(app.locals, viewHelpers);
  const assetVersions = hashAssets([
    { url: "/public", dir: PUBLIC_DIR },
    { url: "/vendor/pico", dir: PICO_DIR, files: ["pico.min.css"] },
    { url: "/vendor/chart", dir: CHART_DIR, files: ["chart.umd.min.js"] },
  ]);
  app.locals.asset = assetUrl(assetVersions);
  app.locals.suggestionForm = suggestionForm;

  // 1. Logging and security headers first, so that every response (errors too) gets them.
  app.use(requestLogger(logger));
  app.use(cspNonce);
  app.use(securityHeaders(config.cookieSecure));
  // Compression wraps every later response: pages, stylesheets, scripts, JSON above 1 kB. At the
  // fastest settings: a 110 kB list costs 0.2 ms instead of 0.7 (brotli 4) for 15 % more bytes.
  app.use(compression({ threshold: 1024, level: 1, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } } }));

  // 2. Static files and the health probe: no session, no database write. Views link assets with
  // asset(url), whose content hash makes them cacheable for a year.
  const longCache = { maxAge: config.env === "production" ? "7d" : 0 };
  app.use(cacheVersionedAssets(assetVersions));
  app.use("/public", express.static(PUBLIC_DIR, longCache));
  app.use("/vendor/pico", express.static(PICO_DIR, longCache));
  app.use("/vendor/chart", express.static(CHART_DIR, longCache));
  app.use(mountRoutes(SESSIONLESS_ROUTES));

  // 3. Body, session, identity. The session is read before CSRF (the token lives in it).
  // A CSV import is pasted into a form field: it gets a larger body than any other form. The file
  // itself is limited to 1 MB (with a French message); form encoding can triple its size.
  app.use("/applications/import", express.urlencoded({ extended: false, limit: "3mb", parameterLimit: 50 }));
  app.use(express.urlencoded({ extended: false, limit: "200kb", parameterLimit: 200 }));
  app.use(sessions(config.sessionSecret, config.cookieSecure));
  const auth = configurePassport();
  app.use(auth.initialize());
  app.use(auth.session());
  app.use(absoluteTimeout);
  // A resource's form sends its file as multipart: read (a coordinator's only) before the CSRF
  // check, which then finds the form's _csrf field like in any other form.
  app.use("/resources", uploadParser);

  // 4. CSRF on every state-changing request, then what every view reads.
  app.use(csrfProtection);
  app.use(csrfToken);
  app.use(viewLocals);
  app.use(oneShotMessages(config.sessionSecret, config.cookieSecure));
  app.use(unreadOnPages);
  app.use(noStore);

  // 5. Public pages. Everything mounted after requireAuth is private by default.
  // A session waiting for its second factor, or an account that must enrol first, goes no further.
  app.use(secondFactorGate(config.requireTotp));
  const publicRoutes = [...signInRoutes(auth, config), ...secondFactorSignInRoutes(config)];
  app.use(mountRoutes(publicRoutes));
  app.use(requireAuth);
  const privateRoutes = [...PRIVATE_ROUTES, ...secondFactorRoutes(config)];
  app.use(mountRoutes(privateRoutes));
  app.set(ROUTES_SETTING, [...SESSIONLESS_ROUTES, ...publicRoutes, ...privateRoutes]);

  // 6. Unknown routes, then the one error handler.
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
