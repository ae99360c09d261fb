(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var body = table.tBodies[0];
    var buttons = table.querySelectorAll("th button[data-col]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () {
        var col = +button.getAttribute("data-col");
        var dir = button.getAttribute("data-dir") === "asc" ? "desc" : "asc";
        Array.prototype.forEach.call(buttons, function (b) { b.removeAttribute("data-dir"); });
        button.setAttribute("data-dir", dir);
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) { return row.cells[col].getAttribute("data-v"); };
        var numeric = rows.every(function (r) { var v = key(r); return v === "" || !isNaN(+v); });
        rows.sort(function (a, b) {
          var x = key(a), y = key(b), c;
          if (numeric) { c = (x === "" ? -Infinity : +x) - (y === "" ? -Infinity : +y); }
          else { c = x.localeCompare(y, "zh"); }
          return dir === "asc" ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
