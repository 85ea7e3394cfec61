// The one-click form of a warning's suggested adjustment, printed next to each warning on the
// caseload and on a youth file. A function rather than an EJS partial: the caseload prints one per
// warning, and each include of a partial cost about 20 µs (EJS copies every local into it and reads
// each name through `with`): a sixth of the page's cost when measured, with 70 forms on a page of
// 50 youths.
import { escapeHtml } from "../../http/html-escape.ts";

type SuggestionForm = {
  youthId: string;
  /** The warning's code: the server reads its suggestion back from the youth's current warnings. */
  code: string;
  /** A change of pace carries its pace, one lesson a week unless changed here. */
  kind: string;
  /** The id of the suggestion's text shown beside the form, which describes the button. */
  describedBy: string;
  csrfToken: string;
};

export function suggestionForm({ youthId, code, kind, describedBy, csrfToken }: SuggestionForm): string {
  const pace =
    kind === "PACE_CHANGE"
      ? `<label>Leçons par semaine au plus <input type="number" name="lessonsPerWeek" value="1" min="1" max="5" inputmode="numeric"></label>`
      : "";
  return (
    `<form method="post" action="/youths/${escapeHtml(youthId)}/recommendations/suggested" class="inline-form suggest">` +
    `<input type="hidden" name="_csrf" value="${escapeHtml(csrfToken)}">` +
    `<input type="hidden" name="warning" value="${escapeHtml(code)}">${pace}` +
    `<button type="submit" class="small secondary" aria-describedby="${escapeHtml(describedBy)}">Proposer cet ajustement</button></form>`
  );
}
