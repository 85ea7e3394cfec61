import { z } from "zod";
import { pageField, textField } from "../../http/fields.ts";

export const lessonsQuerySchema = z.object({ page: pageField });

const NOTICE_REASON_REQUIRED = "Écrivez pourquoi vous ne pourrez pas venir (au moins 3 caractères).";
const NOTICE_REASON_TOO_LONG = "Votre message est trop long : 300 caractères au plus.";

/** A young person's "Je ne pourrai pas venir": the reason, which the school reads. */
export const absenceNoticeSchema = z
  .object({
    reason: textField(NOTICE_REASON_REQUIRED, {
      min: 3,
      max: 300,
      tooShort: NOTICE_REASON_REQUIRED,
      tooLong: NOTICE_REASON_TOO_LONG,
      multiline: true,
    }),
  })
  .strict();
