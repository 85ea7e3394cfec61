// A rejected form comes back with its error summary: focus goes there first, so that a screen
// reader announces the errors and a keyboard starts from them (RGAA 11.10, WCAG 3.3.1).
const summary = document.querySelector(".error-summary[tabindex]");
if (summary) {
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    if (!link) return;
    const target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (!target) return;
    // A fieldset (radio buttons) is not focusable itself: its first control is.
    const control = target.matches("input, select, textarea, button") ? target : target.querySelector("input, select, textarea, button");
    if (!control) return;
    event.preventDefault();
    // The label and the message sit above the control: bring them into view with it.
    const label = control.id ? document.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
    const legend = target.tagName === "FIELDSET" ? target.querySelector("legend") : null;
    (legend || label || control).scrollIntoView();
    control.focus({ preventScroll: true });
  });
}
