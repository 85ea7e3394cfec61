import { describe, expect, it } from "vitest";
import { analyseImport, duplicatesOnFile, readCsv } from "../../src/features/applications/csv.ts";
import { duplicateIndex, duplicateKeys, type PersonKey } from "../../src/features/applications/duplicates.ts";
import { consentOf, employmentStatusOf, genderOf, inclusiveForms } from "../../src/features/applications/import-values.ts";

const context = { drawDate: new Date("2026-07-01T08:00:00Z") };
const HEADER = "nom;prenom;date_naissance;genre;email;telephone;situation;projet_professionnel;accord_tirage;accord_evaluation";
const GOOD = "Martin;Léa;14/02/2004;F;lea@exemple.fr;0612345678;JOB_SEEKER;Aide-soignante;oui;oui";

describe("readCsv", () => {
  it("readCsv — a BOM, `;`, quotes with the delimiter, doubled quotes and a line break inside — reads each field", async () => {
    const table = await readCsv('\uFEFFa;b;c\r\n"x;y";"il a dit ""oui""";"deux\nlignes"\r\n\r\n');
    expect(table.delimiter).toBe(";");
    expect(table.records).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["x;y", 'il a dit "oui"', "deux\nlignes"] },
    ]);
  });

  it("readCsv — a comma-separated file — detects `,`", async () => {
    const table = await readCsv('nom,projet\nA,"un, deux"');
    expect(table.delimiter).toBe(",");
    expect(table.records[1]!.fields).toEqual(["A", "un, deux"]);
  });

  it("readCsv — lines ended by CR alone, or mixed — numbers each line as a spreadsheet does", async () => {
    const table = await readCsv('a;b\rc;d\r\n"e\r\nf";g\nh;i');
    expect(table.records.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    expect(table.records[2]!.fields).toEqual(["e\nf", "g"]);
  });

  it("readCsv — spaces around fields and quotes, a quote inside an unquoted field — kept as a spreadsheet means them", async () => {
    const table = await readCsv('a;b\n  "x" ; 5"6 \n');
    expect(table.records[1]!.fields).toEqual(["x", '5"6']);
  });

  it("analyseImport — an unclosed quote — reports the line where the quote opens", async () => {
    const { problems } = await analyseImport(`${HEADER}\n${GOOD}\n"Martin;Léa\nsuite`, context);
    expect(problems).toEqual([{ line: 3, messages: ["Guillemet ouvert jamais fermé."] }]);
  });

  it("analyseImport — text after a closing quote — reports that line in French", async () => {
    const { problems } = await analyseImport(`${HEADER}\n"Martin"x;Léa`, context);
    expect(problems[0]!.line).toBe(2);
    expect(problems[0]!.messages[0]).toContain("doublez les guillemets");
  });
});

describe("accepted values", () => {
  it.each([
    ["Demandeur d'emploi", "JOB_SEEKER"],
    ["DEMANDEUSE D’EMPLOI", "JOB_SEEKER"],
    ["demandeur·se d'emploi", "JOB_SEEKER"],
    ["job_seeker", "JOB_SEEKER"],
    ["Salarié", "EMPLOYEE"],
    ["salariee", "EMPLOYEE"],
    ["Apprentie", "APPRENTICE"],
    ["Étudiant", "STUDENT"],
    ["En études ou en formation initiale", "STUDENT"],
    ["stagiaire", "INTERN"],
  ])("employmentStatusOf — « %s » — %s", (text, code) => {
    expect(employmentStatusOf(text)).toBe(code);
  });

  it("genderOf — letters, words of the form and codes, any case — the gender", () => {
    expect(["F", "femme", "FEMME", "Féminin", "female"].map(genderOf)).toEqual(Array(5).fill("FEMALE"));
    expect(["H", "Homme", "m", "MALE"].map(genderOf)).toEqual(Array(4).fill("MALE"));
    expect(genderOf("Autre")).toBe("OTHER");
    expect(genderOf("Madame")).toBeUndefined();
  });

  it("consentOf — oui/non and their usual forms — true/false; anything else — undefined", () => {
    expect(["oui", "OUI", "O", "x", "1", "Vrai"].map(consentOf)).toEqual(Array(6).fill(true));
    expect(["non", "Non", "N", "0", "faux"].map(consentOf)).toEqual(Array(5).fill(false));
    expect(consentOf("peut-être")).toBeUndefined();
  });

  it("inclusiveForms — a label written « ·e » or « ·se » — its masculine and feminine forms", () => {
    expect(inclusiveForms("Demandeur·se d'emploi")).toEqual(["Demandeur d'emploi", "Demandeuse d'emploi"]);
    expect(inclusiveForms("Salarié·e")).toEqual(["Salarié", "Salariée"]);
    expect(inclusiveForms("Autre situation")).toEqual(["Autre situation"]);
  });

  it("analyseImport — the French words of the form instead of the codes — reads the line", async () => {
    const line = "Martin;Léa;14/02/2004;Femme;;;Demandeuse d'emploi;Aide-soignante;OUI;Non";
    const { applicants, problems } = await analyseImport(`${HEADER}\n${line}`, context);
    expect(problems).toEqual([]);
    expect(applicants[0]).toMatchObject({
      gender: "FEMALE",
      employmentStatus: "JOB_SEEKER",
      lotteryConsent: true,
      evaluationConsent: false,
    });
  });
});

