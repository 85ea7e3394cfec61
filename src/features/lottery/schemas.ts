import { z } from "zod";
import { parisDateTimeField, textField } from "../../http/fields.ts";

const SEED_REQUIRED = "Saisissez la graine publique annoncée (par exemple les numéros d'un tirage public).";
const SEED_TOO_LONG = "La graine fait au plus 200 caractères.";
const SEED_CONFIRM = "Confirmez que la graine a été fixée publiquement après la publication de l'empreinte.";
const NOTE_REQUIRED = "Indiquez la décision du comité (instance, date, remarques).";
const NOTE_TOO_LONG = "Au plus 1 000 caractères.";
const APPLICATION_REQUIRED = "Choisissez le ou la jeune qui se désiste.";
const REASON_REQUIRED = "Indiquez le motif du désistement.";
const REASON_TOO_LONG = "Au plus 500 caractères.";
const MEETING_DATE_INVALID = "Saisissez la date et l'heure de la réunion (exemple : 12/09/2026 14:00).";
const PLACE_REQUIRED = "Indiquez le lieu de la réunion.";
const PLACE_TOO_LONG = "Au plus 300 caractères.";

const checked = (message: string) => z.literal("on", message);

/** The seed is hashed as typed (trimmed): what the public can copy into a verifier. */
export const drawSchema = z
  .object({
    seed: textField(SEED_REQUIRED, { max: 200, tooLong: SEED_TOO_LONG }),
    seedIsPublic: checked(SEED_CONFIRM),
  })
  .strict();
export type DrawForm = z.infer<typeof drawSchema>;

export const freezeSchema = z.object({}).strict();

export const validationSchema = z
  .object({ note: textField(NOTE_REQUIRED, { min: 3, max: 1000, tooLong: NOTE_TOO_LONG, multiline: true }) })
  .strict();
export type ValidationForm = z.infer<typeof validationSchema>;

export const withdrawalSchema = z
  .object({
    applicationId: z.string(APPLICATION_REQUIRED).trim().min(1, APPLICATION_REQUIRED).max(40, APPLICATION_REQUIRED),
    reason: textField(REASON_REQUIRED, { min: 3, max: 500, tooLong: REASON_TOO_LONG }),
  })
  .strict();
export type WithdrawalForm = z.infer<typeof withdrawalSchema>;

/** "2026-09-12T14:00" (datetime-local) or "12/09/2026 14:00", read as Paris time; its window
 * (from the draw to six months after) is the service's. */
export const infoMeetingSchema = z
  .object({
    startsAt: parisDateTimeField({ invalid: MEETING_DATE_INVALID }),
    place: textField(PLACE_REQUIRED, { min: 3, max: 300, tooLong: PLACE_TOO_LONG }),
  })
  .strict();
export type InfoMeetingForm = z.infer<typeof infoMeetingSchema>;
