/*
 * SDG-projectscan: a scan in a link and in a file. No DOM; needs scan-state.js.
 *
 * Link: the whole scan lives in the fragment, "#scan=" + a mode letter + data.
 *   The data is a compact JSON array (see toCompact), as UTF-8, in URL-safe
 *   base64 without padding: mode "z" after raw deflate (CompressionStream),
 *   mode "j" without. encode() keeps the shorter of both. A fragment never
 *   reaches a server: browsers do not send it.
 *   Themes, phases and factors are stored by id, so links keep working when a
 *   list in the data files grows; the 17 effects are one letter each.
 * File: readable JSON, {"formaat": "sdg-projectscan", "versie": 1,
 *   "bewaard": ISO time, "scan": the state (see scan-state.js)}.
 *
 * Everything that reads a link or a file goes through state.normalize(), and
 * every failure is a ScanError with a Dutch message that says what to do.
 */
(function (global) {
  "use strict";

  var ns = (global.PbScan = global.PbScan || {});
  var PREFIX = "scan=";
  var MAX_LINK = 200000; // characters after '#': far more than the longest possible scan
  var MAX_BYTES = 262144; // decompressed: a hostile link cannot blow up memory
  var MAX_FILE = 1048576;

  function state() {
    return ns.state || require("./scan-state.js");
  }

  function ScanError(message) {
    this.name = "ScanError";
    this.message = message;
  }
  ScanError.prototype = Object.create(Error.prototype);
  ScanError.prototype.constructor = ScanError;

  // -------------------------------------------------------------- compact --

  function toCompact(s, cfg) {
    var notes = [];
    s.sdgs.forEach(function (item) { if (item.toelichting) notes.push([item.nr, item.toelichting]); });
    return [
      cfg.versie,
      s.titel,
      s.omschrijving,
      s.themas,
      s.fase,
      s.sdgs.map(function (item) { return item.effect; }).join(""),
      notes,
      [s.mondiaal.effect, s.mondiaal.toelichting],
      s.spillovers.map(function (x) { return [x.van || 0, x.naar || 0, x.score, x.toelichting]; }),
      s.lnob.filter(function (f) { return f.risico || f.toelichting; })
        .map(function (f) { return [f.id, f.risico ? 1 : 0, f.toelichting]; }),
      s.conclusie
    ];
  }

  function list(value) {
    return Array.isArray(value) ? value : [];
  }

  function fromCompact(data, cfg) {
    if (!Array.isArray(data) || typeof data[0] !== "number") {
      throw new ScanError("De link bevat geen SDG-projectscan. Kopieer de volledige link opnieuw.");
    }
    if (data[0] > cfg.versie) {
      throw new ScanError("Deze link komt van een nieuwere versie van de projectscan. Herlaad de pagina en probeer opnieuw.");
    }
    var effects = String(data[5] || "");
    var notes = {};
    list(data[6]).forEach(function (pair) { if (Array.isArray(pair)) notes[pair[0]] = pair[1]; });
    var global_ = list(data[7]);
    return state().normalize({
      titel: data[1],
      omschrijving: data[2],
      themas: list(data[3]),
      fase: data[4],
      sdgs: cfg.sdgs.map(function (s, i) {
        return { nr: s.nr, effect: effects.charAt(i) || "?", toelichting: notes[s.nr] };
      }),
      mondiaal: { effect: global_[0], toelichting: global_[1] },
      spillovers: list(data[8]).map(function (x) {
        x = list(x);
        return { van: x[0], naar: x[1], score: x[2], toelichting: x[3] };
      }),
      lnob: list(data[9]).map(function (x) {
        x = list(x);
        return { id: x[0], risico: x[1] === 1, toelichting: x[2] };
      }),
      conclusie: data[10]
    }, cfg);
  }

  // ---------------------------------------------------------------- bytes --

  function toBase64Url(bytes) {
    var binary = "";
    for (var i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ScanError("De link is beschadigd: er staan tekens in die er niet thuishoren. Kopieer de volledige link opnieuw.");
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) base64 += "=";
    var binary;
    try {
      binary = atob(base64);
    } catch (error) {
      throw new ScanError("De link is onvolledig. Kopieer de volledige link opnieuw.");
    }
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function canCompress() {
    return typeof CompressionStream === "function" && typeof DecompressionStream === "function";
  }

  // Run bytes through a (de)compression stream, stopping past MAX_BYTES.
  function transform(bytes, stream) {
    var reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
    var parts = [];
    var size = 0;
    function next() {
      return reader.read().then(function (step) {
        if (step.done) {
          var out = new Uint8Array(size);
          var at = 0;
          parts.forEach(function (part) { out.set(part, at); at += part.length; });
          return out;
        }
        size += step.value.length;
        if (size > MAX_BYTES) {
          reader.cancel();
          throw new ScanError("De link is te groot voor een projectscan.");
        }
        parts.push(step.value);
        return next();
      });
    }
    return next();
  }

  // ----------------------------------------------------------------- link --

  // Promise of the fragment (without '#') for a state; "" for an empty scan.
  function encode(s, cfg) {
    if (state().isEmpty(s, cfg)) return Promise.resolve("");
    var bytes = new TextEncoder().encode(JSON.stringify(toCompact(s, cfg)));
    var plain = PREFIX + "j" + toBase64Url(bytes);
    if (!canCompress()) return Promise.resolve(plain);
    return transform(bytes, new CompressionStream("deflate-raw")).then(function (packed) {
      var zipped = PREFIX + "z" + toBase64Url(packed);
      return zipped.length < plain.length ? zipped : plain;
    });
  }

  // Promise of {state, warnings} for a fragment (with or without '#'), or null when the
  // fragment holds no scan (e.g. '#stap-sdgs'). Rejects with a ScanError.
  function decode(fragment, cfg) {
    var text = String(fragment || "").replace(/^#/, "");
    if (text.indexOf(PREFIX) !== 0) return Promise.resolve(null);
    return Promise.resolve().then(function () {
      if (text.length > MAX_LINK) throw new ScanError("De link is te lang voor een projectscan.");
      var mode = text.charAt(PREFIX.length);
      var bytes = fromBase64Url(text.slice(PREFIX.length + 1));
      if (mode === "j") return bytes;
      if (mode !== "z") throw new ScanError("Deze link is van een onbekende soort. Kopieer de volledige link opnieuw.");
      if (!canCompress()) throw new ScanError("Deze browser kan de link niet lezen. Open hem in een recente versie van Firefox, Chrome, Edge of Safari.");
      return transform(bytes, new DecompressionStream("deflate-raw")).catch(function (error) {
        if (error instanceof ScanError) throw error;
        throw new ScanError("De link is beschadigd of onvolledig. Kopieer de volledige link opnieuw.");
      });
    }).then(function (bytes) {
      var data;
      try {
        data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      } catch (error) {
        throw new ScanError("De link is beschadigd of onvolledig. Kopieer de volledige link opnieuw.");
      }
      return fromCompact(data, cfg);
    });
  }

  // ----------------------------------------------------------------- file --

  function toFile(s, cfg, now) {
    var file = { formaat: cfg.formaat, versie: cfg.versie, bewaard: (now || new Date()).toISOString(), scan: s };
    return JSON.stringify(file, null, 2) + "\n";
  }

  // {state, warnings} from the text of a saved file; throws a ScanError.
  function fromFile(text, cfg) {
    if (typeof text !== "string" || text.length > MAX_FILE) {
      throw new ScanError("Dit bestand is te groot voor een projectscan. Kies het JSON-bestand dat je met 'Bewaren als bestand' maakte.");
    }
    var data;
    try {
      data = JSON.parse(text.replace(/^\ufeff/, ""));
    } catch (error) {
      throw new ScanError("Dit bestand is geen JSON-bestand. Kies het bestand dat je met 'Bewaren als bestand' maakte (het eindigt op .json).");
    }
    if (!data || typeof data !== "object" || data.formaat !== cfg.formaat || typeof data.scan !== "object") {
      throw new ScanError("Dit bestand is geen SDG-projectscan. Kies het bestand dat je met 'Bewaren als bestand' maakte.");
    }
    if (typeof data.versie === "number" && data.versie > cfg.versie) {
      throw new ScanError("Dit bestand komt van een nieuwere versie van de projectscan. Herlaad de pagina en probeer opnieuw.");
    }
    return state().normalize(data.scan, cfg);
  }

  function fileName(s, extension) {
    var name = state().slug(s.titel);
    return "sdg-projectscan" + (name ? "-" + name : "") + "." + extension;
  }

  var api = {
    toCompact: toCompact, fromCompact: fromCompact, encode: encode, decode: decode,
    toFile: toFile, fromFile: fromFile, fileName: fileName, ScanError: ScanError, PREFIX: PREFIX,
    MAX_FILE: MAX_FILE
  };
  ns.codec = api;
  if (typeof module === "object" && module && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
