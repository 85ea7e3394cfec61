import { randomUUID } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import { db, type DbTx } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { z } from "zod";
import {
  applicationScope,
  fileReach,
  missionLocaleReach,
  missionLocaleScope,
  referentFiling,
  youthScope,
  type Actor,
} from "../../auth/policy.ts";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../../domain/enums.ts";
import { searchNameOf } from "../../domain/search.ts";
import { parisParts, startOfParisDay } from "../../domain/time.ts";
import { isUniqueViolation, storedDate } from "../../db/client.ts";
import { jsonField, jsonRows, onlyDigits } from "../../db/dialect.ts";
import { queryRow, queryRows, SQL_BOOLEAN, SQL_DATE, SQL_INTEGER } from "../../db/sql.ts";
import { missionLocaleInReach, youthInReach } from "../../db/sql-scopes.ts";
import { youthSearchCondition } from "../../db/sql-search.ts";
import { FormError, NotFoundError } from "../../http/errors.ts";
import { recordAudit, recordAudits } from "../audit/service.ts";
import { analyseImport, duplicatesOnFile, type LineProblem } from "./csv.ts";
import { duplicateKeys, findDuplicates, nameKeyOf, type PersonKey } from "./duplicates.ts";
import { eligibilityOf, type Eligibility } from "./eligibility.ts";
import {
  MISSION_LOCALE_REQUIRED,
  slotsOf,
  type ApplicationForm,
  type ApplicationSearch,
  type CommitmentsForm,
  type ImportForm,
} from "./schemas.ts";
import { parseAvailability } from "../../domain/availability.ts";
import { YOUTH_PROFILE } from "../youths/service.ts";

const PAGE_SIZE = 50;
const COHORT_UNKNOWN = "Cette promotion n'existe pas.";
const LIST_FROZEN =
  "La liste du tirage de cette promotion est déjà figée pour cette Mission Locale : plus aucune candidature ne peut y entrer.";
const FIELD_LOCKED = "La liste du tirage est figée : ce renseignement, qui décide de l'éligibilité, ne peut plus changer.";
const COHORT_FIXED = "La promotion d'une candidature ne change pas : déposez une nouvelle candidature.";
const NOT_SELECTED = "Les engagements ne concernent que les jeunes retenu·es par le tirage.";
const NOT_VALIDATED = "Le comité n'a pas encore validé le tirage : les jeunes ne sont pas encore prévenus.";

/** Statuses after the draw: the file is kept, eligibility no longer recomputed. */
const DRAWN: readonly ApplicationStatus[] = ["SELECTED", "WAITLISTED", "WITHDRAWN"];

export class DuplicatesFound extends Error {
  constructor(
    readonly matches: {
      id: string;
      ref: string;
      firstName: string;
      lastName: string;
      birthDate: Date;
      missionLocale: string;
      reasons: string[];
    }[],
  ) {
    super("possible duplicates");
  }
}

export class ImportRejected extends Error {
  constructor(readonly problems: LineProblem[]) {
    super("import rejected");
  }
}

// ---------------------------------------------------------------- shared look-ups

async function resolveMissionLocale(actor: Actor, requested: string | undefined) {
  const found = await db().missionLocale.findMany({
    where: { AND: [missionLocaleScope(actor), requested ? { id: requested } : {}] },
    select: { id: true, name: true, code: true },
    take: 2,
  });
  if (found.length !== 1) throw new FormError("missionLocaleId", MISSION_LOCALE_REQUIRED);
  return found[0]!;
}

async function cohortContext(cohortId: string) {
  const cohort = await db().cohort.findUnique({
    where: { id: cohortId },
    select: { id: true, name: true, drawDate: true, quotas: { where: { seats: { gt: 0 } }, select: { missionLocaleId: true } } },
  });
  if (!cohort) throw new FormError("cohortId", COHORT_UNKNOWN);
  return { ...cohort, missionLocalesWithSeats: new Set(cohort.quotas.map((q) => q.missionLocaleId)) };
}

async function isFrozen(cohortId: string, missionLocaleId: string, client: DbTx = db()): Promise<boolean> {
  const freeze = await client.lotteryFreeze.findUnique({
    where: { cohortId_missionLocaleId: { cohortId, missionLocaleId } },
    select: { id: true },
  });
  return freeze !== null;
}

