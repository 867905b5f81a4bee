// The share page: checks the form by the rules the build wrote into #share-rules (the same as `sopkit check`
// and `sopkit import`), shows each problem at its field and in a summary screen readers announce, and makes one
// zip (story.md, the attached files, manifest.json) with no network and no library. Every word comes from the
// page or from the rules' messages.
(function () {
  "use strict";
  var form = document.getElementById("share-form");
  var rulesElement = document.getElementById("share-rules");
  if (!form || !rulesElement || !window.SOPKIT_SHARE_ZIP || !window.TextEncoder) return;
  var rules = JSON.parse(rulesElement.textContent);
  var ZIP = window.SOPKIT_SHARE_ZIP;
  var needsScript = document.getElementById("share-needs-script");
  if (needsScript) needsScript.hidden = true;

  function field(name) { return form.elements[name]; }
  function byId(id) { return document.getElementById(id); }
  function fill(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }
  function message(name, values) { return fill(rules.messages[name], values || {}); }

  /** The number of characters as Swift counts them (grapheme clusters) where the browser can, else code points. */
  function characterCount(text) {
    if (window.Intl && Intl.Segmenter) {
      var count = 0;
      var iterator = new Intl.Segmenter().segment(text)[Symbol.iterator]();
      while (!iterator.next().done) count++;
      return count;
    }
    return Array.from(text).length;
  }

  /** The slug `sopkit import` makes from a title: lowercase ASCII letters and digits joined by '-'. */
  function slug(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "");
  }

  /** A file name `sopkit import` takes: letters, digits, '.', '-' and '_', no leading dot or dash. */
  function safeName(name, taken) {
    var dot = name.lastIndexOf(".");
    var stem = (dot > 0 ? name.slice(0, dot) : name).normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^[-_]+|-+$/g, "").slice(0, 80) || "file";
    var extension = dot > 0 ? name.slice(dot + 1).toLowerCase().replace(/[^a-z0-9]/g, "") : "";
    var candidate = stem + (extension ? "." + extension : "");
    for (var n = 2; taken[candidate.toLowerCase()]; n++) candidate = stem + "-" + n + (extension ? "." + extension : "");
    taken[candidate.toLowerCase()] = true;
    return candidate;
  }

  function extensionOf(name) {
    var dot = name.lastIndexOf(".");
    return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  }

  var confidentialPatterns = rules.confidential.map(function (kind) {
    try { return { id: kind.id, expression: new RegExp(kind.pattern, "giu") }; } catch (error) { return null; }
  }).filter(Boolean);

  /** What the confidentiality check finds in `text`, as `sopkit check` does: [{id, seen}]. */
  function confidentialFindings(text) {
    var found = [];
    text.split("\n").forEach(function (line) {
      if (!/[0-9@]/.test(line)) return;
      var claimed = [];
      confidentialPatterns.forEach(function (kind) {
        kind.expression.lastIndex = 0;
        var match;
        while ((match = kind.expression.exec(line))) {
          if (match[0] === "") { kind.expression.lastIndex++; continue; }
          var start = match.index, end = start + match[0].length;
          if (claimed.some(function (range) { return start < range[1] && range[0] < end; })) continue;
          if (published(match[0]) || insideWebAddress(line, start)) continue;
          claimed.push([start, end]);
          found.push({ id: kind.id, seen: match[0] });
        }
      });
    });
    return found;
  }

  function published(seen) {
    if (seen.indexOf("@") >= 0) return rules.publishedEmails.indexOf(seen.toLowerCase()) >= 0;
    var digits = seen.replace(/[^0-9]/g, "");
    if (digits.length === 11 && digits[0] === "1") digits = digits.slice(1);
    return digits.length >= 7 && rules.publishedPhones.some(function (phone) {
      return phone === digits || (phone.length === 11 && phone[0] === "1" && phone.slice(1) === digits);
    });
  }

  function insideWebAddress(line, start) {
    var before = line.slice(0, start);
    var word = before.slice(Math.max(before.lastIndexOf(" "), before.lastIndexOf("("), before.lastIndexOf("<")) + 1);
    return word.indexOf("://") >= 0 || word.indexOf("www.") === 0;
  }

  /** Every problem with the form: [{name, message}], in the order of the fields. */
  function problems() {
    var found = [];
    function add(name, text) { found.push({ name: name, message: text }); }
    var title = field("title").value.trim();
    var summary = field("summary").value.trim();
    var body = field("body").value.trim();
    if (!title) add("title", message("required_title"));
    else if (!slug(title)) add("title", message("title_no_name"));
    if (!summary) add("summary", message("required_summary"));
    else if (characterCount(summary) > rules.summaryMax) {
      add("summary", message("summary_too_long", { count: characterCount(summary), max: rules.summaryMax }));
    }
    if (!body) add("body", message("required_body"));
    [["title", title], ["summary", summary], ["body", body]].forEach(function (pair) {
      confidentialFindings(pair[1]).forEach(function (finding) {
        add(pair[0], message("confidential", { what: message("what_" + finding.id), seen: finding.seen }));
      });
    });
    var files = Array.prototype.slice.call(field("attachments").files || []);
    if (files.length > rules.maxFiles) add("attachments", message("too_many_files", { max: rules.maxFiles, count: files.length }));
    files.forEach(function (file) {
      if (rules.fileTypes.indexOf(extensionOf(file.name)) < 0) {
        add("attachments", message("file_type", { name: file.name, types: rules.fileTypes.join(", ") }));
      } else if (file.size > rules.maxFileBytes) {
        add("attachments", message("file_too_large", {
          name: file.name, size: (file.size / 1048576).toFixed(1), max: Math.round(rules.maxFileBytes / 1048576),
        }));
      }
    });
    var email = field("email").value.trim();
    if (email && !/^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/.test(email)) add("email", message("email"));
    if (!field("confirm").checked) add("confirm", message("confirm"));
    return found;
  }

  var errorFields = ["title", "summary", "body", "attachments", "email", "confirm"];

  function showProblems(found) {
    var summary = byId("share-errors");
    var list = byId("share-errors-list");
    list.textContent = "";
    errorFields.forEach(function (name) {
      var mine = found.filter(function (problem) { return problem.name === name; });
      var error = byId("share-" + name + "-error");
      var input = byId("share-" + name);
      error.textContent = mine.map(function (problem) { return problem.message; }).join(" ");
      error.hidden = mine.length === 0;
      byId("share-" + name + "-field").classList.toggle("field--error", mine.length > 0);
      if (mine.length) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
    found.forEach(function (problem) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#share-" + problem.name;
      link.textContent = problem.message;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        byId("share-" + problem.name).focus();
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    summary.hidden = found.length === 0;
    if (found.length) summary.focus();
  }

  function today(date) {
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate());
  }

  /** story.md: front matter with one key per filled field (JSON strings are YAML strings), then the text. */
  function storyText(date, attachments) {
    var lines = ["---"];
    function text(key, value) { if (value) lines.push(key + ": " + JSON.stringify(value)); }
    text("title", field("title").value.trim());
    lines.push("date: " + today(date));
    text("summary", field("summary").value.trim().replace(/\s+/g, " "));
    text("county", field("county").value);
    text("region", field("region").value);
    text("category", field("category").value.trim());
    var tags = field("tags").value.split(",").map(function (tag) { return tag.trim(); }).filter(Boolean);
    if (tags.length) lines.push("tags: " + JSON.stringify(tags));
    var roles = Array.prototype.filter.call(form.querySelectorAll("input[name=roles]"), function (box) {
      return box.checked;
    }).map(function (box) { return box.value; });
    if (roles.length) lines.push("roles: " + JSON.stringify(roles));
    lines.push("draft: true", "---", "");
    var body = field("body").value.replace(/\r\n?/g, "\n").trim() + "\n";
    if (attachments.length) {
      body += "\n## " + rules.attachmentsHeading + "\n\n" + attachments.map(function (file) {
        return "- [" + file.name + "](files/" + file.name + ")";
      }).join("\n") + "\n";
    }
    return lines.join("\n") + body;
  }

  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(new Uint8Array(reader.result)); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsArrayBuffer(file);
    });
  }

  var madeURL = null;

  function make() {
    var found = problems();
    showProblems(found);
    if (found.length) return;
    var date = new Date();
    var taken = {};
    var chosen = Array.prototype.slice.call(field("attachments").files || []);
    Promise.all(chosen.map(readFile)).then(function (contents) {
      var attachments = chosen.map(function (file, index) {
        return { name: safeName(file.name, taken), bytes: contents[index] };
      });
      var entries = [{ name: "story.md", bytes: new TextEncoder().encode(storyText(date, attachments)) }]
        .concat(attachments.map(function (file) { return { name: "files/" + file.name, bytes: file.bytes }; }));
      var manifest = {
        version: rules.version,
        made: date.toISOString(),
        sender: { name: field("name").value.trim(), email: field("email").value.trim() },
        files: entries.map(function (entry) {
          return { name: entry.name, size: entry.bytes.length, sha256: ZIP.sha256Hex(entry.bytes) };
        }),
      };
      entries.push({ name: "manifest.json", bytes: new TextEncoder().encode(JSON.stringify(manifest, null, 2) + "\n") });
      var name = "share-" + slug(field("title").value) + "-" + today(date) + ".zip";
      var blob = new Blob([ZIP.zip(entries, date)], { type: "application/zip" });
      done(name, blob);
    });
  }

  function done(name, blob) {
    if (madeURL) URL.revokeObjectURL(madeURL);
    madeURL = URL.createObjectURL(blob);
    var download = byId("share-download");
    download.href = madeURL;
    download.setAttribute("download", name);
    byId("share-made").textContent = message("made", { file: name });
    var mail = byId("share-mail");
    if (mail) {
      mail.href = "mailto:" + mail.getAttribute("data-email") +
        "?subject=" + encodeURIComponent(message("mail_subject", { title: field("title").value.trim() })) +
        "&body=" + encodeURIComponent(message("mail_body", { file: name, name: field("name").value.trim() }));
    }
    var upload = byId("share-upload-file");
    if (upload && window.DataTransfer) {
      try {
        var transfer = new DataTransfer();
        transfer.items.add(new File([blob], name, { type: "application/zip" }));
        upload.files = transfer.files;
      } catch (error) { /* The sender picks the saved file instead. */ }
    }
    var contact = byId("share-contact");
    var county = field("county");
    var region = county.selectedIndex > 0 ? county.options[county.selectedIndex].getAttribute("data-region") : "";
    if (contact && region) contact.href = contact.getAttribute("href").split("#")[0] + "#" + region;
    var section = byId("share-done");
    section.hidden = false;
    download.click();
    section.focus();
  }

  // The summary's count, shown as the sender types and told to screen readers once they pause.
  var summary = field("summary");
  var count = byId("share-summary-count");
  var announce = byId("share-summary-announce");
  var pause = null;
  function updateCount() {
    var text = message("summary_count", { count: characterCount(summary.value.trim()), max: rules.summaryMax });
    count.textContent = text;
    count.classList.toggle("field__count--over", characterCount(summary.value.trim()) > rules.summaryMax);
    clearTimeout(pause);
    pause = setTimeout(function () { announce.textContent = text; }, 800);
  }
  summary.addEventListener("input", updateCount);
  count.textContent = message("summary_count", { count: 0, max: rules.summaryMax });

  // The region follows the county.
  var county = field("county");
  county.addEventListener("change", function () {
    var option = county.options[county.selectedIndex];
    var region = option ? option.getAttribute("data-region") : "";
    if (region) field("region").value = region;
  });

  // A plain preview: the text's paragraphs as the sender wrote them, never as HTML.
  var preview = byId("share-preview");
  function updatePreview() {
    preview.textContent = "";
    field("body").value.replace(/\r\n?/g, "\n").split(/\n\s*\n/).forEach(function (block) {
      if (!block.trim()) return;
      var paragraph = document.createElement("p");
      paragraph.textContent = block.trim();
      preview.appendChild(paragraph);
    });
  }
  field("body").addEventListener("input", updatePreview);

  byId("share-make").addEventListener("click", make);
  form.addEventListener("submit", function (event) { event.preventDefault(); make(); });
})();
