import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/features/resources/markdown.ts";
import { detectFileType, safeFileName } from "../../src/features/resources/files.ts";
import { slugOf } from "../../src/features/resources/service.ts";
import { resourceSchema } from "../../src/features/resources/schemas.ts";
import { RESOURCE_AUDIENCES } from "../../src/domain/enums.ts";
import { RESOURCES } from "../../scripts/demo/resources.ts";

describe("renderMarkdown", () => {
  it("markdown — headings, lists, emphasis and links — become HTML, a # heading one level below the page's h1", () => {
    const html = renderMarkdown(
      "# Titre\n\n## Sous-titre\n\n- un\n- deux\n\n1. a\n\n**gras** *penché* [site](https://www.service-public.fr)",
    );
    expect(html).toContain("<h2>Titre</h2>");
    expect(html).toContain("<h2>Sous-titre</h2>");
    expect(html).toContain("<ul>\n<li>un</li>");
    expect(html).toContain("<ol>");
    expect(html).toContain("<strong>gras</strong>");
    expect(html).toContain("<em>penché</em>");
    expect(html).toContain('<a href="https://www.service-public.fr" rel="noopener noreferrer">site</a>');
  });

  it("markdown — a <script> block — is dropped with its content", () => {
    const html = renderMarkdown("Avant\n\n<script>alert('x')</script>\n\nAprès <script src=https://evil.example/x.js></script>");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("alert");
    expect(html).toContain("Avant");
    expect(html).toContain("Après");
  });

  it("markdown — inline handlers (onerror=, onclick=) — never survive", () => {
    const html = renderMarkdown(
      '<img src=x onerror="alert(1)"> <a href="https://a.fr" onclick="alert(2)">lien</a> <p onmouseover=alert(3)>p</p>',
    );
    expect(html).not.toMatch(/on(error|click|mouseover)/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("lien");
  });

  it("markdown — javascript: links, in Markdown or HTML, any case or entity — lose their address", () => {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">b</a> <a href="&#106;avascript:alert(3)">c</a> <a href=" javascript:alert(4)">d</a>',
    );
    expect(html).not.toMatch(/javascript/i);
    expect(html).not.toMatch(/href=/);
  });

  it("markdown — <iframe>, <object>, <embed>, <style>, <form> — are dropped", () => {
    const html = renderMarkdown(
      '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x"><style>body{display:none}</style><form action="/logout"><button>x</button></form>',
    );
    expect(html).not.toMatch(/<(iframe|object|embed|style|form|button)/i);
    expect(html).not.toContain("display:none");
  });

  it("markdown — data: and vbscript: URLs in links or images — render inert", () => {
    const html = renderMarkdown(
      '[d](data:text/html;base64,PHNjcmlwdD4=) ![i](data:image/svg+xml,<svg/onload=alert(1)>) <a href="vbscript:x">v</a>',
    );
    expect(html).not.toMatch(/data:|vbscript:/i);
    expect(html).not.toMatch(/<img|<svg|onload/i);
  });
});

const pdf = Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n", "latin1");
const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from("ftypisom"), Buffer.alloc(20)]);

describe("detectFileType", () => {
  it("magic bytes — %PDF- at the start — is a PDF", () => {
    expect(detectFileType(pdf)).toBe("application/pdf");
  });

  it("magic bytes — an ftyp box at offset 4 — is an MP4", () => {
    expect(detectFileType(mp4)).toBe("video/mp4");
  });

  it("magic bytes — HTML, an image, text, %PDF not at the start, ftyp at offset 0, empty — are refused", () => {
    expect(detectFileType(Buffer.from("<html><script>alert(1)</script></html>"))).toBeNull();
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
    expect(detectFileType(Buffer.from(" %PDF-1.7"))).toBeNull();
    expect(detectFileType(Buffer.from("ftypisom00000000"))).toBeNull();
    expect(detectFileType(Buffer.from("%PDF"))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
  });
});

describe("safeFileName", () => {
  it("file name — quotes, slashes, accents, line breaks — reduced to a safe name with the real extension", () => {
    expect(safeFileName('../../Code "été"\r\n.exe', "application/pdf")).toBe("Code-ete.pdf");
    expect(safeFileName("vidéo finale.mov", "video/mp4")).toBe("video-finale.mp4");
    expect(safeFileName('"";', "application/pdf")).toBe("fichier.pdf");
  });
});

describe("slugOf", () => {
  it("slug — a French title — lower case, no accent, dashes", () => {
    expect(slugOf("L'examen du code : œuvre à réviser !")).toBe("l-examen-du-code-oeuvre-a-reviser");
    expect(slugOf("???")).toBe("ressource");
  });
});

describe("resourceSchema", () => {
  const base = { kind: "LINK", title: "Site", summary: "Résumé.", topic: "Code", audience: "ALL" };

  it("link — http and https addresses — accepted", () => {
    expect(resourceSchema.safeParse({ ...base, url: "https://www.securite-routiere.gouv.fr" }).success).toBe(true);
    expect(resourceSchema.safeParse({ ...base, url: "http://exemple.fr/page" }).success).toBe(true);
  });

  it("link — javascript:, data:, a local path, no address — refused on url", () => {
    for (const url of ["javascript:alert(1)", "data:text/html,x", "/resources", "ftp://exemple.fr", ""]) {
      const parsed = resourceSchema.safeParse({ ...base, url });
      expect(parsed.success, url).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(["url"]);
    }
  });

  it("article — without a body — refused on body", () => {
    const parsed = resourceSchema.safeParse({ ...base, kind: "ARTICLE", body: "  " });
    expect(parsed.error?.issues.map((issue) => issue.path[0])).toEqual(["body"]);
  });
});

describe("demo resources", () => {
  it("demo content — twelve items, every audience valid, links on https, articles rendered with headings and lists", () => {
    expect(RESOURCES).toHaveLength(12);
    expect(new Set(RESOURCES.map((r) => r.slug)).size).toBe(12);
    for (const resource of RESOURCES) {
      expect(RESOURCE_AUDIENCES).toContain(resource.audience);
      if (resource.kind === "LINK") expect(resource.url).toMatch(/^https:\/\/www\.[a-z-]+\.(gouv\.)?fr$/);
      if (resource.kind === "ARTICLE") expect(renderMarkdown(resource.body)).toMatch(/<h2>[\s\S]*<(ul|ol)>/);
    }
  });

  it("demo quizzes — at least two, 5 to 8 questions each, the answer one of the choices, an explanation each", () => {
    const quizzes = RESOURCES.filter((r) => r.kind === "QUIZ");
    expect(quizzes.length).toBeGreaterThanOrEqual(2);
    for (const quiz of quizzes) {
      expect(quiz.questions?.length).toBeGreaterThanOrEqual(5);
      expect(quiz.questions?.length).toBeLessThanOrEqual(8);
      for (const question of quiz.questions ?? []) {
        expect(question.answerIndex).toBeGreaterThanOrEqual(0);
        expect(question.answerIndex).toBeLessThan(question.choices.length);
        expect(question.explanation.length).toBeGreaterThan(10);
      }
    }
  });
});
