import { describe, expect, it } from "vitest";
import { keptAnswers } from "../../src/domain/kept-answers.ts";

describe("keptAnswers", () => {
  it("a key asked again — the kept answer, computed once", () => {
    const answers = keptAnswers<string, number>(10);
    let computed = 0;
    const length = (text: string) => (computed++, text.length);

    expect([answers("abc", length), answers("abc", length), answers("de", length)]).toEqual([3, 3, 2]);
    expect(computed).toBe(2);
  });

  it("more keys than the limit — everything forgotten at once, then kept again", () => {
    const answers = keptAnswers<number, number>(2);
    const asked: number[] = [];
    const double = (key: number) => (asked.push(key), key * 2);

    for (const key of [1, 2, 3, 3, 1]) answers(key, double);

    expect(asked).toEqual([1, 2, 3, 1]);
  });
});
