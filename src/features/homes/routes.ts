import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { homeOf } from "../../auth/policy.ts";
import { homePathOf } from "./paths.ts";
import { schoolHomeQuerySchema } from "./schemas.ts";
import * as homes from "./service.ts";
import type { Route } from "../../http/routes.ts";
import { config } from "../../config.ts";

const statisticsMaxAge = () => config().statisticsCacheSeconds * 1000;

/** One home per role; the figures come from the database, scoped by the policy. */
async function home(req: Request, res: Response) {
  const actor = actorOf(req);
  switch (homeOf(actor)) {
    case "ADMIN":
      return res.render("homes/admin", { title: "Tableau de bord", ...(await homes.adminHome(statisticsMaxAge())) });
    case "REFERENT":
      return res.render("homes/referent", { title: "Mon tableau de bord", ...(await homes.referentHome(actor)) });
    case "SCHOOL": {
      const query = schoolHomeQuerySchema.parse(req.query);
      return res.render("homes/school", {
        title: "Mon auto-école",
        returnTo: req.originalUrl,
        ...(await homes.schoolHome(actor, {
          all: query.all === "1",
          learners: query.learners ?? "watched",
          justChangedLessonId: res.locals.attendanceChange?.lessonId,
        })),
      });
    }
    case "EVALUATOR":
      return res.render("homes/evaluator", { title: "Évaluation", ...(await homes.evaluatorHome(statisticsMaxAge())) });
    case "YOUTH":
      return res.redirect(302, homePathOf(actor));
  }
}

export const HOME_ROUTES: readonly Route[] = [
  { method: "get", path: "/", permission: "home:view", handler: home, audit: { kind: "list", entity: "Youth" } },
];
