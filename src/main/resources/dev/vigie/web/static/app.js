// Vigie: a little progressive enhancement; every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Forms asking for confirmation (removing a domain, deleting a note).
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { e.preventDefault(); }
    });
  });
  // The menu button on narrow screens.
  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("nav");
  if (toggle && nav) {
    toggle.addEventListener("click", function () {
      var open = nav.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  // Copy buttons next to records and one-time secrets.
  document.querySelectorAll(".copy").forEach(function (el) {
    if (!navigator.clipboard) { return; }
    var b = document.createElement("button");
    b.type = "button";
    b.className = "link copy-button";
    b.textContent = document.documentElement.lang === "fr" ? "Copier" : "Copy";
    b.addEventListener("click", function () { navigator.clipboard.writeText(el.textContent); });
    el.insertAdjacentElement("afterend", b);
  });
});
