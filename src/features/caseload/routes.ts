import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { ENROLMENT_STATUS_LABELS, EXAM_RESULT_LABELS } from "../../domain/enums.ts";
import { EMPLOYMENT_STATUS_LABELS } from "../../domain/remc.ts";
import { formatDate } from "../../domain/time.ts";
import { sendCsv, toCsv } from "../../http/csv.ts";
import type { Route } from "../../http/routes.ts";
import { caseloadQuerySchema } from "./schemas.ts";
import * as caseloads from "./service.ts";

async function list(req: Request, res: Response) {
  const query = caseloadQuerySchema.parse(req.query);
  const result = await caseloads.caseload(actorOf(req), query, { page: query.page ?? 1 });
  res.render("caseload/list", { title: "Suivi des jeunes", ...result, query });
}

const euros = (cents: number) => cents / 100;

/** The filtered caseload, every page, for a spreadsheet. */
async function exportCsv(req: Request, res: Response) {
  const query = caseloadQuerySchema.parse(req.query);
  const { rows } = await caseloads.caseload(actorOf(req), query, "all");
  const csv = toCsv(
    [
      "Nom",
      "Prénom",
      "Situation à la candidature",
      "Auto-école",
      "Formation",
      "Heures de conduite faites",
      "Heures prévues",
      "Assiduité (%)",
      "Dernière leçon",
      "Compétences acquises",
      "Dernier examen",
      "Aide du programme payée (€)",
      "Reste à financer (€)",
      "Participation versée (€)",
      "Participation due (€)",
      "Difficultés non résolues",
      "Préconisations en cours",
      "Alertes",
      "Motifs",
    ],
    rows.map((row) => [
      row.youth.lastName,
      row.youth.firstName,
      EMPLOYMENT_STATUS_LABELS[row.youth.employmentStatus] ?? row.youth.employmentStatus,
      row.enrolment?.drivingSchool.name,
      row.enrolment ? ENROLMENT_STATUS_LABELS[row.enrolment.status] : "Pas inscrit·e",
      row.enrolment ? Math.round(row.minutesDone / 6) / 10 : null,
      row.enrolment?.forecastHours,
      row.attendanceRate === null ? null : Math.round(row.attendanceRate * 100),
      row.lastAttended && formatDate(row.lastAttended),
      row.enrolment ? row.skillsAcquired : null,
      row.latestExam &&
        `${row.latestExam.kind === "THEORY" ? "Code" : "Conduite"} : ${EXAM_RESULT_LABELS[row.latestExam.result]}, ${formatDate(row.latestExam.date)}`,
      row.aid && euros(row.aid.paidCents),
      row.aid && euros(Math.max(0, row.aid.capCents - row.aid.paidCents)),
      row.contribution && euros(row.contribution.paidCents),
      row.contribution && euros(row.contribution.dueCents),
      row.openDifficulties,
      row.openRecommendations,
      row.warnings.map((warning) => warning.code).join(" "),
      row.warnings.map((warning) => warning.reason).join(" ; "),
    ]),
  );
  sendCsv(res, "suivi-des-jeunes.csv", csv);
}

export const CASELOAD_ROUTES: readonly Route[] = [
  { method: "get", path: "/caseload", permission: "caseload:view", handler: list, audit: { kind: "list", entity: "Youth" } },
  { method: "get", path: "/caseload.csv", permission: "caseload:view", handler: exportCsv, audit: { kind: "list", entity: "Youth" } },
];