describe("duplicate maps", () => {
  const person = (lastName: string, extra: Partial<PersonKey> = {}): PersonKey => ({
    lastName,
    birthDate: new Date("2004-02-14T00:00:00Z"),
    email: null,
    phone: null,
    ...extra,
  });

  it("duplicateIndex — people found by name and birth date, e-mail or phone — each once, in the order added, with every reason", () => {
    const index = duplicateIndex([
      person("Autre", { email: "a@exemple.fr" }),
      person("Le Goff"),
      person("Tiers", { phone: "06 12 34 56 78", email: "A@exemple.fr" }),
    ]);
    const found = index.find(person("LEGOFF", { email: "a@EXEMPLE.fr", phone: "+33612345678" }));
    expect(found.map((d) => [d.record.lastName, d.reasons])).toEqual([
      ["Autre", ["même adresse e-mail"]],
      ["Le Goff", ["même nom et même date de naissance"]],
      ["Tiers", ["même adresse e-mail", "même numéro de téléphone"]],
    ]);
  });

  it("duplicateIndex — same name, other birth date, no contact — nothing", () => {
    const index = duplicateIndex([person("Martin")]);
    expect(index.find(person("Martin", { birthDate: new Date("2004-02-15T00:00:00Z") }))).toEqual([]);
  });

  it("duplicateKeys — accents, case, spaces — one key for « Lefèvre-Dupont » and « LEFEVRE DUPONT »", () => {
    expect(duplicateKeys(person("Lefèvre-Dupont")).nameAndBirth).toBe(duplicateKeys(person("LEFEVRE DUPONT")).nameAndBirth);
  });

  it("analyseImport — 1 000 lines with long accented names, all the same person — each later line flagged against line 2", async () => {
    const name = "Éléonore-Amélie de La Tour-d’Auvergne-Lefèvre-Désirée-Hélène Ménard";
    const lines = Array.from(
      { length: 1000 },
      (_, i) => `${name};Zoé;14/02/2004;F;;06${String(10_000_000 + Math.floor(i / 2)).padStart(8, "0")};JOB_SEEKER;Projet;oui;oui`,
    );
    const { problems } = await analyseImport(`${HEADER}\n${lines.join("\n")}`, context);
    expect(problems).toHaveLength(999);
    expect(problems[0]!.messages[0]).toBe("Doublon de la ligne 2 (même nom et même date de naissance, même numéro de téléphone).");
  });
});

