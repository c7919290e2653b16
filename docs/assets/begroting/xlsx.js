/* SDG-begrotingsscan: the first worksheet of an .xlsx file as rows of cells.
 * Unzips with fflate (npm, MIT) and reads the sheet XML itself: shared strings, inline strings,
 * cached formula values, numbers as numbers (what openpyxl gives the Python side).
 * Plain script: adds PbBegroting.xlsx (browser and node). */
(function (ns) {
  "use strict";
  var ENTITY_RE = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
  var NAMED = { lt: "<", gt: ">", amp: "&", quot: "\"", apos: "'" };

  function unescapeXml(text) {
    return text.replace(ENTITY_RE, function (_, name, dec, hex) {
      if (name) return NAMED[name];
      return String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16));
    }).replace(/_x([0-9A-Fa-f]{4})_/g, function (_, hex) { return String.fromCharCode(parseInt(hex, 16)); });
  }

  function tag(name) { return "<(?:\\w+:)?" + name + "\\b"; }
  function close(name) { return "</(?:\\w+:)?" + name + ">"; }

  function texts(xml) { // concatenated <t> texts, without phonetic runs
    xml = xml.replace(new RegExp(tag("rPh") + "[\\s\\S]*?" + close("rPh"), "g"), "");
    var out = "", re = new RegExp(tag("t") + "[^>]*?(?:/>|>([\\s\\S]*?)" + close("t") + ")", "g"), m;
    while ((m = re.exec(xml))) out += m[1] ? unescapeXml(m[1]) : "";
    return out;
  }

  var ATTR_RE = {};

  function attr(attrs, name) {
    var re = ATTR_RE[name] || (ATTR_RE[name] = new RegExp("(?:^|\\s)" + name + "=\"([^\"]*)\""));
    var m = re.exec(attrs);
    return m ? (m[1].indexOf("&") < 0 ? m[1] : unescapeXml(m[1])) : null;
  }

  function columnIndex(ref) {
    var letters = /^[A-Z]+/.exec(ref || ""), n = 0;
    if (!letters) return -1;
    for (var i = 0; i < letters[0].length; i++) n = n * 26 + letters[0].charCodeAt(i) - 64;
    return n - 1;
  }

  function firstSheetPath(files, text) {
    var workbook = text("xl/workbook.xml");
    var sheet = workbook && new RegExp(tag("sheet") + "([^>]*)>").exec(workbook);
    if (!sheet) return null;
    var id = /\s\w+:id="([^"]+)"/.exec(sheet[1]);
    var rels = text("xl/_rels/workbook.xml.rels") || "";
    var re = new RegExp(tag("Relationship") + "([^>]*)>", "g"), m;
    while (id && (m = re.exec(rels))) {
      if (attr(m[1], "Id") === id[1]) {
        var target = attr(m[1], "Target");
        return target.charAt(0) === "/" ? target.slice(1) : "xl/" + target.replace(/^\.\//, "");
      }
    }
    return files["xl/worksheets/sheet1.xml"] ? "xl/worksheets/sheet1.xml" : null;
  }

  function rows(bytes, FileError) {
    var fflate = globalThis.fflate, files;
    try {
      files = fflate.unzipSync(bytes, { filter: function (f) {
        return /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/.test(f.name);
      } });
    } catch (e) {
      throw new FileError("dit .xlsx-bestand kan niet gelezen worden (" + (e && e.message) +
        "). Bewaar het opnieuw als Excel-werkmap (.xlsx) of als CSV.");
    }
    var text = function (name) { return files[name] ? fflate.strFromU8(files[name]) : null; };
    var path = firstSheetPath(files, text);
    if (!path || !files[path]) {
      throw new FileError("dit .xlsx-bestand heeft geen werkblad. Bewaar het opnieuw als Excel-werkmap (.xlsx) of als CSV.");
    }
    var shared = [], sst = text("xl/sharedStrings.xml") || "", m;
    var siRe = new RegExp(tag("si") + "[^>]*>([\\s\\S]*?)" + close("si") + "|" + tag("si") + "[^>]*/>", "g");
    while ((m = siRe.exec(sst))) shared.push(m[1] ? texts(m[1]) : "");
    var sheet = text(path), out = [], rowNumber = 0;
    var rowRe = new RegExp(tag("row") + "([^>]*?)(?:/>|>([\\s\\S]*?)" + close("row") + ")", "g");
    var cellRe = new RegExp(tag("c") + "([^>]*?)(?:/>|>([\\s\\S]*?)" + close("c") + ")", "g");
    var vRe = new RegExp(tag("v") + "[^>]*>([\\s\\S]*?)" + close("v"));
    var isRe = new RegExp(tag("is") + "[^>]*>([\\s\\S]*?)" + close("is"));
    while ((m = rowRe.exec(sheet))) {
      var r = attr(m[1], "r");
      rowNumber = r ? Number(r) : rowNumber + 1;
      var values = [], c, next = 0;
      cellRe.lastIndex = 0;
      while (m[2] && (c = cellRe.exec(m[2]))) {
        var index = columnIndex(attr(c[1], "r"));
        if (index < 0) index = next;
        next = index + 1;
        var type = attr(c[1], "t") || "n", inner = c[2] || "", v = vRe.exec(inner), value = null;
        if (type === "inlineStr") {
          var is = isRe.exec(inner);
          value = is ? texts(is[1]) : null;
        } else if (v) {
          var raw = v[1].indexOf("&") < 0 && v[1].indexOf("_x") < 0 ? v[1] : unescapeXml(v[1]);
          if (type === "s") value = shared[Number(raw)];
          else if (type === "b") value = raw === "1";
          else if (type === "n") value = raw.trim() === "" ? null : Number(raw);
          else value = raw; // str (formula text), e (error such as #REF!), d
        }
        if (value === null || value === undefined) continue;
        while (values.length < index) values.push(null);
        values[index] = value;
      }
      if (values.length) out.push([rowNumber, values]);
    }
    return out;
  }

  ns.xlsx = { rows: rows };
})(typeof globalThis.PbBegroting === "object" ? globalThis.PbBegroting : (globalThis.PbBegroting = {}));
