// Fixtures of the authorization matrix for the follow-up surveys: the counsellor (or the
// coordinator) enters those of the youth files they reach; a young person answers their own.
import type { Fixture, World } from "./foundation.ts";
import { testDb } from "../../helpers/factories.ts";
import { dayFromToday } from "../../helpers/recommendation-factories.ts";

/** The youth's 12-month survey, due and pending (again, when a role before answered it). */
const surveyOf = async (w: World, youthId: string) => {
  const key = { youthId, cohortId: w.cohort.id, monthsAfter: 12 };
  const dueOn = new Date(`${dayFromToday(-3)}T00:00:00.000Z`);
  const survey = await testDb.followUpSurvey.upsert({
    where: { youthId_cohortId_monthsAfter: key },
    create: { ...key, dueOn },
    update: { status: "PENDING", answeredAt: null },
  });
  return survey.id;
};

const surveyTarget = { inScope: (w: World) => surveyOf(w, w.home.youth.id), outOfScope: (w: World) => surveyOf(w, w.away.youth.id) };
const answers = { employmentStatus: "CDI", hasLicence: "no", carAccess: "yes" };

export const SURVEY_FIXTURES: Fixture[] = [
  { method: "GET", path: "/surveys" },
  { method: "GET", path: "/surveys/:id", target: surveyTarget },
  { method: "POST", path: "/surveys/:id", target: surveyTarget, body: answers },
  { method: "POST", path: "/surveys/:id/unreachable", target: surveyTarget },
  { method: "GET", path: "/me/surveys/:id", target: surveyTarget },
  { method: "POST", path: "/me/surveys/:id", target: surveyTarget, body: answers },
];
