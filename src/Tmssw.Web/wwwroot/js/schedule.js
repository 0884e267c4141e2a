// The week calendar (Pages/Manage/Schedule/Week): drag a meeting to another time or day. The drop
// fills the page's hidden move form (which carries the anti-forgery token) and submits it; the
// page comes back with the meeting moved, locked, and any conflicts flagged. Without JavaScript the
// "Change" form on each meeting does the same.
(function () {
  "use strict";
  var week = document.querySelector(".week");
  var form = document.getElementById("drag-move");
  if (!week || !form) {
    return;
  }

  var rows = parseInt(week.getAttribute("data-rows"), 10);
  var grain = parseInt(week.getAttribute("data-grain"), 10);
  var start = week.getAttribute("data-start").split(":");
  var startMinutes = parseInt(start[0], 10) * 60 + parseInt(start[1], 10);
  var dragged = null;
  var grabRows = 0;

  function rowHeight(slots) {
    return slots.getBoundingClientRect().height / rows;
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  week.addEventListener("dragstart", function (e) {
    var meeting = e.target.closest && e.target.closest(".meeting[draggable=true]");
    if (!meeting) {
      return;
    }
    dragged = meeting;
    var slots = meeting.closest(".slots");
    grabRows = Math.floor((e.clientY - meeting.getBoundingClientRect().top) / rowHeight(slots));
    meeting.classList.add("dragging");
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", meeting.getAttribute("data-meeting"));
  });

  week.addEventListener("dragend", function () {
    if (dragged) {
      dragged.classList.remove("dragging");
    }
    week.querySelectorAll(".drop-target").forEach(function (s) { s.classList.remove("drop-target"); });
  });

  week.addEventListener("dragover", function (e) {
    var slots = e.target.closest && e.target.closest(".slots");
    if (!slots || !dragged) {
      return;
    }
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    week.querySelectorAll(".drop-target").forEach(function (s) { if (s !== slots) { s.classList.remove("drop-target"); } });
    slots.classList.add("drop-target");
  });

  week.addEventListener("drop", function (e) {
    var slots = e.target.closest && e.target.closest(".slots");
    if (!slots || !dragged) {
      return;
    }
    e.preventDefault();
    var row = Math.floor((e.clientY - slots.getBoundingClientRect().top) / rowHeight(slots)) - grabRows;
    row = Math.max(0, Math.min(rows - 1, row));
    var minutes = startMinutes + row * grain;
    form.elements.meetingId.value = dragged.getAttribute("data-meeting");
    form.elements.date.value = slots.getAttribute("data-date");
    form.elements.time.value = pad(Math.floor(minutes / 60)) + ":" + pad(minutes % 60);
    if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  });

  var changed = week.querySelector(".meeting.changed");
  if (changed && changed.scrollIntoView) {
    changed.scrollIntoView({ block: "center" });
  }
})();
