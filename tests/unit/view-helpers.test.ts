import { describe, expect, it } from "vitest";
import { formatPhone, telHref } from "../../src/http/view-helpers.ts";

describe("phone links", () => {
  it("telHref — a French mobile written in pairs — tel: link with +33 and no spaces", () => {
    expect(telHref("06 12 34 56 78")).toBe("tel:+33612345678");
  });

  it("telHref — a French number already international, dotted or with (0) — same +33 link", () => {
    expect(telHref("+33 6 12 34 56 78")).toBe("tel:+33612345678");
    expect(telHref("02.38.53.21.47")).toBe("tel:+33238532147");
    expect(telHref("0033 2 38 53 21 47")).toBe("tel:+33238532147");
    expect(telHref("+33 (0)6 12 34 56 78")).toBe("tel:+33612345678");
  });

  it("telHref — a foreign number — keeps its country code and digits", () => {
    expect(telHref("+32 2 555 12 12")).toBe("tel:+3225551212");
  });

  it("formatPhone — a French number stored without spaces — shown in pairs", () => {
    expect(formatPhone("0612345678")).toBe("06 12 34 56 78");
    expect(formatPhone("+33238532147")).toBe("02 38 53 21 47");
  });

  it("formatPhone — a number in another shape — shown as typed", () => {
    expect(formatPhone(" +32 2 555 12 12 ")).toBe("+32 2 555 12 12");
  });
});
