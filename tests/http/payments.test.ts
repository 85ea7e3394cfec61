import { describe, expect, it } from "vitest";
import { signedIn, withReferencesDecoded } from "../helpers/app.ts";
import { makeEnrolment, makeSchool, makeUser, makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { parisDateTime, parisIsoDay } from "../../src/domain/time.ts";

type World = Awaited<ReturnType<typeof makeWorld>>;

const TODAY = parisIsoDay(new Date());

/** The page's text as a person reads it: apostrophes unescaped, French no-break spaces as spaces. */
const readable = (html: string) =>
  withReferencesDecoded(html)
    .replace(/&#39;/g, "'")
    .replace(/[\u00a0\u202f]/g, " ");

async function as(email: string) {
  const { agent, csrf } = await signedIn(email, PASSWORD);
  const pay = (enrolmentId: string, body: Record<string, string>) =>
    agent
      .post(`/enrolments/${enrolmentId}/payments`)
      .type("form")
      .send({ paidOn: TODAY, ...body, _csrf: csrf });
  return { agent, pay };
}

const paymentsOf = (enrolmentId: string) =>
  testDb.payment.findMany({
    where: { enrolmentId },
    orderBy: { createdAt: "asc" },
    select: { payer: true, amountCents: true, label: true },
  });

const aid = (w: World, amount: string, label = "Leçons") => ({ payer: "PROGRAMME", amount, label });

describe("POST /enrolments/:id/payments", () => {
  it("payment — the coordinator records 610,00 € of aid — 303 to the file, one row in cents, audited", async () => {
    const world = await makeWorld();
    const admin = await as(world.admin.email);

    const response = await admin.pay(world.home.enrolment.id, {
      payer: "PROGRAMME",
      amount: "610,00",
      paidOn: "2026-11-02",
      label: "Leçons d'octobre",
    });

    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/youths/${world.home.youth.id}#financement`);
    const [row] = await testDb.payment.findMany({ where: { enrolmentId: world.home.enrolment.id } });
    expect(row).toMatchObject({ payer: "PROGRAMME", amountCents: 61_000, label: "Leçons d'octobre", recordedById: world.admin.id });
    expect(row?.paidOn).toEqual(parisDateTime("2026-11-02", "12:00"));
    const audit = await testDb.auditEvent.findFirst({ where: { action: "PAYMENT_RECORDED", entityId: row?.id } });
    expect(audit?.actorId).toBe(world.admin.id);
  });

  it("payment — a counsellor records the youth's contribution typed with a point — 303, 150,50 € stored", async () => {
    const world = await makeWorld();
    const referent = await as(world.home.referent.email);

    const response = await referent.pay(world.home.enrolment.id, { payer: "YOUTH", amount: "150.50", label: "" });

    expect(response.status).toBe(303);
    expect(await paymentsOf(world.home.enrolment.id)).toEqual([{ payer: "YOUTH", amountCents: 15_050, label: null }]);
  });

  it("payment — a bad amount and a bad date — 422, French messages by the fields, the typed values kept", async () => {
    const world = await makeWorld();
    const admin = await as(world.admin.email);

    const response = await admin.pay(world.home.enrolment.id, { payer: "YOUTH", amount: "12,505", paidOn: "31/02/2026", label: "Espèces" });

    expect(response.status).toBe(422);
    const page = readable(response.text);
    expect(page).toContain("Saisissez un montant en euros, au plus 2 chiffres après la virgule");
    expect(page).toContain("Saisissez la date du paiement");
    expect(page).toContain('value="12,505"');
    expect(page).toContain('value="Espèces"');
    expect(await paymentsOf(world.home.enrolment.id)).toEqual([]);
  });

  it("payment — a date to come or an amount of zero — 422 with the reason", async () => {
    const world = await makeWorld();
    const admin = await as(world.admin.email);

    const future = await admin.pay(world.home.enrolment.id, { payer: "YOUTH", amount: "10", paidOn: "2999-01-01" });
    const zero = await admin.pay(world.home.enrolment.id, { payer: "YOUTH", amount: "0,00" });

    expect(future.status).toBe(422);
    expect(readable(future.text)).toContain("Un paiement ne se date pas dans le futur");
    expect(zero.status).toBe(422);
    expect(readable(zero.text)).toContain("Le montant ne peut pas être nul.");
  });

  it("payment — aid reaching exactly 1 000 € in two payments — both accepted; one more cent refused with 0 € left", async () => {
    const world = await makeWorld();
    const admin = await as(world.admin.email);

    expect((await admin.pay(world.home.enrolment.id, aid(world, "600"))).status).toBe(303);
    expect((await admin.pay(world.home.enrolment.id, aid(world, "400,00", "Examen"))).status).toBe(303);
    const over = await admin.pay(world.home.enrolment.id, aid(world, "0,01", "Frais"));

    expect(over.status).toBe(422);
    expect(readable(over.text)).toContain("Ce paiement dépasserait l'aide maximale de 1 000 € : il reste 0 € à financer.");
    expect((await paymentsOf(world.home.enrolment.id)).reduce((sum, p) => sum + p.amountCents, 0)).toBe(100_000);
  });

  it("payment — 1 000,01 € of aid at once — 422 with the amount still available, the amount kept", async () => {
    const world = await makeWorld();
    const admin = await as(world.admin.email);

    const response = await admin.pay(world.home.enrolment.id, aid(world, "1 000,01"));

    expect(response.status).toBe(422);
    expect(readable(response.text)).toContain("il reste 1 000 € à financer");
    expect(response.text).toContain('value="1 000,01"');
    expect(await paymentsOf(world.home.enrolment.id)).toEqual([]);
  });

  it("payment — two aid payments sent at once that together exceed the cap — exactly one accepted", async () => {
    const world = await makeWorld();
    const admin = await as(world.admin.email);

    const responses = await Promise.all([
      admin.pay(world.home.enrolment.id, aid(world, "600", "Leçons A")),
      admin.pay(world.home.enrolment.id, aid(world, "600", "Leçons B")),
    ]);

    expect(responses.map((r) => r.status).sort()).toEqual([303, 422]);
    expect(readable(responses.find((r) => r.status === 422)!.text)).toContain("il reste 400 € à financer");
    expect((await paymentsOf(world.home.enrolment.id)).map((p) => p.amountCents)).toEqual([60_000]);
  });

  it("payment — the same form sent twice at once — one row, both answers 303", async () => {
    const world = await makeWorld();
    const admin = await as(world.admin.email);

    const responses = await Promise.all([
      admin.pay(world.home.enrolment.id, aid(world, "100")),
      admin.pay(world.home.enrolment.id, aid(world, "100")),
    ]);

    expect(responses.map((r) => r.status)).toEqual([303, 303]);
    expect(await paymentsOf(world.home.enrolment.id)).toHaveLength(1);
  });

  it("payment — the contribution above what is due — 422 with what remains to pay", async () => {
    const world = await makeWorld();
    const referent = await as(world.home.referent.email);

    expect((await referent.pay(world.home.enrolment.id, { payer: "YOUTH", amount: "200" })).status).toBe(303);
    const over = await referent.pay(world.home.enrolment.id, { payer: "YOUTH", amount: "50,01" });

    expect(over.status).toBe(422);
    expect(readable(over.text)).toContain("Ce paiement dépasserait la participation due de 250 € : il reste 50 € à payer.");
  });

  it("payment — aid paid on a former enrolment of the same cohort — counts against the cap", async () => {
    const world = await makeWorld();
    const former = await makeEnrolment(world.home.youth.id, (await makeSchool(world.home.missionLocale.id)).id, world.cohort.id, false);
    await testDb.payment.create({ data: { enrolmentId: former.id, payer: "PROGRAMME", amountCents: 90_000, paidOn: new Date() } });
    const admin = await as(world.admin.email);

    const response = await admin.pay(world.home.enrolment.id, aid(world, "200"));

    expect(response.status).toBe(422);
    expect(readable(response.text)).toContain("il reste 100 € à financer");
  });
});

describe("POST /enrolments/:id/payments — corrections", () => {
  it("correction — a negative amount without its reason — 422 on the label", async () => {
    const world = await makeWorld();
    const admin = await as(world.admin.email);
    await admin.pay(world.home.enrolment.id, aid(world, "300"));

    const response = await admin.pay(world.home.enrolment.id, { payer: "PROGRAMME", amount: "-50", label: "  " });

    expect(response.status).toBe(422);
    expect(readable(response.text)).toContain("Une correction (montant négatif) doit dire pourquoi : saisissez le motif.");
    expect(response.text).toContain('value="-50"');
  });

  it("correction — a negative amount with its reason — a new row, audited as a correction, the remainder restored", async () => {
    const world = await makeWorld();
    const admin = await as(world.admin.email);
    await admin.pay(world.home.enrolment.id, aid(world, "1000"));

    const response = await admin.pay(world.home.enrolment.id, { payer: "PROGRAMME", amount: "-120,50", label: "Leçon comptée deux fois" });

    expect(response.status).toBe(303);
    expect((await paymentsOf(world.home.enrolment.id)).map((p) => p.amountCents)).toEqual([100_000, -12_050]);
    expect(await testDb.auditEvent.count({ where: { action: "PAYMENT_CORRECTED", actorId: world.admin.id } })).toBe(1);
    const file = readable((await admin.agent.get(`/youths/${world.home.youth.id}`)).text);
    expect(file).toContain("reste à financer : 120,50 €");
    expect(file).toContain("Correction : Leçon comptée deux fois");
  });

  it("correction — more than what was paid — 422, no total below zero", async () => {
    const world = await makeWorld();
    const referent = await as(world.home.referent.email);
    await referent.pay(world.home.enrolment.id, { payer: "YOUTH", amount: "20" });

    const response = await referent.pay(world.home.enrolment.id, { payer: "YOUTH", amount: "-20,01", label: "Erreur de saisie" });

    expect(response.status).toBe(422);
    expect(readable(response.text)).toContain("au plus 20 € pour la participation");
  });
});

describe("POST /enrolments/:id/payments — who may", () => {
  it("payment — a counsellor recording the programme's aid — 403, nothing written", async () => {
    const world = await makeWorld();
    const referent = await as(world.home.referent.email);

    const response = await referent.pay(world.home.enrolment.id, aid(world, "100"));

    expect(response.status).toBe(403);
    expect(await paymentsOf(world.home.enrolment.id)).toEqual([]);
  });

  it("payment — a school, the youth, an evaluator — 403", async () => {
    const world = await makeWorld();
    for (const email of [world.home.schoolUser.email, world.home.youthUser.email, world.evaluator.email]) {
      const response = await (await as(email)).pay(world.home.enrolment.id, { payer: "YOUTH", amount: "10" });
      expect(response.status, email).toBe(403);
    }
    expect(await paymentsOf(world.home.enrolment.id)).toEqual([]);
  });

  it("payment — a counsellor of another Mission Locale — 404, nothing written", async () => {
    const world = await makeWorld();
    const referent = await as(world.home.referent.email);

    const response = await referent.pay(world.away.enrolment.id, { payer: "YOUTH", amount: "10" });

    expect(response.status).toBe(404);
    expect(await paymentsOf(world.away.enrolment.id)).toEqual([]);
  });

  it("payment — an enrolment that does not exist — 404 for the coordinator", async () => {
    const admin = await makeUser("ADMIN");
    const response = await (await as(admin.email)).pay("does-not-exist", { payer: "YOUTH", amount: "10" });
    expect(response.status).toBe(404);
  });
});

describe("the remainders on the pages", () => {
  it("youth file — payments made — aid and contribution with what remains, the rows, the form for the coordinator", async () => {
    const world = await makeWorld();
    const admin = await as(world.admin.email);
    await admin.pay(world.home.enrolment.id, { payer: "PROGRAMME", amount: "610", paidOn: "2026-11-02", label: "Leçons" });
    await admin.pay(world.home.enrolment.id, { payer: "YOUTH", amount: "100", paidOn: "2026-11-03" });

    const page = readable((await admin.agent.get(`/youths/${world.home.youth.id}`)).text);

    expect(page).toContain("d'aide du programme payée sur 1 000 € — reste à financer : 390 €");
    expect(page).toContain("de participation payée sur 250 € — reste à payer : 150 €");
    expect(page).toContain("02/11/2026");
    expect(page).toContain('action="/enrolments/' + world.home.enrolment.id + '/payments"');
    expect(page).toContain('name="payer" value="PROGRAMME"');
  });

  it("youth file — as the counsellor — the form records the contribution only; as the school — no form", async () => {
    const world = await makeWorld();
    const referentPage = (await (await as(world.home.referent.email)).agent.get(`/youths/${world.home.youth.id}`)).text;
    const schoolPage = readable((await (await as(world.home.schoolUser.email)).agent.get(`/youths/${world.home.youth.id}`)).text);

    expect(referentPage).toContain('<input type="hidden" name="payer" value="YOUTH">');
    expect(referentPage).not.toContain('value="PROGRAMME"');
    expect(schoolPage).toContain("reste à financer");
    expect(schoolPage).not.toContain("/payments");
  });

  it("caseload — aid paid, a contribution partly paid — what remains to finance and to pay in the youth's row", async () => {
    const world = await makeWorld();
    const referent = await as(world.home.referent.email);
    await (await as(world.admin.email)).pay(world.home.enrolment.id, aid(world, "610"));
    await referent.pay(world.home.enrolment.id, { payer: "YOUTH", amount: "100" });

    const page = readable((await referent.agent.get("/caseload?all=1")).text);

    expect(page).toContain("610 € / 1 000 €<br><small>reste à financer : 390 €</small>");
    expect(page).toContain("100 € / 250 €<br><small>reste à payer : 150 €</small>");
  });

  it("/me — payments made — the plain money sentence", async () => {
    const world = await makeWorld();
    const admin = await as(world.admin.email);
    await admin.pay(world.home.enrolment.id, aid(world, "610"));
    await admin.pay(world.home.enrolment.id, { payer: "YOUTH", amount: "250" });

    const page = readable((await (await as(world.home.youthUser.email)).agent.get("/me")).text);

    expect(page).toContain(
      "Le programme a payé 610 € sur 1 000 €. Votre participation : 250 € payés sur 250 €. Il vous reste 0 € à payer.",
    );
  });
});
