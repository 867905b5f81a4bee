// Opens a site that sopkit built, from disk, the way the browser does: each search/*.js file is run as a script
// that assigns window.SOPKIT_SEARCH_INDEX or calls SOPKIT_SEARCH_SHARD, so Node searches the very bytes a browser
// would load. Used by cases.test.mjs and Benchmarks/relevance.mjs.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";

const require = createRequire(import.meta.url);
const S = require("../../Public/js/search-engine.js");
const stemmers = {
  en: require("../../Public/js/search-stemmer-en.js"),
  es: require("../../Public/js/search-stemmer-es.js"),
};

/** The search engine of the built site in `folder`, for the edition whose index is under `prefix` ("" or "es/"). */
export function openBuiltSite(folder, prefix = "") {
  const searchFolder = path.join(folder, prefix, "search");
  const run = (file) => {
    const context = { window: {}, SOPKIT_SEARCH_SHARD: (kind, n, data) => { context.shard = data; } };
    vm.runInNewContext(readFileSync(path.join(searchFolder, file), "utf8"), context);
    return context;
  };
  const index = run("index.js").window.SOPKIT_SEARCH_INDEX;
  const loaded = [];
  const load = (kind, n) => {
    loaded.push(`${kind}-${n}`);
    return Promise.resolve(run(`${kind}-${n}.js`).shard);
  };
  const engine = new S.Engine(index, load, index.stemmer ? stemmers[index.stemmer] : null);
  return { engine, index, loaded };
}
