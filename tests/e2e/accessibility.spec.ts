// An axe sweep of the main pages of each role, on the demo programme, desktop and phone widths.
// Pages with an :id are reached by following the first matching link, as a person would.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { LoginPage } from "./pages/login-page.ts";

type Visit = { path: string; follow?: string };

const PAGES: Record<string, Visit[]> = {
  "coordination@autonomie.test": [
    { path: "/accounts" },
    { path: "/accounts/new" },
    { path: "/accounts", follow: 'a[href^="/accounts/c"], a[href^="/accounts/d"]' },
    { path: "/applications" },
    { path: "/applications/new" },
    { path: "/applications/import" },
    { path: "/cohorts" },
    { path: "/cohorts/new" },
    { path: "/cohorts", follow: 'a[href^="/cohorts/"]:not([href="/cohorts/new"])' },
    { path: "/lottery" },
    { path: "/lottery", follow: 'a[href^="/lottery/draws/"]:not([href$=".json"])' },
  ],
  "referent.orleans@autonomie.test": [
    { path: "/applications", follow: 'a[href^="/applications/"]:not([href="/applications/new"]):not([href="/applications/import"])' },
    { path: "/", follow: 'a[href^="/youths/"]' },
  ],
  "ecole.orleans@autonomie.test": [
    { path: "/lessons/new" },
    { path: "/lessons/week" },
    { path: "/", follow: 'a[href^="/youths/"]' },
  ],
  "jeune@autonomie.test": [{ path: "/me" }, { path: "/me/commitments" }],
};

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${where} — ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")})`)).toEqual([]);
}

for (const [email, visits] of Object.entries(PAGES)) {
  for (const width of [1280, 375]) {
    test(`${email} — main pages at ${width}px — no serious accessibility violation`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      const login = new LoginPage(page);
      await login.open();
      await login.signIn(email);
      for (const visit of visits) {
        await page.goto(visit.path);
        if (visit.follow) {
          const link = page.locator(visit.follow).first();
          await expect(link, `${visit.path} has a link ${visit.follow}`).toBeAttached();
          await page.goto((await link.getAttribute("href"))!);
        }
        expect(page.url()).not.toContain("/login");
        await expectNoSeriousViolations(page, page.url());
      }
    });
  }
}
