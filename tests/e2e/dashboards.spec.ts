// The coordinator's dashboard in a browser: Chart.js (served from this origin, under the CSP)
// draws each chart, and each chart has its data table and its CSV download beside it.
import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page.ts";
import { expectNoSeriousViolations } from "./pages/checks.ts";

test("the coordinator opens the statistics and sees the charts drawn, each with its table", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("coordination@autonomie.test");
  await page.getByRole("link", { name: "Statistiques" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statistiques");

  for (const name of ["Leçons et assiduité, mois par mois", "Par auto-école", "Budget : engagé, facturé, versé"]) {
    const section = page.getByRole("region", { name: `Données : ${name}` });
    await expect(section.getByRole("table")).toBeVisible();
  }
  const canvas = page.locator('canvas[data-chart="chart-months"]');
  await expect(canvas).toHaveAttribute("data-rendered", "true");
  // Chart.js sized the canvas and painted on it: some pixel is not blank.
  const painted = await canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext("2d");
    if (!context || element.width === 0) return false;
    const pixels = context.getImageData(0, 0, element.width, element.height).data;
    return pixels.some((value, index) => index % 4 === 3 && value > 0);
  });
  expect(painted).toBe(true);
  await expect(page.getByRole("link", { name: "Télécharger ce tableau (CSV)" }).first()).toBeVisible();
  expect(errors.filter((text) => /Content Security Policy|Refused/.test(text))).toEqual([]);
  await expectNoSeriousViolations(page);
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a counsellor's statistics fit the screen: tables scroll in their own frame, charts drawn", async ({ page }) => {
    const login = new LoginPage(page);
    await login.open();
    await login.signIn("referent.orleans@autonomie.test");
    await page.goto("/statistics");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statistiques");
    await expect(page.locator('canvas[data-chart="chart-schools"]')).toHaveAttribute("data-rendered", "true");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test("the coordinator opens the school comparison and sees its charts drawn above the table", async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("coordination@autonomie.test");
  await page.goto("/schools/comparison");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Auto-écoles comparées");
  await expect(page.getByRole("region", { name: "Comparaison des auto-écoles" }).getByRole("table")).toBeVisible();
  const canvas = page.locator('canvas[data-chart="chart-pass-rates"]');
  await expect(canvas).toHaveAttribute("data-rendered", "true");
  const painted = await canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext("2d");
    if (!context || element.width === 0) return false;
    return context.getImageData(0, 0, element.width, element.height).data.some((value, index) => index % 4 === 3 && value > 0);
  });
  expect(painted).toBe(true);
  await expectNoSeriousViolations(page);
});
