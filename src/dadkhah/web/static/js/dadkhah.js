// Progressive enhancement only: every page works without this file.
// Keyboard shortcuts: any element with data-key="x" is clicked when x is pressed
// (outside text fields), e.g. the review buttons.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var t = event.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) { return; }
    if (!/^[a-z0-9]$/.test(event.key.toLowerCase())) { return; }
    var el = document.querySelector('[data-key="' + event.key.toLowerCase() + '"]');
    if (el) { event.preventDefault(); el.click(); }
  });
})();
