// What several browser tests share: axe's verdict, the Paris form fields of an instant, walking a
// role's main pages, and planning a lesson that has just started for the demo youth.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const PARIS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** Form fields (Europe/Paris) of an instant. */
export function parisFields(date: Date): { date: string; time: string } {
  const p = Object.fromEntries(PARIS.formatToParts(date).map((part) => [part.type, part.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

export async function expectNoSeriousViolations(page: Page, where = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map(
      (v) =>
        `${where} — ${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(" | ")})`,
    ),
  ).toEqual([]);
}

/** A page to open; pages with an :id are reached by following the first link matching `follow`. */
export type Visit = { path: string; follow?: string };

export async function visitEach(page: Page, visits: readonly Visit[], check: (page: Page) => Promise<void>): Promise<void> {
  for (const visit of visits) {
    await page.goto(visit.path);
    if (visit.follow) {
      const link = page.locator(visit.follow).first();
      await expect(link, `${visit.path} has a link ${visit.follow}`).toBeAttached();
      await page.goto((await link.getAttribute("href"))!);
    }
    expect(page.url()).not.toContain("/login");
    await check(page);
  }
}

/** Start times to try, from `first` minutes ago back over about half a day, 35 minutes apart: the
 * demo instructor's day can be full for hours. */
export function startedMinutesAgo(first: number): number[] {
  return Array.from({ length: 20 }, (_, i) => first + 35 * i);
}

/** Plans a 30-minute driving lesson for the demo youth that started `minutesAgo` ago (attendance
 * needs a started lesson). The youth or the instructor may be busy then: the next slot is tried
 * until one is free. */
export async function planStartedLesson(page: Page, minutesAgo: readonly number[]): Promise<{ date: string; time: string }> {
  for (const minutes of minutesAgo) {
    const fields = parisFields(new Date(Math.floor((Date.now() - minutes * 60_000) / 300_000) * 300_000));
    await page.goto("/lessons/new");
    await page.getByLabel("Jeune").selectOption({ label: "Martin Inès" });
    await page.getByLabel("Date").fill(fields.date);
    await page.getByLabel("Heure de début").fill(fields.time);
    await page.getByLabel("Durée (minutes)").fill("30");
    await page.getByLabel("Type de leçon").selectOption("DRIVING");
    await page.getByRole("button", { name: "Enregistrer la leçon" }).click();
    if (!(await page.getByRole("alert").isVisible())) return fields;
  }
  throw new Error("no free slot for the demo youth and the instructor");
}
