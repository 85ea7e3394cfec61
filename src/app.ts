import path from "node:path";
import express from "express";
import { config as defaultConfig, type Config } from "./config.ts";
import { db } from "./db/client.ts";
import { configurePassport } from "./auth/passport.ts";
import { requireAuth } from "./auth/middleware.ts";
import { cspNonce, noStore, securityHeaders } from "./http/security.ts";
import { absoluteTimeout, sessions } from "./http/session.ts";
import { csrfProtection, csrfToken } from "./http/csrf.ts";
import { viewLocals } from "./http/locals.ts";
import { viewHelpers } from "./http/view-helpers.ts";
import { createLogger, requestLogger } from "./http/logger.ts";
import { errorHandler, notFound } from "./http/error-handler.ts";
import { healthRoutes } from "./features/health/routes.ts";
import { signInRoutes } from "./features/sign-in/routes.ts";
import { homeRoutes } from "./features/homes/routes.ts";
import { youthRoutes } from "./features/youths/routes.ts";
import { accountRoutes } from "./features/accounts/routes.ts";
import { notificationRoutes } from "./features/notifications/routes.ts";
import { enrolmentRoutes } from "./features/enrolments/routes.ts";
import { lessonRoutes } from "./features/lessons/routes.ts";
import { bookletRoutes } from "./features/booklet/routes.ts";
import { examRoutes } from "./features/exams/routes.ts";
import { difficultyRoutes } from "./features/difficulties/routes.ts";
import { applicationRoutes } from "./features/applications/routes.ts";
import { cohortRoutes } from "./features/cohorts/routes.ts";
import { lotteryPublicRoutes, lotteryRoutes } from "./features/lottery/routes.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

export function createApp(config: Config = defaultConfig()): express.Express {
  const app = express();
  const logger = createLogger(config.logLevel);
  app.set("views", path.join(ROOT, "views"));
  app.set("view engine", "ejs");
  // Compiled templates (includes too) are kept: `npm run dev` restarts the server when a view changes.
  app.set("view cache", true);
  app.set("query parser", "simple");
  app.disable("x-powered-by");
  Object.assign(app.locals, viewHelpers);

  // 1. Logging and security headers first, so that every response (errors too) gets them.
  app.use(requestLogger(logger));
  app.use(cspNonce);
  app.use(securityHeaders(config.cookieSecure));

  // 2. Static files and the health probe: no session, no database write.
  const longCache = { maxAge: config.env === "production" ? "7d" : 0 };
  app.use("/public", express.static(path.join(ROOT, "public"), longCache));
  app.use("/vendor/pico", express.static(path.join(ROOT, "node_modules/@picocss/pico/css"), longCache));
  app.use(healthRoutes());
  // Public proofs of the draws: anyone may fetch them, so no session is opened for them.
  app.use(lotteryPublicRoutes());

  // 3. Body, session, identity. The session is read before CSRF (the token lives in it).
  // A CSV import is pasted into a form field: it gets a larger body than any other form. The file
  // itself is limited to 1 MB (with a French message); form encoding can triple its size.
  app.use("/applications/import", express.urlencoded({ extended: false, limit: "3mb", parameterLimit: 50 }));
  app.use(express.urlencoded({ extended: false, limit: "200kb", parameterLimit: 200 }));
  app.use(sessions(db(), config.sessionSecret, config.cookieSecure));
  const auth = configurePassport();
  app.use(auth.initialize());
  app.use(auth.session());
  app.use(absoluteTimeout);

  // 4. CSRF on every state-changing request, then what every view reads.
  app.use(csrfProtection);
  app.use(csrfToken);
  app.use(viewLocals);
  app.use(noStore);

  // 5. Public pages. Everything mounted after requireAuth is private by default.
  app.use(signInRoutes(auth));
  app.use(requireAuth);
  app.use(homeRoutes());
  app.use(youthRoutes());
  app.use(accountRoutes());
  app.use(notificationRoutes());
  // (feature routers: one line each, below)
  app.use(applicationRoutes());
  app.use(cohortRoutes());
  app.use(lotteryRoutes());
  app.use(enrolmentRoutes());
  app.use(lessonRoutes());
  app.use(bookletRoutes());
  app.use(examRoutes());
  app.use(difficultyRoutes());

  // 6. Unknown routes, then the one error handler.
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
