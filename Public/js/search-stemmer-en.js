// The Snowball English (Porter2) stemmer, as in Snowball 3.1: the same algorithm as the build's
// Sources/SOPKit/Search/EnglishStemmer.swift, checked against Tests/Fixtures/stemmer/english.tsv.
(function (root) {
  "use strict";
  var EXCEPTIONS = {
    skis: "ski", skies: "sky", idly: "idl", gently: "gentl", ugly: "ugli", early: "earli", only: "onli",
    singly: "singl", sky: "sky", news: "news", howe: "howe", atlas: "atlas", cosmos: "cosmos", bias: "bias",
    andes: "andes"
  };
  var REGION_PREFIXES = ["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers"];
  var STEP2 = [
    ["ational", "ate"], ["ization", "ize"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"],
    ["tional", "tion"], ["lessli", "less"], ["biliti", "ble"], ["fulli", "ful"], ["ousli", "ous"],
    ["entli", "ent"], ["aliti", "al"], ["iviti", "ive"], ["alism", "al"], ["ation", "ate"], ["ogist", "og"],
    ["anci", "ance"], ["enci", "ence"], ["abli", "able"], ["alli", "al"], ["izer", "ize"], ["ator", "ate"],
    ["bli", "ble"], ["ogi", "og"], ["li", ""]
  ];
  var STEP3 = [
    ["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"], ["ative", ""],
    ["ical", "ic"], ["ness", ""], ["ful", ""]
  ];
  var STEP4 = [
    "ement", "ment", "ance", "ence", "able", "ible", "ate", "ive", "ize", "iti", "ism", "ous", "ant", "ent", "ion",
    "ic", "al", "er"
  ];
  var DOUBLES = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"];

  function isVowel(c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y"; }
  function isVowelWXY(c) { return isVowel(c) || c === "w" || c === "x" || c === "Y"; }
  function hasVowel(w, end) {
    for (var i = 0; i < end; i++) if (isVowel(w[i])) return true;
    return false;
  }
  // The end of the first vowel-then-non-vowel pair at or after `start`, or the word's length.
  function regionAfter(w, start) {
    for (var i = start + 1; i < w.length; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
    return w.length;
  }
  // Whether the letters before `end` form a short syllable.
  function shortSyllable(w, end) {
    if (end >= 3 && !isVowelWXY(w[end - 1]) && isVowel(w[end - 2]) && !isVowel(w[end - 3])) return true;
    if (end === 2 && !isVowel(w[1]) && isVowel(w[0])) return true;
    return end >= 4 && w.slice(end - 4, end) === "past";
  }
  function ends(w, suffix) { return w.length >= suffix.length && w.slice(w.length - suffix.length) === suffix; }

  function step1a(w) {
    if (ends(w, "'s'")) w = w.slice(0, -3);
    else if (ends(w, "'s")) w = w.slice(0, -2);
    else if (ends(w, "'")) w = w.slice(0, -1);
    if (ends(w, "sses")) return w.slice(0, -2);
    if (ends(w, "ied") || ends(w, "ies")) return w.slice(0, -3) + (w.length > 4 ? "i" : "ie");
    if (ends(w, "ss") || ends(w, "us")) return w;
    if (ends(w, "s") && hasVowel(w, w.length - 2)) return w.slice(0, -1);
    return w;
  }

  function step1b(w, p1) {
    var suffix = ["eedly", "ingly", "edly", "eed", "ing", "ed"].find(function (s) { return ends(w, s); });
    if (!suffix) return w;
    var stem = w.slice(0, w.length - suffix.length);
    if (suffix === "eed" || suffix === "eedly") {
      if (stem.length < p1 || stem === "succ" || stem === "proc" || stem === "exc") return w;
      return stem + "ee";
    }
    if (suffix === "ing") {
      if (stem.length === 2 && stem[1] === "y" && !isVowel(stem[0])) return stem[0] + "ie";
      if (["even", "cann", "inn", "earr", "herr", "out"].indexOf(stem) >= 0) return w;
    }
    if (!hasVowel(stem, stem.length)) return w;
    if (ends(stem, "at") || ends(stem, "bl") || ends(stem, "iz")) return stem + "e";
    if (DOUBLES.some(function (d) { return ends(stem, d); })) {
      if (stem.length === 3 && "aeo".indexOf(stem[0]) >= 0) return stem;
      return stem.slice(0, -1);
    }
    if (stem.length === p1 && shortSyllable(stem, stem.length)) return stem + "e";
    return stem;
  }

  function step1c(w) {
    var last = w[w.length - 1];
    if ((last === "y" || last === "Y") && w.length >= 3 && !isVowel(w[w.length - 2])) return w.slice(0, -1) + "i";
    return w;
  }

  function step2(w, p1) {
    for (var i = 0; i < STEP2.length; i++) {
      var suffix = STEP2[i][0];
      if (!ends(w, suffix)) continue;
      var start = w.length - suffix.length;
      if (start < p1) return w;
      if (suffix === "ogi" && w[start - 1] !== "l") return w;
      if (suffix === "li" && "cdeghkmnrt".indexOf(w[start - 1] || " ") < 0) return w;
      return w.slice(0, start) + STEP2[i][1];
    }
    return w;
  }

  function step3(w, p1, p2) {
    for (var i = 0; i < STEP3.length; i++) {
      var suffix = STEP3[i][0];
      if (!ends(w, suffix)) continue;
      var start = w.length - suffix.length;
      if (start < p1 || (suffix === "ative" && start < p2)) return w;
      return w.slice(0, start) + STEP3[i][1];
    }
    return w;
  }

  function step4(w, p2) {
    for (var i = 0; i < STEP4.length; i++) {
      var suffix = STEP4[i];
      if (!ends(w, suffix)) continue;
      var start = w.length - suffix.length;
      if (start < p2) return w;
      if (suffix === "ion" && w[start - 1] !== "s" && w[start - 1] !== "t") return w;
      return w.slice(0, start);
    }
    return w;
  }

  function step5(w, p1, p2) {
    var at = w.length - 1;
    if (w[at] === "e" && (at >= p2 || (at >= p1 && !shortSyllable(w, at)))) return w.slice(0, at);
    if (w[at] === "l" && at >= p2 && w[at - 1] === "l") return w.slice(0, at);
    return w;
  }

  /** The stem of one lowercase word. */
  function stem(word) {
    if (Object.prototype.hasOwnProperty.call(EXCEPTIONS, word)) return EXCEPTIONS[word];
    if (word.length < 3) return word;
    var w = word[0] === "'" ? word.slice(1) : word;
    var chars = w.split("");
    if (chars[0] === "y") chars[0] = "Y";
    for (var i = 1; i < chars.length; i++) if (chars[i] === "y" && isVowel(chars[i - 1])) chars[i] = "Y";
    w = chars.join("");
    var prefix = REGION_PREFIXES.find(function (p) { return w.slice(0, p.length) === p; });
    var p1 = prefix ? prefix.length : regionAfter(w, 0);
    var p2 = p1 < w.length ? regionAfter(w, p1) : w.length;
    w = step1a(w);
    w = step1b(w, p1);
    w = step1c(w);
    w = step2(w, p1);
    w = step3(w, p1, p2);
    w = step4(w, p2);
    w = step5(w, p1, p2);
    return w.replace(/Y/g, "y");
  }

  var api = { stem: stem };
  root.SOPKIT_STEMMERS = root.SOPKIT_STEMMERS || {};
  root.SOPKIT_STEMMERS.en = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
