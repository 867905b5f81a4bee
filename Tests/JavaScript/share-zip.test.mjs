import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { createHash } from "node:crypto";

const require = createRequire(import.meta.url);
const Z = require("../../Public/js/share-zip.js");

test("sha256Hex matches Node's SHA-256 across block boundaries", () => {
  for (const length of [0, 1, 55, 56, 63, 64, 65, 1000, 100_000]) {
    const bytes = new Uint8Array(length).map((_, i) => (i * 31 + 7) & 0xff);
    assert.equal(Z.sha256Hex(bytes), createHash("sha256").update(bytes).digest("hex"), `length ${length}`);
  }
});

test("crc32 gives the standard check value", () => {
  assert.equal(Z.crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
});

test("zip writes stored entries with UTF-8 names, sizes and CRC-32 that a reader finds", () => {
  const story = new TextEncoder().encode("---\ntitle: Niños\n---\nText.\n");
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
  const archive = Buffer.from(Z.zip([{ name: "story.md", bytes: story }, { name: "files/ñ.pdf", bytes: pdf }],
    new Date(2024, 4, 1, 12, 30, 10)));
  const end = archive.length - 22;
  assert.equal(archive.readUInt32LE(end), 0x06054b50);
  assert.equal(archive.readUInt16LE(end + 10), 2);
  let central = archive.readUInt32LE(end + 16);
  const found = [];
  for (let i = 0; i < 2; i++) {
    assert.equal(archive.readUInt32LE(central), 0x02014b50);
    assert.equal(archive.readUInt16LE(central + 8) & 0x0800, 0x0800, "UTF-8 flag");
    assert.equal(archive.readUInt16LE(central + 10), 0, "stored");
    const crc = archive.readUInt32LE(central + 16);
    const size = archive.readUInt32LE(central + 24);
    const nameLength = archive.readUInt16LE(central + 28);
    const name = archive.toString("utf8", central + 46, central + 46 + nameLength);
    const local = archive.readUInt32LE(central + 42);
    assert.equal(archive.readUInt32LE(local), 0x04034b50);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + size);
    assert.equal(Z.crc32(data), crc);
    found.push([name, Buffer.from(data)]);
    central += 46 + nameLength;
  }
  assert.deepEqual(found.map(([name]) => name), ["story.md", "files/ñ.pdf"]);
  assert.deepEqual(found[1][1], Buffer.from(pdf));
});
