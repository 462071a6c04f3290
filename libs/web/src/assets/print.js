// A "Print" button for printable pages (the grab pack): hidden until this script shows it; without
// JavaScript, the browser's own print does the same.
for (const button of document.querySelectorAll('[data-haven-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
