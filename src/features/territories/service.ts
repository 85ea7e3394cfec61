import { db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { Actor } from "../../auth/policy.ts";
import { FormError, NotFoundError } from "../../http/errors.ts";
import { recordAudit } from "../audit/service.ts";
import type { MissionLocaleForm, SchoolForm } from "./schemas.ts";

const CODE_TAKEN = "Une Mission Locale porte déjà ce code : choisissez-en un autre.";
const CODE_IN_DRAWS =
  "Le code ne peut plus changer : il entre dans le calcul des tirages au sort de cette Mission Locale, que chacun peut refaire.";
const UNKNOWN_MISSION_LOCALE = "Cette Mission Locale n'existe pas.";

const SCHOOL_FIELDS = { id: true, name: true, address: true, city: true, phone: true, hourlyRateCents: true } as const;

const countsBy = <K extends string>(rows: readonly ({ _count: { _all: number } } & Record<K, string | null>)[], key: K) =>
  new Map(rows.map((row) => [row[key] ?? "", row._count._all]));

/** Every Mission Locale with its schools and their figures: four queries whatever the number of
 * territories (the counts are grouped in SQL). */
/** Missions Locales per page of the territories list (about a hundred in the national programme). */
export const TERRITORIES_PAGE_SIZE = 20;

/** One page of Missions Locales, by name, with their schools and counts for that page only. */
export async function listTerritories(page = 1) {
  const [total, missionLocales] = await Promise.all([
    db().missionLocale.count(),
    db().missionLocale.findMany({
      select: { id: true, code: true, name: true, drivingSchools: { select: SCHOOL_FIELDS, orderBy: { name: "asc" } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * TERRITORIES_PAGE_SIZE,
      take: TERRITORIES_PAGE_SIZE,
    }),
  ]);
  const schoolIds = missionLocales.flatMap((missionLocale) => missionLocale.drivingSchools.map((school) => school.id));
  const [youths, staff, enrolments] = await Promise.all([
    db().youth.groupBy({
      by: ["missionLocaleId"],
      where: { missionLocaleId: { in: missionLocales.map((ml) => ml.id) } },
      _count: { _all: true },
    }),
    db().user.groupBy({ by: ["drivingSchoolId"], where: { drivingSchoolId: { in: schoolIds }, isActive: true }, _count: { _all: true } }),
    db().enrolment.groupBy({
      by: ["drivingSchoolId"],
      where: { drivingSchoolId: { in: schoolIds }, isCurrent: true },
      _count: { _all: true },
    }),
  ]);
  const youthCount = countsBy(youths, "missionLocaleId");
  const staffCount = countsBy(staff, "drivingSchoolId");
  const enrolmentCount = countsBy(enrolments, "drivingSchoolId");
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / TERRITORIES_PAGE_SIZE)),
    missionLocales: missionLocales.map((missionLocale) => ({
      ...missionLocale,
      youths: youthCount.get(missionLocale.id) ?? 0,
      drivingSchools: missionLocale.drivingSchools.map((school) => ({
        ...school,
        staff: staffCount.get(school.id) ?? 0,
        currentEnrolments: enrolmentCount.get(school.id) ?? 0,
      })),
    })),
  };
}

export async function findMissionLocale(id: string) {
  const missionLocale = await db().missionLocale.findUnique({
    where: { id },
    select: { id: true, code: true, name: true, _count: { select: { freezes: true, draws: true } } },
  });
  if (!missionLocale) throw new NotFoundError();
  return missionLocale;
}

function codeTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new FormError("code", CODE_TAKEN);
  throw error;
}

export async function createMissionLocale(actor: Actor, form: MissionLocaleForm): Promise<string> {
  try {
    return await db().$transaction(async (tx) => {
      const created = await tx.missionLocale.create({ data: form, select: { id: true } });
      await recordAudit(
        { actorId: actor.id, action: "MISSION_LOCALE_CREATED", entity: "MissionLocale", entityId: created.id, details: form },
        tx,
      );
      return created.id;
    });
  } catch (error) {
    return codeTaken(error);
  }
}

export async function updateMissionLocale(actor: Actor, id: string, form: MissionLocaleForm): Promise<void> {
  const current = await findMissionLocale(id);
  // A draw's keys are sha256(seed:code:ref): a new code would make its published proof unverifiable.
  if (form.code !== current.code && current._count.freezes + current._count.draws > 0) throw new FormError("code", CODE_IN_DRAWS);
  try {
    await db().$transaction(async (tx) => {
      await tx.missionLocale.update({ where: { id }, data: form });
      await recordAudit(
        {
          actorId: actor.id,
          action: "MISSION_LOCALE_UPDATED",
          entity: "MissionLocale",
          entityId: id,
          details: { before: { code: current.code, name: current.name }, after: form },
        },
        tx,
      );
    });
  } catch (error) {
    codeTaken(error);
  }
}

/** The Missions Locales a school may belong to (its employment area). */
export async function missionLocaleChoices() {
  return db().missionLocale.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export async function findSchool(id: string) {
  const school = await db().drivingSchool.findUnique({
    where: { id },
    select: {
      ...SCHOOL_FIELDS,
      missionLocale: { select: { id: true, code: true, name: true } },
      staff: {
        select: { id: true, displayName: true, email: true, isActive: true, activatedAt: true },
        orderBy: [{ isActive: "desc" }, { displayName: "asc" }],
      },
      _count: { select: { enrolments: { where: { isCurrent: true } } } },
    },
  });
  if (!school) throw new NotFoundError();
  return school;
}

async function ensureMissionLocale(id: string): Promise<void> {
  if (!(await db().missionLocale.findUnique({ where: { id }, select: { id: true } }))) {
    throw new FormError("missionLocaleId", UNKNOWN_MISSION_LOCALE);
  }
}

function schoolData(form: SchoolForm) {
  return {
    name: form.name,
    missionLocaleId: form.missionLocaleId,
    address: form.address ?? null,
    city: form.city ?? null,
    phone: form.phone ?? null,
    hourlyRateCents: form.hourlyRate ?? null,
  };
}

export async function createSchool(actor: Actor, form: SchoolForm): Promise<string> {
  await ensureMissionLocale(form.missionLocaleId);
  const data = schoolData(form);
  return db().$transaction(async (tx) => {
    const created = await tx.drivingSchool.create({ data, select: { id: true } });
    await recordAudit({ actorId: actor.id, action: "SCHOOL_CREATED", entity: "DrivingSchool", entityId: created.id, details: data }, tx);
    return created.id;
  });
}

export async function updateSchool(actor: Actor, id: string, form: SchoolForm): Promise<void> {
  const before = await db().drivingSchool.findUnique({ where: { id }, select: { ...SCHOOL_FIELDS, missionLocaleId: true } });
  if (!before) throw new NotFoundError();
  await ensureMissionLocale(form.missionLocaleId);
  const data = schoolData(form);
  await db().$transaction(async (tx) => {
    await tx.drivingSchool.update({ where: { id }, data });
    await recordAudit(
      { actorId: actor.id, action: "SCHOOL_UPDATED", entity: "DrivingSchool", entityId: id, details: { before, after: data } },
      tx,
    );
  });
}
