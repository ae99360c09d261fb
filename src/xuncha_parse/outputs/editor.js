(function () {
  "use strict";
  // The corrections form (outputs/editor.py): every input carries data-path, data-kind and data-parsed.
  var form = document.getElementById("edit");
  var pane = document.getElementById("text");
  if (!form || !pane) { return; }
  var sha = form.getAttribute("data-sha256");
  var who = document.getElementById("who");
  var list = document.getElementById("pending");
  var count = document.getElementById("pending-count");
  // The corrections the page was made with (--corrections): kept in the file this page downloads.
  var earlierText = form.getAttribute("data-earlier") || "{}";
  var earlier = JSON.parse(earlierText);
  var fixes = JSON.parse(earlierText);  // path -> {parsed, value, by, at}
  var NAME_KEY = "xuncha.reviewer";
  var FIXES_KEY = "xuncha.corrections." + sha;  // this notice's corrections so far, kept across reloads

  try { who.value = window.localStorage.getItem(NAME_KEY) || ""; } catch (e) { /* storage off */ }
  who.addEventListener("change", function () {
    try { window.localStorage.setItem(NAME_KEY, who.value.trim()); } catch (e) { /* storage off */ }
  });

  // What an input holds now, as the corrections file writes it (null for an empty field).
  function read(input) {
    var kind = input.getAttribute("data-kind");
    if (kind === "remove") { return input.checked ? null : undefined; }
    if (kind === "added") { return input.checked ? JSON.parse(input.getAttribute("data-value")) : undefined; }
    var raw = input.value.trim();
    if (kind === "status") { return raw; }
    if (raw === "") { return null; }
    if (kind === "date") { return dateOf(raw); }
    if (kind === "count") { return /^\d+$/.test(raw) ? parseInt(raw, 10) : NaN; }
    if (kind === "rate") { var r = Number(raw.replace(/%$/, "")) / (/%$/.test(raw) ? 100 : 1); return r >= 0 && r <= 1 ? r : NaN; }
    return raw;
  }

  // A typed date as OUTPUT.md's Date (its text the ISO date), NaN when it is not one.
  function dateOf(raw) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
    if (!m) { return NaN; }
    return { text: raw, iso: raw, year: +m[1], month: +m[2], day: +m[3], year_inferred: false, qualifier: null };
  }

  function same(value, parsed) {
    if (value && parsed && value.iso !== undefined) { return value.iso === parsed.iso; }  // a date as typed
    return JSON.stringify(value) === JSON.stringify(parsed);
  }

  function record(path, parsed, value, removal) {
    if (value === undefined || !removal && same(value, parsed)) {
      delete fixes[path];
    } else {
      fixes[path] = { parsed: parsed, value: value, by: who.value.trim() || null, at: new Date().toISOString() };
    }
    show();
    var kept = { earlier: earlierText, fixes: fixes };
    try { window.localStorage.setItem(FIXES_KEY, JSON.stringify(kept)); } catch (e) { /* storage off */ }
  }

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  // The corrections kept in this browser for this page (made with the same earlier corrections), if any.
  function stored() {
    try {
      var kept = JSON.parse(window.localStorage.getItem(FIXES_KEY) || "null");
      return kept && kept.earlier === earlierText && kept.fixes ? kept.fixes : null;
    } catch (e) { return null; }
  }

  // The inputs as the kept corrections left them (after a reload): a corrected value, or the parsed one
  // where an earlier correction was withdrawn.
  function restore() {
    fixes = stored() || fixes;
    Array.prototype.forEach.call(form.querySelectorAll("[data-path]"), function (input) {
      var path = input.getAttribute("data-path");
      if (!has(fixes, path) && !has(earlier, path)) { return; }
      if (input.type === "checkbox") { input.checked = has(fixes, path); return; }
      var value = has(fixes, path) ? fixes[path].value : JSON.parse(input.getAttribute("data-parsed"));
      input.value = value === null ? "" : typeof value === "object" ? value.iso || "" : String(value);
    });
    show();
  }

  function show() {
    var paths = Object.keys(fixes).sort();
    list.replaceChildren.apply(list, paths.map(function (path) {
      var li = document.createElement("li");
      li.setAttribute("data-path", path);
      var value = fixes[path].value;
      li.textContent = path + ": " + JSON.stringify(fixes[path].parsed) + " \u2192 " +
        (value && typeof value === "object" ? JSON.stringify(value.title || value.iso) : JSON.stringify(value));
      return li;
    }));
    count.textContent = String(paths.length);
  }

  restore();
  Array.prototype.forEach.call(form.querySelectorAll("[data-path]"), function (input) {
    input.addEventListener("change", function () {
      var value = read(input);
      var bad = typeof value === "number" && isNaN(value);
      input.classList.toggle("bad", bad);
      if (bad) { return; }
      var parsed = JSON.parse(input.getAttribute("data-parsed"));
      var kind = input.getAttribute("data-kind");
      record(input.getAttribute("data-path"), parsed, value, kind === "remove" || kind === "added");
    });
  });

  // Offset of a point (node, offset) in the text pane's text, which is the text every span indexes.
  function offset(node, off) {
    var range = document.createRange();
    range.setStart(pane, 0);
    range.setEnd(node, off);
    return range.toString().length;
  }

  function lineAt(text, index) { return text.slice(0, index).split("\n").length; }

  document.getElementById("add-selection").addEventListener("click", function () {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || !pane.contains(sel.anchorNode) || !pane.contains(sel.focusNode)) { return; }
    var range = sel.getRangeAt(0);
    var text = pane.textContent;
    var start = offset(range.startContainer, range.startOffset);
    var end = offset(range.endContainer, range.endOffset);
    while (start < end && /\s/.test(text[start])) { start++; }
    while (end > start && /\s/.test(text[end - 1])) { end--; }
    if (start >= end) { return; }
    var span = { start: start, end: end, line_start: lineAt(text, start), line_end: lineAt(text, end - 1) };
    record("problems.+" + start, null, { title: text.slice(start, end).replace(/\s*\n\s*/g, ""), span: span });
  });

  document.getElementById("download").addEventListener("click", function () {
    var name = who.value.trim() || null;
    var out = {};
    Object.keys(fixes).sort().forEach(function (path) {
      var f = fixes[path];
      out[path] = { parsed: f.parsed, value: f.value, by: f.by || name, at: f.at };
    });
    var notices = {};
    notices[sha] = { file: form.getAttribute("data-file") || null, corrections: out };
    var doc = { format: "xuncha-corrections", version: 1, notices: notices };
    var blob = new Blob([JSON.stringify(doc, null, 2) + "\n"], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "corrections-" + sha.slice(0, 12) + ".json";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
})();
