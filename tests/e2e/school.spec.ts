// The instructor's path on a phone: plan a lesson for the demo youth, mark it present from the
// home in one tap (three at most), set a skill acquired; the youth then sees it on /me.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { LoginPage } from "./pages/login-page.ts";

test.use({ viewport: { width: 375, height: 740 } });

const PARIS = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** Form fields (Europe/Paris) of an instant. */
function parisFields(date: Date): { date: string; time: string } {
  const p = Object.fromEntries(PARIS.formatToParts(date).map((part) => [part.type, part.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test("an instructor plans a lesson, marks it present in one tap, sets a skill acquired; the youth sees it", async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("ecole.orleans@autonomie.test");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon auto-école");
  await expectNoSeriousViolations(page);

  // Plan a 30-minute lesson that has just started (attendance needs a started lesson). The demo
  // youth or the instructor may already be busy then: try earlier slots until one is free.
  let planned: { date: string; time: string } | undefined;
  for (const minutesAgo of [20, 55, 90, 125, 160, 195, 230]) {
    const startsAt = new Date(Math.floor((Date.now() - minutesAgo * 60_000) / 300_000) * 300_000);
    const fields = parisFields(startsAt);
    await page.goto("/lessons/new");
    await page.getByLabel("Jeune").selectOption({ label: "Martin Inès" });
    await page.getByLabel("Date").fill(fields.date);
    await page.getByLabel("Heure de début").fill(fields.time);
    await page.getByLabel("Durée (minutes)").fill("30");
    await page.getByLabel("Type de leçon").selectOption("DRIVING");
    await page.getByRole("button", { name: "Enregistrer la leçon" }).click();
    if (!(await page.getByRole("alert").isVisible())) {
      planned = fields;
      break;
    }
  }
  expect(planned, "a free slot for the demo youth and the instructor").toBeDefined();
  await expect(page.getByRole("status")).toContainText("Leçon enregistrée");

  // From the home: one tap on "Présent·e" for that lesson. Just after midnight the slot found may
  // be yesterday's, listed on that week's page rather than on today's home.
  const listedOn = planned!.date === parisFields(new Date()).date ? "/" : `/lessons/week?week=${planned!.date}`;
  await page.goto(listedOn);
  const card = page.locator(".lesson-card").filter({ hasText: "Inès Martin" }).filter({ hasText: planned!.time });
  await card.first().getByRole("button", { name: /^Présent·e/ }).click();
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
