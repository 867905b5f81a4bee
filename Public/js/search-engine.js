// The search engine: the same folding and tokenising as Sources/SOPKit/Search/Tokenizer.swift, and ranking over
// the sharded index in search/*.js. No fetch, XHR or WebAssembly: shards arrive as <script> files, so it works
// from file://. Loadable in Node for the tests (module.exports) and in the browser (globalThis.SOPKIT_SEARCH).
(function (root) {
  "use strict";
  var WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['\u2019][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
  var MARKS = /\p{M}/gu;
  var PLAIN = /^[a-z0-9']+$/;
  var ASCII = /^[\x00-\x7f]*$/;
  var PREFIX_WEIGHT = 0.7;
  var MAX_EXPANSIONS = 60;
  var PROXIMITY_CANDIDATES = 300;
  // A corrected word counts for less than a prefix, which counts for less than an exact word.
  var CORRECTION_WEIGHT = 0.4;
  var MAX_CORRECTIONS = 1;
  // Bounds on the work one keystroke can cause: query words read, and the longest word that is corrected.
  var MAX_QUERY_TERMS = 10;
  var MAX_CORRECTED_LENGTH = 32;

  function fold(text) {
    // Plain ASCII text has nothing to decompose or strip (the common case, so it skips the slow path).
    if (ASCII.test(text)) return text.toLowerCase();
    return text.normalize("NFKD").replace(MARKS, "").toLowerCase().replace(/\u2019/g, "'");
  }

  /** The words of `text` with their places in it: [{word, raw, start, end}], `word` folded, `raw` lowercased. */
  function tokenize(text) {
    var tokens = [];
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      tokens.push({
        word: fold(match[0]), raw: match[0].normalize("NFC").toLowerCase().replace(/\u2019/g, "'"),
        start: match.index, end: match.index + match[0].length
      });
    }
    return tokens;
  }

  /**
   * The index term of a folded word: stemmed when plain ASCII, apostrophes dropped. A stemmer that reads accents
   * (`wantsAccents`) stems the lowercased `raw` word instead, and the stem is folded.
   */
  function termOf(word, stemmer, raw) {
    var stemmed;
    if (stemmer && stemmer.wantsAccents) stemmed = fold(stemmer.stem(raw === undefined ? word : raw));
    else stemmed = stemmer && PLAIN.test(word) ? stemmer.stem(word) : word;
    return stemmed.indexOf("'") >= 0 ? stemmed.replace(/'/g, "") : stemmed;
  }

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /**
   * The query's terms: the last word, while still being typed, also matches as a prefix. Each keeps where its word
   * is in the query (`start`, `end`), so a corrected query can be written. Only the first `MAX_QUERY_TERMS` count.
   */
  function parseQuery(query, stemmer) {
    var tokens = tokenize(query);
    var typing = tokens.length > 0 && tokens[tokens.length - 1].end === query.length;
    var seen = {};
    var terms = [];
    tokens.forEach(function (token, i) {
      var term = termOf(token.word, stemmer, token.raw);
      var word = token.word.replace(/'/g, "");
      var prefix = typing && i === tokens.length - 1 && word.length >= 2;
      var key = term + (prefix ? "*" : "");
      if (seen[key]) return;
      seen[key] = true;
      if (terms.length >= MAX_QUERY_TERMS) return;
      var qterm = { term: term, word: word, prefix: prefix, start: token.start, end: token.end };
      // The stem of the word without its accents, which is how snippets compare the page's words. Such stems are
      // short ("casas" is "cas"), so while typing only the typed word is a prefix, never the stem.
      if (stemmer && stemmer.wantsAccents) {
        qterm.plain = termOf(token.word, stemmer);
        qterm.exactStem = true;
      }
      terms.push(qterm);
    });
    return terms;
  }

  /** An object with `names[i]` set to `values[i]`: how records, sections and roles are read, by the index's names. */
  function named(names, values) {
    var object = {};
    for (var i = 0; i < names.length; i++) object[names[i]] = values[i];
    return object;
  }

  /**
   * A document's record (search/docs-N.js) as an object, its sections too, read by the names in index.js's `format`
   * (Sources/SOPKit/Search/SearchIndexFormat.swift makes both).
   */
  function readRecord(format, values) {
    var record = named(format.record, values);
    record.sections = record.sections.map(function (section) { return named(format.section, section); });
    return record;
  }

  function lowerBound(list, value) {
    var lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] < value) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function startsWith(text, prefix) { return text.lastIndexOf(prefix, 0) === 0; }

  /**
   * The optimal-string-alignment (Damerau) distance between the code points `a` and `b`: insertions, deletions,
   * substitutions and swaps of two neighbours each count one. Over `max` it returns `max + 1`, and stops as soon as
   * it knows. With `asPrefix`, the distance from `a` to the nearest beginning of `b`, for a word still being typed.
   */
  function editDistance(a, b, max, asPrefix) {
    if (!asPrefix && Math.abs(a.length - b.length) > max) return max + 1;
    var width = asPrefix ? Math.min(b.length, a.length + max) : b.length;
    var rows = [];
    for (var i = 0; i <= a.length; i++) {
      var row = new Array(width + 1);
      var least = row[0] = i;
      for (var j = 1; j <= width; j++) {
        if (i === 0) { row[j] = j; least = 0; continue; }
        var d = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
        row[j] = d;
        if (d < least) least = d;
      }
      if (least > max) return max + 1;
      rows.push(row);
    }
    var last = rows[a.length], found = max + 1;
    for (var k = asPrefix ? Math.max(0, a.length - max) : width; k <= width; k++) found = Math.min(found, last[k]);
    return found;
  }

  /** The edits a query word of `length` letters may be corrected by: `lengths` is the index's `correctionLengths`. */
  function allowedEdits(length, lengths) {
    var edits = 0;
    while (edits < lengths.length && length >= lengths[edits]) edits++;
    return edits;
  }

  /** Whether a folded word (or its term) matches a query term. */
  function matches(qterm, word, term) {
    if (term === qterm.term || term === qterm.plain) return true;
    if (qterm.corrections && qterm.corrections.indexOf(term) >= 0) return true;
    return qterm.prefix && ((!qterm.exactStem && startsWith(term, qterm.term))
      || startsWith(word.replace(/'/g, ""), qterm.word) || (qterm.stems || []).indexOf(term) >= 0);
  }

  /**
   * Ranks documents for a query. `index` is search/index.js's object; `load(kind, n)` returns a promise of a shard.
   */
  function Engine(index, load, stemmer) {
    this.index = index;
    this.roles = index.roles.map(function (role) { return named(index.format.role, role); });
    this.load = load;
    this.stemmer = stemmer || null;
  }

  Engine.prototype.termShard = function (term) {
    var starts = this.index.termShards;
    var i = lowerBound(starts, term);
    return i < starts.length && starts[i] === term ? i : Math.max(0, i - 1);
  };

  /** The postings of one index term, or null. */
  Engine.prototype.postingsOf = function (term) {
    return this.load("terms", this.termShard(term)).then(function (shard) {
      var at = lowerBound(shard.terms, term);
      return shard.terms[at] === term ? shard.postings[at] : null;
    });
  };

  /**
   * Every index term a query term stands for: [{postings, weight}]. A prefix also finds the terms of the words it
   * begins (a term shard's `words`, with their `stems`), since a stem can be shorter than what was typed.
   */
  Engine.prototype.expansions = function (qterm) {
    var self = this;
    if (!qterm.prefix) {
      return this.postingsOf(qterm.term).then(function (postings) {
        return postings ? [{ postings: postings, weight: 1 }] : [];
      });
    }
    var keys = [qterm.term, qterm.word].sort();
    // A stem of a language whose stems are short ("casas" is "cas") is matched whole; only the typed word is a prefix.
    function isPrefix(key) { return !(qterm.exactStem && key === qterm.term && key !== qterm.word); }
    var first = this.termShard(keys[0]);
    var last = this.termShard(keys[1] + "\uffff");
    var shards = [];
    for (var s = first; s <= Math.min(last, first + 3); s++) shards.push(s);
    return Promise.all(shards.map(function (s) { return self.load("terms", s); })).then(function (loaded) {
      var found = [];
      var seen = {};
      function add(term, postings) {
        if (seen[term] || found.length >= MAX_EXPANSIONS) return;
        seen[term] = true;
        found.push({ postings: postings, weight: term === qterm.term ? 1 : PREFIX_WEIGHT });
      }
      loaded.forEach(function (shard) {
        keys.forEach(function (key) {
          var at = lowerBound(shard.terms, key);
          if (!isPrefix(key)) {
            if (shard.terms[at] === key) add(key, shard.postings[at]);
            return;
          }
          for (; at < shard.terms.length && startsWith(shard.terms[at], key); at++) {
            add(shard.terms[at], shard.postings[at]);
          }
        });
      });
      var stems = [];
      loaded.forEach(function (shard) {
        var words = shard.words || [];
        for (var at = lowerBound(words, qterm.word); at < words.length && startsWith(words[at], qterm.word); at++) {
          if (!seen[shard.stems[at]] && stems.indexOf(shard.stems[at]) < 0) stems.push(shard.stems[at]);
        }
      });
      return Promise.all(stems.map(function (stem) { return self.postingsOf(stem); })).then(function (more) {
        more.forEach(function (postings, i) { if (postings) add(stems[i], postings); });
        // Snippets then mark every word of those stems' families, as those words are why a document matched.
        qterm.stems = stems;
        return found;
      });
    });
  };

  /**
   * Index terms for a query word that nothing starts with: the term of the likeliest indexed word within its
   * allowed edits (`index.format.correctionLengths`): the nearest; among as near, one that keeps the typed first
   * letter, then by the likelier slip, then the most common. One word only, so the results are those of the query
   * "Did you mean" offers. The words come from the `words` shards of the query word's first two letters (a swapped
   * or extra first letter is found too). Sets `qterm.correction`, that word, and `qterm.corrections`, its terms.
   */
  Engine.prototype.corrections = function (qterm) {
    var self = this;
    var typed = Array.from(qterm.word);
    var max = allowedEdits(typed.length, this.index.format.correctionLengths);
    var letters = this.index.wordShards || [];
    if (!max || typed.length > MAX_CORRECTED_LENGTH) return Promise.resolve([]);
    var shards = [];
    typed.slice(0, 2).forEach(function (letter) {
      var at = letters.indexOf(letter);
      if (at >= 0 && shards.indexOf(at) < 0) shards.push(at);
    });
    return Promise.all(shards.map(function (s) { return self.load("words", s); })).then(function (loaded) {
      var best = max + 1, near = [];
      loaded.forEach(function (shard) {
        shard.words.forEach(function (word, rank) {
          var letters = Array.from(word);
          var d = editDistance(typed, letters, Math.min(max, best), qterm.prefix);
          if (d > max || d > best) return;
          if (d < best) { best = d; near = []; }
          // A whole word before the beginning of one; a letter left out is the commonest slip, then a wrong or
          // swapped one, then one too many.
          var whole = !qterm.prefix || editDistance(typed, letters, d, false) === d;
          var slip = !whole ? 3 : letters.length > typed.length ? 0 : letters.length === typed.length ? 1 : 2;
          near.push({ word: word, rank: rank, firstLetter: letters[0] === typed[0] ? 0 : 1, slip: slip });
        });
      });
      near.sort(function (a, b) { return a.firstLetter - b.firstLetter || a.slip - b.slip || a.rank - b.rank; });
      var found = near.slice(0, MAX_CORRECTIONS).map(function (n) { return n.word; });
      var terms = [];
      found.forEach(function (word) {
        var term = termOf(word, self.stemmer);
        if (terms.indexOf(term) < 0) terms.push(term);
      });
      return Promise.all(terms.map(function (term) { return self.postingsOf(term); })).then(function (lists) {
        var expansions = [];
        lists.forEach(function (postings) {
          if (postings) expansions.push({ postings: postings, weight: CORRECTION_WEIGHT / best });
        });
        if (expansions.length) {
          qterm.correction = found[0];
          qterm.corrections = terms;
        }
        return expansions;
      });
    });
  };

  /** The query with each corrected word replaced by its likeliest correction, or null when none was corrected. */
  function correctedQuery(query, qterms) {
    var corrected = qterms.filter(function (q) { return q.correction; });
    if (!corrected.length) return null;
    var text = "", at = 0;
    corrected.sort(function (a, b) { return a.start - b.start; }).forEach(function (q) {
      text += query.slice(at, q.start) + q.correction;
      at = q.end;
    });
    return text + query.slice(at);
  }

  /** Which documents `filter` lets through (a byte per document), or null when it lets every one through. */
  Engine.prototype.allowed = function (filter) {
    if (filter.kind == null && filter.role == null) return null;
    var index = this.index;
    var bit = filter.role == null ? -1 : this.roles.findIndex(function (role) { return role.id === filter.role; });
    var allowed = new Uint8Array(index.documents);
    if (filter.role != null && bit < 0) return allowed;
    // A filter is the kind in its low `filterKindBits` bits and a bit per role above (SearchIndexFormat.filter).
    var kindSpan = Math.pow(2, index.format.filterKindBits);
    for (var id = 0; id < index.documents; id++) {
      var packed = index.filters[id];
      var kind = packed % kindSpan, roleBits = Math.floor(packed / kindSpan);
      allowed[id] = (filter.kind == null || index.kinds[kind] === filter.kind)
        && (bit < 0 || Math.floor(roleBits / Math.pow(2, bit)) % 2 === 1) ? 1 : 0;
    }
    return allowed;
  };

  /**
   * Ranked matches: [{id, score}], best first. `filter` has optional `role` and `kind`. Each document keeps its best
   * score per query term in flat typed arrays (documents × terms), and where in which posting list it came from, so
   * positions are read only for the candidates that get the proximity boost.
   */
  Engine.prototype.rank = function (query, filter) {
    var self = this;
    var qterms = parseQuery(query, this.stemmer);
    if (!qterms.length) return Promise.resolve({ terms: qterms, hits: [], correction: null });
    return Promise.all(qterms.map(function (q) {
      return self.expansions(q).then(function (found) { return found.length ? found : self.corrections(q); });
    })).then(function (perTerm) {
      var count = qterms.length;
      var allowed = self.allowed(filter || {});
      var scores = new Float64Array(self.index.documents * count);
      var source = new Int32Array(self.index.documents * count);
      var offset = new Int32Array(self.index.documents * count);
      var seen = new Uint8Array(self.index.documents);
      var lists = [];
      var touched = [];
      perTerm.forEach(function (expansions, t) {
        expansions.forEach(function (expansion) {
          var list = expansion.postings, weight = expansion.weight, from = lists.length;
          lists.push(list);
          var id = 0;
          for (var i = 0; i < list.length;) {
            id += list[i];
            var score = list[i + 1] * weight;
            var at = i + 2;
            i = at + 1 + list[at];
            if (allowed && !allowed[id]) continue;
            if (!seen[id]) { seen[id] = 1; touched.push(id); }
            var k = id * count + t;
            if (score > scores[k]) { scores[k] = score; source[k] = from; offset[k] = at; }
          }
        });
      });
      var ranked = touched.map(function (id) {
        var matched = 0, sum = 0;
        for (var t = 0; t < count; t++) if (scores[id * count + t] > 0) { matched++; sum += scores[id * count + t]; }
        var coverage = matched / count;
        return { id: id, score: sum * coverage * coverage };
      });
      ranked.sort(byScore);
      if (count > 1) {
        ranked.slice(0, PROXIMITY_CANDIDATES).forEach(function (hit) {
          var at = [];
          for (var t = 0; t < count; t++) {
            var k = hit.id * count + t;
            var list = lists[source[k]];
            at.push(scores[k] > 0 ? list.slice(offset[k] + 1, offset[k] + 1 + list[offset[k]]) : undefined);
          }
          hit.score *= proximityBoost(at);
        });
        ranked.sort(byScore);
      }
      return { terms: qterms, hits: ranked, correction: correctedQuery(query, qterms) };
    });
  };

  function byScore(a, b) { return b.score - a.score || a.id - b.id; }

  function absolute(deltas) {
    var out = [], p = 0;
    for (var i = 0; i < deltas.length; i++) { p += deltas[i]; out.push(p); }
    return out;
  }

  /** 1 with no nearness; up to 2 when every neighbouring pair of query words is side by side (a phrase). */
  function proximityBoost(at) {
    var pairs = 0, bonus = 0;
    for (var t = 0; t + 1 < at.length; t++) {
      if (!at[t] || !at[t + 1]) continue;
      pairs++;
      var a = absolute(at[t]), b = absolute(at[t + 1]);
      var best = Infinity;
      for (var i = 0, j = 0; i < a.length && j < b.length;) {
        var d = b[j] - a[i];
        if (d > 0 && d < best) best = d;
        if (d > 0) i++; else j++;
      }
      if (best === 1) bonus += 1; else if (best <= 6) bonus += 0.3;
    }
    return pairs ? 1 + bonus / (at.length - 1) : 1;
  }

  /** `isMatch(word)`: the index of the first query term a folded word matches, or -1; remembered per word. */
  function matcher(qterms, stemmer) {
    var cache = new Map();
    return function isMatch(word) {
      var hit = cache.get(word);
      if (hit === undefined) {
        var term = termOf(word, stemmer);
        hit = -1;
        for (var q = 0; q < qterms.length; q++) if (matches(qterms[q], word, term)) { hit = q; break; }
        cache.set(word, hit);
      }
      return hit;
    };
  }

  /**
   * The section that best matches, and a snippet of it (HTML, matched words in <mark>). `isMatch` (from `matcher`)
   * can be shared by the records of one query.
   */
  function snippet(record, qterms, stemmer, length, isMatch) {
    length = length || 28;
    isMatch = isMatch || matcher(qterms, stemmer);
    var best = null;
    record.sections.forEach(function (section) {
      var tokens = tokenize(section.text);
      var headingHits = tokenize(section.heading).filter(function (t) { return isMatch(t.word) >= 0; }).length;
      var window = bestWindow(tokens, isMatch, length);
      var score = window.distinct * 10 + headingHits * 15 + window.count;
      if (score > 0 && (!best || score > best.score)) best = { section: section, tokens: tokens, window: window, score: score };
    });
    if (!best || best.window.distinct === 0) {
      var summary = record.summary || (best ? best.section.text : "");
      var tokens = tokenize(summary);
      return {
        anchor: best ? best.section.anchor : "", html: render(summary, tokens, bestWindow(tokens, isMatch, length), isMatch)
      };
    }
    return { anchor: best.section.anchor, html: render(best.section.text, best.tokens, best.window, isMatch) };
  }

  // The run of `length` words with the most distinct query words (then the most matches).
  function bestWindow(tokens, isMatch, length) {
    var best = { from: 0, to: Math.min(tokens.length, length), distinct: 0, count: 0 };
    var counts = {}, distinct = 0, count = 0;
    for (var i = 0; i < tokens.length; i++) {
      var q = isMatch(tokens[i].word);
      if (q >= 0) { count++; if (!counts[q]) distinct++; counts[q] = (counts[q] || 0) + 1; }
      var from = i - length + 1;
      if (from > 0) {
        var out = isMatch(tokens[from - 1].word);
        if (out >= 0) { count--; counts[out]--; if (!counts[out]) distinct--; }
      }
      if (distinct > best.distinct || (distinct === best.distinct && count > best.count)) {
        best = { from: Math.max(0, from), to: i + 1, distinct: distinct, count: count };
      }
    }
    if (best.count > 0 && best.to - best.from < length) best.to = Math.min(tokens.length, best.from + length);
    return best;
  }

  function render(text, tokens, window, isMatch) {
    if (!tokens.length) return escapeHTML(text);
    var start = window.from > 0 ? tokens[window.from].start : 0;
    var end = window.to < tokens.length ? tokens[window.to - 1].end : text.length;
    var html = start > 0 ? "\u2026 " : "";
    var at = start;
    for (var i = window.from; i < window.to; i++) {
      var token = tokens[i];
      if (isMatch(token.word) < 0) continue;
      html += escapeHTML(text.slice(at, token.start)) + "<mark>" + escapeHTML(text.slice(token.start, token.end)) + "</mark>";
      at = token.end;
    }
    html += escapeHTML(text.slice(at, end));
    return html + (end < text.length ? " \u2026" : "");
  }

  /** Full results for display: ranked hits with their records, anchors and snippets. */
  Engine.prototype.search = function (query, filter, limit) {
    var self = this;
    return this.rank(query, filter).then(function (ranked) {
      var top = ranked.hits.slice(0, limit || 20);
      return Promise.all(top.map(function (hit) { return self.load("docs", hit.id); })).then(function (records) {
        var isMatch = matcher(ranked.terms, self.stemmer);
        var roleNames = {};
        self.roles.forEach(function (role) { roleNames[role.id] = role.name; });
        var results = top.map(function (hit, i) {
          var record = readRecord(self.index.format, records[i]);
          var found = snippet(record, ranked.terms, self.stemmer, 0, isMatch);
          return {
            id: hit.id, score: hit.score, path: record.path, title: record.title, kind: self.index.kinds[record.kind],
            roles: record.roles.map(function (id) { return roleNames[id] || id; }), date: record.date,
            lang: record.language || null, anchor: found.anchor, snippet: found.html, local: record.local === 1
          };
        });
        return { total: ranked.hits.length, results: results, correction: ranked.correction };
      });
    });
  };

  /** Loads shards by adding <script> elements under `base` (the site root, relative to the page). */
  function scriptLoader(base, doc) {
    var waiting = {};
    var cache = {};
    root.SOPKIT_SEARCH_SHARD = function (kind, n, data) {
      var key = kind + "-" + n;
      if (waiting[key]) waiting[key](data);
    };
    return function (kind, n) {
      var key = kind + "-" + n;
      if (!cache[key]) {
        cache[key] = new Promise(function (resolve, reject) {
          waiting[key] = resolve;
          var script = doc.createElement("script");
          script.src = base + "search/" + key + ".js";
          script.onerror = function () { reject(new Error("search: cannot load " + script.src)); };
          doc.head.appendChild(script);
        });
      }
      return cache[key];
    };
  }

  var api = {
    fold: fold, tokenize: tokenize, termOf: termOf, parseQuery: parseQuery, escapeHTML: escapeHTML,
    editDistance: editDistance, allowedEdits: allowedEdits,
    readRecord: readRecord, snippet: snippet, proximityBoost: proximityBoost, Engine: Engine, scriptLoader: scriptLoader
  };
  root.SOPKIT_SEARCH = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
