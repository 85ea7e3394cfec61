// The REMC booklet on a phone: ask before lowering a skill already acquired (a slip of the thumb
// would otherwise take it back), and open a competence reached from the jump list.
// Progressive enhancement only: without JavaScript the server accepts the change as it is.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  const message = button && button.getAttribute("data-confirm");
  if (message && !window.confirm(message)) event.preventDefault();
});

// The select form: the level chosen is lower than the current one of the chosen skill.
document.querySelectorAll("form[data-confirm-lowering]").forEach((form) => {
  form.addEventListener("submit", (event) => {
    const skill = form.querySelector('[name="skillCode"]');
    const level = form.querySelector('[name="level"]');
    if (!skill || !level || level.value === "ACQUIRED") return;
    const row = document.querySelector(`[data-skill="${CSS.escape(skill.value)}"]`);
    if (
      row &&
      row.getAttribute("data-level") === "ACQUIRED" &&
      !window.confirm(form.getAttribute("data-confirm-lowering").replace("{code}", skill.value))
    ) {
      event.preventDefault();
    }
  });
});

function openTargetCompetence() {
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const details = target && target.closest("details");
  if (details) details.open = true;
}
openTargetCompetence();
window.addEventListener("hashchange", openTargetCompetence);
