// `npm run admin:create`: the first coordinator of a production database, through the exported
// command function, then through the real /activate and /login pages.
import { describe, expect, it } from "vitest";
import { anonymous, freshApp } from "../helpers/app.ts";
import { makeUser, testDb } from "../helpers/factories.ts";
import { adminCreate } from "../../scripts/first-admin.ts";
import { planStartup } from "../../scripts/startup.ts";

const CODE_PATTERN = /([A-Z2-9]{4}(?:-[A-Z2-9]{4}){6})/;
const NEW_PASSWORD = "une phrase de passe pour la coordination";

function terminal() {
  const printed: string[] = [];
  const complaints: string[] = [];
  return { printed, complaints, io: { print: (text: string) => printed.push(text), complain: (text: string) => complaints.push(text) } };
}

describe("admin:create", () => {
  // First in the file: this file's database starts empty (tests/helpers/per-file-database.ts).
  it("first coordinator — empty production database — an ADMIN without password and a letter whose code activates it", async () => {
    const { printed, io } = terminal();
    expect(await planStartup({ demo: false })).toBe("FIRST_ADMIN");

    const exitCode = await adminCreate(
      ["Premiere.Coordinatrice@Exemple.fr", "--name", "Anne Martin", "--url", "https://spid.exemple.fr/"],
      io,
    );

    expect(exitCode).toBe(0);
    const letter = printed.join("\n");
    expect(letter).toContain("https://spid.exemple.fr/activate");
    expect(letter).toMatch(/jusqu'au \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    const code = CODE_PATTERN.exec(letter)?.[1];
    expect(code).toBeTruthy();
    const admin = await testDb.user.findUniqueOrThrow({ where: { email: "premiere.coordinatrice@exemple.fr" } });
    expect(admin).toMatchObject({ role: "ADMIN", displayName: "Anne Martin", passwordHash: null });
    expect(
      await testDb.auditEvent.count({ where: { entityId: admin.id, action: { in: ["ACCOUNT_CREATED", "ACCOUNT_CODE_ISSUED"] } } }),
    ).toBe(2);
    expect(await planStartup({ demo: true })).toBe("READY");

    const { agent, csrf } = await anonymous(freshApp());
    const activated = await agent
      .post("/activate")
      .type("form")
      .send({ code, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, _csrf: csrf });
    expect(activated.status).toBe(303);
    const signIn = await anonymous(freshApp());
    const response = await signIn.agent
      .post("/login")
      .type("form")
      .send({ email: admin.email, password: NEW_PASSWORD, _csrf: signIn.csrf });
    expect(response.status).toBe(303);
  });

  it("admin:create — the e-mail already has an account — refuses with exit code 1 and creates nothing", async () => {
    const existing = await makeUser("REFERENT");
    const { printed, complaints, io } = terminal();
    const usersBefore = await testDb.user.count();

    const exitCode = await adminCreate([existing.email.toUpperCase()], io);

    expect(exitCode).toBe(1);
    expect(complaints.join("\n")).toContain("Un compte existe déjà avec cette adresse e-mail.");
    expect(printed).toEqual([]);
    expect(await testDb.user.count()).toBe(usersBefore);
    expect((await testDb.user.findUniqueOrThrow({ where: { id: existing.id } })).role).toBe("REFERENT");
  });

  it.each([
    ["no e-mail", []],
    ["two e-mails", ["a@exemple.fr", "b@exemple.fr"]],
    ["not an e-mail", ["coordination"]],
    ["an unknown option", ["a@exemple.fr", "--role", "ADMIN"]],
    ["a URL that is not http(s)", ["a@exemple.fr", "--url", "ftp://exemple.fr"]],
  ])("admin:create — %s — prints the reason, exit code 1, no account", async (_label, argv) => {
    const { complaints, io } = terminal();
    const usersBefore = await testDb.user.count();

    const exitCode = await adminCreate(argv, io);

    expect(exitCode).toBe(1);
    expect(complaints.join("\n")).not.toBe("");
    expect(await testDb.user.count()).toBe(usersBefore);
  });
});
