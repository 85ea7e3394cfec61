// Cohorts, applicants (youths + applications), the frozen lists, the draws and the replacements.
import type { Faker } from "@faker-js/faker";
import { searchNameOf } from "../../src/domain/search.ts";
import { nameKeyOf } from "../../src/features/applications/duplicates.ts";
import { listDigest, rankApplicants } from "../../src/features/lottery/algorithm.ts";
import {
  DEMO_YOUTH,
  EMPLOYMENT_MIX,
  MISSION_LOCALES,
  PROFESSIONAL_PROJECTS,
  WITHDRAWAL_REASONS,
  type MissionLocaleCode,
  type MissionLocaleSpec,
} from "./catalog.ts";
import { addDays, addMinutes, addMonths, frenchDate, isoWeekday, parisTime, startOfUtcDay } from "./dates.ts";
import type { IdFactory } from "./ids.ts";
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, slugify } from "./names.ts";
import type { Organisation } from "./organisation.ts";
import type { Rng } from "./random.ts";
import type { ApplicationRow, DemoRows, InfoMeetingRow, YouthRow } from "./rows.ts";

export type Availability = { day: number; from: string; to: string };

export type CohortPlan = {
  id: string;
  name: string;
  year: number;
  drawDate: Date;
  /** The cohort still learning (drawn about 4 months ago), as opposed to the finished one. */
  inProgress: boolean;
  aidCapCents: number;
  contributionCents: number;
};

export type Applicant = {
  youth: YouthRow;
  application: ApplicationRow;
  missionLocale: MissionLocaleCode;
  cohort: CohortPlan;
  drawId: string;
  rank: number;
  /** Outcome of the draw (the evaluation's assignment). */
  assigned: boolean;
  /** Final status SELECTED: drawn and not withdrawn, or promoted from the waiting list. */
  treated: boolean;
  availability: Availability[];
  /** When the commitments were signed: training can start after it. */
  committedAt: Date | null;
  showcase: "DEMO_YOUTH" | "MONTARGIS" | null;
};

export type ApplicantContext = {
  rows: DemoRows;
  ids: IdFactory;
  rng: Rng;
  faker: Faker;
  org: Organisation;
  now: Date;
};

const WITHDRAWALS_PER_DRAW: Record<MissionLocaleCode, number> = { ORLEANS: 3, MONTARGIS: 2, PITHIVIERS: 1 };

