import { describe, expect, it } from "vitest";
import { nameKeyOf } from "../../src/features/applications/duplicates.ts";
import { signedIn } from "../helpers/app.ts";
import { makeCohort, makeMissionLocale, makeUser, PASSWORD, testDb } from "../helpers/factories.ts";
import { makeQuota } from "../helpers/lottery-factories.ts";

// Youth.nameKey is what possible duplicates are looked up by: every way a youth's last name or
// birth date is written must write it too.
const HEADER =
  "nom;prenom;date_naissance;genre;email;telephone;code_postal;ville;situation;projet_professionnel;accord_tirage;accord_evaluation";

async function counsellorSetUp() {
  const cohort = await makeCohort();
  const missionLocale = await makeMissionLocale();
  await makeQuota(cohort.id, missionLocale.id, 10);
  const referent = await makeUser("REFERENT", { missionLocaleId: missionLocale.id });
  const as = await signedIn(referent.email, PASSWORD);
  return { cohort, missionLocale, as };
}

function applicationForm(cohortId: string, names: { lastName: string; birthDate: string }) {
  return {
    cohortId,
    firstName: "Jade",
    ...names,
    gender: "FEMALE",
    employmentStatus: "EMPLOYEE",
    professionalProject: "Auxiliaire de vie : visites à domicile",
    lotteryConsent: "on",
    evaluationConsent: "on",
  };
}

describe("Youth.nameKey", () => {
  it("a new application, then its edit — of the last name and the birth date — writes the key, then rewrites it", async () => {
    const { cohort, as } = await counsellorSetUp();
    const created = await as.agent
      .post("/applications")
      .type("form")
      .send({ ...applicationForm(cohort.id, { lastName: "Kappa-Lefèvre", birthDate: "2004-02-14" }), _csrf: as.csrf });
    expect(created.status).toBe(303);
    const id = created.headers.location!.split("/").pop()!;
    const { youthId } = await testDb.application.findUniqueOrThrow({ where: { id }, select: { youthId: true } });
    expect((await testDb.youth.findUniqueOrThrow({ where: { id: youthId } })).nameKey).toBe("KAPPALEFEVRE|2004-02-14");

    const edited = await as.agent
      .post(`/applications/${id}`)
      .type("form")
      .send({ ...applicationForm(cohort.id, { lastName: "Lambda Ménard", birthDate: "2003-11-02" }), _csrf: as.csrf });

    expect(edited.status).toBe(303);
    const youth = await testDb.youth.findUniqueOrThrow({ where: { id: youthId } });
    expect(youth.nameKey).toBe("LAMBDAMENARD|2003-11-02");
    expect(youth.nameKey).toBe(nameKeyOf(youth));
  });

  it("an import — of accented names — writes each youth's key", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const csv = `${HEADER}\nMû-Ñúñez;Léa;14/02/2004;F;;;;;JOB_SEEKER;Cariste;oui;oui\nd’Ançay;Noé;03/11/2002;H;;;;;JOB_SEEKER;Maçon;oui;oui`;

    const response = await as.agent
      .post("/applications/import")
      .type("form")
      .send({ cohortId: cohort.id, missionLocaleId: missionLocale.id, csv, _csrf: as.csrf });

    expect(response.status).toBe(303);
    const youths = await testDb.youth.findMany({
      where: { missionLocaleId: missionLocale.id },
      select: { nameKey: true },
      orderBy: { nameKey: "asc" },
    });
    expect(youths.map((youth) => youth.nameKey)).toEqual(["DANCAY|2002-11-03", "MUNUNEZ|2004-02-14"]);
  });
});
