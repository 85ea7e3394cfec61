// The instructor's path on a phone: plan a lesson for the demo youth, mark it present from the
// home in one tap (three at most), set a skill acquired; the youth then sees it on /me.
import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page.ts";
import { expectNoSeriousViolations, parisFields, planStartedLesson, startedMinutesAgo } from "./pages/checks.ts";

test.use({ viewport: { width: 375, height: 740 } });

test("an instructor plans a lesson, marks it present in one tap, sets a skill acquired; the youth sees it", async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("ecole.orleans@autonomie.test");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon auto-école");
  await expectNoSeriousViolations(page);

  const planned = await planStartedLesson(page, startedMinutesAgo(20));
  await expect(page.getByRole("status")).toContainText("Leçon enregistrée");

  // From the home: one tap on "Présent·e" for that lesson. Just after midnight the slot found may
  // be yesterday's, listed on that week's page rather than on today's home.
  const listedOn = planned.date === parisFields(new Date()).date ? "/" : `/lessons/week?week=${planned.date}`;
  await page.goto(listedOn);
  const card = page.locator(".lesson-card").filter({ hasText: "Inès Martin" }).filter({ hasText: planned.time });
  await card
    .first()
    .getByRole("button", { name: /^Présent·e/ })
    .click();
  await expect(page.getByRole("status")).toContainText("Présent·e — Inès Martin");
  await expect(card.first().locator("[data-attendance]")).toHaveAttribute("data-attendance", "PRESENT");

  // The booklet: set acquired a skill that is not yet.
  await card.first().getByRole("link", { name: "Inès Martin", exact: true }).click();
  await page.getByRole("link", { name: "Livret", exact: true }).click();
  const open = page.locator('[data-skill]:not([data-level="ACQUIRED"])').first();
  const code = await open.getAttribute("data-skill");
  expect(code).toBeTruthy();
  await open.getByRole("button", { name: `Acquis — ${code}` }).click();
  await expect(page.locator(`[data-skill="${code}"]`)).toHaveAttribute("data-level", "ACQUIRED");
  await login.signOut();

  // The youth sees it on /me.
  await login.open();
  await login.signIn("jeune@autonomie.test");
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.locator(`[data-skill="${code}"]`)).toHaveAttribute("data-level", "ACQUIRED");
});
