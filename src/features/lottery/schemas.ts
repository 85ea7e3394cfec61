import { z } from "zod";

const SEED_REQUIRED = "Saisissez la graine publique annoncée (par exemple les numéros d'un tirage public).";
const SEED_TOO_LONG = "La graine fait au plus 200 caractères.";
const SEED_ONE_LINE = "La graine tient sur une ligne, sans caractère de contrôle.";
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
    seed: z
      .string(SEED_REQUIRED)
      .trim()
      .min(1, SEED_REQUIRED)
      .max(200, SEED_TOO_LONG)
      .refine((v) => !/[\u0000-\u001F\u007F]/.test(v), SEED_ONE_LINE),
    seedIsPublic: checked(SEED_CONFIRM),
  })
  .strict();
export type DrawForm = z.infer<typeof drawSchema>;

export const freezeSchema = z.object({}).strict();

export const validationSchema = z
  .object({ note: z.string(NOTE_REQUIRED).trim().min(3, NOTE_REQUIRED).max(1000, NOTE_TOO_LONG) })
  .strict();
export type ValidationForm = z.infer<typeof validationSchema>;

export const withdrawalSchema = z
  .object({
    applicationId: z.string(APPLICATION_REQUIRED).trim().min(1, APPLICATION_REQUIRED).max(40, APPLICATION_REQUIRED),
    reason: z.string(REASON_REQUIRED).trim().min(3, REASON_REQUIRED).max(500, REASON_TOO_LONG),
  })
  .strict();
export type WithdrawalForm = z.infer<typeof withdrawalSchema>;

/** "2026-09-12T14:00" (datetime-local), read as Paris time. */
export const infoMeetingSchema = z
  .object({
    startsAt: z.string(MEETING_DATE_INVALID).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, MEETING_DATE_INVALID),
    place: z.string(PLACE_REQUIRED).trim().min(3, PLACE_REQUIRED).max(300, PLACE_TOO_LONG),
  })
  .strict();
export type InfoMeetingForm = z.infer<typeof infoMeetingSchema>;
