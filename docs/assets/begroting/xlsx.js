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

  /* Concatenated <t> texts of a string item, without phonetic runs (<rPh>). `p`: namespace prefix. */
  function texts(xml, p) {
    if (xml.indexOf("rPh") >= 0) xml = xml.replace(new RegExp(tag("rPh") + "[\\s\\S]*?" + close("rPh"), "g"), "");
    var out = "", open = "<" + p + "t", end = "</" + p + "t>", pos = 0;
    for (;;) {
      var at = xml.indexOf(open, pos);
      if (at < 0) return out;
      var next = xml.charAt(at + open.length);
      if (next !== ">" && next !== " ") { pos = at + 1; continue; }
      var gt = xml.indexOf(">", at);
      if (xml.charAt(gt - 1) === "/") { pos = gt + 1; continue; }
      var stop = xml.indexOf(end, gt);
      if (stop < 0) return out;
      var raw = xml.slice(gt + 1, stop);
      out += raw.indexOf("&") < 0 && raw.indexOf("_x") < 0 ? raw : unescapeXml(raw);
      pos = stop + end.length;
    }
  }

  /* Next element <p+name ...> from `from` (not a longer name such as <rowBreaks>): [start, end of tag, self-closing]. */
  function findTag(xml, open, from) {
    for (;;) {
      var at = xml.indexOf(open, from);
      if (at < 0) return null;
      var next = xml.charAt(at + open.length);
      if (next === " " || next === ">" || next === "/" || next === "\t" || next === "\n" || next === "\r") {
        var gt = xml.indexOf(">", at);
        return [at, gt, xml.charAt(gt - 1) === "/"];
      }
      from = at + 1;
    }
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

  function tooLarge(FileError, what) {
    return new FileError("dit .xlsx-bestand is te groot om in één keer te lezen (" + what + "). Bewaar alleen het " +
      "werkblad met de begroting, zonder opmaak of andere werkbladen, als .xlsx of als CSV.");
  }

  function broken(FileError, detail) {
    return new FileError("dit .xlsx-bestand is beschadigd of geen gewone Excel-werkmap (" + detail + "). Open het in " +
      "Excel of LibreOffice en bewaar het opnieuw als Excel-werkmap (.xlsx) of als CSV.");
  }

  /* limits: begroting.yaml 'limieten' (unpacked MB, rows, cell length), checked before and while reading. */
  function rows(bytes, FileError, limits) {
    var fflate = globalThis.fflate, files, total = 0;
    try {
      files = fflate.unzipSync(bytes, { filter: function (f) {
        total += f.originalSize || 0;
        if (total > limits.uitgepakt_mb * 1024 * 1024) throw tooLarge(FileError, "uitgepakt meer dan " + limits.uitgepakt_mb + " MB");
        return /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/.test(f.name);
      } });
    } catch (e) {
      if (e instanceof FileError) throw e;
      throw broken(FileError, "geen geldig zip-archief: " + (e && e.message));
    }
    if (!Object.keys(files).length) throw broken(FileError, "er staat geen Excel-werkblad in: is het een ander soort bestand, zoals Word of OpenDocument?");
    Object.keys(files).forEach(function (name) {
      var head = fflate.strFromU8(files[name].subarray(0, 65536));
      if (/\.xml$/.test(name) && (head.indexOf("<!DOCTYPE") >= 0 || head.indexOf("<!ENTITY") >= 0)) {
        throw broken(FileError, name + " bevat een DTD of entiteiten, wat een werkmap nooit nodig heeft");
      }
    });
    var text = function (name) { return files[name] ? fflate.strFromU8(files[name]) : null; };
    var path = firstSheetPath(files, text);
    if (!path || !files[path]) {
      throw new FileError("dit .xlsx-bestand heeft geen werkblad. Bewaar het opnieuw als Excel-werkmap (.xlsx) of als CSV.");
    }
    var sst = text("xl/sharedStrings.xml") || "", sheet = text(path);
    var prefix = /<(\w+:)?worksheet\b/.exec(sheet), p = prefix && prefix[1] ? prefix[1] : "";
    if (!new RegExp("</" + p.replace(":", "\\:") + "worksheet>\\s*$").test(sheet)) {
      throw broken(FileError, path + " is geen volledige XML: het werkblad stopt te vroeg of is ongeldig");
    }
    var sp = /<(\w+:)?sst\b/.exec(sst), sstPrefix = sp && sp[1] ? sp[1] : "";
    var shared = [], pos = 0, found, out = [], rowNumber = 0;
    while ((found = findTag(sst, "<" + sstPrefix + "si", pos))) {
      if (found[2]) { shared.push(""); pos = found[1] + 1; continue; }
      var siEnd = sst.indexOf("</" + sstPrefix + "si>", found[1]);
      shared.push(texts(sst.slice(found[1] + 1, siEnd), sstPrefix));
      pos = siEnd + 1;
    }
    var rowOpen = "<" + p + "row", rowClose = "</" + p + "row>", cOpen = "<" + p + "c", cClose = "</" + p + "c>";
    var vOpen = "<" + p + "v>", vClose = "</" + p + "v>", isOpen = "<" + p + "is>", isClose = "</" + p + "is>";
    pos = 0;
    while ((found = findTag(sheet, rowOpen, pos))) {
      if (out.length >= limits.rijen) throw tooLarge(FileError, "meer dan " + limits.rijen + " rijen");
      var r = attr(sheet.slice(found[0] + rowOpen.length, found[1]), "r");
      rowNumber = r ? Number(r) : rowNumber + 1;
      if (found[2]) { pos = found[1] + 1; continue; }
      var rowEnd = sheet.indexOf(rowClose, found[1]);
      if (rowEnd < 0) rowEnd = sheet.length;
      var body = sheet.slice(found[1] + 1, rowEnd), values = [], next = 0, at = 0, cell;
      while ((cell = findTag(body, cOpen, at))) {
        var attrs = body.slice(cell[0] + cOpen.length, cell[2] ? cell[1] - 1 : cell[1]);
        var inner = "";
        if (cell[2]) { at = cell[1] + 1; } else {
          var cEnd = body.indexOf(cClose, cell[1]);
          inner = body.slice(cell[1] + 1, cEnd);
          at = cEnd + cClose.length;
        }
        var index = columnIndex(attr(attrs, "r"));
        if (index < 0) index = next;
        next = index + 1;
        var type = attr(attrs, "t") || "n", value = null;
        if (type === "inlineStr") {
          var i0 = inner.indexOf(isOpen);
          value = i0 < 0 ? null : texts(inner.slice(i0 + isOpen.length, inner.indexOf(isClose, i0)), p);
        } else {
          var v0 = inner.indexOf(vOpen);
          if (v0 >= 0) {
            var rawV = inner.slice(v0 + vOpen.length, inner.indexOf(vClose, v0));
            var raw = rawV.indexOf("&") < 0 && rawV.indexOf("_x") < 0 ? rawV : unescapeXml(rawV);
            if (type === "s") value = shared[Number(raw)];
            else if (type === "b") value = raw === "1";
            else if (type === "n") value = raw.trim() === "" ? null : Number(raw);
            else value = raw; // str (formula text), e (error such as #REF!), d
          }
        }
        if (value === null || value === undefined) continue;
        if (typeof value === "string" && value.length > limits.cel) {
          throw tooLarge(FileError, "een cel in rij " + rowNumber + " heeft meer dan " + limits.cel + " tekens");
        }
        while (values.length < index) values.push(null);
        values[index] = value;
      }
      if (values.length) out.push([rowNumber, values]);
      pos = rowEnd + rowClose.length;
    }
    return out;
  }

  ns.xlsx = { rows: rows };
})(typeof globalThis.PbBegroting === "object" ? globalThis.PbBegroting : (globalThis.PbBegroting = {}));
