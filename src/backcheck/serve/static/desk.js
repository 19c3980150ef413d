// backcheck serve: keyboard and mouse navigation through the flags. The forms work without it.
// j / n: next flag, k / p: previous, a: accept, e: edit the correction, d: dismiss (type why, Enter),
// Escape: leave a field. Flags are numbered in order of risk (the report's order).
"use strict";
(function () {
  const notes = Array.from(document.querySelectorAll("li.flag[id^='d0-n']"));
  if (!notes.length) return;
  const number = (li) => Number(li.id.slice("d0-n".length));
  notes.sort((a, b) => number(a) - number(b));
  let current = -1;

  function select(i, scroll) {
    if (!notes.length) return;
    current = Math.max(0, Math.min(notes.length - 1, i));
    const n = String(number(notes[current]));
    document.querySelectorAll(".current").forEach((el) => el.classList.remove("current"));
    notes[current].classList.add("current");
    document.querySelectorAll("mark[data-flags]").forEach((m) => {
      if (m.dataset.flags.split(" ").includes(n)) m.classList.add("current");
    });
    document.querySelectorAll("ol.risk li[data-n='" + n + "']").forEach((li) => li.classList.add("current"));
    document.body.dataset.current = n;
    if (scroll) {
      const mark = document.getElementById("d0-f" + n) || notes[current];
      mark.scrollIntoView({ block: "center" });
    }
  }

  function field(selector) {
    return current >= 0 ? notes[current].querySelector(selector) : null;
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const tag = (event.target && event.target.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") {
      if (event.key === "Escape") event.target.blur();
      return;
    }
    const key = event.key;
    if (key === "j" || key === "n") select(current + 1, true);
    else if (key === "k" || key === "p") select(current - 1, true);
    else if (key === "a") {
      const form = field("form.accept");
      if (form) form.requestSubmit();
    } else if (key === "e" || key === "d") {
      const input = field(key === "e" ? "form.accept input[name=replacement]" : "form.dismiss input[name=reason]");
      if (input) input.focus();
    } else return;
    event.preventDefault();
  });

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const mark = target.closest("mark[data-flags]");
    const note = target.closest("li.flag[id^='d0-n']");
    const item = target.closest("ol.risk li[data-n]");
    const n = mark ? mark.dataset.flags.split(" ")[0] : note ? String(number(note)) : item ? item.dataset.n : null;
    if (n === null) return;
    const i = notes.findIndex((li) => String(number(li)) === n);
    if (i >= 0) select(i, Boolean(item));
  });

  const at = Number(new URLSearchParams(window.location.search).get("i") || "0");
  select(Number.isFinite(at) ? at : 0, at > 0);
})();

// The fact ledger: following an entry (or a fact's link on either side) outlines that fact in the
// source and in the English, and its entry.
(function () {
  function light() {
    document.querySelectorAll(".lit").forEach((el) => el.classList.remove("lit"));
    const m = /^#d0-(?:l|fs|fe)(\d+)$/.exec(window.location.hash);
    if (!m) return;
    document.querySelectorAll(".f-d0-" + m[1]).forEach((el) => el.classList.add("lit"));
    const entry = document.getElementById("d0-l" + m[1]);
    if (entry) entry.classList.add("lit");
  }
  window.addEventListener("hashchange", light);
  light();
})();