describe("analyseImport", () => {
  it("analyseImport — good lines with BOM and `;` — gives the applicants, no problem", async () => {
    const { applicants, problems } = await analyseImport(`\uFEFF${HEADER}\n${GOOD}\n`, context);
    expect(problems).toEqual([]);
    expect(applicants).toHaveLength(1);
    expect(applicants[0]).toMatchObject({
      line: 2,
      lastName: "Martin",
      firstName: "Léa",
      gender: "FEMALE",
      employmentStatus: "JOB_SEEKER",
      lotteryConsent: true,
    });
    expect(applicants[0]!.birthDate.toISOString()).toBe("2004-02-14T00:00:00.000Z");
  });

  it("analyseImport — the same file with `,` and French headers with accents — is read the same", async () => {
    const header = "Nom,Prénom,Date de naissance,Genre,E-mail,Téléphone,Situation,Projet professionnel,Accord tirage,Accord évaluation";
    const { applicants, problems } = await analyseImport(`${header}\n${GOOD.replaceAll(";", ",")}`, context);
    expect(problems).toEqual([]);
    expect(applicants[0]!.email).toBe("lea@exemple.fr");
  });

  it.each([
    ["a missing field", "Martin;;14/02/2004;F;;;JOB_SEEKER;Projet;oui;oui", "Champ obligatoire manquant : prénom."],
    ["a bad date", "Martin;Léa;2004-13-45;F;;;JOB_SEEKER;Projet;oui;oui", "Date de naissance invalide « 2004-13-45 »"],
    ["an age out of range (too old)", "Martin;Léa;01/07/2000;F;;;JOB_SEEKER;Projet;oui;oui", "Âge hors limites : 26 ans"],
    ["an age out of range (too young)", "Martin;Léa;02/07/2008;F;;;JOB_SEEKER;Projet;oui;oui", "Âge hors limites : 17 ans"],
    ["an unknown status", "Martin;Léa;14/02/2004;F;;;RETRAITE;Projet;oui;oui", "Situation inconnue « RETRAITE »"],
    ["a bad consent", "Martin;Léa;14/02/2004;F;;;JOB_SEEKER;Projet;peut-être;oui", "répondez oui ou non"],
    ["a missing column", "Martin;Léa;14/02/2004;F;;;JOB_SEEKER;Projet;oui", "9 champs au lieu de 10"],
  ])("analyseImport — %s — reports that line", async (_label, line, message) => {
    const { problems } = await analyseImport(`${HEADER}\n${GOOD}\n${line}`, context);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(3);
    expect(problems[0]!.messages.join(" ")).toContain(message);
  });

  it("analyseImport — a duplicate within the file — points to the first line", async () => {
    const { problems } = await analyseImport(`${HEADER}\n${GOOD}\nMARTIN;Léa;14/02/2004;F;;;JOB_SEEKER;Autre;oui;oui`, context);
    expect(problems).toEqual([{ line: 3, messages: ["Doublon de la ligne 2 (même nom et même date de naissance)."] }]);
  });

  it("analyseImport — every bad line — is reported, not only the first", async () => {
    const { problems } = await analyseImport(`${HEADER}\n;;;;;;;;;\n${GOOD}\nX;Y;bad;F;;;JOB_SEEKER;P;oui;oui`, context);
    expect(problems.map((p) => p.line)).toEqual([2, 4]);
  });

  it("analyseImport — =HYPERLINK(...) in a field — is kept as plain text, exactly as typed", async () => {
    const injection = '=HYPERLINK("http://evil.example","x")';
    const { applicants, problems } = await analyseImport(
      `${HEADER}\n=1+1;Léa;14/02/2004;F;;;JOB_SEEKER;"${injection.replaceAll('"', '""')}";oui;oui`,
      context,
    );
    expect(problems).toEqual([]);
    expect(applicants[0]!.professionalProject).toBe(injection);
    expect(applicants[0]!.lastName).toBe("=1+1");
  });

  it("analyseImport — an unknown or missing column in the header — rejects the file at line 1", async () => {
    const { problems } = await analyseImport("nom;prenom;couleur\nA;B;C", context);
    expect(problems[0]!.line).toBe(1);
    expect(problems[0]!.messages).toContain("Colonne inconnue « couleur ».");
    expect(problems[0]!.messages).toContain("Colonne obligatoire absente : date_naissance.");
  });

  it("duplicatesOnFile — a line like files on record (same e-mail, same phone) — names each of them", async () => {
    const { applicants } = await analyseImport(`${HEADER}\n${GOOD}`, context);
    const onFile = [
      { ref: "AUT-2026-0001", lastName: "Other", birthDate: new Date("2001-01-01T00:00:00Z"), email: "lea@exemple.fr", phone: null },
      { ref: "AUT-2026-0002", lastName: "Other", birthDate: new Date("2001-01-01T00:00:00Z"), email: null, phone: "06 12 34 56 78" },
    ];
    const [problem] = duplicatesOnFile(applicants, onFile);
    expect(problem!.messages[0]).toContain("AUT-2026-0001");
    expect(problem!.messages[1]).toContain("AUT-2026-0002");
  });
});
