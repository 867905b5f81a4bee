import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { stem, wantsAccents } = require("../../Public/js/search-stemmer-es.js");
const fixture = new URL("../Fixtures/stemmer/spanish.tsv", import.meta.url);

test("the Spanish stemmer matches Snowball's reference on every fixture word", () => {
  const lines = readFileSync(fixture, "utf8").split("\n").filter((line) => line && !line.startsWith("#"));
  assert.ok(lines.length > 5000, `only ${lines.length} fixture words`);
  const wrong = [];
  for (const line of lines) {
    const [word, expected] = line.split("\t");
    const actual = stem(word);
    if (actual !== expected) wrong.push(`${word}: ${actual} (expected ${expected})`);
  }
  assert.deepEqual(wrong.slice(0, 20), []);
});

test("plurals meet their singular, accented and plain spellings meet", () => {
  assert.equal(wantsAccents, true);
  assert.equal(stem("familias"), stem("familia"));
  assert.equal(stem("casas"), "cas");
  assert.equal(stem("información"), stem("informacion"));
});
