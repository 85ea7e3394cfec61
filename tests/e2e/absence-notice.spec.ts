/// <reference lib="dom" />
// "Je ne pourrai pas venir" on a 390 × 844 phone: the demo young person tells the school they will
// miss a planned lesson, is asked again for a reason that is too short, then sees the confirmation.
import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page.ts";
import { expectNoSeriousViolations } from "./pages/checks.ts";

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

test("young person at 390 px — « Je ne pourrai pas venir » on a planned lesson — the school is told, the confirmation shows", async ({
  page,
}) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("jeune@autonomie.test");
  await expect(page).toHaveURL(/\/me$/);

  // The furthest planned lesson (the demo plans some a few days ahead): more than 24 h away.
  const lesson = page
    .locator("li.lesson")
    .filter({ has: page.locator("summary", { hasText: "Je ne pourrai pas venir" }) })
    .last();
  await expect(lesson).toBeVisible();
  const lessonId = await lesson.getAttribute("id");
  await lesson.locator("summary").click();
  await expect(lesson.getByLabel("Pourquoi ?")).toBeVisible();
  await expectNoSeriousViolations(page);

  await lesson.getByLabel("Pourquoi ?").fill("ok");
  await lesson.getByRole("button", { name: "Prévenir l'auto-école" }).click();
  const again = page.locator(`#${lessonId}`);
  await expect(page.getByRole("alert")).toContainText("Écrivez pourquoi vous ne pourrez pas venir");
  await expect(again.getByLabel("Pourquoi ?")).toHaveValue("ok");

  await again.getByLabel("Pourquoi ?").fill("J'ai un entretien d'embauche ce jour-là.");
  await again.getByRole("button", { name: "Prévenir l'auto-école" }).click();

  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("status").filter({ hasText: "C'est noté." })).toContainText("L'auto-école est prévenue.");
  await expect(page.locator(`#${lessonId}`)).toContainText("Vous avez prévenu");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
});
