import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const en = require("../../Public/js/search-stemmer-en.js");
const es = require("../../Public/js/search-stemmer-es.js");

for (const [language, stemmer, atLeast] of [["english", en, 3000], ["spanish", es, 5000]]) {
  test(`the ${language} stemmer matches Snowball's reference on every fixture word`, () => {
    const fixture = new URL(`../Fixtures/stemmer/${language}.tsv`, import.meta.url);
    const lines = readFileSync(fixture, "utf8").split("\n").filter((line) => line && !line.startsWith("#"));
    assert.ok(lines.length > atLeast, `only ${lines.length} fixture words`);
    const wrong = [];
    for (const line of lines) {
      const [word, expected] = line.split("\t");
      const actual = stemmer.stem(word);
      if (actual !== expected) wrong.push(`${word}: ${actual} (expected ${expected})`);
    }
    assert.deepEqual(wrong.slice(0, 20), []);
  });
}

test("short words and exceptions keep their form", () => {
  assert.equal(en.stem("as"), "as");
  assert.equal(en.stem("news"), "news");
  assert.equal(en.stem("skies"), "sky");
  assert.equal(en.stem("dying"), "die");
});

test("Spanish plurals meet their singular, accented and plain spellings meet", () => {
  assert.equal(es.wantsAccents, true);
  assert.equal(es.stem("familias"), es.stem("familia"));
  assert.equal(es.stem("casas"), "cas");
  assert.equal(es.stem("información"), es.stem("informacion"));
});
