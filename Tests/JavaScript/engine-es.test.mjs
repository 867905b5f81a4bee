import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const format = require("./index-format.json");
const S = require("../../Public/js/search-engine.js");
const es = require("../../Public/js/search-stemmer-es.js");

test("Spanish words are stemmed with their accents, then folded, like the Swift Tokenizer", () => {
  assert.deepEqual(
    S.tokenize("Las casas de las Familias: información").map((t) => S.termOf(t.word, es, t.raw)),
    ["las", "cas", "de", "las", "famili", "inform"]);
});

test("a query typed without accents gets the stem the index keeps for the plain spelling", () => {
  assert.equal(S.parseQuery("informacion ", es)[0].term, "inform");
  const [garantia] = S.parseQuery("garantia ", es);
  assert.equal(garantia.term, "garanti");
  const [accented] = S.parseQuery("garantía ", es);
  assert.equal(accented.term, "garant");
  assert.equal(accented.plain, "garanti");
});

test("snippets mark the accented word for an unaccented query and the other way round", () => {
  const record = S.readRecord(format, ["es/guides/g.html", "Garantías", 0, [], "", "", [["", "", "La garantía de la familia."]], null, 0]);
  for (const query of ["garantia ", "garantía "]) {
    const found = S.snippet(record, S.parseQuery(query, es), es);
    assert.match(found.html, /<mark>garantía<\/mark>/, query);
  }
});

test("while typing, a Spanish word's stem is matched exactly and only the typed word is a prefix", async () => {
  const index = {
    version: 1, stemmer: "es", format, kinds: ["guide", "story", "page", "contacts"], roles: [], documents: 3,
    termShards: ["cas"], documentShards: [0], filters: [0, 0, 0],
  };
  const shard = { terms: ["cas", "casas", "case", "cases"], postings: [[0, 500, 1, 0], [1, 100, 1, 0], [1, 900, 1, 3], [2, 900, 1, 3]] };
  const engine = new S.Engine(index, () => Promise.resolve(shard), es);
  const ranked = await engine.rank("casas", {});
  assert.deepEqual(ranked.hits.map((h) => h.id), [0, 1]);
  const typing = await engine.rank("cas", {});
  assert.deepEqual(typing.hits.map((h) => h.id).sort(), [0, 1, 2]);
});
