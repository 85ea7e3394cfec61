// The one-click form of a suggested adjustment (printed by the caseload and the youth file).
import { describe, expect, it } from "vitest";
import { suggestionForm } from "../../src/features/recommendations/suggestion-form.ts";

const base = { youthId: "y1", code: "OPEN_DIFFICULTY", kind: "SUPPORT_MOBILITY", describedBy: "s-y1-OPEN_DIFFICULTY", csrfToken: "tok" };

describe("suggestionForm", () => {
  it("suggestionForm — a suggestion — posts the warning's code with the CSRF token to the youth's route, the button described by the suggestion", () => {
    const html = suggestionForm(base);
    expect(html).toMatch(/^<form method="post" action="\/youths\/y1\/recommendations\/suggested" class="inline-form suggest">/);
    expect(html).toContain('<input type="hidden" name="_csrf" value="tok">');
    expect(html).toContain('<input type="hidden" name="warning" value="OPEN_DIFFICULTY">');
    expect(html).toContain('aria-describedby="s-y1-OPEN_DIFFICULTY">Proposer cet ajustement</button></form>');
    expect(html).not.toContain("lessonsPerWeek");
  });

  it("suggestionForm — a change of pace — carries a labelled pace field, one lesson a week by default", () => {
    expect(suggestionForm({ ...base, kind: "PACE_CHANGE" })).toContain(
      '<label>Leçons par semaine au plus <input type="number" name="lessonsPerWeek" value="1" min="1" max="5" inputmode="numeric"></label>',
    );
  });

  it("suggestionForm — values with markup — escaped", () => {
    const html = suggestionForm({ ...base, youthId: '"><script>', csrfToken: "a&b", describedBy: "x'y" });
    expect(html).not.toContain("<script>");
    expect(html).toContain("/youths/&#34;&gt;&lt;script&gt;/");
    expect(html).toContain('value="a&amp;b"');
    expect(html).toContain('aria-describedby="x&#39;y"');
  });
});
