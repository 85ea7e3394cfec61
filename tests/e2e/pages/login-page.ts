import { expect, type Page } from "@playwright/test";

const DEMO_PASSWORD = "Autonomie-2026!";

export const DEMO_ACCOUNTS = [
  { email: "coordination@autonomie.test", home: "/", heading: "Tableau de bord de la coordination" },
  { email: "referent.orleans@autonomie.test", home: "/", heading: "Mon tableau de bord" },
  { email: "referent.montargis@autonomie.test", home: "/", heading: "Mon tableau de bord" },
  { email: "ecole.orleans@autonomie.test", home: "/", heading: "Mon auto-école" },
  { email: "ecole.montargis@autonomie.test", home: "/", heading: "Mon auto-école" },
  { email: "jeune@autonomie.test", home: "/me", heading: "Bonjour" },
  { email: "evaluation@autonomie.test", home: "/", heading: "Évaluation du programme" },
] as const;

/** The sign-in page, used the way a person would: labels, not selectors. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/login");
    await expect(this.page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
  }

  async signIn(identifier: string, password = DEMO_PASSWORD): Promise<void> {
    await this.page.getByLabel("Adresse e-mail ou référence").fill(identifier);
    await this.page.getByLabel("Mot de passe").fill(password);
    await this.page.getByRole("button", { name: "Se connecter" }).click();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(this.page).toHaveURL(/\/login$/);
  }
}
