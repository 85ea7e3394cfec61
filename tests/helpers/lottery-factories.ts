// Applications, quotas and draws for the lottery's tests, made through the real services where the
// rule matters (freeze, draw) so that tests exercise the same code as the app.
import type { Actor } from "../../src/auth/policy.ts";
import { drawStratum, freezeStratum } from "../../src/features/lottery/service.ts";
import { searchNameOf } from "../../src/domain/search.ts";
import { nameKeyOf } from "../../src/features/applications/duplicates.ts";
import { makeCohort, makeMissionLocale, makeUser, testDb } from "./factories.ts";
import type { ApplicationStatus } from "../../src/domain/enums.ts";

let counter = 0;
const nextRef = () => {
  counter += 1;
  return `AUT-2031-${String(counter).padStart(5, "0")}`;
};

function adminActor(id: string): Actor {
  return { id, role: "ADMIN", missionLocaleId: null, drivingSchoolId: null, youthId: null };
}

export async function makeApplicant(
  missionLocaleId: string,
  cohortId: string,
  extra: {
    birthDate?: Date;
    firstName?: string;
    lastName?: string;
    email?: string | null;
    phone?: string | null;
    consents?: boolean;
    status?: ApplicationStatus;
    ref?: string;
  } = {},
) {
  const consentAt = extra.consents === false ? null : new Date("2026-03-01T10:00:00Z");
  const names = { firstName: extra.firstName ?? "Sacha", lastName: extra.lastName ?? `Candidat${counter}` };
  const birthDate = extra.birthDate ?? new Date("2004-05-06T00:00:00Z");
  const youth = await testDb.youth.create({
    data: {
      ref: extra.ref ?? nextRef(),
      ...names,
      searchName: searchNameOf(names),
      nameKey: nameKeyOf({ lastName: names.lastName, birthDate }),
      birthDate,
      gender: "MALE",
      email: extra.email ?? null,
      phone: extra.phone ?? null,
      employmentStatus: "JOB_SEEKER",
      professionalProject: "Maçon : aller sur les chantiers",
      lotteryConsentAt: consentAt,
      evaluationConsentAt: consentAt,
      missionLocaleId,
    },
  });
  const application = await testDb.application.create({
    data: { youthId: youth.id, cohortId, status: extra.status ?? "SUBMITTED", submittedAt: new Date() },
  });
  return { youth, application };
}

export async function makeQuota(cohortId: string, missionLocaleId: string, seats: number) {
  return testDb.cohortQuota.upsert({
    where: { cohortId_missionLocaleId: { cohortId, missionLocaleId } },
    create: { cohortId, missionLocaleId, seats },
    update: { seats },
  });
}

/** A draw validated by the committee, in a cohort and a Mission Locale of its own. */
export async function makeValidatedDraw(options: { applicants: number; seats: number }) {
  const cohort = await makeCohort();
  const missionLocale = await makeMissionLocale();
  const admin = await makeUser("ADMIN");
  const { drawId } = await makeDraw({
    cohortId: cohort.id,
    missionLocaleId: missionLocale.id,
    adminId: admin.id,
    ...options,
    validated: true,
  });
  return { cohort, missionLocale, admin, drawId };
}

/** A quota, `applicants` eligible applicants, the freeze and the draw (optionally validated). */
export async function makeDraw(options: {
  cohortId: string;
  missionLocaleId: string;
  adminId: string;
  applicants?: number;
  seats?: number;
  seed?: string;
  validated?: boolean;
}) {
  const quota = await makeQuota(options.cohortId, options.missionLocaleId, options.seats ?? 2);
  const applicants = [];
  for (let i = 0; i < (options.applicants ?? 5); i += 1) applicants.push(await makeApplicant(options.missionLocaleId, options.cohortId));
  const admin = adminActor(options.adminId);
  await freezeStratum(admin, quota.id);
  const drawId = await drawStratum(admin, quota.id, { seed: options.seed ?? "graine-de-test-42", seedIsPublic: "on" });
  if (options.validated) {
    await testDb.lotteryDraw.update({
      where: { id: drawId },
      data: { validatedAt: new Date(), validatedById: options.adminId, validationNote: "Comité de test" },
    });
  }
  return { drawId, quota, applicants };
}
