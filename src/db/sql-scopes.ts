// The policy's file reach (src/auth/policy.ts, fileReach) as SQL conditions, for the raw aggregate
// reads: the same rules as its Prisma scopes (tests/db/sql-scopes.test.ts compares them for every
// kind of reach). `alias` names the table's row in the query it goes into.
import { Prisma } from "../generated/prisma/client.ts";
import type { FileReach, InstructorReach, MissionLocaleReach } from "../auth/policy.ts";

const EVERYTHING = Prisma.sql`1 = 1`;
const NOTHING = Prisma.sql`1 = 0`;

/** A condition on a "Youth" row. */
export function youthInReach(reach: FileReach, alias: string): Prisma.Sql {
  const youth = Prisma.raw(`"${alias}"`);
  switch (reach.kind) {
    case "ALL":
      return EVERYTHING;
    case "MISSION_LOCALE":
      return Prisma.sql`${youth}."missionLocaleId" = ${reach.missionLocaleId}`;
    case "SCHOOL":
      return Prisma.sql`EXISTS (SELECT 1 FROM "Enrolment" reach_e WHERE reach_e."youthId" = ${youth}."id"
        AND reach_e."drivingSchoolId" = ${reach.drivingSchoolId} AND reach_e."isCurrent" = ${true})`;
    case "OWN":
      return Prisma.sql`${youth}."id" = ${reach.youthId}`;
    case "NONE":
      return NOTHING;
  }
}

/** A condition on an "Enrolment" row (a lesson is in reach when its enrolment is). */
export function enrolmentInReach(reach: FileReach, alias: string): Prisma.Sql {
  const enrolment = Prisma.raw(`"${alias}"`);
  switch (reach.kind) {
    case "ALL":
      return EVERYTHING;
    case "MISSION_LOCALE":
      return Prisma.sql`${enrolment}."youthId" IN (SELECT reach_y."id" FROM "Youth" reach_y WHERE reach_y."missionLocaleId" = ${reach.missionLocaleId})`;
    case "SCHOOL":
      return Prisma.sql`${enrolment}."drivingSchoolId" = ${reach.drivingSchoolId} AND ${enrolment}."isCurrent" = ${true}`;
    case "OWN":
      return Prisma.sql`${enrolment}."youthId" = ${reach.youthId}`;
    case "NONE":
      return NOTHING;
  }
}

/** A condition on a "Lesson" row joined to its "Enrolment" (a lesson is in reach when its
 * enrolment is). A school's goes through the lesson's own school, kept on the row: the school's
 * lessons of a period are then one index range, whatever the number of its enrolments. */
export function lessonInReach(reach: FileReach, lessonAlias: string, enrolmentAlias: string): Prisma.Sql {
  if (reach.kind !== "SCHOOL") return enrolmentInReach(reach, enrolmentAlias);
  return Prisma.sql`${Prisma.raw(`"${lessonAlias}"`)}."drivingSchoolId" = ${reach.drivingSchoolId} AND ${Prisma.raw(`"${enrolmentAlias}"`)}."isCurrent" = ${true}`;
}

/** A condition on a "User" row: the instructors a person reaches (policy.ts, instructorReach). */
export function instructorInReach(reach: InstructorReach, alias: string): Prisma.Sql {
  const user = Prisma.raw(`"${alias}"`);
  switch (reach.kind) {
    case "ANY_SCHOOL":
      return Prisma.sql`${user}."role" = 'SCHOOL' AND ${user}."isActive" = ${true}`;
    case "SCHOOL":
      return Prisma.sql`${user}."role" = 'SCHOOL' AND ${user}."isActive" = ${true} AND ${user}."drivingSchoolId" = ${reach.drivingSchoolId}`;
    case "NONE":
      return NOTHING;
  }
}

/** A condition on a "MissionLocale" row: those in the person's reach (policy.ts, missionLocaleReach). */
export function missionLocaleInReach(reach: MissionLocaleReach, alias: string): Prisma.Sql {
  switch (reach.kind) {
    case "ALL":
      return EVERYTHING;
    case "ONE":
      return Prisma.sql`${Prisma.raw(`"${alias}"`)}."id" = ${reach.missionLocaleId}`;
    case "NONE":
      return NOTHING;
  }
}

/** A condition on an "Enrolment" row of a youth file already found in reach: the enrolments the
 * policy shows in it (visibleEnrolments), without enrolmentInReach's list of a whole Mission
 * Locale's youths. */
export function enrolmentShownInFile(reach: FileReach, alias: string): Prisma.Sql {
  const enrolment = Prisma.raw(`"${alias}"`);
  switch (reach.kind) {
    case "SCHOOL":
      return Prisma.sql`${enrolment}."drivingSchoolId" = ${reach.drivingSchoolId} AND ${enrolment}."isCurrent" = ${true}`;
    case "NONE":
      return NOTHING;
    default:
      return EVERYTHING;
  }
}

/** A condition on a "Recommendation" row: its youth's file in reach; a young person reads only
 * their accepted ones (recommendationScope). */
export function recommendationInReach(reach: FileReach, alias: string): Prisma.Sql {
  const recommendation = Prisma.raw(`"${alias}"`);
  if (reach.kind === "OWN") {
    return Prisma.sql`${recommendation}."youthId" = ${reach.youthId} AND ${recommendation}."status" IN ('ACCEPTED', 'DONE')`;
  }
  return Prisma.sql`EXISTS (SELECT 1 FROM "Youth" reach_ry WHERE reach_ry."id" = ${recommendation}."youthId" AND ${youthInReach(reach, "reach_ry")})`;
}
