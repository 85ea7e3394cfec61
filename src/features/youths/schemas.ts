import { z } from "zod";
import { pageField } from "../../http/fields.ts";

export const lessonsQuerySchema = z.object({ page: pageField });
