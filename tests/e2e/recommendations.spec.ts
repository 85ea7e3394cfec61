// The recommendations workflow in a browser: a counsellor proposes a warning's suggested
// adjustment in one click from the caseload and accepts it on the youth file; she proposes and
// accepts one for the demo youth, who reads it on /me on her phone ("J'ai lu").
import { expect, test, type Page } from "@playwright/test";
import { LoginPage } from "./pages/login-page.ts";
import { expectNoSeriousViolations } from "./pages/checks.ts";

/** Accepts the newest recommendation of the youth file open in the page (the list is newest first). */
async function acceptNewest(page: Page): Promise<void> {
  const newest = page.locator("li[data-recommendation-id]").first();
  await expect(newest).toHaveAttribute("data-status", "PROPOSED");
  const id = await newest.getAttribute("data-recommendation-id");
  await newest.getByRole("button", { name: "Accepter" }).click();
  await expect(page.getByRole("status")).toContainText("Préconisation acceptée");
  await expect(page.locator(`li[data-recommendation-id="${id}"]`)).toHaveAttribute("data-status", "ACCEPTED");
}

test("a counsellor proposes a suggested adjustment and accepts it; the youth reads hers on /me at 390 px", async ({ page }) => {
  test.setTimeout(60_000);
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("referent.orleans@autonomie.test");

  // The caseload: the first row is flagged; its first suggestion proposed in one click.
  await page.goto("/caseload");
  const first = page.locator("tbody tr").first();
  await expect(first).not.toHaveAttribute("data-alerts", "");
  await first
    .getByRole("button", { name: /^Proposer cet ajustement/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/youths\/[^/]+#recommendations-title$/);
  await expect(page.getByRole("status")).toContainText("Préconisation proposée");
  await expectNoSeriousViolations(page);
  await acceptNewest(page);

  // The demo youth's file: a recommendation proposed with the form, then accepted.
  await page.goto("/caseload?all=1&q=Martin");
  await page.getByRole("link", { name: "Martin Inès", exact: true }).click();
  const text = `Réviser les priorités à droite avant la prochaine leçon (${Date.now()}).`;
  await page.getByLabel("Type d'ajustement").selectOption("EXTRA_LESSONS");
  await page.getByLabel("Préconisation", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Proposer", exact: true }).click();
  await expect(page.locator("li[data-recommendation-id]").first()).toContainText(text);
  await acceptNewest(page);
  await login.signOut();

  // The youth, on her phone: the accepted recommendation, "J'ai lu", then "Lu le …".
  await page.setViewportSize({ width: 390, height: 844 });
  await login.open();
  await login.signIn("jeune@autonomie.test");
  await expect(page).toHaveURL(/\/me$/);
  const advice = page.locator("li[data-recommendation-id]").filter({ hasText: text });
  await expect(advice).toBeVisible();
  await expectNoSeriousViolations(page);
  await advice.getByRole("button", { name: /^J'ai lu/ }).click();
  await expect(page.getByRole("status")).toContainText("Merci, c'est noté.");
  await expect(page.locator("li[data-recommendation-id]").filter({ hasText: text })).toContainText("Lu le ");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
