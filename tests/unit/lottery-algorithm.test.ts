// Fixed vectors for sha256-rank-v1. Every hex literal below was computed outside this code base,
// with Python's hashlib (sorted(refs) on str is code-point order, i.e. UTF-8 byte order), so a
// change in how the TypeScript hashes or sorts cannot silently move the expected values with it.
import { describe, expect, it } from "vitest";
import { ALGORITHM, applicantKey, listDigest, rankApplicants } from "../../src/features/lottery/algorithm.ts";

const SEED = "2026-03-14 12 07 33 41 48";

// "Ａ" is U+FF21 (UTF-8 EF BC A1) and "😀" U+1F600 (UTF-8 F0 9F 98 80, UTF-16 D83D DE00): byte order
// puts "Ａ" first, JavaScript's default UTF-16 sort puts "😀" first, localeCompare mixes cases.
const MIXED_REFS = ["b", "a", "Z", "AUT-2026-0010", "aut-2026-0002", "AUT-2026-É01", "\uFF21", "\u{1F600}"];
const MIXED_DIGEST = "4ed65bf255139e56b2282e3e773e3446592cbe7bf02e0ef3d36ebe4872c0837a";
const MIXED_DIGEST_WITH_TRAILING_NEWLINE = "f6ab49a115543e78ebbe66fc4526595a35e3abfce216e465adcb5c99ef5eda69";
const MIXED_DIGEST_IN_UTF16_ORDER = "9e29c5272f34b7a39812421cbf61ad3b815e4f3b03cd2964cadb85ef372fa015";

const EIGHT_REFS = Array.from({ length: 8 }, (_, index) => `AUT-2026-${String(index + 1).padStart(4, "0")}`);
// sha256(SEED + ":ORLEANS:" + ref), sorted ascending.
const EIGHT_RANKED = [
  ["AUT-2026-0006", "07890ae507aeeb92a78e8d72b045ae87119a0697f4c784369901994ba06156fc"],
  ["AUT-2026-0008", "19674de8ce61df9dfe931c026f6788dbe166f2ae25e8b391a8132ef3510edcf5"],
  ["AUT-2026-0001", "1a11eb33b3b83a00c7cfa8d7a543c357d13d622e3c8d9aa738ed747222fdc82e"],
  ["AUT-2026-0003", "1edb803ac6b5423fb03d144c9498e93bd55a086712d7881542df3957317a980c"],
  ["AUT-2026-0004", "375587d175477280c1047e21efc72881ef1ff1952a57833b6c8e9e45b335f4e7"],
  ["AUT-2026-0005", "709a4b855f083c641360c34f905762d3527e83cfd9efceff231a755814bebde6"],
  ["AUT-2026-0002", "c2711c4ee4b0f5828307f4deb76930780baf1f32325b9b472902da8e7c17ec7f"],
  ["AUT-2026-0007", "c64d6a60cf917353de9b089bc2e78eadfc163be3c2ca535a3016809880090fba"],
] as const;

