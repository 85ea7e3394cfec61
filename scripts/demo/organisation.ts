// Missions Locales, partner driving schools and staff accounts.
import { DEMO_ACCOUNTS, EXTRA_COUNSELLORS, MISSION_LOCALES, SCHOOLS, type DemoAccountKey, type MissionLocaleCode } from "./catalog.ts";
import type { IdFactory } from "./ids.ts";
import { slugify } from "./names.ts";
import type { DemoRows, UserRow } from "./rows.ts";

export type SchoolInfo = {
  id: string;
  key: string;
  missionLocale: MissionLocaleCode;
  /** SCHOOL users who teach there; the demo account, when the school has one, comes first. */
  instructorIds: string[];
};

export type Organisation = {
  missionLocaleIds: Record<MissionLocaleCode, string>;
  schoolsByMissionLocale: Record<MissionLocaleCode, SchoolInfo[]>;
  schoolsByKey: ReadonlyMap<string, SchoolInfo>;
  /** The counsellor who follows the young people of each area. */
  counsellorIds: Record<MissionLocaleCode, string>;
  accountIds: Record<DemoAccountKey, string>;
};

type BuildInput = { rows: DemoRows; ids: IdFactory; now: Date; passwordHash: string };

function buildMissionLocales({ rows, ids, now }: BuildInput): Record<MissionLocaleCode, string> {
  const result: Partial<Record<MissionLocaleCode, string>> = {};
  for (const spec of MISSION_LOCALES) {
    const id = ids.next("missionLocale");
    rows.missionLocales.push({ id, code: spec.code, name: spec.name, createdAt: now });
    result[spec.code] = id;
  }
  return result as Record<MissionLocaleCode, string>;
}

/** An hour of driving lesson, in cents: the schools' prices differ a little, as they do. */
const DEMO_HOURLY_RATES_CENTS = [5_600, 5_800, 5_400, 6_000, 5_500, 5_700, 5_300, 5_900] as const;

function buildSchools(input: BuildInput, missionLocaleIds: Record<MissionLocaleCode, string>): Map<string, SchoolInfo> {
  const schools = new Map<string, SchoolInfo>();
  for (const [index, spec] of SCHOOLS.entries()) {
    const id = input.ids.next("drivingSchool");
    input.rows.drivingSchools.push({
      id,
      name: spec.name,
      hourlyRateCents: DEMO_HOURLY_RATES_CENTS[index % DEMO_HOURLY_RATES_CENTS.length],
      missionLocaleId: missionLocaleIds[spec.missionLocale],
      address: spec.address,
      city: spec.city,
      phone: spec.phone,
      createdAt: input.now,
    });
    schools.set(spec.key, { id, key: spec.key, missionLocale: spec.missionLocale, instructorIds: [] });
  }
  return schools;
}

function staffUser(input: BuildInput, fields: Omit<UserRow, "id">): UserRow {
  const row: UserRow = { id: input.ids.next("user"), createdAt: input.now, ...fields };
  input.rows.staffUsers.push(row);
  return row;
}

function buildDemoAccounts(
  input: BuildInput,
  missionLocaleIds: Record<MissionLocaleCode, string>,
  schools: Map<string, SchoolInfo>,
): Record<DemoAccountKey, string> {
  const accountIds: Partial<Record<DemoAccountKey, string>> = {};
  for (const spec of DEMO_ACCOUNTS) {
    if (spec.role === "YOUTH") {
      // Written after its youth (User.youthId references Youth).
      accountIds[spec.key] = input.ids.next("user");
      continue;
    }
    const school = spec.school ? schools.get(spec.school) : undefined;
    const row = staffUser(input, {
      email: spec.email,
      role: spec.role,
      displayName: spec.displayName,
      passwordHash: input.passwordHash,
      missionLocaleId: spec.missionLocale ? missionLocaleIds[spec.missionLocale] : null,
      drivingSchoolId: school?.id ?? null,
      activatedAt: input.now,
      phone: spec.phone ?? null,
    });
    school?.instructorIds.push(row.id);
    accountIds[spec.key] = row.id;
  }
  return accountIds as Record<DemoAccountKey, string>;
}

function buildInstructors(input: BuildInput, schools: Map<string, SchoolInfo>, adminId: string): void {
  for (const spec of SCHOOLS) {
    const school = schools.get(spec.key);
    if (!school) continue;
    for (const name of spec.instructors) {
      const [first = "", ...rest] = name.split(" ");
      const row = staffUser(input, {
        email: `moniteur.${slugify(first)}.${slugify(rest.join(" "))}@autonomie.test`,
        role: "SCHOOL",
        displayName: name,
        drivingSchoolId: school.id,
        createdById: adminId,
      });
      school.instructorIds.push(row.id);
    }
  }
}

export function buildOrganisation(input: BuildInput): Organisation {
  const missionLocaleIds = buildMissionLocales(input);
  const schools = buildSchools(input, missionLocaleIds);
  const accountIds = buildDemoAccounts(input, missionLocaleIds, schools);
  buildInstructors(input, schools, accountIds.admin);

  const counsellorIds: Partial<Record<MissionLocaleCode, string>> = {
    ORLEANS: accountIds.referentOrleans,
    MONTARGIS: accountIds.referentMontargis,
  };
  for (const extra of EXTRA_COUNSELLORS) {
    const row = staffUser(input, {
      email: extra.email,
      role: "REFERENT",
      displayName: extra.displayName,
      missionLocaleId: missionLocaleIds[extra.missionLocale],
      createdById: accountIds.admin,
    });
    counsellorIds[extra.missionLocale] ??= row.id;
  }

  const schoolsByMissionLocale: Record<MissionLocaleCode, SchoolInfo[]> = { ORLEANS: [], MONTARGIS: [], PITHIVIERS: [] };
  for (const school of schools.values()) schoolsByMissionLocale[school.missionLocale].push(school);
  return {
    missionLocaleIds,
    schoolsByMissionLocale,
    schoolsByKey: schools,
    counsellorIds: counsellorIds as Record<MissionLocaleCode, string>,
    accountIds,
  };
}
