// Fixtures of the authorization matrix for the resource centre. "In scope" is a published item
// written for everyone; "out of scope" a draft, which only the coordinator sees (404 for others).
import type { Fixture } from "./foundation.ts";
import { testDb } from "../../helpers/factories.ts";
import { storeUpload } from "../../../src/features/resources/files.ts";
import type { ResourceKind } from "../../../src/domain/enums.ts";

let n = 0;

async function item(kind: ResourceKind, isPublished: boolean): Promise<string> {
  n += 1;
  const slug = `matrice-${kind.toLowerCase()}-${n}-${Date.now()}`;
  const file = kind === "DOCUMENT" ? await storeUpload(Buffer.from("%PDF-1.4\n%%EOF\n"), "application/pdf") : null;
  const resource = await testDb.resource.create({
    data: {
      slug,
      title: "Matrice",
      summary: "Résumé.",
      kind,
      topic: "Code",
      audience: "ALL",
      isPublished,
      body: "Texte.",
      ...(file ? { fileKey: file, fileName: "matrice.pdf", fileType: "application/pdf", fileSize: 15 } : {}),
    },
  });
  if (kind === "QUIZ") {
    await testDb.quizQuestion.create({
      data: { resourceId: resource.id, position: 1, prompt: "?", choices: '["a","b"]', answerIndex: 0, explanation: "a." },
    });
  }
  return slug;
}

const target = (kind: ResourceKind) => ({ inScope: () => item(kind, true), outOfScope: () => item(kind, false) });

const ARTICLE_FORM = { kind: "ARTICLE", title: "Matrice", summary: "Résumé.", topic: "Code", audience: "ALL", body: "Texte." };

export const RESOURCE_FIXTURES: Fixture[] = [
  { method: "GET", path: "/resources" },
  { method: "GET", path: "/resources/new" },
  {
    method: "POST",
    path: "/resources/new",
    body: { kind: "LINK", title: "Matrice", summary: "Résumé.", topic: "Code", audience: "ALL", url: "https://www.service-public.fr" },
  },
  { method: "GET", path: "/resources/:slug", target: target("ARTICLE") },
  { method: "GET", path: "/resources/:slug/file", target: target("DOCUMENT") },
  { method: "GET", path: "/resources/:slug/edit", target: target("ARTICLE") },
  { method: "POST", path: "/resources/:slug/edit", target: target("ARTICLE"), body: ARTICLE_FORM },
  { method: "POST", path: "/resources/:slug/publication", target: target("ARTICLE"), body: { isPublished: "true" } },
  { method: "POST", path: "/resources/:slug/answers", target: target("QUIZ"), body: { q1: "0" } },
];
