// The search UI: the header field's live results on every page, and search.html's full results and filters.
// Every word it shows comes from the templates (the #sk-search-strings template and the markup).
(function () {
  "use strict";
  var form = document.getElementById("sk-search-form");
  var input = document.getElementById("search-input");
  if (!form || !input) return;
  var base = form.getAttribute("data-root") || "";
  // A translated edition's pages search its own index (data-index="es/"); result paths stay site-relative.
  var indexBase = base + (form.getAttribute("data-index") || "");
  var resultsBox = document.getElementById("search-results");
  var onSearchPage = !!resultsBox;
  var strings = {};
  var template = document.getElementById("sk-search-strings");
  if (template) {
    Array.prototype.forEach.call(template.content.querySelectorAll("[data-key]"), function (el) {
      strings[el.getAttribute("data-key")] = el.textContent;
    });
  }
  function say(key, values) {
    return (strings[key] || "").replace(/\{(\w+)\}/g, function (_, name) { return values && name in values ? values[name] : ""; });
  }

  var enginePromise = null;
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("search: cannot load " + src)); };
      document.head.appendChild(script);
    });
  }
  function engine() {
    if (!enginePromise) {
      enginePromise = Promise.all([loadScript(base + "js/search-engine.js"), loadScript(indexBase + "search/index.js")])
        .then(function () {
          var index = window.SOPKIT_SEARCH_INDEX;
          return (index.stemmer ? loadScript(base + "js/search-stemmer-" + index.stemmer + ".js") : Promise.resolve())
            .then(function () {
              var S = window.SOPKIT_SEARCH;
              var stemmer = index.stemmer ? (window.SOPKIT_STEMMERS || {})[index.stemmer] : null;
              return new S.Engine(index, S.scriptLoader(indexBase, document), stemmer);
            });
        });
    }
    return enginePromise;
  }

  function href(result) { return base + result.path + (result.anchor ? "#" + encodeURIComponent(result.anchor) : ""); }
  function title(result) { return result.title || say("kind-" + result.kind); }
  // An untranslated original in another language's results: its language on the link, and a note saying so.
  function markLanguage(link, result) {
    if (!result.lang) return;
    if ("hreflang" in link) link.hreflang = result.lang;
    link.lang = result.lang;
    var note = el("span", "search-result__language", " " + say("untranslated"));
    note.lang = document.documentElement.lang;
    link.appendChild(note);
  }
  // "Did you mean {query}?" with the corrected query as a link to the search page, or null when nothing was corrected.
  function correctionNote(correction) {
    if (!correction) return null;
    var note = el("p", "search-correction");
    var link = el("a", null, correction.trim());
    link.href = form.getAttribute("action") + "?q=" + encodeURIComponent(correction.trim());
    var parts = (strings["did-you-mean"] || "").split("{query}");
    note.appendChild(document.createTextNode(parts[0]));
    note.appendChild(link);
    note.appendChild(document.createTextNode(parts.slice(1).join("")));
    return note;
  }
  function countText(n) { return n === 1 ? say("count-one") : say("count-many", { count: n }); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  var sequence = 0;
  function run(query, filter, limit, show) {
    var mine = ++sequence;
    if (!query.trim()) { show(null); return; }
    engine().then(function (e) { return e.search(query, filter, limit); }).then(function (found) {
      if (mine === sequence) show(found);
    });
  }

  // search.html: the full list, with filters kept in the address so a filtered search can be bookmarked.
  function setupPage() {
    var roleSelect = document.getElementById("sk-search-role");
    var kindSelect = document.getElementById("sk-search-kind");
    var status = document.getElementById("search-status");
    var empty = document.getElementById("sk-search-empty");
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    if (roleSelect) roleSelect.value = params.get("role") || "";
    if (kindSelect) kindSelect.value = params.get("kind") || "";
    function filter() {
      return {
        role: roleSelect && roleSelect.value ? roleSelect.value : null, kind: kindSelect && kindSelect.value ? kindSelect.value : null
      };
    }
    function remember() {
      var next = new URLSearchParams();
      if (input.value) next.set("q", input.value);
      if (roleSelect && roleSelect.value) next.set("role", roleSelect.value);
      if (kindSelect && kindSelect.value) next.set("kind", kindSelect.value);
      var search = next.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
    }
    // A screen of results at a time, so a query loads few files; more load when the reader asks for them.
    var pageSize = 8;
    var limit = pageSize;
    function show(found) {
      resultsBox.textContent = "";
      if (empty) empty.hidden = true;
      if (!found) { status.textContent = ""; return; }
      if (!found.results.length) {
        status.textContent = say("none", { query: input.value });
        if (empty) {
          empty.querySelector(".search-empty__message").textContent = say("none", { query: input.value });
          empty.hidden = false;
        }
        return;
      }
      status.textContent = countText(found.total);
      var note = correctionNote(found.correction);
      if (note) status.appendChild(note);
      var list = el("ol", "search-results__list");
      found.results.forEach(function (result) {
        var item = el("li", "search-result");
        var heading = el("h2", "search-result__title");
        var link = el("a", null, title(result));
        link.href = href(result);
        markLanguage(link, result);
        heading.appendChild(link);
        item.appendChild(heading);
        var meta = el("p", "search-result__meta");
        meta.appendChild(el("span", "search-result__kind", say("kind-" + result.kind)));
        if (result.local) meta.appendChild(el("span", "search-result__local", say("local")));
        if (result.roles.length) {
          meta.appendChild(el("span", "search-result__roles", say("roles", { roles: result.roles.join(say("roles-separator")) })));
        }
        item.appendChild(meta);
        var text = el("p", "search-result__snippet");
        text.innerHTML = result.snippet;
        item.appendChild(text);
        list.appendChild(item);
      });
      resultsBox.appendChild(list);
      var left = found.total - found.results.length;
      if (left > 0) {
        var more = el("button", "button search-more", say("more", { count: Math.min(pageSize, left) }));
        more.type = "button";
        more.addEventListener("click", function () {
          var shown = found.results.length;
          limit += pageSize;
          run(input.value, filter(), limit, function (next) {
            show(next);
            var links = resultsBox.querySelectorAll(".search-result__title a");
            if (links[shown]) links[shown].focus();
          });
        });
        resultsBox.appendChild(more);
      }
    }
    function update() { remember(); limit = pageSize; run(input.value, filter(), limit, show); }
    input.addEventListener("input", update);
    if (roleSelect) roleSelect.addEventListener("change", update);
    if (kindSelect) kindSelect.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    resultsBox.addEventListener("keydown", function (event) { moveFocus(event, resultsBox); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        var first = resultsBox.querySelector("a");
        if (first) { event.preventDefault(); first.focus(); }
      }
    });
    run(input.value, filter(), limit, show);
  }

  function moveFocus(event, box) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(box.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === "ArrowUp" && at === 0) { input.focus(); return; }
    links[Math.max(0, Math.min(links.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)))].focus();
  }

  // Every other page: a short list under the header field while typing.
  function setupLive() {
    var live = document.getElementById("sk-search-live");
    var list = document.getElementById("sk-search-live-list");
    var status = document.getElementById("sk-search-live-status");
    var empty = live.querySelector(".search-live__empty");
    var active = -1;
    function close() {
      live.hidden = true;
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function activate(i) {
      var options = list.querySelectorAll("[role=option]");
      if (!options.length) return;
      active = (i + options.length) % options.length;
      Array.prototype.forEach.call(options, function (option, k) { option.setAttribute("aria-selected", String(k === active)); });
      input.setAttribute("aria-activedescendant", options[active].id);
    }
    function show(found) {
      list.textContent = "";
      Array.prototype.forEach.call(live.querySelectorAll(".search-correction"), function (old) { old.remove(); });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!found) { status.textContent = ""; close(); return; }
      var note = correctionNote(found.correction);
      if (note) live.insertBefore(note, list);
      status.textContent = (found.results.length ? countText(found.total) : say("none", { query: input.value }))
        + (note ? " " + note.textContent : "");
      empty.hidden = found.results.length > 0;
      empty.querySelector(".search-empty__message").textContent = say("none", { query: input.value });
      // Each option is the link itself: a link inside an option would be a control nested in a control.
      found.results.forEach(function (result, i) {
        var item = el("li");
        item.setAttribute("role", "none");
        var option = el("a", "search-live__option");
        option.id = "sk-search-option-" + i;
        option.href = href(result);
        option.tabIndex = -1;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var name = el("span", "search-live__link", title(result));
        markLanguage(name, result);
        if (result.lang) option.hreflang = result.lang;
        option.appendChild(name);
        var kind = el("span", "search-live__kind", say("kind-" + result.kind));
        kind.lang = document.documentElement.lang;
        option.appendChild(kind);
        if (result.local) option.appendChild(el("span", "search-live__local", say("local")));
        var text = el("span", "search-live__snippet");
        text.innerHTML = result.snippet;
        option.appendChild(text);
        item.appendChild(option);
        list.appendChild(item);
      });
      live.hidden = false;
    }
    input.addEventListener("input", function () { run(input.value, {}, 8, show); });
    input.addEventListener("focus", function () { engine(); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (live.hidden) return;
        event.preventDefault();
        activate(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Enter" && active >= 0 && !live.hidden) {
        var link = list.querySelectorAll("a")[active];
        if (link) { event.preventDefault(); location.href = link.href; }
      } else if (event.key === "Escape") {
        close();
      }
    });
    document.addEventListener("click", function (event) { if (!form.contains(event.target)) close(); });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  if (onSearchPage) setupPage(); else setupLive();
})();
