// Articles are written in Markdown by the coordinator and shown to everyone: the HTML that marked
// produces is passed through an allow-list, so that no script, event handler, frame, style or
// javascript:/data: address reaches a page, whatever was typed (marked itself lets raw HTML through).
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const markdown = new Marked({ async: false, gfm: true, breaks: false });

const SANITISE: sanitizeHtml.IOptions = {
  allowedTags: ["h2", "h3", "h4", "p", "br", "hr", "ul", "ol", "li", "strong", "em", "del", "code", "pre", "blockquote", "a"],
  // No table: every table of the site sits in a named scroll region, which an article cannot give.
  allowedAttributes: { a: ["href", "title", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Script and style contents are dropped with their tags, never shown as text.
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed"],
  transformTags: {
    // The page's own <h1> is the title: an article's headings start one level below.
    h1: "h2",
    // A link to another site opens as such, without handing it this page (window.opener).
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? "") ? { ...attribs, rel: "noopener noreferrer" } : attribs,
    }),
  },
};

/** Markdown → HTML safe to print unescaped in a page. */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source) as string;
  return sanitizeHtml(html, SANITISE);
}
