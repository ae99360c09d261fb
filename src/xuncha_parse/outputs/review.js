(function () {
  "use strict";
  var pane = document.getElementById("text");
  var tip = document.getElementById("tip");
  var buttons = Array.prototype.slice.call(document.querySelectorAll(".panel button[data-pid]"));
  var current = -1;

  function pieces(pid) {
    return pane.querySelectorAll('[data-field="problem"][data-pid="' + pid + '"]');
  }

  function flash(elements) {
    Array.prototype.forEach.call(elements, function (el) {
      el.classList.remove("flash");
      void el.offsetWidth;
      el.classList.add("flash");
    });
  }

  function go(index) {
    if (!buttons.length) { return; }
    current = Math.max(0, Math.min(buttons.length - 1, index));
    var pid = buttons[current].getAttribute("data-pid");
    var found = pieces(pid);
    buttons.forEach(function (b, i) { b.classList.toggle("current", i === current); });
    buttons[current].scrollIntoView({ block: "nearest" });
    if (found.length) {
      found[0].scrollIntoView({ block: "start" });
      flash(found);
    }
  }

  buttons.forEach(function (b, i) { b.addEventListener("click", function () { go(i); }); });

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) { return; }
    if (e.key === "j") { go(current + 1); e.preventDefault(); }
    if (e.key === "k") { go(current < 0 ? 0 : current - 1); e.preventDefault(); }
  });

  Array.prototype.forEach.call(document.querySelectorAll(".legend input[data-kind]"), function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
    });
  });

  function describe(el) {
    var rows = [];
    for (var node = el; node && node !== pane; node = node.parentElement) {
      if (!node.hasAttribute("data-field")) { continue; }
      var kind = node.getAttribute("data-field");
      if (document.body.classList.contains("hide-" + kind)) { continue; }
      var row = document.createElement("div");
      var name = document.createElement("b");
      name.textContent = node.getAttribute("data-label") || kind;
      row.appendChild(name);
      var value = node.getAttribute("data-value");
      if (value) { row.appendChild(document.createTextNode(": " + value)); }
      rows.push(row);
    }
    return rows;
  }

  pane.addEventListener("mousemove", function (e) {
    var rows = e.target instanceof Element ? describe(e.target) : [];
    if (!rows.length) { tip.hidden = true; return; }
    tip.replaceChildren.apply(tip, rows);
    tip.hidden = false;
    var x = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = e.clientY + 18 + tip.offsetHeight > window.innerHeight ? e.clientY - tip.offsetHeight - 10 : e.clientY + 18;
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  });
  pane.addEventListener("mouseleave", function () { tip.hidden = true; });
})();