export function buildCohort(ctx: ApplicantContext, monthsAgo: number, inProgress: boolean): CohortPlan {
  const drawDate = parisTime(addMonths(startOfUtcDay(ctx.now), -monthsAgo), 10);
  const year = drawDate.getUTCFullYear();
  const cohort: CohortPlan = {
    id: ctx.ids.next("cohort"),
    name: `AUTOnomie ${year}`,
    year,
    drawDate,
    inProgress,
    aidCapCents: 100_000,
    contributionCents: 25_000,
  };
  ctx.rows.cohorts.push({
    id: cohort.id,
    name: cohort.name,
    drawDate,
    aidCapCents: cohort.aidCapCents,
    contributionCents: cohort.contributionCents,
    createdAt: addDays(drawDate, -120),
  });
  // The prices agreed with each school for this cohort: its hourly rate, the accompaniment to the
  // driving exam and the initial assessment.
  for (const school of ctx.rows.drivingSchools)
    ctx.rows.schoolRates.push({
      id: ctx.ids.next("schoolRate"),
      drivingSchoolId: school.id,
      cohortId: cohort.id,
      hourlyRateCents: school.hourlyRateCents ?? 5_600,
      examFeeCents: 9_000,
      assessmentCents: 5_000,
      updatedAt: ctx.now,
    });
  for (const spec of MISSION_LOCALES) {
    ctx.rows.cohortQuotas.push({
      id: ctx.ids.next("cohortQuota"),
      cohortId: cohort.id,
      missionLocaleId: ctx.org.missionLocaleIds[spec.code],
      seats: spec.seats,
    });
  }
  return cohort;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function time(hours: number): string {
  return `${pad(Math.floor(hours), 2)}:${pad(Math.round((hours % 1) * 60), 2)}`;
}

function pickDays(rng: Rng, count: number, from: number[]): number[] {
  return rng
    .shuffle(from)
    .slice(0, count)
    .sort((a, b) => a - b);
}

/** Free time for driving lessons; it follows the situation (a job seeker is free in the day,
 * an employee in the evening and on Saturday). */
function availabilityFor(rng: Rng, status: string): Availability[] {
  const weekdays = [1, 2, 3, 4, 5];
  const slot = (day: number, from: number, to: number): Availability => ({ day, from: time(from), to: time(to) });
  switch (status) {
    case "EMPLOYEE":
      return [...pickDays(rng, 2, weekdays).map((day) => slot(day, 17.5, 20)), slot(6, 8, 12)];
    case "APPRENTICE":
      return [...pickDays(rng, rng.int(1, 2), weekdays).map((day) => slot(day, 14, 18)), slot(6, 9, 12)];
    case "INTERN":
      return [...pickDays(rng, rng.int(2, 3), weekdays).map((day) => slot(day, 16, 19)), ...(rng.chance(0.5) ? [slot(6, 9, 12)] : [])];
    case "STUDENT":
      return [slot(3, 13, 18), ...pickDays(rng, 1, [1, 2, 4, 5]).map((day) => slot(day, 17, 19)), slot(6, 9, 12)].sort(
        (a, b) => a.day - b.day,
      );
    default:
      return pickDays(rng, rng.int(3, 4), weekdays).flatMap((day) => {
        const morning = rng.chance(0.7);
        const afternoon = !morning || rng.chance(0.6);
        return [...(morning ? [slot(day, 9, 12)] : []), ...(afternoon ? [slot(day, 14, 18)] : [])];
      });
  }
}

function birthDateFor(rng: Rng, drawDate: Date): Date {
  const age = rng.weighted<number>([
    [18, 10],
    [19, 16],
    [20, 17],
    [21, 15],
    [22, 13],
    [23, 11],
    [24, 10],
    [25, 8],
  ]);
  // Between `age` years + 1 day and `age` years + 360 days before the draw: exactly `age` on that day.
  return addDays(addMonths(startOfUtcDay(drawDate), -12 * age), -rng.int(1, 360));
}

function phoneNumber(rng: Rng): string {
  return `0${rng.chance(0.8) ? 6 : 7}${pad(rng.int(0, 99_999_999), 8)}`;
}

function makeYouth(
  ctx: ApplicantContext,
  cohort: CohortPlan,
  spec: MissionLocaleSpec,
  ref: string,
  submittedAt: Date,
): { youth: YouthRow; availability: Availability[] } {
  const { rng, faker } = ctx;
  const gender = rng.chance(0.49) ? "FEMALE" : "MALE";
  const firstName = rng.pick(gender === "FEMALE" ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const lastName = faker.person.lastName();
  const employmentStatus = rng.weighted(EMPLOYMENT_MIX);
  const availability = availabilityFor(rng, employmentStatus);
  const commune = rng.pick(spec.communes);
  const birthDate = birthDateFor(rng, cohort.drawDate);
  const youth: YouthRow = {
    id: ctx.ids.next("youth"),
    ref,
    firstName,
    lastName,
    searchName: searchNameOf({ firstName, lastName }),
    nameKey: nameKeyOf({ lastName, birthDate }),
    birthDate,
    gender,
    email: rng.chance(0.6) ? `${slugify(firstName)}.${slugify(lastName)}${rng.int(1, 99)}@example.fr` : null,
    phone: rng.chance(0.85) ? phoneNumber(rng) : null,
    address: faker.location.streetAddress(),
    postalCode: commune.postalCode,
    city: commune.city,
    employmentStatus,
    professionalProject: rng.pick(PROFESSIONAL_PROJECTS),
    weeklyAvailability: JSON.stringify(availability),
    lotteryConsentAt: submittedAt,
    evaluationConsentAt: submittedAt,
    missionLocaleId: ctx.org.missionLocaleIds[spec.code],
    referentId: ctx.org.counsellorIds[spec.code],
    createdAt: submittedAt,
  };
  return { youth, availability };
}

function nextWeekday(day: Date): Date {
  let result = day;
  while (isoWeekday(result) > 5) result = addDays(result, 1);
  return result;
}

function buildInfoMeetings(ctx: ApplicantContext, cohort: CohortPlan): Record<MissionLocaleCode, InfoMeetingRow> {
  const meetings: Partial<Record<MissionLocaleCode, InfoMeetingRow>> = {};
  for (const [index, spec] of MISSION_LOCALES.entries()) {
    const row: InfoMeetingRow = {
      id: ctx.ids.next("infoMeeting"),
      cohortId: cohort.id,
      missionLocaleId: ctx.org.missionLocaleIds[spec.code],
      startsAt: parisTime(nextWeekday(addDays(cohort.drawDate, 9 + index)), 14),
      place: spec.meetingPlace,
    };
    ctx.rows.infoMeetings.push(row);
    meetings[spec.code] = row;
  }
  return meetings as Record<MissionLocaleCode, InfoMeetingRow>;
}

/** A public-looking seed fixed after the freeze, like the numbers of an announced lottery (RFC 3797). */
function drawSeed(rng: Rng, drawDate: Date): string {
  const balls = rng
    .shuffle(Array.from({ length: 50 }, (_, i) => i + 1))
    .slice(0, 5)
    .sort((a, b) => a - b);
  const stars = rng
    .shuffle(Array.from({ length: 12 }, (_, i) => i + 1))
    .slice(0, 2)
    .sort((a, b) => a - b);
  const day = drawDate.toISOString().slice(0, 10);
  return `${day}-EuroMillions-${balls.map((n) => pad(n, 2)).join("-")}-${stars.map((n) => pad(n, 2)).join("-")}`;
}

type Candidate = { spec: MissionLocaleSpec; daysBefore: number };

function makeApplicants(ctx: ApplicantContext, cohort: CohortPlan): Applicant[] {
  const candidates: Candidate[] = MISSION_LOCALES.flatMap((spec) =>
    Array.from({ length: spec.applicants }, () => ({ spec, daysBefore: ctx.rng.int(8, 110) })),
  );
  // Refs are numbered in the order the applications arrived.
  candidates.sort((a, b) => b.daysBefore - a.daysBefore);
  return candidates.map((candidate, index) => {
    const ref = `AUT-${cohort.year}-${pad(index + 1, 4)}`;
    const submittedAt = parisTime(addDays(cohort.drawDate, -candidate.daysBefore), ctx.rng.int(9, 17));
    const { youth, availability } = makeYouth(ctx, cohort, candidate.spec, ref, submittedAt);
    const application: ApplicationRow = {
      id: ctx.ids.next("application"),
      youthId: youth.id,
      cohortId: cohort.id,
      status: "SUBMITTED",
      submittedAt,
      createdAt: submittedAt,
      infoMeetingId: null,
    };
    return {
      youth,
      application,
      missionLocale: candidate.spec.code,
      cohort,
      drawId: "",
      rank: 0,
      assigned: false,
      treated: false,
      availability,
      committedAt: null,
      showcase: null,
    };
  });
}

function signCommitments(ctx: ApplicantContext, applicant: Applicant, at: Date, meeting: InfoMeetingRow | null): void {
  applicant.application.infoMeetingId = meeting?.id ?? null;
  applicant.application.attendanceCommitmentAt = at;
  applicant.application.contributionCommitmentAt = at;
  applicant.application.commitmentRecordedById = ctx.org.counsellorIds[applicant.missionLocale];
  applicant.committedAt = at;
}

function drawStratum(ctx: ApplicantContext, cohort: CohortPlan, spec: MissionLocaleSpec, applicants: Applicant[], seed: string): void {
  const refs = applicants.map((a) => a.youth.ref);
  const byRef = new Map(applicants.map((a) => [a.youth.ref, a]));
  const missionLocaleId = ctx.org.missionLocaleIds[spec.code];
  const digest = listDigest(refs);
  const adminId = ctx.org.accountIds.admin;

  const freezeId = ctx.ids.next("lotteryFreeze");
  ctx.rows.lotteryFreezes.push({
    id: freezeId,
    cohortId: cohort.id,
    missionLocaleId,
    listDigest: digest,
    frozenAt: addDays(cohort.drawDate, -5),
    frozenById: adminId,
  });
  for (const applicant of applicants) {
    applicant.application.status = "ELIGIBLE";
    ctx.rows.frozenApplicants.push({
      id: ctx.ids.next("frozenApplicant"),
      freezeId,
      applicationId: applicant.application.id,
      ref: applicant.youth.ref,
    });
  }

  const drawId = ctx.ids.next("lotteryDraw");
  const validatedAt = addDays(cohort.drawDate, 2);
  ctx.rows.lotteryDraws.push({
    id: drawId,
    cohortId: cohort.id,
    missionLocaleId,
    freezeId,
    seed,
    listDigest: digest,
    seats: spec.seats,
    drawnAt: cohort.drawDate,
    drawnById: adminId,
    validatedAt,
    validatedById: adminId,
    validationNote: `Comité de pilotage du ${frenchDate(validatedAt)} : tirage ${spec.code} validé à l'unanimité.`,
  });
  for (const entry of rankApplicants(seed, spec.code, refs, spec.seats)) {
    const applicant = byRef.get(entry.ref);
    if (!applicant) throw new Error(`Ref inconnue dans le tirage : ${entry.ref}`);
    ctx.rows.lotteryEntries.push({ id: ctx.ids.next("lotteryEntry"), drawId, applicationId: applicant.application.id, ...entry });
    applicant.drawId = drawId;
    applicant.rank = entry.rank;
    applicant.assigned = entry.outcome === "SELECTED";
    applicant.treated = applicant.assigned;
    applicant.application.status = entry.outcome;
  }
}

function showcaseFor(cohort: CohortPlan, code: MissionLocaleCode): Applicant["showcase"] {
  if (!cohort.inProgress) return null;
  if (code === "ORLEANS") return "DEMO_YOUTH";
  if (code === "MONTARGIS") return "MONTARGIS";
  return null;
}

/** A few drawn applicants withdraw; each is replaced by the best-ranked waitlisted one (never re-drawn). */
function replaceWithdrawals(
  ctx: ApplicantContext,
  cohort: CohortPlan,
  code: MissionLocaleCode,
  ranked: Applicant[],
  meeting: InfoMeetingRow,
): void {
  const withdrawing = ctx.rng
    .shuffle(ranked.filter((a) => a.assigned && a.showcase === null))
    .slice(0, WITHDRAWALS_PER_DRAW[code])
    .map((applicant) => ({ applicant, at: parisTime(addDays(cohort.drawDate, ctx.rng.int(4, 20)), ctx.rng.int(9, 17)) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const waitlist = ranked.filter((a) => !a.assigned);
  for (const [index, { applicant, at }] of withdrawing.entries()) {
    const reason = ctx.rng.pick(WITHDRAWAL_REASONS);
    if (at <= meeting.startsAt) {
      Object.assign(applicant.application, {
        infoMeetingId: null,
        attendanceCommitmentAt: null,
        contributionCommitmentAt: null,
        commitmentRecordedById: null,
      });
    }
    applicant.treated = false;
    applicant.committedAt = null;
    Object.assign(applicant.application, { status: "WITHDRAWN", withdrawnAt: at, withdrawalReason: reason });

    const promoted = waitlist[index];
    if (!promoted) break;
    promoted.treated = true;
    promoted.application.status = "SELECTED";
    signCommitments(ctx, promoted, addDays(at, 3), null);
    ctx.rows.lotteryReplacements.push({
      id: ctx.ids.next("lotteryReplacement"),
      drawId: applicant.drawId,
      withdrawnApplicationId: applicant.application.id,
      promotedApplicationId: promoted.application.id,
      reason: `Désistement de ${applicant.youth.ref} : ${reason}`,
      byId: ctx.org.accountIds.admin,
      at: addDays(at, 1),
    });
  }
}

function applyDemoYouthIdentity(ctx: ApplicantContext, applicant: Applicant): void {
  Object.assign(applicant.youth, {
    firstName: DEMO_YOUTH.firstName,
    lastName: DEMO_YOUTH.lastName,
    searchName: searchNameOf(DEMO_YOUTH),
    nameKey: nameKeyOf({ lastName: DEMO_YOUTH.lastName, birthDate: new Date(applicant.youth.birthDate) }),
    gender: DEMO_YOUTH.gender,
    email: DEMO_YOUTH.email,
    phone: DEMO_YOUTH.phone,
    employmentStatus: DEMO_YOUTH.employmentStatus,
    professionalProject: DEMO_YOUTH.professionalProject,
    weeklyAvailability: JSON.stringify(DEMO_YOUTH.weeklyAvailability),
    postalCode: "45000",
    city: "Orléans",
    referentId: ctx.org.accountIds.referentOrleans,
  });
  applicant.availability = DEMO_YOUTH.weeklyAvailability.map((slot) => ({ ...slot }));
}

/** Youths, applications, freezes, draws and replacements of one cohort. */
export function buildApplicants(ctx: ApplicantContext, cohort: CohortPlan): Applicant[] {
  const meetings = buildInfoMeetings(ctx, cohort);
  const applicants = makeApplicants(ctx, cohort);
  const seed = drawSeed(ctx.rng, cohort.drawDate);
  for (const spec of MISSION_LOCALES) {
    const stratum = applicants.filter((a) => a.missionLocale === spec.code);
    drawStratum(ctx, cohort, spec, stratum, seed);
    const ranked = [...stratum].sort((a, b) => a.rank - b.rank);
    const best = ranked[0];
    if (best) best.showcase = showcaseFor(cohort, spec.code);
    if (best?.showcase === "DEMO_YOUTH") applyDemoYouthIdentity(ctx, best);

    const meeting = meetings[spec.code];
    for (const applicant of ranked) {
      if (applicant.assigned) signCommitments(ctx, applicant, addMinutes(meeting.startsAt, 90), meeting);
    }
    replaceWithdrawals(ctx, cohort, spec.code, ranked, meeting);
  }
  for (const applicant of applicants) {
    ctx.rows.youths.push(applicant.youth);
    ctx.rows.applications.push(applicant.application);
  }
  return applicants;
}
