// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Move focus to <main> after the skip link is followed, so screen readers
  // and keyboard users continue reading from the content in every browser.
  var skip = document.querySelector(".skip-link");
  var main = document.getElementById("main");
  if (skip && main) {
    skip.addEventListener("click", function () {
      main.focus();
    });
  }
})();
