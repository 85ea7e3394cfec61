// Which enrolments take new training records. Pure: the services read the status inside their
// write transaction and ask here.

const CLOSED =
  "Cette inscription est close (abandon ou transfert) : aucune leçon, présence, compétence ou examen ne peut plus y être enregistré.";

const READ_ONLY: Partial<Record<string, string>> = {
  SUSPENDED:
    "Cette inscription est suspendue : aucune leçon, présence, compétence ou examen ne peut y être enregistré tant qu'elle n'a pas repris.",
  COMPLETED: "Cette inscription est terminée : aucune leçon, présence, compétence ou examen ne peut plus y être enregistré.",
  DROPPED: CLOSED,
};

/** Why nothing may be added to an enrolment (lesson, attendance, skill, exam, initial
 * assessment), or null when it is ACTIVE. A suspended, completed or dropped enrolment is
 * read-only: its record is what the evaluation and the statistics read. */
export function readOnlyReason(status: string): string | null {
  return status === "ACTIVE" ? null : (READ_ONLY[status] ?? CLOSED);
}
