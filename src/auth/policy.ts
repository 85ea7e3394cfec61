// THE authorization policy: the only module that reads a user's role. Deny by default.
// - GRANTS: role → permissions (the readable matrix; tests/http/authorization.matrix.test.ts
//   checks every route against it).
// - *Scope(user): Prisma `where` fragments applied inside every query, so that a record outside
//   the caller's scope is never loaded (and answers 404).
import type { Prisma } from "../generated/prisma/client.ts";
import type { Role } from "../domain/enums.ts";

export type { Role };

/** What the policy needs to know about the signed-in person. */
export type Actor = {
  id: string;
  role: Role;
  missionLocaleId: string | null;
  drivingSchoolId: string | null;
  youthId: string | null;
};

const PERMISSIONS = [
  "home:view",
  "caseload:view",
  "caseload:follow",
  "youth:read",
  "youth:read-identity",
  "youth:read-contact",
  "youth:read-project",
  "youth:read-consents",
  "youth:read-training",
  "youth:read-payments",
  "youth:read-follow-up",
  "youth:read-audit",
  "me:view",
  "account:list",
  "account:create",
  "account:issue-code",
  "account:deactivate",
  "audit:read",
  "statistics:read",
  // Missions Locales and driving schools: the programme's territories (the coordinator's)
  "territory:manage",
  // applications and the lottery
  "application:read",
  "application:manage",
  "application:import",
  "cohort:manage",
  "lottery:read",
  "lottery:manage",
  "lottery:promote",
  "commitment:record",
  "commitment:confirm-own",
  // the driving-school workspace
  "enrolment:manage",
  // enrolling a youth whose commitments are not both recorded, with a written reason
  "enrolment:override-commitments",
  "enrolment:assess",
  "lesson:read",
  "lesson:record",
  "skill:assess",
  "exam:record",
  "difficulty:report",
  // the list of difficulties: a school follows those it reported, a counsellor those to handle
  "difficulty:read",
  // taking a difficulty in charge and resolving it (the counsellor's regulation loop)
  "difficulty:handle",
  "pace:override",
  // the early warnings on a youth file, each with its reason and proposed adjustment
  "youth:read-warnings",
  // a young person's "Je ne pourrai pas venir" on one of their planned lessons
  "lesson:notice-absence",
  // recommendations ("préconisations d'ajustement"): anyone following the training proposes,
  // the counsellor decides, those concerned carry it out, the youth reads it
  "recommendation:propose",
  "recommendation:decide",
  "recommendation:complete",
  "recommendation:acknowledge",
  // the ledger of an enrolment: a counsellor records the youth's contribution, only the
  // coordinator the programme's aid (paid to the school)
  "payment:record",
  "payment:record-aid",
  // one's own notifications (the bell, /notifications): every signed-in person
  "notification:read",
  // a school's monthly statements: the school reads its own, the coordinator all and validates
  // them (which records the aid payments); the coordinator sets each school's rates per cohort
  "statement:read",
  "statement:validate",
  "rate:manage",
  // the programme's budget: committed, invoiced, paid (a counsellor: their Mission Locale's)
  "budget:read",
  // the resource centre: everyone reads what is written for them, the coordinator writes and
  // publishes; youths, schools and counsellors try the quizzes (only a youth's best score is kept)
  "resource:read",
  "resource:manage",
  "quiz:answer",
  // the right of access: a young person downloads all their data; their counsellor (or the
  // coordinator) downloads the same file for them
  "me:export",
  "youth:export",
  // the intention-to-treat evaluation: its pseudonymised export, summary and page (research team,
  // coordinator); a youth's withdrawal of consent to it, recorded by their counsellor
  "evaluation:read",
  "evaluation:consent",
  // the coordinator's operations: the fair school comparison, the operational CSV exports
  "comparison:read",
  "operations:export",
  // the follow-up surveys at 6, 12 and 24 months: the counsellor (or the coordinator) lists those
  // due and records the answers or "unreachable"; a young person answers their own
  "survey:record",
  "survey:answer-own",
  // the dashboards with charts (/statistics): the programme's figures, a counsellor's Mission
  // Locale's, a school's own; aggregates only
  "statistics:dashboard",
  // one's own second factor (TOTP): offered to every staff account, not to youths
  "second-factor:manage",
  // one's own password, changed with the current one (ends the other sessions)
  "password:change",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const YOUTH_FILE_STAFF: readonly Permission[] = ["youth:read", "youth:read-identity", "youth:read-contact", "youth:read-training"];

/** What a young person does about their own file only. */
const YOUTH_OWN: readonly Permission[] = [
  "me:view",
  "commitment:confirm-own",
  "lesson:notice-absence",
  "recommendation:acknowledge",
  "me:export",
  "survey:answer-own",
];

/** A counsellor follows youths of their own: their caseload is those, the whole Mission Locale on
 * request. The coordinator follows nobody and looks at a Mission Locale at a time. */
const REFERENT_OWN: readonly Permission[] = ["caseload:follow"];

/** What a driving school does (the coordinator may do it too). */
const SCHOOL_WORK: readonly Permission[] = [
  "enrolment:assess",
  "lesson:read",
  "lesson:record",
  "skill:assess",
  "exam:record",
  "difficulty:report",
  "difficulty:read",
];

/** What every signed-in person has about themselves, whatever their role. */
const EVERYONE_OWN: readonly Permission[] = ["notification:read", "resource:read", "password:change"];

export const GRANTS: Record<Role, readonly Permission[]> = {
  // The coordinator may do everything, except what only a young person does for themselves and
  // following youths of their own.
  ADMIN: PERMISSIONS.filter((permission) => !YOUTH_OWN.includes(permission) && !REFERENT_OWN.includes(permission)),
  REFERENT: [
    ...EVERYONE_OWN,
    "home:view",
    "caseload:view",
    ...REFERENT_OWN,
    ...YOUTH_FILE_STAFF,
    "youth:read-project",
    "youth:read-consents",
    "youth:read-payments",
    "youth:read-follow-up",
    "account:list",
    "account:create",
    "account:issue-code",
    "statistics:read",
    "application:read",
    "application:manage",
    "application:import",
    "lottery:read",
    "commitment:record",
    "enrolment:manage",
    "difficulty:read",
    "difficulty:handle",
    "pace:override",
    "youth:read-warnings",
    "recommendation:propose",
    "recommendation:decide",
    "recommendation:complete",
    "payment:record",
    "budget:read",
    "quiz:answer",
    "youth:export",
    "evaluation:consent",
    "survey:record",
    "statistics:dashboard",
    "second-factor:manage",
  ],
  // A school sees what it needs to teach: identity, contact, availability and the training record.
  SCHOOL: [
    ...EVERYONE_OWN,
    "home:view",
    ...YOUTH_FILE_STAFF,
    "youth:read-payments",
    ...SCHOOL_WORK,
    "youth:read-warnings",
    "recommendation:propose",
    "recommendation:complete",
    "statement:read",
    "quiz:answer",
    "statistics:dashboard",
    "second-factor:manage",
  ],
  YOUTH: [
    ...EVERYONE_OWN,
    "home:view",
    "me:view",
    ...YOUTH_FILE_STAFF,
    "youth:read-project",
    "youth:read-payments",
    ...YOUTH_OWN,
    "quiz:answer",
  ],
  // Research team: aggregate and pseudonymised data only, never a youth file.
  EVALUATOR: [
    ...EVERYONE_OWN,
    "home:view",
    "statistics:read",
    "lottery:read",
    "evaluation:read",
    "statistics:dashboard",
    "second-factor:manage",
  ],
};

export function can(actor: Pick<Actor, "role"> | undefined, permission: Permission): boolean {
  return actor !== undefined && GRANTS[actor.role].includes(permission);
}

const NOTHING = { id: { in: [] as string[] } };

/**
 * Which youth files a person reaches: the one reading of their role and attachment that every
 * scope derives from — the Prisma where-inputs below, and the same conditions in SQL for the raw
 * aggregate reads (src/db/sql-scopes.ts).
 */
export type FileReach =
  | { kind: "ALL" }
  | { kind: "MISSION_LOCALE"; missionLocaleId: string }
  /** Only the current enrolment counts: after a transfer the former school loses the file. */
  | { kind: "SCHOOL"; drivingSchoolId: string }
  | { kind: "OWN"; youthId: string }
  | { kind: "NONE" };

export function fileReach(actor: Actor): FileReach {
  switch (actor.role) {
    case "ADMIN":
      return { kind: "ALL" };
    case "REFERENT":
      return actor.missionLocaleId ? { kind: "MISSION_LOCALE", missionLocaleId: actor.missionLocaleId } : { kind: "NONE" };
    case "SCHOOL":
      return actor.drivingSchoolId ? { kind: "SCHOOL", drivingSchoolId: actor.drivingSchoolId } : { kind: "NONE" };
    case "YOUTH":
      return actor.youthId ? { kind: "OWN", youthId: actor.youthId } : { kind: "NONE" };
    case "EVALUATOR":
      return { kind: "NONE" };
  }
}

export function youthScope(actor: Actor): Prisma.YouthWhereInput {
  const reach = fileReach(actor);
  switch (reach.kind) {
    case "ALL":
      return {};
    case "MISSION_LOCALE":
      return { missionLocaleId: reach.missionLocaleId };
    case "SCHOOL":
      return { enrolments: { some: { drivingSchoolId: reach.drivingSchoolId, isCurrent: true } } };
    case "OWN":
      return { id: reach.youthId };
    case "NONE":
      return NOTHING;
  }
}

export function enrolmentScope(actor: Actor): Prisma.EnrolmentWhereInput {
  const reach = fileReach(actor);
  switch (reach.kind) {
    case "ALL":
      return {};
    case "MISSION_LOCALE":
      return { youth: { missionLocaleId: reach.missionLocaleId } };
    case "SCHOOL":
      return { drivingSchoolId: reach.drivingSchoolId, isCurrent: true };
    case "OWN":
      return { youthId: reach.youthId };
    case "NONE":
      return NOTHING;
  }
}

/** Difficulties a person follows: those of the youth files they reach; a school, those reported
 * on its current enrolments (after a transfer the former school loses them with the file). */
export function difficultyScope(actor: Actor): Prisma.DifficultyWhereInput {
  return fileReach(actor).kind === "SCHOOL" ? { enrolment: enrolmentScope(actor) } : { youth: youthScope(actor) };
}

/** Recommendations follow their youth's file (a school: while the youth is enrolled there); a
 * young person reads only those accepted, never a proposal still discussed or one declined. */
export function recommendationScope(actor: Actor): Prisma.RecommendationWhereInput {
  const reach = fileReach(actor);
  return reach.kind === "OWN" ? { youthId: reach.youthId, status: { in: ["ACCEPTED", "DONE"] } } : { youth: youthScope(actor) };
}

export function lessonScope(actor: Actor): Prisma.LessonWhereInput {
  return { enrolment: enrolmentScope(actor) };
}

/** Application files follow their youth's file (a counsellor: their Mission Locale). */
export function applicationScope(actor: Actor): Prisma.ApplicationWhereInput {
  return { youth: youthScope(actor) };
}

/** Missions Locales a person may file applications for, or run and follow draws of: all of them,
 * their own, or none; as a Prisma where below, in SQL in src/db/sql-scopes.ts. */
export type MissionLocaleReach = { kind: "ALL" } | { kind: "ONE"; missionLocaleId: string } | { kind: "NONE" };

export function missionLocaleReach(actor: Actor): MissionLocaleReach {
  switch (actor.role) {
    case "ADMIN":
    case "EVALUATOR":
      return { kind: "ALL" };
    case "REFERENT":
      return actor.missionLocaleId ? { kind: "ONE", missionLocaleId: actor.missionLocaleId } : { kind: "NONE" };
    default:
      return { kind: "NONE" };
  }
}

export function missionLocaleScope(actor: Actor): Prisma.MissionLocaleWhereInput {
  const reach = missionLocaleReach(actor);
  switch (reach.kind) {
    case "ALL":
      return {};
    case "ONE":
      return { id: reach.missionLocaleId };
    case "NONE":
      return NOTHING;
  }
}

/** Draws: the coordinator and the research team see all of them, a counsellor those of their
 * Mission Locale ("/lottery/draws/:id (ADMIN, EVALUATOR, and REFERENTs of that
 * Mission Locale)"). */
export function drawScope(actor: Actor): Prisma.LotteryDrawWhereInput {
  return { missionLocale: missionLocaleScope(actor) };
}

/** Whether names may be printed beside the refs of a draw (the research team sees refs only). */
export function seesApplicantNames(actor: Actor): boolean {
  return can(actor, "application:read");
}

/** Driving-school staff this person may pick as an instructor or look at in a week view: the
 * coordinator any school's, a school its own active staff; nobody else. The one reading of it
 * that instructorScope and its SQL form (src/db/sql-scopes.ts) derive from. */
export type InstructorReach = { kind: "ANY_SCHOOL" } | { kind: "SCHOOL"; drivingSchoolId: string } | { kind: "NONE" };

export function instructorReach(actor: Actor): InstructorReach {
  switch (actor.role) {
    case "ADMIN":
      return { kind: "ANY_SCHOOL" };
    case "SCHOOL":
      return actor.drivingSchoolId ? { kind: "SCHOOL", drivingSchoolId: actor.drivingSchoolId } : { kind: "NONE" };
    default:
      return { kind: "NONE" };
  }
}

export function instructorScope(actor: Actor): Prisma.UserWhereInput {
  const reach = instructorReach(actor);
  switch (reach.kind) {
    case "ANY_SCHOOL":
      return { role: "SCHOOL", isActive: true };
    case "SCHOOL":
      return { role: "SCHOOL", isActive: true, drivingSchoolId: reach.drivingSchoolId };
    case "NONE":
      return NOTHING;
  }
}

/** Who is told about a school's youths (a licence, a cancelled lesson): its active staff. */
export function schoolStaff(drivingSchoolId: string): Prisma.UserWhereInput {
  return { role: "SCHOOL", isActive: true, drivingSchoolId };
}

/** Accounts a person may manage: the coordinator all of them, a counsellor the youth accounts
 * of their Mission Locale. */
export function accountScope(actor: Actor): Prisma.UserWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "REFERENT":
      return actor.missionLocaleId ? { role: "YOUTH", youth: { is: { missionLocaleId: actor.missionLocaleId } } } : NOTHING;
    default:
      return NOTHING;
  }
}

