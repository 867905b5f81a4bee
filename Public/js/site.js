// Collapses the main menu on narrow screens. Without script the menu simply stays open.
(function () {
  "use strict";
  var menu = document.querySelector(".site-menu");
  if (!menu || !window.matchMedia) return;
  var narrow = window.matchMedia("(max-width: 40rem)");
  function apply() { menu.open = !narrow.matches; }
  apply();
  if (narrow.addEventListener) narrow.addEventListener("change", apply);
})();
