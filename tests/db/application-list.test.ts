// The applications list (one raw statement) must show the applications the policy's Prisma scope
// and the search's Prisma form find, in the list's order, page by page, with the same total.
import { describe, expect, it } from "vitest";
import type { Prisma } from "../../src/generated/prisma/client.ts";
import { applicationScope, type Actor } from "../../src/auth/policy.ts";
import { APPLICATION_STATUSES } from "../../src/domain/enums.ts";
import { searchNameOf, youthSearchWhere } from "../../src/domain/search.ts";
import { listApplications } from "../../src/features/applications/service.ts";
import type { ApplicationSearch } from "../../src/features/applications/schemas.ts";
import { findSessionUser } from "../../src/features/sign-in/service.ts";
import { makeCohort, makeWorld, testDb } from "../helpers/factories.ts";

const PAGE_SIZE = 50;
const NAMES = [
  ["Kévin", "Dubois"],
  ["Zoé", "N'Diaye"],
  ["Jean-Pierre", "Le Goff"],
  ["Camille", "Dubois"],
  ["Anaïs", "Œuvray"],
];

/** Applications in two cohorts for `count` youths of the Mission Locale, names and statuses varied
 * (several share a name: the order among them must still be fixed). */
async function applicants(missionLocaleId: string, cohortIds: string[], count: number, tag: string) {
  for (let i = 0; i < count; i++) {
    const [firstName, lastName] = NAMES[i % NAMES.length]!;
    const youth = await testDb.youth.create({
      data: {
        ref: `AUT-2031-${tag}${String(i).padStart(3, "0")}`,
        firstName: firstName!,
        lastName: lastName!,
        searchName: searchNameOf({ firstName: firstName!, lastName: lastName! }),
        birthDate: new Date(Date.UTC(2000, i % 12, 1 + (i % 28))),
        gender: "FEMALE",
        employmentStatus: "JOB_SEEKER",
        missionLocaleId,
        email: i % 3 === 0 ? `jeune_${tag.toLowerCase()}${i}@exemple.fr` : null,
      },
    });
    const cohorts = i % 4 === 0 ? cohortIds : [cohortIds[i % cohortIds.length]!];
    await testDb.application.createMany({
      data: cohorts.map((cohortId, k) => ({
        youthId: youth.id,
        cohortId,
        status: APPLICATION_STATUSES[(i + k) % APPLICATION_STATUSES.length]!,
      })),
    });
  }
}

/** The list as Prisma computes it from the policy's scope, the id breaking ties. */
async function expected(actor: Actor, filters: ApplicationSearch) {
  const where: Prisma.ApplicationWhereInput = {
    AND: [
      applicationScope(actor),
      filters.cohortId ? { cohortId: filters.cohortId } : {},
      filters.status ? { status: filters.status } : {},
      filters.missionLocaleId ? { youth: { missionLocaleId: filters.missionLocaleId } } : {},
      filters.q ? { youth: youthSearchWhere(filters.q) } : {},
    ],
  };
  const rows = await testDb.application.findMany({
    where,
    select: { id: true },
    orderBy: [{ cohort: { drawDate: "desc" } }, { youth: { lastName: "asc" } }, { youth: { firstName: "asc" } }, { id: "asc" }],
  });
  return rows.map((row) => row.id);
}

describe("applications list", () => {
  it("listApplications — every filter, searches with accents, refs, e-mails and wildcards, each page — the applications Prisma finds, in order", async () => {
    const world = await makeWorld();
    const later = await testDb.cohort.create({
      data: { name: `Promotion tardive ${world.cohort.id}`, drawDate: new Date("2027-01-15T08:00:00Z") },
    });
    const other = await makeCohort();
    await applicants(world.home.missionLocale.id, [later.id, world.cohort.id, other.id], 70, "H");
    await applicants(world.away.missionLocale.id, [later.id, world.cohort.id], 12, "A");
    const counsellor = (await findSessionUser(world.home.referent.id, 0))!;
    const coordination = (await findSessionUser(world.admin.id, 0))!;
    const searches = [
      "dubois kevin",
      "DIAYE",
      "jean pierre",
      "oeuvray",
      "2031-H01",
      "_h3",
      "%",
      "exemple.fr",
      "jeune_h0@exemple.fr",
      "-- ,",
      "personne",
    ];
    const cases: [Actor, ApplicationSearch][] = [
      [counsellor, {}],
      [counsellor, { page: 2 }],
      [counsellor, { page: 9 }],
      [counsellor, { cohortId: later.id }],
      [counsellor, { status: "SUBMITTED" }],
      [counsellor, { missionLocaleId: world.away.missionLocale.id }],
      [coordination, { missionLocaleId: world.away.missionLocale.id, cohortId: later.id }],
      [coordination, { q: "dubois", page: 1 }],
      ...searches.map((q): [Actor, ApplicationSearch] => [counsellor, { q }]),
    ];

    for (const [actor, filters] of cases) {
      const all = await expected(actor, filters);
      const page = filters.page ?? 1;
      const list = await listApplications(actor, filters);

      expect(
        list.applications.map((a) => a.id),
        JSON.stringify(filters),
      ).toEqual(all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE));
      expect(list.total, JSON.stringify(filters)).toBe(all.length);
      expect(list.pageCount).toBe(Math.max(1, Math.ceil(all.length / PAGE_SIZE)));
    }
    // The cases mean something: more than a page, a page past the end, searches that find some.
    expect((await listApplications(counsellor, {})).total).toBeGreaterThan(PAGE_SIZE);
    expect((await expected(counsellor, { q: "dubois kevin" })).length).toBeGreaterThan(0);
    expect((await expected(counsellor, { q: "jeune_h0@exemple.fr" })).length).toBe(3);
  });

  it("listApplications — a row — carries what the list shows: names, ref, birth date, cohort, Mission Locale, status", async () => {
    const world = await makeWorld();
    const application = await testDb.application.create({
      data: { youthId: world.home.youth.id, cohortId: world.cohort.id, status: "SUBMITTED" },
    });
    const counsellor = (await findSessionUser(world.home.referent.id, 0))!;

    const list = await listApplications(counsellor, { q: world.home.youth.ref });

    expect(list.applications).toEqual([
      {
        id: application.id,
        status: "SUBMITTED",
        createdAt: application.createdAt,
        cohort: { name: world.cohort.name },
        youth: {
          ref: world.home.youth.ref,
          firstName: world.home.youth.firstName,
          lastName: world.home.youth.lastName,
          birthDate: world.home.youth.birthDate,
          missionLocale: { name: world.home.missionLocale.name },
        },
      },
    ]);
    expect(list.missionLocales).toEqual([{ id: world.home.missionLocale.id, name: world.home.missionLocale.name }]);
    expect(list.cohorts).toContainEqual({ id: world.cohort.id, name: world.cohort.name, drawDate: world.cohort.drawDate });
  });
});