describe("lottery algorithm sha256-rank-v1", () => {
  it("ALGORITHM — when read — then it is the name published in proofs", () => {
    expect(ALGORITHM).toBe("sha256-rank-v1");
  });

  it("listDigest — when refs mix cases, accents and astral characters — then they are sorted by UTF-8 byte value", () => {
    const refs = MIXED_REFS;

    const digest = listDigest(refs);

    expect(digest).toBe(MIXED_DIGEST);
    expect(digest).not.toBe(MIXED_DIGEST_IN_UTF16_ORDER);
  });

  it("listDigest — when the same refs come in another order — then the digest is the same", () => {
    const reordered = [...MIXED_REFS].reverse();

    const digest = listDigest(reordered);

    expect(digest).toBe(MIXED_DIGEST);
  });

  it("listDigest — when computed — then the joined list has no trailing newline", () => {
    const refs = MIXED_REFS;

    const digest = listDigest(refs);

    expect(digest).not.toBe(MIXED_DIGEST_WITH_TRAILING_NEWLINE);
  });

  it("listDigest — when there is one ref or none — then it hashes that ref alone or the empty string", () => {
    const single = ["AUT-2026-0001"];
    const none: string[] = [];

    const singleDigest = listDigest(single);
    const emptyDigest = listDigest(none);

    expect(singleDigest).toBe("bf294bdacb47607445126cd1e11a333c627c5634c764c5606aaeb6afb9839752");
    expect(emptyDigest).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("listDigest — when called — then it leaves the caller's array untouched", () => {
    const refs = ["b", "a"];

    listDigest(refs);

    expect(refs).toEqual(["b", "a"]);
  });

  it("applicantKey — when given a seed, a stratum and a ref — then it hashes seed:CODE:ref in lower-case hex", () => {
    const [seed, code, ref] = [SEED, "ORLEANS", "AUT-2026-0001"];

    const key = applicantKey(seed, code, ref);

    expect(key).toBe("1a11eb33b3b83a00c7cfa8d7a543c357d13d622e3c8d9aa738ed747222fdc82e");
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it("applicantKey — when the stratum differs — then the key differs", () => {
    const [seed, ref] = [SEED, "AUT-2026-0001"];

    const key = applicantKey(seed, "MONTARGIS", ref);

    expect(key).toBe("8877e2121270eeb61e8400a07c741ddb518045015977347310ce3a4c2df46a47");
  });

  it("rankApplicants — when ranking eight refs for three seats — then ranks follow keys ascending and ranks 1..3 are SELECTED", () => {
    const [refs, seats] = [EIGHT_REFS, 3];

    const ranked = rankApplicants(SEED, "ORLEANS", refs, seats);

    expect(ranked).toEqual(
      EIGHT_RANKED.map(([ref, key], index) => ({
        ref,
        key,
        rank: index + 1,
        outcome: index < 3 ? "SELECTED" : "WAITLISTED",
      })),
    );
    expect(ranked.filter((entry) => entry.outcome === "SELECTED")).toHaveLength(seats);
  });

  it("rankApplicants — when the input order changes — then the ranking is the same", () => {
    const shuffled = [
      "AUT-2026-0005",
      "AUT-2026-0008",
      "AUT-2026-0001",
      "AUT-2026-0003",
      "AUT-2026-0007",
      "AUT-2026-0002",
      "AUT-2026-0006",
      "AUT-2026-0004",
    ];

    const fromShuffled = rankApplicants(SEED, "ORLEANS", shuffled, 3);
    const fromReversed = rankApplicants(SEED, "ORLEANS", [...EIGHT_REFS].reverse(), 3);

    const expected = rankApplicants(SEED, "ORLEANS", EIGHT_REFS, 3);
    expect(fromShuffled).toEqual(expected);
    expect(fromReversed).toEqual(expected);
  });

  it("rankApplicants — when there are more seats than applicants — then everyone is SELECTED", () => {
    const [refs, seats] = [EIGHT_REFS, 20];

    const ranked = rankApplicants(SEED, "ORLEANS", refs, seats);

    expect(ranked.map((entry) => entry.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ranked.every((entry) => entry.outcome === "SELECTED")).toBe(true);
  });

  it("rankApplicants — when there are no seats — then everyone is WAITLISTED in key order", () => {
    const [refs, seats] = [EIGHT_REFS, 0];

    const ranked = rankApplicants(SEED, "ORLEANS", refs, seats);

    expect(ranked.map((entry) => entry.ref)).toEqual(EIGHT_RANKED.map(([ref]) => ref));
    expect(ranked.every((entry) => entry.outcome === "WAITLISTED")).toBe(true);
  });

  it("rankApplicants — when there are no applicants — then the ranking is empty", () => {
    const refs: string[] = [];

    const ranked = rankApplicants(SEED, "ORLEANS", refs, 5);

    expect(ranked).toEqual([]);
  });
});
