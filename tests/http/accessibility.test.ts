import request from "supertest";
import { describe, expect, it } from "vitest";
import { signedIn, testApp } from "../helpers/app.ts";
import { makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";

/** Each form field block of a page: its label, hint and control. */
function fieldBlocks(html: string): string[] {
  return html
    .split('<div class="field')
    .slice(1)
    .map((block) => block.split("</div>")[0] ?? "");
}

describe("favicon", () => {
  it("GET /favicon.ico — without a session — redirects to the SVG icon, no cookie set", async () => {
    const response = await request(testApp()).get("/favicon.ico");
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe("/public/favicon.svg");
    expect(response.headers["set-cookie"]).toBeUndefined();
    const icon = await request(testApp()).get("/public/favicon.svg");
    expect(icon.status).toBe(200);
    expect(icon.headers["content-type"]).toContain("image/svg+xml");
  });

  it("pages — the head — links the SVG favicon", async () => {
    const page = await request(testApp()).get("/login");
    expect(page.text).toContain('<link rel="icon" href="/public/favicon.svg" type="image/svg+xml">');
  });
});

describe("phone numbers", () => {
  it("youth file — the young person's phone — a tap-to-call link in +33 form, shown in pairs", async () => {
    const world = await makeWorld();
    await testDb.youth.update({ where: { id: world.home.youth.id }, data: { phone: "0612345678" } });
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);
    const page = await agent.get(`/youths/${world.home.youth.id}`);
    expect(page.text).toContain('<a href="tel:+33612345678">06 12 34 56 78</a>');
  });

  it("application — the applicant's phone — a tap-to-call link", async () => {
    const world = await makeWorld();
    await testDb.youth.update({ where: { id: world.home.youth.id }, data: { phone: "0798765432" } });
    const application = await testDb.application.create({
      data: { youthId: world.home.youth.id, cohortId: world.cohort.id, status: "SUBMITTED" },
    });
    const { agent } = await signedIn(world.home.referent.email, PASSWORD);
    const page = await agent.get(`/applications/${application.id}`);
    expect(page.text).toContain('<a href="tel:+33798765432">07 98 76 54 32</a>');
  });

  it("/me — the driving school's phone — a tap-to-call link", async () => {
    const world = await makeWorld();
    await testDb.drivingSchool.update({ where: { id: world.home.school.id }, data: { phone: "02 38 53 21 47" } });
    const { agent } = await signedIn(world.home.youthUser.email, PASSWORD);
    const page = await agent.get("/me");
    expect(page.text).toContain('<a href="tel:+33238532147">02 38 53 21 47</a>');
  });
});

describe("form labels and error summary", () => {
  it("form pages — a field marked optional — never has a hint saying it is required", async () => {
    const world = await makeWorld();
    const admin = await signedIn(world.admin.email, PASSWORD);
    const school = await signedIn(world.home.schoolUser.email, PASSWORD);
    const pages = [
      await admin.agent.get("/accounts/new"),
      await admin.agent.get("/applications/new"),
      await admin.agent.get("/cohorts/new"),
      await school.agent.get(`/enrolments/${world.home.enrolment.id}/exams`),
    ];
    const contradictions = pages
      .flatMap((page) => fieldBlocks(page.text))
      .filter((block) => block.includes("(facultatif)") && /obligatoire/i.test(block));
    expect(pages.map((page) => page.status)).toEqual([200, 200, 200, 200]);
    expect(contradictions).toEqual([]);
  });

  it("account form — fields required for some roles only — say when, without the required attribute", async () => {
    const world = await makeWorld();
    const { agent } = await signedIn(world.admin.email, PASSWORD);
    const page = await agent.get("/accounts/new");
    const email = fieldBlocks(page.text).find((block) => block.includes('id="email"')) ?? "";
    expect(email).toContain("(obligatoire pour l&#39;équipe)");
    expect(email).not.toContain("required");
    const role = fieldBlocks(page.text).find((block) => block.includes('id="role"')) ?? "";
    expect(role).toContain('required aria-required="true"');
    expect(role).not.toContain("(facultatif)");
  });

  it("rejected form — error summary — focusable, its script loaded, a link to each field", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);
    const response = await agent
      .post("/cohorts")
      .type("form")
      .send({ name: "", drawDate: "", aidCap: "1000", contribution: "250", _csrf: csrf });
    expect(response.status).toBe(422);
    expect(response.text).toMatch(/<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">/);
    expect(response.text).toContain('href="#name"');
    expect(response.text).toContain('href="#drawDate"');
    expect(response.text).toMatch(/<script src="\/public\/js\/error-summary\.js\?v=[0-9a-f]{10}" defer><\/script>/);
    expect(response.text).toContain('value="1000"');
  });
});
