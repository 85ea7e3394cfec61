import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, LoginPage } from "./pages/login-page.ts";
import { expectNoSeriousViolations } from "./pages/checks.ts";

test("the sign-in page has no serious accessibility violation", async ({ page }) => {
  await new LoginPage(page).open();
  await expectNoSeriousViolations(page);
});

test("a wrong password shows one generic message and keeps the identifier", async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("coordination@autonomie.test", "pas le bon mot de passe");
  await expect(page.getByRole("alert")).toContainText("Identifiant ou mot de passe incorrect.");
  await expect(page.getByLabel("Adresse e-mail ou référence")).toHaveValue("coordination@autonomie.test");
});

for (const account of DEMO_ACCOUNTS) {
  test(`${account.email} signs in, sees the home, which passes axe, and signs out`, async ({ page }) => {
    const login = new LoginPage(page);
    await login.open();
    await login.signIn(account.email);
    await expect(page).toHaveURL(new RegExp(`${account.home}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(account.heading);
    await expectNoSeriousViolations(page);
    await login.signOut();
  });
}

test("the youth's page works on a phone-sized screen and lists the 31 skills", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("jeune@autonomie.test");
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.locator("[data-skill]")).toHaveCount(31);
  await expectNoSeriousViolations(page);
});
