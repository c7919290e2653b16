/* SDG-begrotingsscan: bar charts in the markup of tools/praktijkenbank/charts.py (bar_chart), so
 * docs/assets/grafieken.css styles the scan and the page "in cijfers" alike.
 * Plain script: adds PbBegroting.grafieken (browser and node). */
(function (ns) {
  "use strict";
  var WIDTH = 400, BAR_MAX = 300, ROW = 32;

  function esc(value) {
    return String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function round1(x) { return Math.round(x * 10) / 10; }

  function table(id, headers, rows) {
    var out = ["<div class=\"pb-grafiek__data\"><table class=\"pb-grafiek__tabel\" aria-labelledby=\"" + esc(id) + "-titel\">",
      "<thead><tr>" + headers.map(function (h) { return "<th scope=\"col\">" + esc(h) + "</th>"; }).join("") + "</tr></thead>",
      "<tbody>"];
    rows.forEach(function (row) {
      out.push("<tr><th scope=\"row\">" + esc(row[0]) + "</th>" +
        row.slice(1).map(function (c) { return "<td>" + esc(c) + "</td>"; }).join("") + "</tr>");
    });
    out.push("</tbody></table></div>");
    return out.join("\n");
  }

  /* rows: [{label, value, text, colour, cells}] -> HTML of one figure (bar chart + table). */
  function barChart(id, title, rows, description, headers) {
    var top = rows.reduce(function (m, r) { return Math.max(m, r.value); }, 0);
    var height = rows.length * ROW + 4;
    var parts = ["<figure class=\"pb-grafiek\" id=\"" + esc(id) + "\">",
      "<figcaption class=\"pb-grafiek__titel\" id=\"" + esc(id) + "-titel\">" + esc(title) + "</figcaption>",
      "<div class=\"pb-grafiek__inhoud\">",
      "<svg class=\"pb-grafiek__svg\" viewBox=\"0 0 " + WIDTH + " " + height + "\" role=\"img\" focusable=\"false\" " +
        "aria-labelledby=\"" + esc(id) + "-svg-titel " + esc(id) + "-svg-uitleg\">",
      "<title id=\"" + esc(id) + "-svg-titel\">" + esc(title) + "</title>",
      "<desc id=\"" + esc(id) + "-svg-uitleg\">" + esc(description) + "</desc>"];
    rows.forEach(function (row, i) {
      var y = i * ROW;
      var width = top > 0 && row.value > 0 ? round1(BAR_MAX * row.value / top) : 0;
      parts.push("<text class=\"pb-grafiek__label\" x=\"0\" y=\"" + (y + 12) + "\">" + esc(row.label) + "</text>" +
        "<rect class=\"pb-grafiek__staaf\" x=\"0\" y=\"" + (y + 16) + "\" width=\"" + width + "\" height=\"12\" " +
        "fill=\"" + esc(row.colour) + "\"/>" +
        "<text class=\"pb-grafiek__waarde\" x=\"" + round1(width + 4) + "\" y=\"" + (y + 26) + "\">" + esc(row.text) + "</text>");
    });
    parts.push("</svg>");
    parts.push(table(id, headers, rows.map(function (r) { return [r.label].concat(r.cells); })));
    parts.push("</div></figure>");
    return parts.join("\n");
  }

  ns.grafieken = { barChart: barChart, esc: esc };
})(typeof globalThis.PbBegroting === "object" ? globalThis.PbBegroting : (globalThis.PbBegroting = {}));
