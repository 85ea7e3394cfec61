// A coordinator's second factor in the browser: a new coordinator account (so that the demo
// accounts other specs use stay without one) enrols by reading the secret the page shows, signs
// out, and signs in again with the code of an authenticator computed from that secret.
import { expect, test } from "@playwright/test";
import { generate } from "otplib";
import { LoginPage } from "./pages/login-page.ts";
import { expectNoSeriousViolations } from "./pages/checks.ts";

const NEW_PASSWORD = "Trois tortues bleues dansent sous la pluie";

test("a coordinator enrols in the second factor, signs out, and signs in with the code", async ({ page }) => {
  test.setTimeout(90_000);
  const login = new LoginPage(page);
  const email = `coordination.2fa.${Date.now()}@autonomie.test`;

  // The demo coordinator creates the account and reads its access code from the letter.
  await login.open();
  await login.signIn("coordination@autonomie.test");
  await page.goto("/accounts/new");
  await page.getByLabel("Rôle").selectOption("ADMIN");
  await page.getByLabel("Prénom et nom").fill("Camille Deuxfacteurs");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Créer le compte et préparer le courrier" }).click();
  const accessCode = (await page.locator(".access-code").textContent())?.trim() ?? "";
  expect(accessCode).not.toBe("");
  await login.signOut();

  await page.goto("/activate");
  await page.getByLabel("Code d'accès").fill(accessCode);
  await page.getByLabel("Nouveau mot de passe").fill(NEW_PASSWORD);
  await page.getByLabel("Le même mot de passe, encore une fois").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Activer mon compte" }).click();
  await expect(page).toHaveURL(/\/login$/);

  // Enrolment: the QR code and the secret as text; a code computed from the secret confirms it.
  await login.signIn(email, NEW_PASSWORD);
  await page.getByRole("link", { name: "Double authentification" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Activer la double authentification");
  await expect(page.locator(".totp-qr svg")).toBeVisible();
  await expectNoSeriousViolations(page);
  const secret = (await page.locator("[data-totp-secret]").getAttribute("data-totp-secret")) ?? "";
  expect(await page.locator("[data-totp-secret]").textContent()).toBe(secret);
  await page.getByLabel("Code de vérification").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Activer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Double authentification activée");
  await expect(page.locator("[data-recovery-codes] li")).toHaveCount(10);
  await page.getByRole("button", { name: "J'ai noté mes codes, continuer" }).click();
  await login.signOut();

  // Sign-in: after the password, the code's page; a wrong code is refused, the right one lets in.
  await login.open();
  await login.signIn(email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/login\/second-factor$/);
  await expectNoSeriousViolations(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\/second-factor$/);
  await page.getByLabel("Code de vérification").fill("000000");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByRole("alert")).toContainText("Code incorrect.");
  // The step of the enrolment is spent (no replay): the authenticator's next code is accepted.
  await page.getByLabel("Code de vérification").fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tableau de bord de la coordination");
  await login.signOut();
});
