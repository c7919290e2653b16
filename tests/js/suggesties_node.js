/* Runs the browser's SDG suggestions (docs/assets/begroting/suggesties.js) in node, for the tests
 * and the benchmark:
 *   node tests/js/suggesties_node.js JOB.json
 * JOB.json: {"model": the model as the build embeds it, "lines": [line, ...], "herhaal": n}.
 * Prints {"suggesties": [[suggestion, ...] per line], "ms": time of the last round} as JSON. */
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
globalThis.PraktijkenbankTaal = require(path.join(root, "docs", "assets", "zoeker", "zoektaal.js"));
require(path.join(root, "docs", "assets", "begroting", "suggesties.js"));
const ns = globalThis.PbBegroting;

const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
let out = null;
let ms = 0;
for (let round = 0; round < (job.herhaal || 1); round++) {
  const model = JSON.parse(JSON.stringify(job.model)); // a fresh model: no warm caches
  const start = process.hrtime.bigint();
  out = job.lines.map((line) => ns.suggesties.suggest(model, line));
  ms = Number(process.hrtime.bigint() - start) / 1e6;
}
process.stdout.write(JSON.stringify({ suggesties: out, ms: ms }));
