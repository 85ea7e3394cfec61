import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { signedIn, type Agent } from "../helpers/app.ts";
import { makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { config } from "../../src/config.ts";
import { suggestedResources } from "../../src/features/resources/service.ts";
import type { ResourceAudience, ResourceKind } from "../../src/domain/enums.ts";

type World = Awaited<ReturnType<typeof makeWorld>>;

/** The page's text as a person reads it: apostrophes unescaped. */
const readable = (html: string) => html.replace(/&#39;/g, "'").replace(/&#34;|&quot;/g, '"');

let n = 0;
async function makeResource(data: {
  kind?: ResourceKind;
  audience?: ResourceAudience;
  isPublished?: boolean;
  topic?: string;
  title?: string;
}) {
  n += 1;
  return testDb.resource.create({
    data: {
      slug: `ressource-${n}-${Date.now()}`,
      title: data.title ?? `Ressource ${n}`,
      summary: "Un résumé.",
      kind: data.kind ?? "ARTICLE",
      topic: data.topic ?? "Code",
      audience: data.audience ?? "ALL",
      isPublished: data.isPublished ?? true,
      body: "Un texte.",
      bodyHtml: "<p>Un texte.</p>",
    },
  });
}

async function makeQuiz(isPublished = true) {
  const quiz = await makeResource({ kind: "QUIZ", audience: "YOUTH", isPublished, title: "Quiz test" });
  const questions = [
    { prompt: "Priorité sans panneau ?", choices: ["À droite", "À gauche"], answerIndex: 0, explanation: "Priorité à droite." },
    { prompt: "Vitesse en ville ?", choices: ["30", "50", "70"], answerIndex: 1, explanation: "50 km/h en agglomération." },
    { prompt: "Ceinture à l'arrière ?", choices: ["Obligatoire", "Facultative"], answerIndex: 0, explanation: "Obligatoire partout." },
  ];
  await testDb.quizQuestion.createMany({
    data: questions.map((q, index) => ({ ...q, choices: JSON.stringify(q.choices), resourceId: quiz.id, position: index + 1 })),
  });
  return quiz;
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");

type Client = { agent: Agent; csrf: string };

let world: World;
let admin: Client;
let youth: Client;
let referent: Client;
let school: Client;
let evaluator: Client;

beforeAll(async () => {
  world = await makeWorld();
  admin = await signedIn(world.admin.email, PASSWORD);
  youth = await signedIn(world.home.youthUser.email, PASSWORD);
  referent = await signedIn(world.home.referent.email, PASSWORD);
  school = await signedIn(world.home.schoolUser.email, PASSWORD);
  evaluator = await signedIn(world.evaluator.email, PASSWORD);
});

/** Sends the resource form as the browser does: multipart, the _csrf field first. */
function sendForm(client: Client, url: string, fields: Record<string, string>, file?: { content: Buffer; name: string; type?: string }) {
  let request = client.agent.post(url).field("_csrf", client.csrf);
  for (const [name, value] of Object.entries(fields)) request = request.field(name, value);
  if (file) request = request.attach("file", file.content, { filename: file.name, contentType: file.type ?? "application/pdf" });
  return request;
}

const DOCUMENT_FIELDS = {
  kind: "DOCUMENT",
  title: "Fiche examen",
  summary: "La fiche à imprimer.",
  topic: "Examen",
  audience: "YOUTH",
  isPublished: "on",
};

describe("GET /resources and /resources/:slug", () => {
  it("resources — every role — reads the list and the published items written for it", async () => {
    const forAll = await makeResource({ audience: "ALL", title: "Pour tout le monde" });
    const forYouths = await makeResource({ audience: "YOUTH", title: "Pour les jeunes" });
    const forSchools = await makeResource({ audience: "SCHOOL", title: "Pour les auto-écoles" });
    const forReferents = await makeResource({ audience: "REFERENT", title: "Pour les référents" });
    const expected: [Client, string[], string[]][] = [
      [admin, [forAll.slug, forYouths.slug, forSchools.slug, forReferents.slug], []],
      [evaluator, [forAll.slug, forYouths.slug, forSchools.slug, forReferents.slug], []],
      [youth, [forAll.slug, forYouths.slug], [forSchools.slug, forReferents.slug]],
      [school, [forAll.slug, forSchools.slug], [forYouths.slug, forReferents.slug]],
      [referent, [forAll.slug, forReferents.slug], [forYouths.slug, forSchools.slug]],
    ];
    for (const [client, seen, hidden] of expected) {
      const list = await client.agent.get("/resources");
      expect(list.status).toBe(200);
      for (const slug of seen) {
        expect(list.text).toContain(`data-resource="${slug}"`);
        expect((await client.agent.get(`/resources/${slug}`)).status).toBe(200);
      }
      for (const slug of hidden) {
        expect(list.text).not.toContain(`data-resource="${slug}"`);
        expect((await client.agent.get(`/resources/${slug}`)).status).toBe(404);
      }
    }
  });

  it("resources — a draft — shown to the coordinator only, 404 for every other role", async () => {
    const draft = await makeResource({ isPublished: false, title: "Brouillon secret" });
    const page = await admin.agent.get(`/resources/${draft.slug}`);
    expect(page.status).toBe(200);
    expect(readable(page.text)).toContain("Brouillon : seule la coordination la voit.");
    expect((await admin.agent.get("/resources")).text).toContain(`data-resource="${draft.slug}"`);
    for (const client of [youth, school, referent, evaluator]) {
      expect((await client.agent.get(`/resources/${draft.slug}`)).status).toBe(404);
      expect((await client.agent.get("/resources")).text).not.toContain(`data-resource="${draft.slug}"`);
    }
  });

  it("resources — filters by topic and kind — only the matching items", async () => {
    const quiz = await makeResource({ kind: "QUIZ", topic: "Filtre-thème" });
    const article = await makeResource({ kind: "ARTICLE", topic: "Filtre-thème" });
    const other = await makeResource({ kind: "QUIZ", topic: "Autre-thème" });
    const page = await youth.agent.get("/resources?topic=Filtre-th%C3%A8me&kind=QUIZ");
    expect(page.text).toContain(`data-resource="${quiz.slug}"`);
    expect(page.text).not.toContain(`data-resource="${article.slug}"`);
    expect(page.text).not.toContain(`data-resource="${other.slug}"`);
  });
});

describe("coordinator's writing", () => {
  it("article — Markdown with a script, a handler and a javascript: link — saved sanitised, shown without them, audited", async () => {
    const response = await sendForm(admin, "/resources/new", {
      kind: "ARTICLE",
      title: "Réviser le code",
      summary: "Des conseils.",
      topic: "Code",
      audience: "YOUTH",
      body: "## Conseils\n\n- Un peu chaque jour\n\n<script>alert('x')</script><img src=x onerror=alert(1)> [piège](javascript:alert(1))",
      isPublished: "on",
    });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe("/resources/reviser-le-code");
    const saved = await testDb.resource.findUniqueOrThrow({ where: { slug: "reviser-le-code" } });
    expect(saved.bodyHtml).toContain("<h2>Conseils</h2>");
    // Markdown after an HTML block stays text: the javascript: link is inert characters, not a link.
    expect(saved.bodyHtml).not.toMatch(/<script|alert\('x'\)|onerror|<img|href="javascript/i);
    const page = await youth.agent.get("/resources/reviser-le-code");
    expect(page.status).toBe(200);
    expect(page.text).not.toMatch(/<script>alert|onerror=|href="javascript/i);
    expect(await testDb.auditEvent.count({ where: { action: "RESOURCE_CREATED", entityId: saved.id, actorId: world.admin.id } })).toBe(1);
  });

  it("link — a javascript: address — 422 with the French message by the field, what was typed kept", async () => {
    const response = await sendForm(admin, "/resources/new", {
      kind: "LINK",
      title: "Lien piégé",
      summary: "Un résumé.",
      topic: "Code",
      audience: "ALL",
      url: "javascript:alert(1)",
    });
    expect(response.status).toBe(422);
    expect(readable(response.text)).toContain("Saisissez une adresse complète qui commence par https:// ou http://.");
    expect(response.text).toContain('value="Lien piégé"');
    expect(await testDb.resource.count({ where: { title: "Lien piégé" } })).toBe(0);
  });

  it("upload — a real PDF — stored outside public/, served inline with its type, a safe name and nosniff", async () => {
    const response = await sendForm(admin, "/resources/new", DOCUMENT_FIELDS, { content: PDF, name: 'fiche "examen" été.pdf' });
    expect(response.status).toBe(303);
    const saved = await testDb.resource.findUniqueOrThrow({ where: { slug: "fiche-examen" } });
    expect(saved).toMatchObject({ fileType: "application/pdf", fileName: "fiche-examen-ete.pdf", fileSize: PDF.length });
    const stored = path.join(config().uploadDir, saved.fileKey ?? "");
    expect(existsSync(stored)).toBe(true);
    expect(stored.startsWith(path.resolve("public"))).toBe(false);

    const file = await youth.agent.get("/resources/fiche-examen/file").buffer(true);
    expect(file.status).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-disposition"]).toBe('inline; filename="fiche-examen-ete.pdf"');
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
    // Not for the schools: the document is written for youths.
    expect((await school.agent.get("/resources/fiche-examen/file")).status).toBe(404);
  });

  it("upload — a file named .pdf (type application/pdf) holding HTML — 422 with the French message, nothing stored", async () => {
    const html = Buffer.from("<html><body><script>alert(document.cookie)</script></body></html>");
    const response = await sendForm(
      admin,
      "/resources/new",
      { ...DOCUMENT_FIELDS, title: "Faux PDF" },
      { content: html, name: "faux.pdf" },
    );
    expect(response.status).toBe(422);
    expect(readable(response.text)).toContain("Ce fichier n'est pas un PDF");
    expect(response.text).toContain('value="Faux PDF"');
    expect(await testDb.resource.count({ where: { title: "Faux PDF" } })).toBe(0);
  });

  it("upload — a PDF for a video — 422: the content must be the kind's", async () => {
    const response = await sendForm(
      admin,
      "/resources/new",
      { ...DOCUMENT_FIELDS, kind: "VIDEO", title: "Vidéo PDF" },
      { content: PDF, name: "v.mp4", type: "video/mp4" },
    );
    expect(response.status).toBe(422);
    expect(readable(response.text)).toContain("Ce fichier n'est pas une vidéo MP4");
  });

  it("upload — a document without a file — 422 asking for it", async () => {
    const response = await sendForm(admin, "/resources/new", { ...DOCUMENT_FIELDS, title: "Sans fichier" });
    expect(response.status).toBe(422);
    expect(readable(response.text)).toContain("Choisissez le fichier à envoyer");
  });

  it("upload — over 20 MB — 413 with the French message, the form back, nothing stored", async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    const response = await sendForm(
      admin,
      "/resources/new",
      { ...DOCUMENT_FIELDS, title: "Trop gros" },
      { content: big, name: "gros.pdf" },
    );
    expect(response.status).toBe(413);
    expect(readable(response.text)).toContain("Le fichier dépasse 20 Mo");
    expect(response.text).toContain('value="Trop gros"');
    expect(await testDb.resource.count({ where: { title: "Trop gros" } })).toBe(0);
  });

  it("upload — multipart without the _csrf field — 403, nothing stored (CSRF checked for uploads too)", async () => {
    const response = await admin.agent
      .post("/resources/new")
      .field("kind", "DOCUMENT")
      .field("title", "Sans jeton")
      .field("summary", "x")
      .field("topic", "x")
      .field("audience", "ALL")
      .attach("file", PDF, "sans-jeton.pdf");
    expect(response.status).toBe(403);
    const forged = await sendForm(
      { agent: admin.agent, csrf: "forged-token" },
      "/resources/new",
      { ...DOCUMENT_FIELDS, title: "Jeton faux" },
      { content: PDF, name: "x.pdf" },
    );
    expect(forged.status).toBe(403);
    expect(await testDb.resource.count({ where: { title: { in: ["Sans jeton", "Jeton faux"] } } })).toBe(0);
  });

  it("upload — by any other role — 403, the file never read", async () => {
    for (const client of [youth, school, referent, evaluator]) {
      const response = await sendForm(client, "/resources/new", { ...DOCUMENT_FIELDS, title: "Intrus" }, { content: PDF, name: "x.pdf" });
      expect(response.status).toBe(403);
    }
    expect(await testDb.resource.count({ where: { title: "Intrus" } })).toBe(0);
  });

  it("edit and publication — the coordinator edits, unpublishes then publishes, each audited; others 403", async () => {
    const item = await makeResource({ audience: "YOUTH", title: "À modifier" });
    const form = await admin.agent.get(`/resources/${item.slug}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('enctype="multipart/form-data"');

    const edited = await sendForm(admin, `/resources/${item.slug}/edit`, {
      kind: "ARTICLE",
      title: "Modifiée",
      summary: "Nouveau résumé.",
      topic: "Code",
      audience: "YOUTH",
      body: "## Nouveau\n\nTexte.",
      isPublished: "on",
    });
    expect(edited.status).toBe(303);
    expect(await testDb.resource.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      title: "Modifiée",
      bodyHtml: "<h2>Nouveau</h2>\n<p>Texte.</p>\n",
    });

    const unpublish = await admin.agent
      .post(`/resources/${item.slug}/publication`)
      .type("form")
      .send({ isPublished: "false", _csrf: admin.csrf });
    expect(unpublish.status).toBe(303);
    expect((await youth.agent.get(`/resources/${item.slug}`)).status).toBe(404);
    await admin.agent.post(`/resources/${item.slug}/publication`).type("form").send({ isPublished: "true", _csrf: admin.csrf });
    expect((await youth.agent.get(`/resources/${item.slug}`)).status).toBe(200);
    const actions = await testDb.auditEvent.findMany({ where: { entityId: item.id }, orderBy: { at: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["RESOURCE_UPDATED", "RESOURCE_UNPUBLISHED", "RESOURCE_PUBLISHED"]);

    for (const client of [youth, school, referent, evaluator]) {
      expect((await client.agent.get("/resources/new")).status).toBe(403);
      expect((await client.agent.get(`/resources/${item.slug}/edit`)).status).toBe(403);
      const post = await client.agent
        .post(`/resources/${item.slug}/publication`)
        .type("form")
        .send({ isPublished: "false", _csrf: client.csrf });
      expect(post.status).toBe(403);
    }
  });
});

describe("POST /resources/:slug/answers", () => {
  const answer = (client: Client, slug: string, answers: Record<string, string>) =>
    client.agent
      .post(`/resources/${slug}/answers`)
      .type("form")
      .send({ ...answers, _csrf: client.csrf });

  it("quiz — the page — questions as radio groups in fieldsets with legends", async () => {
    const quiz = await makeQuiz();
    const page = await youth.agent.get(`/resources/${quiz.slug}`);
    expect(page.status).toBe(200);
    expect(page.text.match(/<fieldset id="q\d"/g)).toHaveLength(3);
    expect(page.text).toContain("<legend>Question 1 : Priorité sans panneau ?</legend>");
    expect(page.text).toContain('type="radio" name="q2" value="1"');
  });

  it("quiz — a youth's tries — score and explanations shown, only the best score kept, audited", async () => {
    const quiz = await makeQuiz();
    const first = await answer(youth, quiz.slug, { q1: "0", q2: "0", q3: "1" });
    expect(first.status).toBe(200);
    expect(readable(first.text)).toContain("Votre résultat : 1 sur 3");
    expect(readable(first.text)).toContain("50 km/h en agglomération.");
    const where = { resourceId_userId: { resourceId: quiz.id, userId: world.home.youthUser.id } };
    expect(await testDb.quizScore.findUnique({ where })).toMatchObject({ bestScore: 1, total: 3 });

    await answer(youth, quiz.slug, { q1: "0", q2: "1", q3: "0" });
    expect(await testDb.quizScore.findUnique({ where })).toMatchObject({ bestScore: 3 });
    const worse = await answer(youth, quiz.slug, { q1: "1", q2: "0", q3: "1" });
    expect(readable(worse.text)).toContain("Votre résultat : 0 sur 3");
    expect(readable(worse.text)).toContain("Votre meilleur score à ce quiz : 3 sur 3.");
    expect(await testDb.quizScore.findUnique({ where })).toMatchObject({ bestScore: 3 });
    expect(await testDb.quizScore.count({ where: { resourceId: quiz.id } })).toBe(1);
    expect(await testDb.auditEvent.count({ where: { action: "QUIZ_ANSWERED", entityId: quiz.id } })).toBe(3);
    expect(readable((await youth.agent.get(`/resources/${quiz.slug}`)).text)).toContain("Votre meilleur score : 3 sur 3.");
  });

  it("quiz — a question left unanswered — 422, the message by its fieldset, the other answers kept", async () => {
    const quiz = await makeQuiz();
    const response = await answer(youth, quiz.slug, { q1: "0", q3: "1" });
    expect(response.status).toBe(422);
    expect(readable(response.text)).toContain("Choisissez une réponse à la question 2.");
    expect(response.text).toMatch(/name="q1" value="0" checked/);
    expect(await testDb.quizScore.count({ where: { resourceId: quiz.id } })).toBe(0);
  });

  it("quiz — a counsellor or a school tries it — scored, nothing kept; the research team 403; a draft 404", async () => {
    const quiz = await makeResource({ kind: "QUIZ", audience: "ALL" });
    await testDb.quizQuestion.create({
      data: { resourceId: quiz.id, position: 1, prompt: "?", choices: '["a","b"]', answerIndex: 1, explanation: "b." },
    });
    for (const client of [referent, school]) {
      const response = await answer(client, quiz.slug, { q1: "1" });
      expect(response.status).toBe(200);
      expect(readable(response.text)).toContain("Ce score n'est pas enregistré");
    }
    expect(await testDb.quizScore.count({ where: { resourceId: quiz.id } })).toBe(0);
    expect((await answer(evaluator, quiz.slug, { q1: "1" })).status).toBe(403);
    const draft = await makeQuiz(false);
    expect((await answer(youth, draft.slug, { q1: "0", q2: "1", q3: "0" })).status).toBe(404);
  });
});

describe("suggestedResources", () => {
  it("suggestions — before the code — the code's quizzes then its articles first; after it, the rest first; youth-facing published only", async () => {
    await testDb.resource.deleteMany({});
    const codeQuiz = await makeResource({ kind: "QUIZ", topic: "Code", audience: "YOUTH", title: "B quiz code" });
    const codeArticle = await makeResource({ kind: "ARTICLE", topic: "Code", audience: "ALL", title: "A article code" });
    const driving = await makeResource({ kind: "ARTICLE", topic: "Conduite", audience: "YOUTH", title: "C conduite" });
    await makeResource({ kind: "ARTICLE", topic: "Code", audience: "REFERENT", title: "Pour les référents" });
    await makeResource({ kind: "QUIZ", topic: "Code", audience: "YOUTH", title: "Brouillon", isPublished: false });

    const before = await suggestedResources({ codePassed: false }, 10);
    expect(before.map((r) => r.slug)).toEqual([codeQuiz.slug, codeArticle.slug, driving.slug]);
    const after = await suggestedResources({ codePassed: true }, 2);
    expect(after.map((r) => r.slug)).toEqual([driving.slug, codeArticle.slug]);
  });
});
