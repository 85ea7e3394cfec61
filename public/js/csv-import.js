// Progressive enhancement of the CSV import: the chosen file is read in the browser and put in the
// text area, which the form sends (the file never leaves without the CSRF-protected form).
document.querySelectorAll("[data-needs-js]").forEach((element) => {
  element.hidden = false;
});
document.querySelectorAll("input[type=file][data-csv-target]").forEach((input) => {
  input.addEventListener("change", () => {
    const file = input.files && input.files[0];
    const target = document.getElementById(input.dataset.csvTarget);
    if (!file || !target) return;
    const reader = new FileReader();
    reader.onload = () => {
      target.value = String(reader.result);
    };
    reader.readAsText(file, "utf-8");
  });
});
