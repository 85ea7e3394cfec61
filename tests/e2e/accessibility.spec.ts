// An axe sweep of the main pages of each role, on the demo programme, desktop and phone widths.
// Pages with an :id are reached by following the first matching link, as a person would. A page
// swept at phone width by another test (a form sent back with errors below, the draw page in
// lottery.spec.ts) is swept here on the desktop only: axe needs seconds on the largest pages.
import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page.ts";
import { expectNoSeriousViolations, visitEach, type Visit } from "./pages/checks.ts";

type SweptVisit = Visit & { desktopOnly?: true };

const PAGES: Record<string, SweptVisit[]> = {
  "coordination@autonomie.test": [
    { path: "/accounts" },
    { path: "/accounts/new", desktopOnly: true },
    { path: "/accounts", follow: 'a[href^="/accounts/c"], a[href^="/accounts/d"]' },
    { path: "/applications" },
    { path: "/applications/new", desktopOnly: true },
    { path: "/applications/import" },
    { path: "/cohorts" },
    { path: "/cohorts/new", desktopOnly: true },
    { path: "/cohorts", follow: 'a[href^="/cohorts/"]:not([href="/cohorts/new"])' },
    { path: "/lottery" },
    { path: "/lottery", follow: 'a[href^="/lottery/draws/"]:not([href$=".json"])', desktopOnly: true },
    { path: "/territories" },
    { path: "/territories/missions-locales/new", desktopOnly: true },
    { path: "/territories/schools/new", desktopOnly: true },
    { path: "/territories", follow: 'a[href^="/territories/schools/"]:not([href^="/territories/schools/new"])' },
    { path: "/statements" },
    { path: "/statements", follow: 'a[href^="/statements/"]' },
    { path: "/budget" },
    { path: "/resources" },
    { path: "/resources/new" },
    { path: "/audit" },
  ],
  "referent.orleans@autonomie.test": [
    { path: "/caseload" },
    { path: "/budget" },
    { path: "/applications", follow: 'a[href^="/applications/"]:not([href="/applications/new"]):not([href="/applications/import"])' },
    { path: "/", follow: 'a[href^="/youths/"]' },
  ],
  "ecole.orleans@autonomie.test": [
    { path: "/lessons/new" },
    { path: "/lessons/week" },
    { path: "/", follow: 'a[href^="/youths/"]' },
    { path: "/?learners=all" },
    { path: "/statements", follow: 'a[href^="/statements/"]' },
  ],
  "jeune@autonomie.test": [{ path: "/me" }, { path: "/me/commitments" }, { path: "/resources" }, { path: "/resources/quiz-signalisation" }],
  "evaluation@autonomie.test": [{ path: "/" }],
};

for (const [email, visits] of Object.entries(PAGES)) {
  for (const width of [1280, 375]) {
    test(`${email} — main pages at ${width}px — no serious accessibility violation`, async ({ page }) => {
      // axe needs seconds on a draw's several hundred rows, on a machine shared with other runs.
      test.setTimeout(180_000);
      await page.setViewportSize({ width, height: 800 });
      const login = new LoginPage(page);
      await login.open();
      await login.signIn(email);
      const swept = width < 1280 ? visits.filter((visit) => !visit.desktopOnly) : visits;
      await visitEach(page, swept, (visited) => expectNoSeriousViolations(visited));
    });
  }
}

// Forms sent back with errors: the error summary takes the focus (announced first, keyboard starts
// there), each of its links moves the focus to its field, and the page passes axe.
type RejectedForm = { email: string | null; path: string; button: string; clear?: string };

const REJECTED_FORMS: RejectedForm[] = [
  { email: null, path: "/login", button: "Se connecter" },
  { email: "coordination@autonomie.test", path: "/cohorts/new", button: "Créer la promotion", clear: "Nom" },
  { email: "coordination@autonomie.test", path: "/accounts/new", button: "Créer le compte et préparer le courrier" },
  { email: "coordination@autonomie.test", path: "/territories/missions-locales/new", button: "Créer la Mission Locale" },
  { email: "coordination@autonomie.test", path: "/territories/schools/new", button: "Créer l'auto-école" },
  { email: "referent.orleans@autonomie.test", path: "/applications/new", button: "Enregistrer la candidature" },
  { email: "ecole.orleans@autonomie.test", path: "/lessons/new", button: "Enregistrer la leçon" },
];

for (const form of REJECTED_FORMS) {
  for (const width of [1280, 375]) {
    test(`${form.path} — rejected at ${width}px — focus on the error summary, its links reach the fields, no serious violation`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 800 });
      if (form.email) {
        const login = new LoginPage(page);
        await login.open();
        await login.signIn(form.email);
        await expect(page).not.toHaveURL(/\/login/);
      }
      await page.goto(form.path);
      if (form.clear) await page.getByLabel(form.clear, { exact: true }).fill("");

      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.getByRole("button", { name: form.button }).click(),
      ]);
      await page.waitForLoadState("load");

      expect(response.status()).toBe(422);
      await expect(page.locator(".error-summary")).toBeFocused();
      const firstLink = page.locator(".error-summary a").first();
      const target = (await firstLink.getAttribute("href"))!.slice(1);
      await firstLink.click();
      await expect(page.locator(`[id="${target}"]`)).toBeFocused();
      await expect(page.locator(`label[for="${target}"]`)).toBeInViewport();
      await expectNoSeriousViolations(page, `${form.path} (rejected)`);
    });
  }
}

test("tables — on a phone — each scroll region is named, reached with Tab and scrolled with the arrows", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("coordination@autonomie.test");
  await page.goto("/applications");

  const region = page.getByRole("region", { name: "Candidatures" });
  await expect(region).toHaveAttribute("tabindex", "0");
  await expect(page.locator(".table-wrap:not([role=region])")).toHaveCount(0);
  const overflows = await region.evaluate((element) => element.scrollWidth > element.clientWidth);
  expect(overflows).toBe(true);

  await page.getByRole("button", { name: "Filtrer" }).focus();
  await page.keyboard.press("Tab");
  await expect(region).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
});

test("focus rings — tabbing through a page — every focused element gets the dark 3 px ring", async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("coordination@autonomie.test");
  await page.goto("/applications");

  const rings = new Set<string>();
  for (let presses = 0; presses < 30; presses += 1) {
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    if ((await focused.count()) === 0) {
      rings.add("nothing focused");
      continue;
    }
    rings.add(
      await focused.evaluate((element) => {
        const style = element.ownerDocument.defaultView!.getComputedStyle(element);
        return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
      }),
    );
  }
  expect([...rings]).toEqual(["solid 3px rgb(16, 34, 47)"]);
});
