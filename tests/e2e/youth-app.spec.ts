/// <reference lib="dom" />
// The young person's app on a 390 × 844 phone: the demo youth signs in, reads what to do next and
// where the money stands, and adds a planned lesson to their calendar with its .ics link.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page.ts";
import { expectNoSeriousViolations } from "./pages/checks.ts";

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

test("young person at 390 px — /me — the next step, the money sentence, a lesson added to the calendar", async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("jeune@autonomie.test");
  await expect(page).toHaveURL(/\/me$/);

  const nextStep = page.getByRole("region", { name: "Prochaine étape" });
  await expect(nextStep).toBeVisible();
  await expect(nextStep.locator("strong")).toHaveText(/\S+/);
  await expect(page.locator("[data-ledger]")).toContainText(
    /Le programme a payé .+ sur .+\. Votre participation : .+ payés sur .+\. Il vous reste .+ à payer\./,
  );
  await expect(page.getByRole("link", { name: /^0\d( \d\d){4}$/ }).first()).toHaveAttribute("href", /^tel:\+33\d{9}$/);
  await expectNoSeriousViolations(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);

  const calendarLink = page.locator("a[data-ics]").first();
  await expect(calendarLink).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), calendarLink.click()]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const calendar = await readFile(await download.path(), "utf8");
  expect(calendar).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(calendar).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/);
  expect(calendar).toContain("\r\nEND:VCALENDAR\r\n");
});

test("young person at 390 px — from /me to the resource centre — reads an article, takes a quiz, sees the score kept", async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("jeune@autonomie.test");
  await expect(page).toHaveURL(/\/me$/);

  const suggestions = page.getByRole("region", { name: "Pour vous aider" });
  await expect(suggestions.getByRole("listitem")).toHaveCount(3);
  await suggestions.getByRole("link", { name: "Toutes les ressources" }).click();
  await expect(page).toHaveURL(/\/resources$/);

  await page.getByRole("link", { name: "Financer son permis" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Financer son permis");
  await expect(page.locator(".article-body")).toContainText(/\S+/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);

  await page.goto("/resources/quiz-signalisation");
  const questions = page.locator("form fieldset");
  const count = await questions.count();
  expect(count).toBeGreaterThanOrEqual(5);
  for (let index = 0; index < count; index += 1) await questions.nth(index).getByRole("radio").nth(1).check();
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Voir mon résultat" }).click();

  await expect(page.getByRole("heading", { name: new RegExp(`^Votre résultat : \\d+ sur ${count}$`) })).toBeVisible();
  await expect(page.getByText(new RegExp(`^Votre meilleur score à ce quiz : \\d+ sur ${count}\\.$`))).toBeVisible();
});
