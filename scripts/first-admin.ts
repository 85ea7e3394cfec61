// `npm run admin:create -- <email> [--name "Prénom Nom"] [--url https://spid.exemple.fr]`: the first
// coordinator of a production database, which never receives the demo. The account has no
// password: the terminal shows an access-code letter, as the accounts page would print one.
import { parseArgs } from "node:util";
import { z } from "zod";
import { CODE_VALIDITY_DAYS } from "../src/auth/activation-codes.ts";
import { config } from "../src/config.ts";
import { formatDateTime } from "../src/domain/time.ts";
import { createCoordinatorAccount, type IssuedCode } from "../src/features/accounts/service.ts";
import { FormError } from "../src/http/errors.ts";

const USAGE = 'Usage : npm run admin:create -- <adresse e-mail> [--name "Prénom Nom"] [--url https://adresse.publique]';
const EMAIL_INVALID = "Saisissez une adresse e-mail valide (exemple : prenom.nom@exemple.fr).";
const NAME_INVALID = "Le nom affiché fait de 2 à 120 caractères.";
const URL_INVALID = "L'adresse publique commence par http:// ou https://.";

const argumentsSchema = z
  .object({
    email: z.email(EMAIL_INVALID).trim().toLowerCase(),
    name: z.string().trim().min(2, NAME_INVALID).max(120, NAME_INVALID).default("Coordination"),
    url: z
      .url({ protocol: /^https?$/, error: URL_INVALID })
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
  })
  .strict();

export function accessLetter(input: { email: string; displayName: string; baseUrl: string; issued: IssuedCode }): string {
  return [
    "SPID — courrier d'accès (compte de coordination)",
    "",
    `À l'attention de : ${input.displayName} <${input.email}>`,
    "",
    `Code d'accès personnel : ${input.issued.code}`,
    `Valable une seule fois, ${CODE_VALIDITY_DAYS} jours : jusqu'au ${formatDateTime(input.issued.expiresAt)} (heure de Paris).`,
    "",
    `1. Ouvrez ${input.baseUrl}/activate`,
    "2. Tapez le code (les tirets ne sont pas obligatoires).",
    "3. Choisissez votre mot de passe : au moins 12 caractères.",
    `Ensuite, connectez-vous avec ${input.email} et ce mot de passe.`,
    "",
    "Ne donnez ce code à personne. Il n'est affiché qu'une fois : il n'est pas conservé en clair.",
  ].join("\n");
}

type Terminal = { print: (text: string) => void; complain: (text: string) => void };

/** Runs the command; returns the process exit code (0 created, 1 refused or bad arguments). */
export async function adminCreate(argv: string[], terminal: Terminal = { print: console.log, complain: console.error }): Promise<number> {
  const { print, complain } = terminal;
  let values: { name?: string | undefined; url?: string | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { name: { type: "string" }, url: { type: "string" } },
      allowPositionals: true,
    }));
  } catch {
    complain(USAGE);
    return 1;
  }
  if (positionals.length !== 1) {
    complain(USAGE);
    return 1;
  }
  const parsed = argumentsSchema.safeParse({ email: positionals[0], name: values.name, url: values.url });
  if (!parsed.success) {
    complain(parsed.error.issues.map((issue) => issue.message).join("\n"));
    return 1;
  }
  const { email, name, url } = parsed.data;
  try {
    const issued = await createCoordinatorAccount(email, name);
    print(accessLetter({ email, displayName: name, baseUrl: url ?? `http://localhost:${config().port}`, issued }));
    return 0;
  } catch (error) {
    if (error instanceof FormError) {
      complain(error.message);
      return 1;
    }
    throw error;
  }
}
