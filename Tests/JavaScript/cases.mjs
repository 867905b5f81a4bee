// Runs Tests/Fixtures/search-cases.json on a site sopkit built: node Tests/JavaScript/cases.mjs SITE_FOLDER.
// Prints each failed case and exits 1 if any failed. Run by Tests/SOPKitCLITests/SearchCasesTests.swift.
import { readFileSync } from "node:fs";
import { openBuiltSite } from "./built-site.mjs";

/** The query a case types: its `query`, repeated up to `repeat` characters when given. */
function caseQuery(entry) {
  if (!entry.repeat) return entry.query;
  return entry.query.repeat(Math.ceil(entry.repeat / entry.query.length)).slice(0, entry.repeat);
}

const cases = JSON.parse(readFileSync(new URL("../Fixtures/search-cases.json", import.meta.url), "utf8")).cases;
const { engine } = openBuiltSite(process.argv[2]);
let failed = 0;
for (const entry of cases) {
  const query = caseQuery(entry);
  const found = await engine.search(query, {}, 10);
  const problems = [];
  const first = found.results[0] ? found.results[0].path : null;
  if (entry.first && first !== entry.first) problems.push(`first ${first}, expected ${entry.first}`);
  if ("correction" in entry && (found.correction && found.correction.trim()) !== entry.correction) {
    problems.push(`correction ${JSON.stringify(found.correction)}, expected ${JSON.stringify(entry.correction)}`);
  }
  if ("results" in entry && found.total !== entry.results) problems.push(`${found.total} results, expected ${entry.results}`);
  if (problems.length) {
    failed++;
    console.log(`${JSON.stringify(entry.query)}${entry.repeat ? ` ×${entry.repeat}` : ""}: ${problems.join("; ")}`);
  }
}
console.log(`${cases.length - failed} of ${cases.length} search cases pass`);
process.exit(failed ? 1 : 0);