/** Roles of the accounts this person may create. */
export function creatableRoles(actor: Actor): readonly Role[] {
  if (!can(actor, "account:create")) return [];
  return actor.role === "ADMIN" ? ["ADMIN", "REFERENT", "SCHOOL", "YOUTH", "EVALUATOR"] : ["YOUTH"];
}

/** Enrolments of a youth file shown to this person: a school sees only its own current one
 * (after a transfer the former school loses the file); the others see the whole history. */
export function visibleEnrolments(actor: Actor): Prisma.EnrolmentWhereInput {
  return actor.role === "SCHOOL" ? { drivingSchoolId: actor.drivingSchoolId ?? "", isCurrent: true } : {};
}

/** Which home a person gets: one per role. */
export function homeOf(actor: Actor): Role {
  return actor.role;
}

/** A counsellor who files an application becomes the youth's referent (their caseload). */
export function referentFiling(actor: Actor): string | null {
  return actor.role === "REFERENT" ? actor.id : null;
}

/** Driving schools whose statements a person reads: the coordinator every school, a school its
 * own; nobody else (a school out of scope answers 404). */
export function statementSchoolScope(actor: Actor): Prisma.DrivingSchoolWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "SCHOOL":
      return actor.drivingSchoolId ? { id: actor.drivingSchoolId } : NOTHING;
    default:
      return NOTHING;
  }
}
/** Items of the resource centre a person reads: the coordinator every item, drafts included; the
 * research team every published item; anyone else the published items written for everyone or
 * for their role. */
