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

// Video embeds: the iframe is created only after the visitor presses the
// button, so the provider learns nothing about visitors who do not.
(function () {
  "use strict";
  document.querySelectorAll("[data-video-consent]").forEach(function (figure) {
    var button = figure.querySelector(".video__load");
    var placeholder = figure.querySelector(".video__placeholder");
    if (!button || !placeholder) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = figure.getAttribute("data-embed-url");
      frame.title = figure.getAttribute("data-title");
      frame.allow = "fullscreen; picture-in-picture";
      frame.setAttribute("allowfullscreen", "");
      frame.className = "video__frame";
      placeholder.replaceWith(frame);
      frame.focus();
    });
  });
})();

// Quick exit on the help-seeking pages: leave for a neutral site and replace
// this page in the history, by click or by pressing Escape twice.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  function leave(event) {
    if (event) event.preventDefault();
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  var last = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    if (now - last < 1500) leave();
    last = now;
  });
})();
