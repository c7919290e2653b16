/* Runs the browser's budget scan (docs/assets/begroting/*.js) in node on files, for the tests:
 *   node tests/js/begroting_node.js JOBS.json
 * JOBS.json: {"spec": begroting.yaml as JSON, "names": {sdgs, ps}, "jobs": [{"path", "opties"}]}.
 * Prints [{"samenvatting": ..., "csv": ...} or {"fout": ...}] as JSON, one entry per job. */
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
globalThis.Papa = require(path.join(root, "node_modules", "papaparse"));
globalThis.fflate = require(path.join(root, "node_modules", "fflate"));
for (const name of ["waarden", "xlsx", "sdgtekst", "formaten", "lezen", "samenvatten"]) {
  require(path.join(root, "docs", "assets", "begroting", name + ".js"));
}
const ns = globalThis.PbBegroting;

const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const out = input.jobs.map((job) => {
  const o = job.opties || {};
  const bytes = new Uint8Array(fs.readFileSync(job.path));
  try {
    const parsed = ns.lezen.readBudget(input.spec, bytes, path.basename(job.path), o.kolom || null);
    const summary = ns.samenvatten.summarise(parsed, input.names, o.jaren || null,
      o.soort || "uitgaven", o.type || "alle");
    return { samenvatting: summary, csv: ns.samenvatten.toCsv(summary, input.names) };
  } catch (e) {
    if (e instanceof ns.lezen.FileError) return { fout: e.message };
    throw e;
  }
});
process.stdout.write(JSON.stringify(out));
