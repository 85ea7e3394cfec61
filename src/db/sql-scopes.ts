// The policy's file reach (src/auth/policy.ts, fileReach) as SQL conditions, for the raw aggregate
// reads: the same rules as its Prisma scopes (tests/db/sql-scopes.test.ts compares them for every
// kind of reach). `alias` names the table's row in the query it goes into.
import { Prisma } from "../generated/prisma/client.ts";
import type { FileReach, MissionLocaleReach } from "../auth/policy.ts";

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

/** A condition on a "MissionLocale" row. */
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
