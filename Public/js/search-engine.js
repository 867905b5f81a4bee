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

  /** The query's terms: the last word, while still being typed, also matches as a prefix. */
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
      var qterm = { term: term, word: word, prefix: prefix };
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

  /** Whether a folded word (or its term) matches a query term. */
  function matches(qterm, word, term) {
    if (term === qterm.term || term === qterm.plain) return true;
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
    if (!qterms.length) return Promise.resolve({ terms: qterms, hits: [] });
    return Promise.all(qterms.map(function (q) { return self.expansions(q); })).then(function (perTerm) {
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
      return { terms: qterms, hits: ranked };
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
        return { total: ranked.hits.length, results: results };
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
    readRecord: readRecord, snippet: snippet, proximityBoost: proximityBoost, Engine: Engine, scriptLoader: scriptLoader
  };
  root.SOPKIT_SEARCH = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
