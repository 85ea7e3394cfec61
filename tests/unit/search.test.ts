import { describe, expect, it } from "vitest";
import { normaliseForSearch, searchNameOf, youthSearchWhere } from "../../src/domain/search.ts";

describe("name search", () => {
  it("normaliseForSearch — accents, capitals, ligatures, apostrophes and hyphens — lower-case plain words", () => {
    expect(normaliseForSearch("  Kévin   DUBOIS ")).toBe("kevin dubois");
    expect(normaliseForSearch("Œdipe N’Diaye-Lefèvre")).toBe("oedipe ndiayelefevre");
    expect(normaliseForSearch("Zoé, Ærøe")).toBe("zoe aeroe");
  });

  it("normaliseForSearch — a name typed with combining accents — equals the precomposed one", () => {
    expect(normaliseForSearch("Ele\u0301onore")).toBe(normaliseForSearch("Éléonore"));
  });

  it("searchNameOf — first and last names — « first last », normalised", () => {
    expect(searchNameOf({ firstName: "Kévin", lastName: "Dubois" })).toBe("kevin dubois");
  });

  it("youthSearchWhere — two words in any order, with accents — one contains per normalised word", () => {
    const where = youthSearchWhere("Dubois Kévin");
    expect(where.OR?.[0]).toEqual({ AND: [{ searchName: { contains: "dubois" } }, { searchName: { contains: "kevin" } }] });
    expect(where.OR).toContainEqual({ ref: { contains: "DUBOIS KÉVIN" } });
  });

  it("youthSearchWhere — `%` or `_` typed — no LIKE on names or refs, only an e-mail address equal to it", () => {
    expect(youthSearchWhere("%")).toEqual({ OR: [{ email: "%" }] });
    expect(youthSearchWhere("Jean_Dupont@Exemple.fr")).toEqual({ OR: [{ email: "jean_dupont@exemple.fr" }] });
  });

  it("youthSearchWhere — only separators — no name condition, the ref and e-mail as typed", () => {
    expect(youthSearchWhere("-- ,")).toEqual({ OR: [{ ref: { contains: "-- ," } }, { email: { contains: "-- ," } }] });
  });
});
