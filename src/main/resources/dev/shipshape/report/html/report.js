"use strict";
(function () {
  var form = document.getElementById("filters");
  var table = document.getElementById("findings-table");
  var output = document.getElementById("shown-count");
  var source = document.getElementById("findings-data");
  var showAll = document.getElementById("show-all");
  if (!form || !table || !output || !source || !showAll) return;
  var data = JSON.parse(source.textContent);
  var body = table.tBodies[0];
  var limit = Number(table.getAttribute("data-limit"));
  var rows = new Array(data.findings.length);
  var everything = false;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));

  function cell(row, text, className) {
    var td = document.createElement("td");
    if (className) td.className = className;
    if (text !== null) td.textContent = text;
    row.appendChild(td);
    return td;
  }

  // Rows are built when first shown: a large estate's page stays quick to open.
  function row(index) {
    if (rows[index]) return rows[index];
    var finding = data.findings[index];
    var rule = data.rules[finding[0]];
    var file = data.files[finding[2]];
    var tr = document.createElement("tr");
    tr.setAttribute("data-severity", finding[1]);
    tr.setAttribute("data-rule", rule[0]);
    var badge = document.createElement("span");
    badge.className = "sev sev-" + finding[1];
    badge.textContent = finding[1];
    cell(tr, null).appendChild(badge);
    cell(tr, rule[2]);
    var link = document.createElement("a");
    link.href = "#fix-" + rule[0];
    link.textContent = rule[0];
    cell(tr, null).appendChild(link);
    cell(tr, finding[3] > 0 ? file + ":" + finding[3] + ":" + finding[4] : file, "loc");
    cell(tr, finding[6]);
    rows[index] = tr;
    return tr;
  }

  function value(finding, key) {
    switch (key) {
      case "pillar": return data.rules[finding[0]][1];
      case "severity": return finding[1];
      case "rule": return data.rules[finding[0]][0];
      case "file": return String(finding[2]);
      case "app": return String(finding[5]);
    }
    return null;
  }

  function apply() {
    var wanted = selects
      .filter(function (select) { return select.value !== ""; })
      .map(function (select) { return { key: select.getAttribute("data-filter"), value: select.value }; });
    var matching = [];
    data.findings.forEach(function (finding, index) {
      if (wanted.every(function (filter) { return value(finding, filter.key) === filter.value; })) matching.push(index);
    });
    var shown = everything ? matching : matching.slice(0, limit);
    var fragment = document.createDocumentFragment();
    shown.forEach(function (index) { fragment.appendChild(row(index)); });
    body.replaceChildren(fragment);
    output.textContent = matching.length + " of " + data.findings.length + " findings match"
      + (shown.length < matching.length ? "; the first " + shown.length + " are listed" : "");
    showAll.hidden = shown.length === matching.length;
    showAll.textContent = "List all " + matching.length;
  }

  selects.forEach(function (select) { select.addEventListener("change", apply); });
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    selects.forEach(function (select) { select.value = ""; });
    everything = false;
    apply();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  showAll.addEventListener("click", function () { everything = true; apply(); });
  apply();
})();
