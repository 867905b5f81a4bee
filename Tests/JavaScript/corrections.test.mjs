import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const format = require("./index-format.json");
const S = require("../../Public/js/search-engine.js");
const stemmer = require("../../Public/js/search-stemmer-en.js");

const distance = (a, b, max, asPrefix) => S.editDistance(Array.from(a), Array.from(b), max, asPrefix);

test("edit distance counts a swap of neighbours as one edit and stops past the bound", () => {
  assert.equal(distance("saftey", "safety", 2), 1);
  assert.equal(distance("supervison", "supervision", 2), 1);
  assert.equal(distance("humilty", "humility", 2), 1);
  assert.equal(distance("kitten", "sitting", 3), 3);
  assert.equal(distance("safety", "safety", 1), 0);
  assert.equal(distance("abcdef", "ghijkl", 2), 3, "over the bound is bound + 1");
  assert.equal(distance("niño", "nino", 1), 1);
  assert.equal(distance("saft", "safety", 1, true), 1, "a word being typed is compared with beginnings");
  assert.equal(distance("saft", "safety", 1, false), 2);
});

test("no edits for 1 to 3 letters, one for 4 to 6, two from 7", () => {
  assert.deepEqual([1, 3, 4, 6, 7, 12].map((n) => S.allowedEdits(n, format.correctionLengths)), [0, 0, 1, 1, 2, 2]);
});

// Three documents: "safety" in 0 and 1, "safe" in 2, and a words shard for the letters a and s.
const index = {
  version: 1, stemmer: "en", format, kinds: ["guide", "story", "page", "contacts"], roles: [], documents: 3,
  termShards: ["safe"], wordShards: ["a", "s"], filters: [0, 0, 0],
};
const shards = {
  "terms-0": { terms: ["safe", "safeti", "sat"], postings: [[2, 500, 0], [0, 900, 0, 1, 300, 0], [2, 100, 0]] },
  "words-0": { words: ["after"] },
  "words-1": { words: ["safety", "safe", "sat"] },
  docs: [
    ["a.html", "Safety first", 0, [], "", "", [["", "", "Safety first."]], null, 0],
    ["b.html", "Other", 0, [], "", "", [["", "", "Some safety."]], null, 0],
    ["c.html", "Safe", 0, [], "", "", [["", "", "Safe and sat."]], null, 0],
  ],
};
const loaded = [];
const load = (kind, n) => {
  loaded.push(`${kind}-${n}`);
  return Promise.resolve(kind === "docs" ? shards.docs[n] : shards[`${kind}-${n}`]);
};
const engine = new S.Engine(index, load, stemmer);

test("a misspelt word finds the nearest indexed word and says so", async () => {
  const found = await engine.search("saftey ", {}, 5);
  assert.deepEqual(found.results.map((r) => r.path), ["a.html", "b.html"]);
  assert.equal(found.correction, "safety ");
  assert.equal(found.results[0].snippet, "<mark>Safety</mark> first.");
});

test("a correct or prefix match is never corrected, and short words never are", async () => {
  assert.equal((await engine.search("safety", {}, 5)).correction, null);
  assert.equal((await engine.search("saf", {}, 5)).correction, null);
  assert.deepEqual((await engine.rank("sfe ", {})).hits, [], "three letters get no edit");
});

test("corrected matches score below exact ones", async () => {
  const exact = await engine.rank("safety ", {});
  const corrected = await engine.rank("saftey ", {});
  assert.ok(corrected.hits[0].score < exact.hits[0].score);
});

test("only the words shards of the first two letters are read", async () => {
  loaded.length = 0;
  await engine.rank("asfety ", {});
  assert.deepEqual(loaded.filter((f) => f.startsWith("words")).sort(), ["words-0", "words-1"]);
  loaded.length = 0;
  await engine.rank("שלום ", {});
  assert.deepEqual(loaded.filter((f) => f.startsWith("words")), [], "letters with no words shard load none");
});

test("hostile queries end quickly with nothing, and only the first ten words are read", async () => {
  assert.equal(S.parseQuery("one two three four five six seven eight nine ten eleven twelve", stemmer).length, 10);
  for (const query of ["!!! ??? ...", "🙂 🚸", "<script>alert(1)</script>", "x".repeat(2000), "شكرا"]) {
    const found = await engine.search(query, {}, 5);
    assert.equal(found.total, 0, query.slice(0, 20));
  }
});
