// Each REMC skill in plain words (src/reference/remc-plain.json), shown beside the official wording
// on the young person's page. Checked when the module loads: the server does not start with a
// skill left without its sentence, or a sentence for a skill the grid does not have.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { SKILL_CODES } from "./remc.ts";

const plainSchema = z.object({ about: z.string(), skills: z.record(z.string(), z.string().trim().min(1)) });

/** The sentences keyed by skill code, refused unless they match the grid's skills one for one. */
export function checkedPlainSkills(raw: unknown, codes: ReadonlySet<string>): ReadonlyMap<string, string> {
  const { skills } = plainSchema.parse(raw);
  const missing = [...codes].filter((code) => !(code in skills));
  const unknown = Object.keys(skills).filter((code) => !codes.has(code));
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(
      `remc-plain.json: ${[...missing.map((c) => `sans phrase : ${c}`), ...unknown.map((c) => `inconnue : ${c}`)].join(", ")}`,
    );
  }
  return new Map(Object.entries(skills));
}

export const PLAIN_SKILLS = checkedPlainSkills(
  JSON.parse(readFileSync(new URL("../reference/remc-plain.json", import.meta.url), "utf8")),
  SKILL_CODES,
);
