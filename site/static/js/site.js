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
