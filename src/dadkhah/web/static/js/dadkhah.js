// Progressive enhancement only: every page works without this file.
// Keyboard shortcuts: any element with data-key="x" is clicked when x is pressed
// (outside text fields), e.g. the review buttons.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var t = event.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) { return; }
    // The physical key (event.code), so the shortcuts also work with a Persian keyboard layout.
    var m = /^Key([A-Z])$/.exec(event.code || "");
    if (!m) { return; }
    var el = document.querySelector('[data-key="' + m[1].toLowerCase() + '"]');
    if (el) { event.preventDefault(); el.click(); }
  });
})();
