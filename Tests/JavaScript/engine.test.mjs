import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// What search/index.js says its records hold; SearchFormatContractTests checks it against the Swift side.
const format = require("./index-format.json");
const S = require("../../Public/js/search-engine.js");
const stemmer = require("../../Public/js/search-stemmer-en.js");

test("tokenizer folds case, accents and compatibility forms like the Swift Tokenizer", () => {
  assert.deepEqual(S.tokenize("Café NIÑOS Ｆｕｌｌ ﬁle").map((t) => t.word), ["cafe", "ninos", "full", "file"]);
  assert.deepEqual(S.tokenize("child’s 'worries' rock'n'roll").map((t) => t.word), ["child's", "worries", "rock'n'roll"]);
  assert.deepEqual(
    S.tokenize("The children's Worries, networks").map((t) => S.termOf(t.word, stemmer)),
    ["the", "children", "worri", "network"]);
});

test("tokens keep their place in the original text", () => {
  const [token] = S.tokenize("  Éclair!");
  assert.deepEqual(token, { word: "eclair", raw: "éclair", start: 2, end: 8 });
});

test("the last word is a prefix only while it is being typed", () => {
  assert.deepEqual(S.parseQuery("safety net", stemmer).map((q) => q.prefix), [false, true]);
  assert.deepEqual(S.parseQuery("safety net ", stemmer).map((q) => q.prefix), [false, false]);
});

// A two-shard index by hand: [docDelta, score, positionCount, positionDeltas...] per document.
const index = {
  version: 1, stemmer: "en", format, kinds: ["guide", "story", "page", "contacts"],
  roles: [["leaders", "Leaders"], ["line-staff", "Line staff"]], documents: 3,
  termShards: ["dang", "safeti"],
  filters: [0 + 8 * 1, 0 + 8 * 2, 1 + 8 * 3],
};
const shards = {
  "terms-0": { terms: ["dang", "danger", "map", "statement"], postings: [
    [2, 100, 1, 4],
    [0, 900, 2, 0, 10, 1, 300, 1, 20, 1, 500, 1, 7],
    [1, 700, 0],
    [0, 800, 1, 1, 1, 900, 1, 30, 1, 400, 1, 8],
  ], words: ["mapping"], stems: ["map"] },
  "terms-1": { terms: ["safeti", "safety"], postings: [[0, 50, 1, 3, 1, 60, 1, 2], [2, 10, 1, 0]] },
  docs: [
    ["guides/danger.html", "Danger statements", 0, ["leaders"], "", "How to write one.",
      [["", "", "Intro text."], ["writing", "Writing", "A danger statement says what could happen."]], null, 0],
    ["guides/other.html", "Other", 0, ["line-staff"], "", "", [["", "", "Statement first, then danger."],
      ["maps", "Maps", "Mapping and a map of the network."]], "es", 0],
    ["stories/s.html", "A story", 1, ["leaders", "line-staff"], "2024-01-01", "", [["", "", "Danger. Statement."]], null, 1],
  ],
};
const load = (kind, n) => Promise.resolve(kind === "docs" ? shards.docs[n] : shards[`${kind}-${n}`]);
const engine = new S.Engine(index, load, stemmer);

test("ranking adds term scores, prefers full coverage and boosts phrases", async () => {
  const ranked = await engine.rank("danger statement ", {});
  assert.deepEqual(ranked.hits.map((h) => h.id), [0, 2, 1]);
  assert.ok(S.proximityBoost([[5], [6]]) === 2);
  assert.ok(S.proximityBoost([[5], [20]]) === 1);
});

test("prefix matching of the last word finds longer terms", async () => {
  const ranked = await engine.rank("dan", {});
  assert.deepEqual(ranked.hits.map((h) => h.id).sort(), [0, 1, 2]);
});

test("a prefix longer than the stem finds the word through the shard's words", async () => {
  assert.equal(S.termOf("mapping", stemmer), "map");
  assert.deepEqual((await engine.rank("mapp", {})).hits.map((h) => h.id), [1]);
  assert.deepEqual((await engine.rank("mappi", {})).hits.map((h) => h.id), [1]);
  assert.deepEqual((await engine.rank("mapx", {})).hits, []);
  assert.deepEqual((await engine.rank("mapp ", {})).hits, [], "a finished word is not a prefix");
  const found = await engine.search("mapp", {}, 5);
  assert.deepEqual(found.results.map((r) => r.snippet), ["<mark>Mapping</mark> and a <mark>map</mark> of the network."]);
});

test("filters by role and kind narrow the results", async () => {
  assert.deepEqual((await engine.rank("danger ", { role: "leaders" })).hits.map((h) => h.id), [0, 2]);
  assert.deepEqual((await engine.rank("danger ", { kind: "story" })).hits.map((h) => h.id), [2]);
  assert.deepEqual((await engine.rank("danger ", { role: "nobody" })).hits, []);
});

test("results carry the matching section's anchor and a marked snippet", async () => {
  const found = await engine.search("danger statement ", {}, 5);
  assert.equal(found.total, 3);
  const first = found.results[0];
  assert.equal(first.path, "guides/danger.html");
  assert.equal(first.anchor, "writing");
  assert.deepEqual(first.roles, ["Leaders"]);
  assert.equal(first.snippet, "A <mark>danger</mark> <mark>statement</mark> says what could happen.");
  const local = Object.fromEntries(found.results.map((r) => [r.path, r.local]));
  assert.deepEqual(local, { "guides/danger.html": false, "guides/other.html": false, "stories/s.html": true });
  const languages = Object.fromEntries(found.results.map((r) => [r.path, r.lang]));
  assert.deepEqual(languages, { "guides/danger.html": null, "guides/other.html": "es", "stories/s.html": null });
});

test("snippets escape HTML and mark folded matches", () => {
  const terms = S.parseQuery("ecole ", stemmer);
  const record = S.readRecord(format, ["p", "t", 0, [], "", "", [["", "", "<b>École</b> & more"]], null, 0]);
  const { html } = S.snippet(record, terms, stemmer);
  assert.equal(html, "&lt;b&gt;<mark>École</mark>&lt;/b&gt; &amp; more");
});
