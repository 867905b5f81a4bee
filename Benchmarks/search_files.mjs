// Files and bytes a query's first results need, from a built site on disk, by the browser's own engine under
// Node: the search scripts, search/index.js, and every shard the query loads with its first 8 results.
//   node Benchmarks/search_files.mjs SITE_FOLDER "query" ...
import { statSync } from "node:fs";
import path from "node:path";
import { openBuiltSite } from "../Tests/JavaScript/built-site.mjs";

const [site, ...queries] = process.argv.slice(2);
const size = (file) => statSync(path.join(site, file)).size;
const scripts = ["js/search.js", "js/search-engine.js", "js/search-stemmer-en.js"].reduce((n, f) => n + size(f), 0);
const index = size("search/index.js");
for (const query of queries) {
  const { engine, loaded } = openBuiltSite(site);
  const found = await engine.search(query, {}, 8);
  const files = [...new Set(loaded)];
  const bytes = scripts + index + files.reduce((n, f) => n + size(`search/${f}.js`), 0);
  const note = found.correction ? ` (did you mean "${found.correction}")` : "";
  console.log(`${JSON.stringify(query)}: ${files.length} files after index.js, ${(bytes / 1000).toFixed(1)} kB${note}`);
}
console.log(`scripts ${scripts} B, index.js ${index} B`);
