/* Runs the report builder's core (docs/assets/rapport/*.js) in node, for the tests:
 *   node tests/js/rapport_node.js JOB.json
 * JOB.json: {"cfg": rapport.yaml as JSON, "catalogue", "practices", "names", "lastYear",
 *            "values": CSV text, "budget": CSV text, "projects": [CSV text], "inputs": {...}}.
 * Prints {"values", "budget", "projects", "report", "blocks"} as JSON. */
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
for (const name of ["getallen", "invoer", "model", "blokken"]) {
  require(path.join(root, "docs", "assets", "rapport", name + ".js"));
}
const ns = globalThis.PbRapport;
const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const values = ns.invoer.readValues(job.values, job.catalogue, job.lastYear, job.cfg);
const budget = ns.invoer.readBudget(job.budget, job.cfg);
const projects = job.projects.map((text) => ns.invoer.readProjects(text, job.cfg));
const chosen = job.inputs.indicatoren.concat(Object.keys(values.waarden).filter((s) => job.inputs.indicatoren.indexOf(s) < 0));
const inputs = Object.assign({}, job.inputs, {
  indicatoren: chosen,
  waarden: values.waarden, doelen: values.doelen, begroting: budget.begroting,
  projecten: [].concat(...projects.map((p) => p.projecten)),
});
const report = ns.model.build(inputs, job.catalogue, job.practices, job.names);
const blocks = ns.blokken.blocks(report, job.cfg.richtlijnen);
process.stdout.write(JSON.stringify({ values, budget, projects, report, blocks }));