export function resourceScope(actor: Actor): Prisma.ResourceWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "EVALUATOR":
      return { isPublished: true };
    case "YOUTH":
    case "SCHOOL":
    case "REFERENT":
      return { isPublished: true, audience: { in: ["ALL", actor.role] } };
  }
}

/** Whose quiz scores are kept (their best one): a young person's; anyone else tries for nothing. */
export function keepsQuizScores(actor: Actor): boolean {
  return actor.role === "YOUTH";
}

/** What the dashboards (/statistics) count for a person and what they may filter or see. */
export type StatisticsView = {
  /** Whose figures: the programme for the coordinator and the research team (aggregates, no
   * names), a counsellor's Mission Locale, a school's current enrolments. */
  reach: FileReach;
  picksMissionLocale: boolean;
  picksSchool: boolean;
  /** A counsellor may keep to the youths they follow. */
  picksCaseload: boolean;
  /** Applications and the draw: not a school's business. */
  showsFunnel: boolean;
  /** The budget's table: by Mission Locale (the programme's) or by school (a Mission Locale's). */
  budgetBy: "MISSION_LOCALE" | "SCHOOL" | null;
};

export function statisticsView(actor: Actor): StatisticsView {
  const none = { picksMissionLocale: false, picksSchool: false, picksCaseload: false, showsFunnel: false, budgetBy: null };
  switch (actor.role) {
    case "ADMIN":
      return {
        ...none,
        reach: { kind: "ALL" },
        picksMissionLocale: true,
        picksSchool: true,
        showsFunnel: true,
        budgetBy: "MISSION_LOCALE",
      };
    case "EVALUATOR":
      return { ...none, reach: { kind: "ALL" }, picksMissionLocale: true, picksSchool: true, showsFunnel: true };
    case "REFERENT":
      return { ...none, reach: fileReach(actor), picksSchool: true, picksCaseload: true, showsFunnel: true, budgetBy: "SCHOOL" };
    case "SCHOOL":
      return { ...none, reach: fileReach(actor) };
    case "YOUTH":
      return { ...none, reach: { kind: "NONE" } };
  }
}

/** Who must sign in with the second factor when REQUIRE_TOTP is on: the coordinator (every youth
 * file, every account) and the research team (the programme-wide pseudonymised data). */
export function secondFactorRequired(actor: Pick<Actor, "role">): boolean {
  return actor.role === "ADMIN" || actor.role === "EVALUATOR";
}
