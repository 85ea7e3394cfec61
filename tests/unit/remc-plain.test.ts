import { describe, expect, it } from "vitest";
import { checkedPlainSkills, PLAIN_SKILLS } from "../../src/domain/remc-plain.ts";
import { SKILLS } from "../../src/domain/remc.ts";

describe("REMC in plain words", () => {
  it("plain skills — the project's file — one sentence for each of the 31 skills", () => {
    expect(SKILLS).toHaveLength(31);
    for (const skill of SKILLS) expect(PLAIN_SKILLS.get(skill.code), skill.code).toMatch(/\.$/);
  });

  it("plain skills — a skill left without its sentence, or an unknown one — refused at load", () => {
    const codes = new Set(["C1.1", "C1.2"]);
    expect(() => checkedPlainSkills({ about: "", skills: { "C1.1": "Phrase." } }, codes)).toThrow(/sans phrase : C1.2/);
    expect(() => checkedPlainSkills({ about: "", skills: { "C1.1": "A.", "C1.2": "B.", "C9.9": "C." } }, codes)).toThrow(/inconnue : C9.9/);
    expect(() => checkedPlainSkills({ about: "", skills: { "C1.1": "A.", "C1.2": " " } }, codes)).toThrow();
  });
});
