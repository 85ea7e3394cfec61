// Print buttons (no inline script: the CSP forbids it).
document.querySelectorAll('[data-action="print"]').forEach((button) => {
  button.addEventListener("click", () => window.print());
});
