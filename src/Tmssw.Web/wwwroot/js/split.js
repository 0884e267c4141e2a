// The split page: a select change or a drag onto another group posts the participant's move form.
// Without JavaScript the same forms work with their Move buttons.
(function () {
  "use strict";
  var root = document.querySelector(".split");
  if (!root) return;
  root.classList.add("split-js");

  function submit(form) {
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  }

  root.querySelectorAll("form.split-move select").forEach(function (select) {
    select.addEventListener("change", function () {
      select.disabled = false;
      submit(select.form);
    });
  });

  var dragged = null;
  root.querySelectorAll(".split-person[draggable=true]").forEach(function (item) {
    item.addEventListener("dragstart", function (e) {
      dragged = item;
      item.classList.add("split-dragging");
      e.dataTransfer.effectAllowed = "move";
      e.dataTransfer.setData("text/plain", item.getAttribute("data-participant"));
    });
    item.addEventListener("dragend", function () {
      item.classList.remove("split-dragging");
      dragged = null;
    });
  });

  root.querySelectorAll(".split-group[data-city]").forEach(function (group) {
    group.addEventListener("dragover", function (e) {
      if (!dragged) return;
      e.preventDefault();
      group.classList.add("split-drop");
    });
    group.addEventListener("dragleave", function () {
      group.classList.remove("split-drop");
    });
    group.addEventListener("drop", function (e) {
      group.classList.remove("split-drop");
      if (!dragged) return;
      e.preventDefault();
      var select = dragged.querySelector("form.split-move select");
      var city = group.getAttribute("data-city");
      if (!select || select.value === city) return;
      select.value = city;
      submit(select.form);
    });
  });
})();
