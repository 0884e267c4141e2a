// The conference schedule editor (Pages/Conference/Editor): drag a session onto another slot of
// the day × room grid. The drop fills the page's hidden move form (which carries the anti-forgery
// token) with the session, the day, the slot's time and its room, and submits it; the page comes
// back with the session moved and the warnings recomputed. Without JavaScript, or by keyboard or
// touch, the "Move" form under each session does the same.
(function () {
  "use strict";
  var form = document.getElementById("drag-move");
  var grids = document.querySelectorAll(".agenda-grid");
  if (!form || grids.length === 0) {
    return;
  }

  var dragged = null;

  function clear() {
    document.querySelectorAll(".agenda-grid td.drop-target").forEach(function (c) { c.classList.remove("drop-target"); });
  }

  grids.forEach(function (grid) {
    grid.addEventListener("dragstart", function (e) {
      var s = e.target.closest && e.target.closest(".slot-session[draggable=true]");
      if (!s) {
        return;
      }
      dragged = s;
      e.dataTransfer.effectAllowed = "move";
      e.dataTransfer.setData("text/plain", s.getAttribute("data-session"));
    });

    grid.addEventListener("dragend", function () {
      dragged = null;
      clear();
    });

    grid.addEventListener("dragover", function (e) {
      var cell = e.target.closest && e.target.closest("td.slot");
      if (!cell || !dragged) {
        return;
      }
      e.preventDefault();
      e.dataTransfer.dropEffect = "move";
      clear();
      cell.classList.add("drop-target");
    });

    grid.addEventListener("drop", function (e) {
      var cell = e.target.closest && e.target.closest("td.slot");
      if (!cell || !dragged) {
        return;
      }
      e.preventDefault();
      form.elements.sessionId.value = dragged.getAttribute("data-session");
      form.elements.date.value = grid.getAttribute("data-date");
      form.elements.time.value = cell.getAttribute("data-time");
      form.elements.roomId.value = cell.getAttribute("data-room") || "";
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    });
  });
})();