/**
 * Cohorts still open for applications at one of the caller's Missions Locales, and those
 * Missions Locales. A stratum closes when its list is frozen (its draw, which follows the
 * freeze, cannot reopen it); a cohort closed at every one of them is not offered.
 */
export async function applicationFormOptions(actor: Actor) {
  const [cohorts, missionLocales] = await Promise.all([
    db().cohort.findMany({
      select: {
        id: true,
        name: true,
        drawDate: true,
        freezes: { select: { missionLocaleId: true } },
        draws: { select: { missionLocaleId: true } },
      },
      orderBy: { drawDate: "desc" },
    }),
    db().missionLocale.findMany({ where: missionLocaleScope(actor), select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const open = cohorts.filter((cohort) => {
    const closed = new Set([...cohort.freezes, ...cohort.draws].map((stratum) => stratum.missionLocaleId));
    return missionLocales.some((missionLocale) => !closed.has(missionLocale.id));
  });
  return { cohorts: open.map(({ id, name, drawDate }) => ({ id, name, drawDate })), missionLocales };
}

/** "AUT-<year>-<4+ digits>", following the highest number of that year. */
async function nextRefs(tx: DbTx, year: number, count: number): Promise<string[]> {
  const prefix = `AUT-${year}-`;
  const start = prefix.length + 1;
  // The highest number computed by SQLite, on the refs' unique index ("AUT-2026." follows every
  // "AUT-2026-…"): loading thousands of refs into the import's transaction held the server. Only
  // digits, at most 15 of them (a safe integer), count.
  const [highest] = await tx.$queryRaw<{ max: number | bigint | null }[]>`
    SELECT max(CAST(substr("ref", ${start}) AS BIGINT)) AS "max" FROM "Youth"
    WHERE "ref" > ${prefix} AND "ref" < ${`AUT-${year}.`}
      AND ${onlyDigits(Prisma.sql`substr("ref", ${start})`)} AND length("ref") - ${prefix.length} BETWEEN 1 AND 15`;
  const max = Number(highest?.max ?? 0);
  return Array.from({ length: count }, (_, i) => `${prefix}${String(max + 1 + i).padStart(4, "0")}`);
}

/** Two counsellors saving at once may pick the same next ref: the unique index refuses the second,
 * which then simply tries again with the next number. */
async function withRefRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

// ---------------------------------------------------------------- duplicates

/**
 * Possible duplicates among the files the caller may see: the look-up is scoped in the query like
 * every other, so that it never reveals whether someone is on file at another Mission Locale.
 * The coordination, who sees every file, catches the same person applying at two of them.
 */
// Each kind of key is looked up on its own index (Youth.nameKey, email, phone — e-mails and phones
// are stored normalised — each with the Mission Locale second), so that a query returns only the
// real candidates: one query mixing the three kinds made SQLite scan the whole Mission Locale.
// Prisma binds at most 999 values in one SQLite query, so the keys go in packs: an import of
// 1 000 lines takes at most 6 queries, never one per line.
const LOOKUP_PACK = 900;
const LOOKUP_KINDS = ["nameKey", "email", "phone"] as const;
type LookupKind = (typeof LOOKUP_KINDS)[number];

function lookupWhere(kind: LookupKind, values: string[]): Prisma.YouthWhereInput {
  if (kind === "nameKey") return { nameKey: { in: values } };
  if (kind === "email") return { email: { in: values } };
  return { phone: { in: values } };
}

async function existingPeople(actor: Actor, people: readonly PersonKey[], exceptYouthId?: string) {
  const keys = people.map(duplicateKeys);
  const valuesOf: Record<LookupKind, (string | null)[]> = {
    nameKey: keys.map((k) => k.nameAndBirth),
    email: keys.map((k) => k.email),
    phone: keys.map((k) => k.phone),
  };
  const lookUp = (kind: LookupKind, values: string[]) =>
    db().youth.findMany({
      where: { AND: [youthScope(actor), lookupWhere(kind, values), exceptYouthId ? { NOT: { id: exceptYouthId } } : {}] },
      select: {
        id: true,
        ref: true,
        firstName: true,
        lastName: true,
        birthDate: true,
        email: true,
        phone: true,
        missionLocale: { select: { name: true } },
      },
    });
  const found: Awaited<ReturnType<typeof lookUp>> = [];
  let queries = 0;
  for (const kind of LOOKUP_KINDS) {
    const values = [...new Set(valuesOf[kind].filter((value) => value !== null))];
    for (let start = 0; start < values.length; start += LOOKUP_PACK) {
      // Prisma prepares each bound value synchronously: other requests are served between packs.
      if (queries++ > 0) await nextTurn();
      found.push(...(await lookUp(kind, values.slice(start, start + LOOKUP_PACK))));
    }
  }
  // A youth found by two keys (its name and its e-mail) counts once.
  return [...new Map(found.map((youth) => [youth.id, youth])).values()];
}

async function possibleDuplicates(actor: Actor, person: PersonKey, exceptYouthId?: string): Promise<DuplicatesFound | null> {
  const matches = findDuplicates(person, await existingPeople(actor, [person], exceptYouthId));
  if (matches.length === 0) return null;
  return new DuplicatesFound(matches.map(({ record, reasons }) => ({ ...record, missionLocale: record.missionLocale.name, reasons })));
}

// ---------------------------------------------------------------- list and detail

const FILTER_COHORT = z.object({ id: z.string(), name: z.string(), drawDate: SQL_DATE });
const FILTER_MISSION_LOCALE = z.object({ id: z.string(), name: z.string() });

/** Every cohort and the Missions Locales in scope: the filters of the list. */
async function listFilterOptions(actor: Actor) {
  const [cohorts, missionLocales] = await Promise.all([
    queryRows(FILTER_COHORT, Prisma.sql`SELECT c."id", c."name", c."drawDate" FROM "Cohort" c ORDER BY c."drawDate" DESC`),
    queryRows(
      FILTER_MISSION_LOCALE,
      Prisma.sql`SELECT m."id", m."name" FROM "MissionLocale" m WHERE ${missionLocaleInReach(missionLocaleReach(actor), "m")} ORDER BY m."name"`,
    ),
  ]);
  return { cohorts, missionLocales };
}

const LISTED_APPLICATION = z.object({
  id: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  createdAt: SQL_DATE,
  cohortName: z.string(),
  ref: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: SQL_DATE,
  missionLocaleName: z.string(),
});
const COUNT = z.object({ total: SQL_INTEGER });

/** The applications in scope that the filters keep, as a condition on the rows a (application)
 * and y (its youth). */
function listedWhere(actor: Actor, filters: ApplicationSearch): Prisma.Sql {
  const conditions = [youthInReach(fileReach(actor), "y")];
  if (filters.cohortId) conditions.push(Prisma.sql`a."cohortId" = ${filters.cohortId}`);
  if (filters.status) conditions.push(Prisma.sql`a."status" = ${filters.status}`);
  if (filters.missionLocaleId) conditions.push(Prisma.sql`y."missionLocaleId" = ${filters.missionLocaleId}`);
  if (filters.q) conditions.push(youthSearchCondition(filters.q, "y"));
  return Prisma.join(conditions, " AND ");
}

/** How many applications a condition of listedWhere keeps. */
async function countListed(where: Prisma.Sql): Promise<number> {
  const { total } = await queryRow(
    COUNT,
    Prisma.sql`SELECT COUNT(*) AS "total" FROM "Application" a JOIN "Youth" y ON y."id" = a."youthId" WHERE ${where}`,
  );
  return total;
}

/** A page of the list, latest cohorts first then alphabetical, and how many applications the
 * filters keep (counted apart: a window count over the list cost more than a second statement). */
export async function listApplications(actor: Actor, filters: ApplicationSearch) {
  const where = listedWhere(actor, filters);
  const page = filters.page ?? 1;
  const [rows, total, options] = await Promise.all([
    queryRows(
      LISTED_APPLICATION,
      Prisma.sql`SELECT a."id", a."status", a."createdAt", c."name" AS "cohortName", y."ref", y."firstName", y."lastName",
          y."birthDate", m."name" AS "missionLocaleName"
        FROM "Application" a
        JOIN "Youth" y ON y."id" = a."youthId"
        JOIN "Cohort" c ON c."id" = a."cohortId"
        JOIN "MissionLocale" m ON m."id" = y."missionLocaleId"
        WHERE ${where}
        ORDER BY c."drawDate" DESC, y."lastName", y."firstName", a."id"
        LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
    ),
    countListed(where),
    listFilterOptions(actor),
  ]);
  const applications = rows.map((row) => ({
    id: row.id,
    status: row.status,
    createdAt: row.createdAt,
    cohort: { name: row.cohortName },
    youth: {
      ref: row.ref,
      firstName: row.firstName,
      lastName: row.lastName,
      birthDate: row.birthDate,
      missionLocale: { name: row.missionLocaleName },
    },
  }));
  return { applications, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), ...options };
}

const YOUTH_FIELDS = {
  ...YOUTH_PROFILE,
  missionLocaleId: true,
  missionLocale: { select: { name: true, code: true } },
  account: { select: { id: true } },
} as const;

async function scopedApplication(actor: Actor, id: string) {
  const application = await db().application.findFirst({
    where: { AND: [{ id }, applicationScope(actor)] },
    select: {
      id: true,
      status: true,
      cohortId: true,
      submittedAt: true,
      withdrawnAt: true,
      withdrawalReason: true,
      attendanceCommitmentAt: true,
      contributionCommitmentAt: true,
      createdAt: true,
      updatedAt: true,
      cohort: { select: { id: true, name: true, drawDate: true, contributionCents: true, aidCapCents: true } },
      youth: { select: YOUTH_FIELDS },
      infoMeeting: { select: { startsAt: true, place: true } },
      lotteryEntries: { select: { rank: true, outcome: true, draw: { select: { id: true, validatedAt: true } } } },
    },
  });
  if (!application) throw new NotFoundError();
  return application;
}

/** The application file with its eligibility explained line by line. */
export async function findApplication(actor: Actor, id: string) {
  const application = await scopedApplication(actor, id);
  const context = await cohortContext(application.cohortId);
  const eligibility: Eligibility = eligibilityOf(application.youth, {
    ...context,
    missionLocaleName: application.youth.missionLocale.name,
  });
  const frozen = await isFrozen(application.cohortId, application.youth.missionLocaleId);
  const entry = application.lotteryEntries[0] ?? null;
  return {
    application: {
      ...application,
      youth: { ...application.youth, weeklyAvailability: parseAvailability(application.youth.weeklyAvailability) },
    },
    eligibility,
    frozen,
    entry,
    validated: Boolean(entry?.draw.validatedAt),
  };
}

/** The stored file as the strings of the edit form. */
export async function applicationFormValues(actor: Actor, id: string) {
  const application = await scopedApplication(actor, id);
  const y = application.youth;
  const values: Record<string, string> = {
    cohortId: application.cohortId,
    missionLocaleId: y.missionLocaleId,
    firstName: y.firstName,
    lastName: y.lastName,
    birthDate: y.birthDate.toISOString().slice(0, 10),
    gender: y.gender,
    email: y.email ?? "",
    phone: y.phone ?? "",
    address: y.address ?? "",
    postalCode: y.postalCode ?? "",
    city: y.city ?? "",
    employmentStatus: y.employmentStatus,
    professionalProject: y.professionalProject ?? "",
  };
  if (y.lotteryConsentAt) values.lotteryConsent = "on";
  if (y.evaluationConsentAt) values.evaluationConsent = "on";
  for (const slot of parseAvailability(y.weeklyAvailability)) {
    values[`avail${slot.day}From`] = slot.from;
    values[`avail${slot.day}To`] = slot.to;
  }
  const frozen = await isFrozen(application.cohortId, y.missionLocaleId);
  return { application, values, locked: frozen || DRAWN.includes(application.status) };
}

// ---------------------------------------------------------------- create and edit

function youthFields(
  form: ApplicationForm,
  previous: { lotteryConsentAt: Date | null; evaluationConsentAt: Date | null } | null,
  now: Date,
) {
  return {
    firstName: form.firstName,
    lastName: form.lastName,
    birthDate: form.birthDate,
    gender: form.gender,
    email: form.email ?? null,
    phone: form.phone ?? null,
    address: form.address ?? null,
    postalCode: form.postalCode ?? null,
    city: form.city ?? null,
    employmentStatus: form.employmentStatus,
    professionalProject: form.professionalProject ?? null,
    weeklyAvailability: JSON.stringify(slotsOf(form)),
    // A consent keeps the day it was given; unticking the box withdraws it.
    lotteryConsentAt: form.lotteryConsent ? (previous?.lotteryConsentAt ?? now) : null,
    evaluationConsentAt: form.evaluationConsent ? (previous?.evaluationConsentAt ?? now) : null,
  };
}

export async function createApplication(actor: Actor, form: ApplicationForm): Promise<{ id: string }> {
  const missionLocale = await resolveMissionLocale(actor, form.missionLocaleId);
  const cohort = await cohortContext(form.cohortId);
  // Before the duplicates: confirming a possible duplicate would not open a closed list.
  if (await isFrozen(cohort.id, missionLocale.id)) throw new FormError("cohortId", LIST_FROZEN);
  if (!form.confirmDuplicate) {
    const duplicates = await possibleDuplicates(actor, {
      lastName: form.lastName,
      birthDate: form.birthDate,
      email: form.email ?? null,
      phone: form.phone ?? null,
    });
    if (duplicates) throw duplicates;
  }
  const now = new Date();
  const fields = youthFields(form, null, now);
  const { eligible } = eligibilityOf(
    { ...fields, missionLocaleId: missionLocale.id },
    { ...cohort, missionLocaleName: missionLocale.name },
  );
  return withRefRetry(() =>
    db().$transaction(async (tx) => {
      // Checked inside the write: a list frozen meanwhile cannot gain an application.
      if (await isFrozen(cohort.id, missionLocale.id, tx)) throw new FormError("cohortId", LIST_FROZEN);
      const [ref] = await nextRefs(tx, parisParts(cohort.drawDate).year, 1);
      const youth = await tx.youth.create({
        data: {
          ...fields,
          searchName: searchNameOf(fields),
          nameKey: nameKeyOf(fields),
          ref: ref!,
          missionLocaleId: missionLocale.id,
          referentId: referentFiling(actor),
        },
        select: { id: true },
      });
      const application = await tx.application.create({
        data: {
          youthId: youth.id,
          cohortId: cohort.id,
          status: eligible ? "ELIGIBLE" : "INELIGIBLE",
          submittedAt: now,
          createdById: actor.id,
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: "APPLICATION_CREATED",
          entity: "Application",
          entityId: application.id,
          details: { ref, youthId: youth.id, duplicateConfirmed: form.confirmDuplicate },
        },
        tx,
      );
      return application;
    }),
  );
}

export async function updateApplication(actor: Actor, id: string, form: ApplicationForm): Promise<void> {
  const current = await scopedApplication(actor, id);
  if (form.cohortId !== current.cohortId) throw new FormError("cohortId", COHORT_FIXED);
  const before = current.youth;
  const fields = youthFields(form, before, new Date());
  const locked = DRAWN.includes(current.status) || (await isFrozen(current.cohortId, before.missionLocaleId));
  if (locked) {
    // The frozen list was computed from these; changing them afterwards would make it unverifiable.
    const same = (a: Date | null, b: Date | null) => (a === null) === (b === null);
    if (fields.birthDate.getTime() !== before.birthDate.getTime()) throw new FormError("birthDate", FIELD_LOCKED);
    if ((fields.professionalProject ?? "").trim() === "" && (before.professionalProject ?? "").trim() !== "")
      throw new FormError("professionalProject", FIELD_LOCKED);
    if (!same(fields.lotteryConsentAt, before.lotteryConsentAt)) throw new FormError("lotteryConsent", FIELD_LOCKED);
    if (!same(fields.evaluationConsentAt, before.evaluationConsentAt)) throw new FormError("evaluationConsent", FIELD_LOCKED);
  }
  const keyChanged =
    fields.lastName !== before.lastName ||
    fields.birthDate.getTime() !== before.birthDate.getTime() ||
    fields.email !== before.email ||
    fields.phone !== before.phone;
  if (keyChanged && !form.confirmDuplicate) {
    const duplicates = await possibleDuplicates(
      actor,
      { lastName: fields.lastName, birthDate: fields.birthDate, email: fields.email, phone: fields.phone },
      before.id,
    );
    if (duplicates) throw duplicates;
  }
  const context = await cohortContext(current.cohortId);
  const { eligible } = eligibilityOf(
    { ...fields, missionLocaleId: before.missionLocaleId },
    { ...context, missionLocaleName: before.missionLocale.name },
  );
  const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((key) => {
    const was: unknown = before[key];
    const now: unknown = fields[key];
    return was instanceof Date && now instanceof Date ? was.getTime() !== now.getTime() : was !== now;
  });
  await db().$transaction(async (tx) => {
    await tx.youth.update({ where: { id: before.id }, data: { ...fields, searchName: searchNameOf(fields), nameKey: nameKeyOf(fields) } });
    if (!locked) await tx.application.update({ where: { id }, data: { status: eligible ? "ELIGIBLE" : "INELIGIBLE" } });
    await recordAudit({ actorId: actor.id, action: "APPLICATION_UPDATED", entity: "Application", entityId: id, details: { changed } }, tx);
  });
}

// ---------------------------------------------------------------- CSV import

export async function importFormOptions(actor: Actor) {
  return applicationFormOptions(actor);
}

/** All or nothing: any bad line rejects the whole file (ImportRejected lists every bad line). */
export async function importApplications(actor: Actor, form: ImportForm) {
  const missionLocale = await resolveMissionLocale(actor, form.missionLocaleId);
  const cohort = await cohortContext(form.cohortId);
  const analysis = await analyseImport(form.csv, { drawDate: cohort.drawDate });
  const existing = analysis.applicants.length > 0 ? await existingPeople(actor, analysis.applicants) : [];
  const problems = [...analysis.problems, ...duplicatesOnFile(analysis.applicants, existing)].sort((a, b) => a.line - b.line);
  if (problems.length > 0) throw new ImportRejected(problems);

  // Everything but the refs is prepared before the transaction, which holds the event loop (the
  // driver is synchronous) and so must stay short.
  const now = new Date();
  const context = { ...cohort, missionLocaleName: missionLocale.name };
  const referentId = referentFiling(actor);
  const rows: Omit<ImportedRow, "ref">[] = [];
  for (const [index, a] of analysis.applicants.entries()) {
    // Eligibility reads the Paris calendar for each line: slices, with other requests served between.
    if (index > 0 && index % 100 === 0) await nextTurn();
    const youth = {
      id: randomUUID(),
      firstName: a.firstName,
      lastName: a.lastName,
      searchName: searchNameOf(a),
      nameKey: nameKeyOf(a),
      birthDate: a.birthDate,
      gender: a.gender,
      email: a.email,
      phone: a.phone,
      address: a.address,
      postalCode: a.postalCode,
      city: a.city,
      employmentStatus: a.employmentStatus,
      professionalProject: a.professionalProject,
      lotteryConsentAt: a.lotteryConsent ? now : null,
      evaluationConsentAt: a.evaluationConsent ? now : null,
      missionLocaleId: missionLocale.id,
      referentId,
    };
    const status: ApplicationStatus = eligibilityOf(youth, context).eligible ? "ELIGIBLE" : "INELIGIBLE";
    rows.push({ youth, application: { id: randomUUID(), status } });
  }
  const audits = [
    ...rows.map(({ application }) => ({
      actorId: actor.id,
      action: "APPLICATION_CREATED",
      entity: "Application",
      entityId: application.id,
      details: { source: "csv" },
    })),
    {
      actorId: actor.id,
      action: "APPLICATIONS_IMPORTED",
      entity: "Cohort",
      entityId: cohort.id,
      details: { missionLocaleId: missionLocale.id, count: rows.length },
    },
  ];
  await withRefRetry(() =>
    db().$transaction(async (tx) => {
      if (await isFrozen(cohort.id, missionLocale.id, tx)) throw new FormError("cohortId", LIST_FROZEN);
      const refs = await nextRefs(tx, parisParts(cohort.drawDate).year, rows.length);
      await insertImported(
        tx,
        rows.map((row, index) => ({ ...row, ref: refs[index]! })),
        {
          cohortId: cohort.id,
          createdById: actor.id,
          missionLocaleId: missionLocale.id,
          referentId,
          now,
        },
      );
      await recordAudits(audits, tx);
    }),
  );
  return {
    count: rows.length,
    eligible: rows.filter((row) => row.application.status === "ELIGIBLE").length,
    cohortId: cohort.id,
    cohortName: cohort.name,
    missionLocaleName: missionLocale.name,
  };
}

type ImportedRow = {
  ref: string;
  youth: {
    id: string;
    firstName: string;
    lastName: string;
    searchName: string;
    nameKey: string;
    birthDate: Date;
    gender: string;
    email: string | null;
    phone: string | null;
    address: string | null;
    postalCode: string | null;
    city: string | null;
    employmentStatus: string;
    professionalProject: string;
    lotteryConsentAt: Date | null;
    evaluationConsentAt: Date | null;
    missionLocaleId: string;
    referentId: string | null;
  };
  application: { id: string; status: ApplicationStatus };
};

/**
 * The imported youths and applications, written with one statement each. Prisma compiles every
 * value it binds (createMany, or an INSERT with 20 000 parameters, held the server for about half
 * a second on 1 000 lines); here each statement binds a single JSON text that SQLite unpacks.
 * Prisma still reads that text at about 20 ms per 1 000 kB while the transaction holds the server,
 * so each line is an array of its own values only (no keys); what every line shares (Mission
 * Locale, counsellor, the time of the consents and of the writing) is bound once.
 */
async function insertImported(
  tx: DbTx,
  rows: readonly ImportedRow[],
  common: { cohortId: string; createdById: string; missionLocaleId: string; referentId: string | null; now: Date },
): Promise<void> {
  const now = storedDate(common.now);
  const youths = rows.map(({ ref, youth: y }) => [
    y.id,
    ref,
    y.firstName,
    y.lastName,
    y.searchName,
    y.nameKey,
    storedDate(y.birthDate),
    y.gender,
    y.email,
    y.phone,
    y.address,
    y.postalCode,
    y.city,
    y.employmentStatus,
    y.professionalProject,
    // Consents given in the file are dated by the import itself (common.now).
    y.lotteryConsentAt ? now : null,
    y.evaluationConsentAt ? now : null,
  ]);
  const field = (index: number, type?: Parameters<typeof jsonField>[2]) => jsonField("y", index, type);
  await tx.$executeRaw`
    INSERT INTO "Youth" ("id", "ref", "firstName", "lastName", "searchName", "nameKey", "birthDate", "gender", "email", "phone", "address", "postalCode", "city",
      "employmentStatus", "professionalProject", "lotteryConsentAt", "evaluationConsentAt", "missionLocaleId", "referentId", "createdAt", "updatedAt")
    SELECT ${field(0)}, ${field(1)}, ${field(2)}, ${field(3)}, ${field(4)}, ${field(5)}, ${field(6, "timestamp")}, ${field(7, { enum: "Gender" })},
      ${field(8)}, ${field(9)}, ${field(10)}, ${field(11)}, ${field(12)}, ${field(13)}, ${field(14)},
      ${field(15, "timestamp")}, ${field(16, "timestamp")}, ${common.missionLocaleId}, ${common.referentId}, ${now}, ${now}
    FROM ${jsonRows(JSON.stringify(youths), "y")}`;
  const applications = rows.map(({ youth, application }) => [application.id, youth.id, application.status]);
  await tx.$executeRaw`
    INSERT INTO "Application" ("id", "youthId", "cohortId", "status", "submittedAt", "createdById", "createdAt", "updatedAt")
    SELECT ${jsonField("a", 0)}, ${jsonField("a", 1)}, ${common.cohortId}, ${jsonField("a", 2, { enum: "ApplicationStatus" })}, ${now}, ${common.createdById}, ${now}, ${now}
    FROM ${jsonRows(JSON.stringify(applications), "a")}`;
}

// ---------------------------------------------------------------- commitments

/** A counsellor (or the coordinator) records the youth's commitments, e.g. at the meeting. */
const BEFORE_MEETING = "Les engagements se prennent à la réunion d'information ou après : elle n'a pas encore eu lieu.";

/** Commitments are taken at or after the information meeting (from its day on, Paris time). */
function meetingHasBegun(meeting: { startsAt: Date } | null, now: Date): boolean {
  return meeting !== null && now >= startOfParisDay(meeting.startsAt);
}

export async function recordCommitments(actor: Actor, id: string, form: CommitmentsForm): Promise<void> {
  const application = await scopedApplication(actor, id);
  if (application.status !== "SELECTED") throw new FormError("attendance", NOT_SELECTED);
  if (!application.lotteryEntries[0]?.draw.validatedAt) throw new FormError("attendance", NOT_VALIDATED);
  const now = new Date();
  if (!meetingHasBegun(application.infoMeeting, now)) throw new FormError("attendance", BEFORE_MEETING);
  await db().$transaction(async (tx) => {
    await tx.application.update({
      where: { id },
      data: {
        attendanceCommitmentAt: form.attendance ? (application.attendanceCommitmentAt ?? now) : application.attendanceCommitmentAt,
        contributionCommitmentAt: form.contribution ? (application.contributionCommitmentAt ?? now) : application.contributionCommitmentAt,
        commitmentRecordedById: actor.id,
      },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "COMMITMENTS_RECORDED",
        entity: "Application",
        entityId: id,
        details: { attendance: form.attendance, contribution: form.contribution },
      },
      tx,
    );
  });
}

const OWN_APPLICATION = z
  .object({
    id: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    attendanceCommitmentAt: SQL_DATE.nullable(),
    contributionCommitmentAt: SQL_DATE.nullable(),
    cohortName: z.string(),
    drawDate: SQL_DATE,
    contributionCents: SQL_INTEGER,
    aidCapCents: SQL_INTEGER,
    meetingStartsAt: SQL_DATE.nullable(),
    meetingPlace: z.string().nullable(),
    told: SQL_BOOLEAN,
  })
  .transform(({ cohortName, drawDate, contributionCents, aidCapCents, meetingStartsAt, meetingPlace, ...application }) => ({
    ...application,
    cohort: { name: cohortName, drawDate, contributionCents, aidCapCents },
    infoMeeting: meetingStartsAt && meetingPlace !== null ? { startsAt: meetingStartsAt, place: meetingPlace } : null,
  }));

/** What the young person is told about their application: the outcome only once the committee
 * has validated the draw (a human decision over the automated one). */
export async function ownApplication(actor: Actor) {
  const [row] = await queryRows(
    OWN_APPLICATION,
    Prisma.sql`
      SELECT a."id", a."status", a."attendanceCommitmentAt", a."contributionCommitmentAt", c."name" AS "cohortName",
        c."drawDate", c."contributionCents", c."aidCapCents", im."startsAt" AS "meetingStartsAt", im."place" AS "meetingPlace",
        EXISTS (SELECT 1 FROM "LotteryEntry" le JOIN "LotteryDraw" d ON d."id" = le."drawId"
                WHERE le."applicationId" = a."id" AND d."validatedAt" IS NOT NULL) AS "told"
      FROM "Application" a
      JOIN "Youth" y ON y."id" = a."youthId"
      JOIN "Cohort" c ON c."id" = a."cohortId"
      LEFT JOIN "InfoMeeting" im ON im."id" = a."infoMeetingId"
      WHERE ${youthInReach(fileReach(actor), "y")}
      ORDER BY a."createdAt" DESC, a."id"
      LIMIT 1`,
  );
  if (!row) return { state: "NONE" as const, application: null, canConfirm: false };
  const { told, ...application } = row;
  const state = !told
    ? ("PENDING" as const)
    : application.status === "SELECTED"
      ? ("SELECTED" as const)
      : application.status === "WAITLISTED"
        ? ("WAITLISTED" as const)
        : ("OTHER" as const);
  const confirmed = Boolean(application.attendanceCommitmentAt && application.contributionCommitmentAt);
  const canConfirm = state === "SELECTED" && !confirmed && meetingHasBegun(application.infoMeeting, new Date());
  return { state, application, canConfirm, confirmed };
}

export async function confirmOwnCommitments(actor: Actor): Promise<void> {
  const own = await ownApplication(actor);
  if (!own.application || !own.canConfirm) {
    throw new FormError(
      "_form",
      own.confirmed
        ? "Vos engagements sont déjà enregistrés."
        : "Vous pourrez confirmer vos engagements à partir du jour de la réunion d'information.",
    );
  }
  const id = own.application.id;
  const now = new Date();
  await db().$transaction(async (tx) => {
    await tx.application.update({
      where: { id },
      data: { attendanceCommitmentAt: now, contributionCommitmentAt: now, commitmentRecordedById: actor.id },
    });
    await recordAudit({ actorId: actor.id, action: "COMMITMENTS_CONFIRMED", entity: "Application", entityId: id }, tx);
  });
}

/** The lottery draws among the applications this rule finds eligible on the draw day. */
export { eligibilityOf } from "./eligibility.ts";
