/* SDG-begrotingsscan: SDGs a municipality wrote in the text of an action, action plan or goal.
 * Twin of tools/praktijkenbank/budget/sdgtext.py: the patterns come from begroting.yaml (sdg_tekst),
 * the names from sdgs.yaml (spec.sdg_namen, via the build); both pass tests/fixtures/begroting/sdg-tekst.yaml.
 * Plain script: adds PbBegroting.sdgtekst (browser and node). */
(function (ns) {
  "use strict";
  var w = ns.waarden;
  var LEVELS = ["actie", "actieplan", "doelstelling"];

  function patterns(spec) {
    if (!spec._sdgTekst) {
      var r = spec.sdg_tekst;
      spec._sdgTekst = { code: new RegExp(r.code, "gi"), follow: new RegExp(r.vervolg, "iy"),
        split: new RegExp(r.titel_scheiding) };
    }
    return spec._sdgTekst;
  }

  function numbersInText(spec, text) {
    var p = patterns(spec), found = [], m, more;
    p.code.lastIndex = 0;
    while ((m = p.code.exec(text))) {
      found.push(Number(m[1]));
      var position = m.index + m[0].length;
      for (;;) {
        p.follow.lastIndex = position;
        more = p.follow.exec(text);
        if (!more) break;
        found.push(Number(more[1]));
        position = more.index + more[0].length;
      }
      p.code.lastIndex = position;
    }
    return found.filter(function (n) { return n >= 1 && n <= 17; });
  }

  function numbersInTitle(spec, title) {
    var found = [];
    [title].concat(title.split(patterns(spec).split)).forEach(function (part) {
      var n = spec.sdg_namen[w.normalise(part)];
      if (n && found.indexOf(n) < 0) found.push(n);
    });
    return found;
  }

  function sdgsIn(spec, title, text) {
    var all = numbersInText(spec, title + "\n" + text).concat(numbersInTitle(spec, title));
    return all.filter(function (n, i) { return all.indexOf(n) === i; }).sort(function (a, b) { return a - b; });
  }

  /* [codes, level] of the most specific level that names SDGs (see sdgtext.from_levels). */
  function fromLevels(spec, blocks) {
    for (var i = 0; i < LEVELS.length; i++) {
      var block = blocks[LEVELS[i]];
      if (!block) continue;
      var rest = Object.keys(block).filter(function (k) { return k !== "code" && k !== "kort" && block[k]; })
        .map(function (k) { return block[k]; }).join("\n");
      var found = sdgsIn(spec, block.kort || "", rest);
      if (found.length) return [found.map(function (n) { return [n, 1]; }), LEVELS[i]];
    }
    return [[], ""];
  }

  ns.sdgtekst = { sdgsIn: sdgsIn, fromLevels: fromLevels, LEVELS: LEVELS };
})(typeof globalThis.PbBegroting === "object" ? globalThis.PbBegroting : (globalThis.PbBegroting = {}));
