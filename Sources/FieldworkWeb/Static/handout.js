// The handout page's Print button: a same-origin module because the CSP forbids inline script.
document.getElementById("print-handout")?.addEventListener("click", () => window.print());
