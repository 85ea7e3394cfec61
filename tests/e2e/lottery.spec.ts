import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page.ts";
import { expectNoSeriousViolations } from "./pages/checks.ts";

test("the whole path: a cohort, an application, the freeze, the draw, the public proof", async ({ page, request }) => {
  test.setTimeout(90_000);
  const cohortName = `Promotion e2e ${Date.now()}`;
  // The cohort's draw is announced for today (a draw cannot happen before its announced day).
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  const [drawYear, drawMonth, drawDay] = today.split("-").map(Number) as [number, number, number];
  const shownDay = `${String(drawDay).padStart(2, "0")}/${String(drawMonth).padStart(2, "0")}/${drawYear}`;
  const lastName = `Essai${Date.now() % 100000}`;

  await new LoginPage(page).open();
  await new LoginPage(page).signIn("coordination@autonomie.test");

  // A cohort with one seat at Orléans.
  await page.goto("/cohorts/new");
  await page.getByLabel("Nom", { exact: true }).fill(cohortName);
  await page.getByLabel("Date du tirage au sort").fill(today);
  await page.getByRole("button", { name: "Créer la promotion" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(cohortName);
  await page.getByLabel("Places pour Mission Locale de l'Orléanais").fill("1");
  await page
    .getByRole("row", { name: /Orléanais/ })
    .getByRole("button", { name: "Enregistrer" })
    .click();
  await expect(page.getByRole("status")).toContainText("Les places sont enregistrées");

  // An application, filed through the form.
  await page.goto("/applications/new");
  await expectNoSeriousViolations(page);
  await page.getByLabel("Promotion").selectOption({ label: `${cohortName} (tirage le ${shownDay})` });
  await page.getByLabel("Mission Locale").selectOption({ label: "Mission Locale de l'Orléanais" });
  await page.getByLabel("Prénom").fill("Lou");
  await page.getByLabel("Nom", { exact: true }).fill(lastName);
  await page.getByLabel("Date de naissance").fill(`${drawYear - 21}-03-21`);
  await page.getByLabel("Genre").selectOption({ label: "Femme" });
  await page.getByLabel("Situation professionnelle").selectOption("JOB_SEEKER");
  await page.getByLabel("Projet professionnel").fill("Aide à domicile : tournées en zone rurale");
  await page.getByLabel(/accepte le tirage au sort/).check();
  await page.getByLabel(/accepte l'évaluation/).check();
  await page.getByRole("button", { name: "Enregistrer la candidature" }).click();
  await expect(page.getByRole("heading", { name: /Éligibilité au tirage : éligible/ })).toBeVisible();

  // Freeze, seed, draw.
  await page.goto("/lottery");
  await page
    .getByRole("region", { name: new RegExp(cohortName) })
    .getByRole("link", { name: "Préparer le tirage" })
    .first()
    .click();
  await page.getByRole("button", { name: /Figer la liste/ }).click();
  // The confirmation page says what freezing closes before anything is written.
  await expect(page.getByText("ne pourra plus être ajoutée ni modifiée")).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: /Confirmer : figer la liste/ }).click();
  await expect(page.getByText("Empreinte publiée")).toBeVisible();
  await page.getByRole("textbox", { name: "Graine publique" }).fill(`${today}-EuroMillions-04-11-23-38-47-02-09`);
  await page.getByLabel(/La graine a été annoncée publiquement/).check();
  await page.getByRole("button", { name: "Lancer le tirage" }).click();

  await expect(page).toHaveURL(/\/lottery\/draws\/[^/]+$/);
  await expect(page.getByRole("status").filter({ hasText: "vérifié" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Tiré·es au sort (1)" })).toBeVisible();
  await expect(page.getByRole("cell", { name: new RegExp(lastName) })).toBeVisible();
  await expectNoSeriousViolations(page);

  // The proof is published once the committee has validated the draw.
  await expect(page.getByRole("link", { name: /Preuve publique/ })).toHaveCount(0);
  await page.getByLabel("Décision du comité").fill("Comité de pilotage e2e");
  await page.getByRole("button", { name: "Enregistrer la validation" }).click();

  // The proof, fetched without any session.
  const proofUrl = await page.getByRole("link", { name: /Preuve publique/ }).getAttribute("href");
  const response = await request.get(proofUrl!);
  expect(response.status()).toBe(200);
  const proof = (await response.json()) as {
    algorithm: string;
    cohort: string;
    stratum: string;
    seats: number;
    entries: { ref: string; rank: number; outcome: string }[];
  };
  expect(proof).toMatchObject({ algorithm: "sha256-rank-v1", cohort: cohortName, stratum: "ORLEANS", seats: 1 });
  expect(proof.entries).toHaveLength(1);
  expect(proof.entries[0]).toMatchObject({ rank: 1, outcome: "SELECTED" });
  expect(JSON.stringify(proof)).not.toContain(lastName);
});

test("a demo draw page says « vérifié » and works on a phone-sized screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await new LoginPage(page).open();
  await new LoginPage(page).signIn("referent.orleans@autonomie.test");
  await page.goto("/lottery");
  await page
    .getByRole("region", { name: /AUTOnomie/ })
    .first()
    .getByRole("link", { name: /Tirage du/ })
    .first()
    .click();
  await expect(page.getByRole("status").filter({ hasText: "vérifié" })).toBeVisible();
  await expect(page.getByText("non conforme")).toHaveCount(0);
  await expectNoSeriousViolations(page);
});
