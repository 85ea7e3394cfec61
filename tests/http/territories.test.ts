import { describe, expect, it } from "vitest";
import { anonymous, freshApp, signedIn, withReferencesDecoded } from "../helpers/app.ts";
import { makeCohort, makeEnrolment, makeMissionLocale, makeSchool, makeUser, makeYouth, PASSWORD, testDb } from "../helpers/factories.ts";
import { makeDraw } from "../helpers/lottery-factories.ts";
import { TERRITORIES_PAGE_SIZE } from "../../src/features/territories/service.ts";

const CODE_PATTERN = /([A-Z2-9]{4}(?:-[A-Z2-9]{4}){6})/;
const NEW_PASSWORD = "une phrase de passe assez longue";

const unique = () => Math.random().toString(36).slice(2, 8).toUpperCase();

async function asAdmin() {
  const admin = await makeUser("ADMIN");
  return { admin, ...(await signedIn(admin.email, PASSWORD)) };
}

describe("territories — Missions Locales", () => {
  it("territories list — more Missions Locales than a page — pages of 20 by name, the last ones on the last page", async () => {
    // Named to sort after every other Mission Locale of this file.
    await testDb.missionLocale.createMany({
      data: Array.from({ length: TERRITORIES_PAGE_SIZE + 1 }, (_, i) => ({
        code: `ZZ${unique()}${i}`,
        name: `Zz pagination ${String(i).padStart(2, "0")}`,
      })),
    });
    const total = await testDb.missionLocale.count();
    const pageCount = Math.ceil(total / TERRITORIES_PAGE_SIZE);
    const { agent } = await asAdmin();

    const first = await agent.get("/territories");
    const last = await agent.get(`/territories?page=${pageCount}`);

    expect(first.text.match(/<section aria-labelledby="ml-/g)).toHaveLength(TERRITORIES_PAGE_SIZE);
    expect(first.text).toContain(`Page 1 sur ${pageCount}`);
    expect(first.text).toContain('href="?page=2"');
    expect(last.text).toContain("Zz pagination 20");
    expect(last.text).not.toContain("Page suivante");
    expect((await agent.get("/territories?page=abc")).text).toContain(`Page 1 sur ${pageCount}`);
  });

  it("territories list — Missions Locales with their schools — counts of youths, active staff and current enrolments", async () => {
    const missionLocale = await makeMissionLocale();
    const school = await makeSchool(missionLocale.id);
    await testDb.drivingSchool.update({ where: { id: school.id }, data: { phone: "0238532147", hourlyRateCents: 4550 } });
    await makeUser("SCHOOL", { drivingSchoolId: school.id });
    await makeUser("SCHOOL", { drivingSchoolId: school.id });
    const youth = await makeYouth(missionLocale.id);
    await makeEnrolment(youth.id, school.id, (await makeCohort()).id);
    const { agent } = await asAdmin();

    const page = await agent.get("/territories");

    expect(page.status).toBe(200);
    const section = page.text.slice(page.text.indexOf(`id="ml-${missionLocale.id}"`));
    expect(section).toContain(missionLocale.code);
    expect(section).toContain("1 jeune inscrit");
    expect(section).toContain(`<a href="/territories/schools/${school.id}">${school.name}</a>`);
    expect(section).toContain('<a href="tel:+33238532147">02 38 53 21 47</a>');
    expect(withReferencesDecoded(section)).toMatch(/45,50\s€/);
    expect(section).toMatch(/<td>2<\/td>\s*<td>1<\/td>/);
  });

  it("Mission Locale creation — a code typed in lower case — created in capitals, audited, back to the list", async () => {
    const { admin, agent, csrf } = await asAdmin();
    const code = `vierzon_${unique()}`;

    const response = await agent
      .post("/territories/missions-locales")
      .type("form")
      .send({ code, name: "Mission Locale de Vierzon", _csrf: csrf });

    expect(response.status).toBe(303);
    expect(response.headers.location).toBe("/territories");
    const created = await testDb.missionLocale.findUniqueOrThrow({ where: { code: code.toUpperCase() } });
    expect(created.name).toBe("Mission Locale de Vierzon");
    const audit = await testDb.auditEvent.count({ where: { actorId: admin.id, action: "MISSION_LOCALE_CREATED", entityId: created.id } });
    expect(audit).toBe(1);
  });

  it("Mission Locale creation — a code with an accent and no name — 422, French messages by the fields, the code kept", async () => {
    const { agent, csrf } = await asAdmin();

    const response = await agent.post("/territories/missions-locales").type("form").send({ code: "Orléans-Sud", name: " ", _csrf: csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain("Le code s&#39;écrit en majuscules sans accent");
    expect(response.text).toContain("Saisissez le nom de la Mission Locale");
    expect(response.text).toContain('value="Orléans-Sud"');
    expect(response.text).toContain('class="error-summary"');
  });

  it("Mission Locale creation — a code already taken — 422 on the code, nothing created", async () => {
    const existing = await makeMissionLocale();
    const { agent, csrf } = await asAdmin();
    const before = await testDb.missionLocale.count();

    const response = await agent
      .post("/territories/missions-locales")
      .type("form")
      .send({ code: existing.code.toLowerCase(), name: "Une autre", _csrf: csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain("Une Mission Locale porte déjà ce code");
    expect(response.text).toContain('value="Une autre"');
    expect(await testDb.missionLocale.count()).toBe(before);
  });

  it("Mission Locale edition — a new name and code before any draw — saved and audited with the former values", async () => {
    const missionLocale = await makeMissionLocale();
    const { admin, agent, csrf } = await asAdmin();
    const form = await agent.get(`/territories/missions-locales/${missionLocale.id}/edit`);
    expect(form.text).toContain(`value="${missionLocale.code}"`);
    const code = `BOURGES_${unique()}`;

    const response = await agent
      .post(`/territories/missions-locales/${missionLocale.id}`)
      .type("form")
      .send({ code, name: "Mission Locale de Bourges", _csrf: csrf });

    expect(response.status).toBe(303);
    expect(await testDb.missionLocale.findUniqueOrThrow({ where: { id: missionLocale.id } })).toMatchObject({
      code,
      name: "Mission Locale de Bourges",
    });
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { actorId: admin.id, action: "MISSION_LOCALE_UPDATED" } });
    expect(JSON.parse(audit.details!)).toMatchObject({ before: { code: missionLocale.code }, after: { code } });
  });

  it("Mission Locale edition — a new code once a draw was made — 422: the code is part of the draw's keys", async () => {
    const missionLocale = await makeMissionLocale();
    const { admin, agent, csrf } = await asAdmin();
    await makeDraw({ cohortId: (await makeCohort()).id, missionLocaleId: missionLocale.id, adminId: admin.id });

    const renamed = await agent
      .post(`/territories/missions-locales/${missionLocale.id}`)
      .type("form")
      .send({ code: `AUTRE_${unique()}`, name: "Nouveau nom", _csrf: csrf });
    const nameOnly = await agent
      .post(`/territories/missions-locales/${missionLocale.id}`)
      .type("form")
      .send({ code: missionLocale.code, name: "Nouveau nom", _csrf: csrf });

    expect(renamed.status).toBe(422);
    expect(renamed.text).toContain("Le code ne peut plus changer");
    expect(nameOnly.status).toBe(303);
    expect(await testDb.missionLocale.findUniqueOrThrow({ where: { id: missionLocale.id } })).toMatchObject({
      code: missionLocale.code,
      name: "Nouveau nom",
    });
  });

  it("Mission Locale edition — an unknown id — 404", async () => {
    const { agent, csrf } = await asAdmin();
    expect((await agent.get("/territories/missions-locales/nope/edit")).status).toBe(404);
    const response = await agent.post("/territories/missions-locales/nope").type("form").send({ code: "X_Y", name: "Nom", _csrf: csrf });
    expect(response.status).toBe(404);
  });
});

describe("territories — driving schools", () => {
  it("school creation — a rate typed 45,50 and a phone in +33 form — stored in cents and as 10 digits, audited", async () => {
    const missionLocale = await makeMissionLocale();
    const { admin, agent, csrf } = await asAdmin();

    const response = await agent.post("/territories/schools").type("form").send({
      name: "Auto-école du Cher",
      missionLocaleId: missionLocale.id,
      address: "3 rue de la Gare",
      city: "18100 Vierzon",
      phone: "+33 2 48 75 10 20",
      hourlyRate: "45,50",
      _csrf: csrf,
    });

    expect(response.status).toBe(303);
    const school = await testDb.drivingSchool.findFirstOrThrow({ where: { missionLocaleId: missionLocale.id } });
    expect(response.headers.location).toBe(`/territories/schools/${school.id}`);
    expect(school).toMatchObject({ name: "Auto-école du Cher", city: "18100 Vierzon", phone: "0248751020", hourlyRateCents: 4550 });
    const audit = await testDb.auditEvent.count({ where: { actorId: admin.id, action: "SCHOOL_CREATED", entityId: school.id } });
    expect(audit).toBe(1);
  });

  it("school creation — a rate with a point, no phone nor address — accepted, the optional fields empty", async () => {
    const missionLocale = await makeMissionLocale();
    const { agent, csrf } = await asAdmin();

    const response = await agent.post("/territories/schools").type("form").send({
      name: "Auto-école Sobre",
      missionLocaleId: missionLocale.id,
      address: "",
      city: "",
      phone: "",
      hourlyRate: "52.5",
      _csrf: csrf,
    });

    expect(response.status).toBe(303);
    const school = await testDb.drivingSchool.findFirstOrThrow({ where: { missionLocaleId: missionLocale.id } });
    expect(school).toMatchObject({ address: null, city: null, phone: null, hourlyRateCents: 5250 });
  });

  it("school creation — no name, a bad phone and a rate with three decimals — 422, each message by its field, values kept", async () => {
    const missionLocale = await makeMissionLocale();
    const { agent, csrf } = await asAdmin();

    const response = await agent
      .post("/territories/schools")
      .type("form")
      .send({ name: "", missionLocaleId: missionLocale.id, phone: "12 34", hourlyRate: "45,505", address: "3 rue Haute", _csrf: csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain("Saisissez le nom de l&#39;auto-école.");
    expect(response.text).toContain("Saisissez un numéro de téléphone français à 10 chiffres");
    expect(response.text).toContain("Saisissez un tarif en euros (exemple : 45,50).");
    expect(response.text).toContain('value="45,505"');
    expect(response.text).toContain('value="3 rue Haute"');
    expect(response.text).toMatch(new RegExp(`<option value="${missionLocale.id}" selected>`));
    expect(await testDb.drivingSchool.count({ where: { missionLocaleId: missionLocale.id } })).toBe(0);
  });

  it("school creation — a Mission Locale that does not exist — 422 on the Mission Locale", async () => {
    const { agent, csrf } = await asAdmin();

    const response = await agent
      .post("/territories/schools")
      .type("form")
      .send({ name: "Auto-école Fantôme", missionLocaleId: "nope", _csrf: csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain("Cette Mission Locale n&#39;existe pas.");
  });

  it("school edition — the form prefilled, then a new rate and Mission Locale — saved and audited", async () => {
    const [from, to] = [await makeMissionLocale(), await makeMissionLocale()];
    const school = await makeSchool(from.id);
    await testDb.drivingSchool.update({ where: { id: school.id }, data: { hourlyRateCents: 4550, phone: "0238532147" } });
    const { admin, agent, csrf } = await asAdmin();

    const form = await agent.get(`/territories/schools/${school.id}/edit`);
    const response = await agent
      .post(`/territories/schools/${school.id}`)
      .type("form")
      .send({ name: school.name, missionLocaleId: to.id, phone: "02 38 53 21 47", hourlyRate: "48", _csrf: csrf });

    expect(form.text).toContain('value="45,50"');
    expect(form.text).toContain('value="02 38 53 21 47"');
    expect(response.status).toBe(303);
    expect(await testDb.drivingSchool.findUniqueOrThrow({ where: { id: school.id } })).toMatchObject({
      missionLocaleId: to.id,
      hourlyRateCents: 4800,
    });
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { actorId: admin.id, action: "SCHOOL_UPDATED", entityId: school.id } });
    expect(JSON.parse(audit.details!)).toMatchObject({ before: { hourlyRateCents: 4550, missionLocaleId: from.id } });
  });

  it("school page — its staff and the link to a new staff account — the account form comes with the role and school chosen", async () => {
    const school = await makeSchool((await makeMissionLocale()).id);
    const staff = await makeUser("SCHOOL", { drivingSchoolId: school.id });
    const { agent } = await asAdmin();

    const page = await agent.get(`/territories/schools/${school.id}`);
    const link = `/accounts/new?role=SCHOOL&drivingSchoolId=${school.id}`;
    const accountForm = await agent.get(link);

    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/accounts/${staff.id}"`);
    expect(page.text).toContain(`href="${link.replace("&", "&amp;")}"`);
    expect(accountForm.text).toContain('<option value="SCHOOL" selected>');
    expect(accountForm.text).toContain(`<option value="${school.id}" selected>`);
  });
});

describe("territories — a fourth territory from the app", () => {
  it("coordinator — creates a Mission Locale, a school in it and a staff account — the account activates and sees its school's home", async () => {
    const { agent, csrf } = await asAdmin();
    const code = `BLOIS_${unique()}`;
    const email = `gerant.${unique().toLowerCase()}@ecole-blois.test`;

    await agent.post("/territories/missions-locales").type("form").send({ code, name: "Mission Locale du Blaisois", _csrf: csrf });
    const missionLocale = await testDb.missionLocale.findUniqueOrThrow({ where: { code } });
    const school = await agent
      .post("/territories/schools")
      .type("form")
      .send({ name: "Auto-école des Rives de Loire", missionLocaleId: missionLocale.id, hourlyRate: "47,00", _csrf: csrf });
    const schoolId = String(school.headers.location).split("/").pop()!;
    const letter = await agent
      .post("/accounts")
      .type("form")
      .send({ role: "SCHOOL", displayName: "Nadia Gérante", email, drivingSchoolId: schoolId, _csrf: csrf });
    const code28 = CODE_PATTERN.exec(letter.text)?.[1] ?? "";
    const visitor = await anonymous(freshApp());
    const activated = await visitor.agent
      .post("/activate")
      .type("form")
      .send({ code: code28, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, _csrf: visitor.csrf });
    const staff = await signedIn(email, NEW_PASSWORD, freshApp());
    const home = await staff.agent.get("/");

    expect(letter.status).toBe(200);
    expect(activated.status).toBe(303);
    expect(home.status).toBe(200);
    expect(home.text).toContain("Auto-école des Rives de Loire");
    const schoolPage = await agent.get(`/territories/schools/${schoolId}`);
    expect(schoolPage.text).toContain("Nadia Gérante");
    expect(withReferencesDecoded(schoolPage.text)).toMatch(/Nadia Gérante<\/a> — [^<]+ — actif/);
  });
});
