import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { stem } = require("../../Public/js/search-stemmer-en.js");
const fixture = new URL("../Fixtures/stemmer/english.tsv", import.meta.url);

test("the English stemmer matches Snowball's reference on every fixture word", () => {
  const lines = readFileSync(fixture, "utf8").split("\n").filter((line) => line && !line.startsWith("#"));
  assert.ok(lines.length > 3000, `only ${lines.length} fixture words`);
  const wrong = [];
  for (const line of lines) {
    const [word, expected] = line.split("\t");
    const actual = stem(word);
    if (actual !== expected) wrong.push(`${word}: ${actual} (expected ${expected})`);
  }
  assert.deepEqual(wrong.slice(0, 20), []);
});

test("short words and exceptions keep their form", () => {
  assert.equal(stem("as"), "as");
  assert.equal(stem("news"), "news");
  assert.equal(stem("skies"), "sky");
  assert.equal(stem("dying"), "die");
});
