import { describe, expect, it } from "vitest";
import { analyseImport, duplicatesOnFile, readCsv } from "../../src/features/applications/csv.ts";

const context = { drawDate: new Date("2026-07-01T08:00:00Z") };
const HEADER = "nom;prenom;date_naissance;genre;email;telephone;situation;projet_professionnel;accord_tirage;accord_evaluation";
const GOOD = "Martin;Léa;14/02/2004;F;lea@exemple.fr;0612345678;JOB_SEEKER;Aide-soignante;oui;oui";

describe("readCsv", () => {
  it("readCsv — a BOM, `;`, quotes with the delimiter, doubled quotes and a line break inside — reads each field", () => {
    const table = readCsv('\uFEFFa;b;c\r\n"x;y";"il a dit ""oui""";"deux\nlignes"\r\n\r\n');
    expect(table.delimiter).toBe(";");
    expect(table.records).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["x;y", 'il a dit "oui"', "deux\nlignes"] },
    ]);
  });

  it("readCsv — a comma-separated file — detects `,`", () => {
    const table = readCsv('nom,projet\nA,"un, deux"');
    expect(table.delimiter).toBe(",");
    expect(table.records[1]!.fields).toEqual(["A", "un, deux"]);
  });

  it("analyseImport — an unclosed quote — reports the line", () => {
    const { problems } = analyseImport(`${HEADER}\n"Martin;Léa`, context);
    expect(problems).toEqual([{ line: 2, messages: ["Guillemet ouvert jamais fermé."] }]);
  });
});

describe("analyseImport", () => {
  it("analyseImport — good lines with BOM and `;` — gives the applicants, no problem", () => {
    const { applicants, problems } = analyseImport(`\uFEFF${HEADER}\n${GOOD}\n`, context);
    expect(problems).toEqual([]);
    expect(applicants).toHaveLength(1);
    expect(applicants[0]).toMatchObject({ line: 2, lastName: "Martin", firstName: "Léa", gender: "FEMALE", employmentStatus: "JOB_SEEKER", lotteryConsent: true });
    expect(applicants[0]!.birthDate.toISOString()).toBe("2004-02-14T00:00:00.000Z");
  });

  it("analyseImport — the same file with `,` and French headers with accents — is read the same", () => {
    const header = "Nom,Prénom,Date de naissance,Genre,E-mail,Téléphone,Situation,Projet professionnel,Accord tirage,Accord évaluation";
    const { applicants, problems } = analyseImport(`${header}\n${GOOD.replaceAll(";", ",")}`, context);
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
  ])("analyseImport — %s — reports that line", (_label, line, message) => {
    const { problems } = analyseImport(`${HEADER}\n${GOOD}\n${line}`, context);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(3);
    expect(problems[0]!.messages.join(" ")).toContain(message);
  });

  it("analyseImport — a duplicate within the file — points to the first line", () => {
    const { problems } = analyseImport(`${HEADER}\n${GOOD}\nMARTIN;Léa;14/02/2004;F;;;JOB_SEEKER;Autre;oui;oui`, context);
    expect(problems).toEqual([{ line: 3, messages: ["Doublon de la ligne 2 (même nom et même date de naissance)."] }]);
  });

  it("analyseImport — every bad line — is reported, not only the first", () => {
    const { problems } = analyseImport(`${HEADER}\n;;;;;;;;;\n${GOOD}\nX;Y;bad;F;;;JOB_SEEKER;P;oui;oui`, context);
    expect(problems.map((p) => p.line)).toEqual([2, 4]);
  });

  it("analyseImport — =HYPERLINK(...) in a field — is kept as plain text, exactly as typed", () => {
    const injection = '=HYPERLINK("http://evil.example","x")';
    const { applicants, problems } = analyseImport(`${HEADER}\n=1+1;Léa;14/02/2004;F;;;JOB_SEEKER;"${injection.replaceAll('"', '""')}";oui;oui`, context);
    expect(problems).toEqual([]);
    expect(applicants[0]!.professionalProject).toBe(injection);
    expect(applicants[0]!.lastName).toBe("=1+1");
  });

  it("analyseImport — an unknown or missing column in the header — rejects the file at line 1", () => {
    const { problems } = analyseImport("nom;prenom;couleur\nA;B;C", context);
    expect(problems[0]!.line).toBe(1);
    expect(problems[0]!.messages).toContain("Colonne inconnue « couleur ».");
    expect(problems[0]!.messages).toContain("Colonne obligatoire absente : date_naissance.");
  });

  it("duplicatesOnFile — a line like files on record (same e-mail, same phone) — names each of them", () => {
    const { applicants } = analyseImport(`${HEADER}\n${GOOD}`, context);
    const onFile = [
      { ref: "AUT-2026-0001", lastName: "Other", birthDate: new Date("2001-01-01T00:00:00Z"), email: "lea@exemple.fr", phone: null },
      { ref: "AUT-2026-0002", lastName: "Other", birthDate: new Date("2001-01-01T00:00:00Z"), email: null, phone: "06 12 34 56 78" },
    ];
    const [problem] = duplicatesOnFile(applicants, onFile);
    expect(problem!.messages[0]).toContain("AUT-2026-0001");
    expect(problem!.messages[1]).toContain("AUT-2026-0002");
  });
});
