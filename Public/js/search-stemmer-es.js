// The Snowball Spanish stemmer, as in Snowball 3.1.1: the same algorithm as the build's
// Sources/SOPKit/Search/SpanishStemmer.swift, checked against Tests/Fixtures/stemmer/spanish.tsv.
// It reads lowercase words with their accents (`wantsAccents`); its last step removes them.
(function (root) {
  "use strict";
  var VOWELS = "aeiouáéíóúü";
  var PRONOUNS = ["me", "se", "sela", "selo", "selas", "selos", "la", "le", "lo", "las", "les", "los", "nos"];
  var BEFORE_PRONOUN = [
    ["iéndo", "iendo"], ["ándo", "ando"], ["ár", "ar"], ["ér", "er"], ["ír", "ir"], ["ando", null], ["iendo", null],
    ["ar", null], ["er", null], ["ir", null], ["yendo", null]
  ];
  var STANDARD = [];
  [
    [["anza", "anzas", "ico", "ica", "icos", "icas", "ismo", "ismos", "able", "ables", "ible", "ibles", "ista",
      "istas", "oso", "osa", "osos", "osas", "amiento", "amientos", "imiento", "imientos"], "delete"],
    [["adora", "ador", "ación", "acion", "adoras", "adores", "aciones", "ante", "antes", "ancia", "ancias"],
      "deleteThenIC"],
    [["logía", "logías"], "log"], [["ución", "ucion", "uciones"], "u"], [["encia", "encias"], "ente"],
    [["amente"], "amente"], [["mente"], "mente"], [["idad", "idades"], "idad"], [["iva", "ivo", "ivas", "ivos"], "iv"]
  ].forEach(function (group) { group[0].forEach(function (s) { STANDARD.push([s, group[1]]); }); });
  var AFTER_AMENTE = ["iv", "os", "ic", "ad"];
  var AFTER_MENTE = ["ante", "able", "ible"];
  var AFTER_IDAD = ["abil", "ic", "iv"];
  var Y_VERB = ["ya", "ye", "yan", "yen", "yeron", "yendo", "yo", "yó", "yas", "yes", "yais", "yamos"];
  var VERB_GU = ["en", "es", "éis", "emos"];
  var VERB = VERB_GU.concat([
    "arían", "arías", "arán", "arás", "aríais", "aría", "aréis", "aríamos", "aremos", "ará", "aré", "erían",
    "erías", "erán", "erás", "eríais", "ería", "eréis", "eríamos", "eremos", "erá", "eré", "irían", "irías",
    "irán", "irás", "iríais", "iría", "iréis", "iríamos", "iremos", "irá", "iré", "aba", "ada", "ida", "ía", "ara",
    "iera", "ad", "ed", "id", "ase", "iese", "aste", "iste", "an", "aban", "ían", "aran", "ieran", "asen",
    "iesen", "aron", "ieron", "ado", "ido", "ando", "iendo", "ió", "ar", "er", "ir", "as", "abas", "adas", "idas",
    "ías", "aras", "ieras", "ases", "ieses", "ís", "áis", "abais", "íais", "arais", "ierais", "aseis", "ieseis",
    "asteis", "isteis", "ados", "idos", "amos", "ábamos", "íamos", "imos", "áramos", "iéramos", "iésemos",
    "ásemos"
  ]);
  var RESIDUAL = ["os", "a", "o", "á", "í", "ó", "e", "é"];
  var UNACCENTED = { "á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u" };

  function isVowel(c) { return VOWELS.indexOf(c) >= 0; }

  // RV, R1 and R2 as start positions (the word's length when a region is empty).
  function regions(w) {
    var n = w.length;
    function afterNext(vowel, start) {
      for (var i = start; i < n; i++) if (isVowel(w[i]) === vowel) return i + 1;
      return -1;
    }
    var pV = n;
    if (n >= 2) {
      var found = -1;
      if (isVowel(w[0])) found = isVowel(w[1]) ? afterNext(false, 2) : afterNext(true, 2);
      else if (!isVowel(w[1])) found = afterNext(true, 2);
      else if (n > 2) found = 3;
      if (found >= 0) pV = found;
    }
    var p1 = n, p2 = n;
    var vowel = afterNext(true, 0);
    var r1 = vowel >= 0 ? afterNext(false, vowel) : -1;
    if (r1 >= 0) {
      p1 = r1;
      var vowel2 = afterNext(true, r1);
      var r2 = vowel2 >= 0 ? afterNext(false, vowel2) : -1;
      if (r2 >= 0) p2 = r2;
    }
    return [pV, p1, p2];
  }

  // The longest of `suffixes` ending at `end` and starting at or after `limit`: [index, start], or null.
  function longest(suffixes, w, end, limit) {
    var best = null;
    for (var i = 0; i < suffixes.length; i++) {
      var s = suffixes[i];
      var start = end - s.length;
      if (start < (limit || 0) || (best && start >= best[1])) continue;
      if (w.slice(start, end).join("") === s) best = [i, start];
    }
    return best;
  }

  function chars(text) { return Array.from(text); }

  function attachedPronoun(w, pV) {
    var pronoun = longest(PRONOUNS, w, w.length);
    if (!pronoun) return w;
    var before = longest(BEFORE_PRONOUN.map(function (e) { return e[0]; }), w, pronoun[1]);
    if (!before || pV > before[1]) return w;
    var entry = BEFORE_PRONOUN[before[0]];
    if (entry[1]) return w.slice(0, before[1]).concat(chars(entry[1]));
    if (entry[0] === "yendo" && !(before[1] > 0 && w[before[1] - 1] === "u")) return w;
    return w.slice(0, pronoun[1]);
  }

  // Deletes the ending when it lies in R2: returns [word, index deleted or -1].
  function deleteInR2(suffixes, w, p2) {
    var found = longest(suffixes, w, w.length);
    if (!found || p2 > found[1]) return [w, -1];
    return [w.slice(0, found[1]), found[0]];
  }

  // [word, whether an ending was removed]
  function standardSuffix(w, p1, p2) {
    var found = longest(STANDARD.map(function (e) { return e[0]; }), w, w.length);
    if (!found) return [w, false];
    var action = STANDARD[found[0]][1];
    var start = found[1];
    if (action === "amente") {
      if (p1 > start) return [w, false];
      var after = deleteInR2(AFTER_AMENTE, w.slice(0, start), p2);
      if (after[1] === 0) after = deleteInR2(["at"], after[0], p2);
      return [after[0], true];
    }
    if (p2 > start) return [w, false];
    var stem = w.slice(0, start);
    if (action === "log") stem = stem.concat(chars("log"));
    else if (action === "u") stem.push("u");
    else if (action === "ente") stem = stem.concat(chars("ente"));
    var follow = { deleteThenIC: ["ic"], mente: AFTER_MENTE, idad: AFTER_IDAD, iv: ["at"] }[action];
    if (follow) stem = deleteInR2(follow, stem, p2)[0];
    return [stem, true];
  }

  function yVerbSuffix(w, pV) {
    if (w.length < pV) return [w, false];
    var found = longest(Y_VERB, w, w.length, pV);
    if (!found || !(found[1] > 0 && w[found[1] - 1] === "u")) return [w, false];
    return [w.slice(0, found[1]), true];
  }

  function verbSuffix(w, pV) {
    if (w.length < pV) return w;
    var found = longest(VERB, w, w.length, pV);
    if (!found) return w;
    var start = found[1];
    var dropsU = found[0] < VERB_GU.length && start >= 2 && w[start - 1] === "u" && w[start - 2] === "g";
    return w.slice(0, dropsU ? start - 1 : start);
  }

  function residualSuffix(w, pV) {
    var found = longest(RESIDUAL, w, w.length);
    if (!found || pV > found[1]) return w;
    var start = found[1];
    var stem = w.slice(0, start);
    var isE = RESIDUAL[found[0]] === "e" || RESIDUAL[found[0]] === "é";
    if (isE && start >= 2 && w[start - 1] === "u" && w[start - 2] === "g" && pV <= start - 1) stem = w.slice(0, start - 1);
    return stem;
  }

  /** The stem of one lowercase word, accents kept. */
  function stem(word) {
    var w = chars(word);
    var r = regions(w);
    w = attachedPronoun(w, r[0]);
    var standard = standardSuffix(w, r[1], r[2]);
    w = standard[0];
    if (!standard[1]) {
      var y = yVerbSuffix(w, r[0]);
      w = y[1] ? y[0] : verbSuffix(w, r[0]);
    }
    w = residualSuffix(w, r[0]);
    return w.map(function (c) { return UNACCENTED[c] || c; }).join("");
  }

  var api = { stem: stem, wantsAccents: true };
  root.SOPKIT_STEMMERS = root.SOPKIT_STEMMERS || {};
  root.SOPKIT_STEMMERS.es = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
