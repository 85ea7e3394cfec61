// Back from an attendance tap, the page opens on the lesson card (#lesson-<id>): move the focus
// there too, so that a screen reader and the keyboard carry on from the card rather than from
// the top of the page. Without JavaScript the card is still scrolled to and highlighted (:target).
function focusTargetCard() {
  if (!location.hash.startsWith("#lesson-")) return;
  const card = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (card && card.classList.contains("lesson-card")) card.focus();
}
focusTargetCard();
window.addEventListener("hashchange", focusTargetCard);
