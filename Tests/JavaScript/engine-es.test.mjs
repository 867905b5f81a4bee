import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
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
  const record = ["es/guides/g.html", "Garantías", 0, [], "", "", [["", "", "La garantía de la familia."]]];
  for (const query of ["garantia ", "garantía "]) {
    const found = S.snippet(record, S.parseQuery(query, es), es);
    assert.match(found.html, /<mark>garantía<\/mark>/, query);
  }
});
