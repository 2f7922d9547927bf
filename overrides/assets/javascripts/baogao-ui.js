/* baogao page UI, run at the end of every page: the header search box (with / and s to reach it,
 * arrow keys through its results), the search page (search.html), the print button, and A− / A+
 * (the report page's marks and copying are baogao-report.js's, loaded before). Report data
 * is only ever inserted as text (textContent), never as HTML; where it is shown it is marked
 * translate="no" (it is the reports' wording, not the interface's). */
(function () {
  "use strict";
  var S = window.baogaoSearch;
  if (!S) return;
  var siteRoot = S.siteRoot;
  var PAGE_SIZE = 10;  // results per "load more": each fetches its report page for the KWIC lines
  var SUGGEST_LINES = 1, SUGGEST_CONTEXT = 18;  // the header box's panel is narrow: one short line a report
  /* What a reader sees when the engine finds the index incomplete (err.indexDamaged): not "0 results". */
  var INDEX_DAMAGED = "检索索引不完整，请联系管理员";
  /* … and when an index file did not arrive in time (err.timedOut): trying again may do. */
  var INDEX_SLOW = "检索索引加载超时，请重试";

  function pageUrl(url) { return siteRoot + url; }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k]; else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }
  function kwicNode(line, href) {
    var attrs = { class: "baogao-kwic", translate: "no" };
    if (href) attrs.href = href;
    return el(href ? "a" : "span", attrs, ["…" + line.left, el("mark", { text: line.match }), line.right + "…"]);
  }
  /* A phrase of a parsed query as a query of its own (quoted when it would read otherwise). */
  function asQuery(phrase) { return /^-/.test(phrase) && phrase.indexOf('"') < 0 ? '"' + phrase + '"' : phrase; }
  function searchUrl(params) { return pageUrl("search.html") + "?" + params.toString(); }
  /* Where typing does not belong to the page's shortcuts. */
  function editable(node) {
    return node && (node.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(node.tagName));
  }
  function hitHref(meta, raw, n) {
    return pageUrl(meta.url) + "?hl=" + encodeURIComponent(raw) + "&n=" + n;
  }

  /* What a reader is told when a query fails: an incomplete index, a slow one, anything else. */
  function errorNode(err, tag, cls) {
    if (err && err.indexDamaged) return el(tag, { class: cls + " baogao-index-error", text: INDEX_DAMAGED });
    if (err && err.timedOut) return el(tag, { class: cls + " baogao-index-error", text: INDEX_SLOW });
    return el(tag, { class: cls, text: "检索出错：" + err });
  }

  /* ---- header box: top results as you type, Enter opens the search page ---- */
  function headerBox() {
    var form = document.querySelector("form.baogao-header-search");
    if (!form) return;
    var input = form.querySelector("input"), panel = form.querySelector(".baogao-suggest"), seq = 0, timer;
    form.action = pageUrl("search.html");
    var current = new URLSearchParams(location.search).get("q");
    if (current && document.getElementById("baogao-search")) input.value = current;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, 120);
    });
    /* The keyboard: / or s from anywhere focuses the box (the search page's own box there);
     * ↓ ↑ move through the results (links: Enter opens), Escape closes from anywhere in it. */
    document.addEventListener("keydown", function (e) {
      if ((e.key !== "/" && e.key !== "s" && e.key !== "S") || e.ctrlKey || e.metaKey || e.altKey || editable(e.target)) return;
      e.preventDefault();
      var page = document.querySelector("#baogao-search input[name=q]");
      (page || input).focus();
      (page || input).select();
    });
    form.addEventListener("keydown", function (e) {
      var items = panel.hidden ? [] : Array.from(panel.querySelectorAll("a"));
      var at = items.indexOf(document.activeElement);
      if (e.key === "Escape") { close(); input.focus(); e.preventDefault(); return; }
      if ((e.key !== "ArrowDown" && e.key !== "ArrowUp") || !items.length) return;
      e.preventDefault();
      var next = e.key === "ArrowDown" ? (at + 1) % items.length : at <= 0 ? (at === 0 ? -1 : items.length - 1) : at - 1;
      if (next < 0) input.focus(); else items[next].focus();
    });
    document.addEventListener("click", function (e) { if (!form.contains(e.target)) close(); });
    function close() { panel.hidden = true; }
    function open() { panel.hidden = false; }
    function suggest() {
      var raw = input.value, query = S.parseQuery(raw), mine = ++seq;
      if (!query.include.length) { close(); return; }
      S.search(query).then(function (res) {
        return Promise.all(res.hits.slice(0, 5).map(function (hit) {
          return Promise.all([S.meta(hit.doc), S.kwic(hit.doc, query, SUGGEST_LINES, SUGGEST_CONTEXT)]);
        })).then(function (rows) {
          if (mine !== seq) return;
          panel.replaceChildren();
          panel.appendChild(el("div", { class: "baogao-suggest__total", text: "共 " + res.total + " 篇报告含此内容" }));
          rows.forEach(function (r) {
            var meta = r[0], line = r[1][0];
            panel.appendChild(el("a", { class: "baogao-suggest__item", href: hitHref(meta, raw, 0), "data-report-id": meta.id }, [
              el("span", { class: "baogao-suggest__title", text: meta.title, translate: "no" }),
              el("span", { class: "baogao-suggest__year", text: meta.year ? String(meta.year) : "" }),
              line ? kwicNode(line) : null,
            ]));
          });
          if (res.total > 5) panel.appendChild(el("a", { class: "baogao-suggest__more", href: searchUrl(new URLSearchParams({ q: raw })), text: "查看全部 " + res.total + " 篇 →" }));
          open();
        });
      }).catch(function (err) {
        if (mine !== seq) return;
        panel.replaceChildren(errorNode(err, "div", "baogao-suggest__total"));  // typing on tries again
        open();
      });
    }
  }

  /* ---- search page ---- */
  function searchPage() {
    var box = document.getElementById("baogao-search");
    if (!box) return;
    var params = new URLSearchParams(location.search);
    var raw = params.get("q") || "";
    var sort = params.get("sort") === "year" ? "year" : "relevance";
    var form = box.querySelector("form"), input = form.querySelector("input[name=q]"), sortBox = form.querySelector("select[name=sort]");
    var results = box.querySelector(".baogao-results"), summary = box.querySelector(".baogao-summary");
    var facetBox = box.querySelector(".baogao-facets"), more = box.querySelector(".baogao-more");
    var facetToggle = box.querySelector(".baogao-facets-toggle");
    var exportButton = box.querySelector(".baogao-export"), exportNote = box.querySelector(".baogao-export-note");
    input.value = raw;
    sortBox.value = sort;
    /* A new query or sort keeps the chosen filters (清除筛选 drops them): the URL is the state. */
    function go(changes) {
      var p = new URLSearchParams(location.search);
      Object.keys(changes).forEach(function (k) { if (changes[k]) p.set(k, changes[k]); else p.delete(k); });
      location.assign(searchUrl(p));
    }
    form.onsubmit = function (e) { e.preventDefault(); go({ q: input.value, sort: sortBox.value === "year" ? "year" : "" }); };
    sortBox.onchange = function () { go({ q: input.value, sort: sortBox.value === "year" ? "year" : "" }); };
    facetToggle.onclick = function () {
      var opened = !facetBox.hasAttribute("data-open");
      if (opened) facetBox.setAttribute("data-open", ""); else facetBox.removeAttribute("data-open");
      facetToggle.setAttribute("aria-expanded", String(opened));
    };
    box.querySelector(".baogao-skip").onclick = function (e) { e.preventDefault(); results.focus(); results.scrollIntoView(); };
    results.setAttribute("data-state", "idle");
    var query = S.parseQuery(raw);
    if (!query.include.length) { summary.textContent = "输入要查找的词句。多个词用空格分开（须同时出现），-词 表示排除，\"带 空格\" 的短语加引号。"; return; }
    results.setAttribute("data-state", "loading");
    summary.textContent = "正在查找……";
    performance.mark("baogao-query-start");

    Promise.all([S.search(query), S.facets(), S.fields()]).then(function (all) {
      var res = all[0], filters = all[1], fields = all[2].filter(function (f) { return f.label; });
      var chosen = {};  // filter name -> value, from the URL (each filter's own parameter)
      filters.list.forEach(function (f) { var v = params.get(f.param); if (v) chosen[f.name] = v; });
      function passes(doc, except) {
        return Object.keys(chosen).every(function (f) { return f === except || filters.values(f, doc).indexOf(chosen[f]) >= 0; });
      }
      var hits = res.hits.filter(function (h) { return passes(h.doc); });
      if (sort === "year") {  // newest first, unknown years last, then archive order
        var year = function (doc) { return Number(filters.values("year", doc)[0]) || 0; };
        hits.sort(function (a, b) { return year(b.doc) - year(a.doc) || a.doc - b.doc; });
      }
      renderFacets(res.hits, chosen, filters, passes);
      summary.replaceChildren(el("strong", { text: String(hits.length) }), " 篇报告含 ", el("q", { text: raw, translate: "no" }),
        hits.length !== res.total ? "（筛选前 " + res.total + " 篇）" : "",
        S.pagesReadable ? "" : "。从本地文件打开时不显示摘录：点标题打开报告，命中处会高亮");
      if (Object.keys(chosen).length) summary.appendChild(clearButton(filters));
      results.setAttribute("data-total", String(hits.length));
      var shown = 0;
      /* Results appear as soon as their titles are known; KWIC lines fill in as pages arrive. */
      function showMore() {
        var batch = hits.slice(shown, shown + PAGE_SIZE);
        shown += batch.length;
        more.hidden = shown >= hits.length;
        var slots = batch.map(function () { return results.appendChild(el("li", { class: "baogao-result baogao-result--pending" })); });
        return Promise.all(batch.map(function (hit, i) {
          return S.meta(hit.doc).then(function (meta) {
            var node = resultNode(hit, meta, fields);
            results.replaceChild(node, slots[i]);
            return S.kwic(hit.doc, query).then(function (lines) { fillKwic(node, meta, lines); });
          });
        }));
      }
      more.onclick = function () { results.setAttribute("data-state", "loading"); showMore().then(function () { results.setAttribute("data-state", "done"); }, failed); };
      exportButton.hidden = !hits.length;
      exportNote.hidden = !hits.length || S.pagesReadable;
      exportNote.textContent = "从本地文件打开时读不到报告正文：导出的表格每篇报告一行，只有标题、信息和链接，没有上下文。经服务器打开本站可导出全部命中行。";
      exportButton.onclick = function () { exportCsv(hits, fields); };
      var done = showMore();
      if (!hits.length) done = done.then(function () { return explainNothing(res, filters, Object.keys(chosen).length); });
      return done.then(function () { results.setAttribute("data-state", "done"); });
    }).catch(failed);

    /* The query failed: say why, and offer to run it again (the engine keeps no failed load). */
    function failed(err) {
      results.replaceChildren();
      facetBox.replaceChildren();
      more.hidden = exportButton.hidden = exportNote.hidden = facetToggle.hidden = true;
      summary.replaceChildren(errorNode(err, "strong", "baogao-error"), " ",
        el("button", { type: "button", class: "md-button baogao-retry", text: "重试" }));
      summary.querySelector(".baogao-retry").onclick = searchPage;
      results.setAttribute("data-state", "error");
    }
    function clearButton(filters) {
      var button = el("button", { type: "button", class: "baogao-clear", text: "清除筛选" });
      button.onclick = function () {
        var changes = {};
        filters.list.forEach(function (f) { changes[f.param] = ""; });
        go(changes);
      };
      return el("span", {}, [" ", button]);
    }
    /* Zero results: which part of the query finds nothing, and each part as a search of its own;
     * or that the filters left nothing. */
    function explainNothing(res, filters, filtered) {
      var note = el("div", { class: "baogao-parts" });
      summary.appendChild(note);
      if (res.total) { note.textContent = "所选筛选条件下没有结果。"; return; }
      return S.parts(query).then(function (parts) {
        var missing = parts.filter(function (p) { return !p.total; });
        var links = el("ul", {}, parts.filter(function (p) { return p.total; }).map(function (p) {
          var only = new URLSearchParams({ q: asQuery(p.phrase) });
          return el("li", {}, [el("a", { href: searchUrl(only), translate: "no", text: "只查「" + p.phrase + "」" }), "（" + p.total + " 篇）"]);
        }));
        if (missing.length) {
          note.append("归档中没有出现：", missing.map(function (p) { return "「" + p.phrase + "」"; }).join("、"), "。");
        } else if (parts.length > 1) {
          note.append("各部分都有报告含有，但没有一篇同时含有全部 " + parts.length + " 个部分。");
        } else {
          note.append("含有「" + parts[0].phrase + "」的报告都含有要排除的词。");
        }
        if (links.children.length && (parts.length > 1 || query.exclude.length)) note.append(el("span", { text: "分别检索：" }), links);
        if (filtered) note.append(el("span", { text: "（筛选条件也已计入。）" }));
      });
    }

    /* Title, then each labelled result field (the schema's `result` flag) that has a value. */
    function resultNode(hit, meta, fields) {
      var values = fields.map(function (f) {
        var v = meta[f.name];
        if (f.name === "year" && !v) v = meta.year_min ? meta.year_min + "年以后" : "年份不详";  // as catalog.year_text
        return v == null || v === "" ? null : el("span", { title: f.label, "data-field": f.name, text: String(v) });
      }).filter(Boolean);
      var line = el("div", { class: "baogao-result__meta", translate: "no" });
      values.forEach(function (v, i) { if (i) line.append(" · "); line.append(v); });
      line.append(" · 出现 " + hit.count + " 次");
      return el("li", { class: "baogao-result", "data-report-id": meta.id }, [
        el("a", { class: "baogao-result__title", href: hitHref(meta, raw, 0), text: meta.title, translate: "no" }),
        line,
        el("ol", { class: "baogao-result__kwic" }),
      ]);
    }
    function fillKwic(item, meta, lines) {
      var list = item.querySelector(".baogao-result__kwic");
      lines.forEach(function (line, i) {
        list.appendChild(el("li", {}, [kwicNode(line, hitHref(meta, raw, i)), window.baogaoReport && baogaoReport.copyButton(line, pageUrl(meta.url))]));
      });
    }
    function renderFacets(allHits, chosen, filters, passes) {
      facetBox.replaceChildren();
      filters.list.forEach(function (filter) {
        var f = filter.name, counts = new Map();
        allHits.forEach(function (h) {
          if (!passes(h.doc, f)) return;
          filters.values(f, h.doc).forEach(function (v) { counts.set(v, (counts.get(v) || 0) + 1); });
        });
        if (!counts.size) return;
        var keys = Array.from(counts.keys()).sort(function (a, b) { return f === "year" ? b.localeCompare(a) : counts.get(b) - counts.get(a) || a.localeCompare(b); });
        var list = el("ul", {});
        keys.forEach(function (v) {
          var p = new URLSearchParams(location.search);
          if (chosen[f] === v) p.delete(filter.param); else p.set(filter.param, v);
          list.appendChild(el("li", {}, [el("a", { href: "?" + p.toString(), class: chosen[f] === v ? "baogao-facet--on" : "", "data-facet": f, "data-value": v, translate: "no" }, [v + " ", el("span", { text: "(" + counts.get(v) + ")" })])]));
        });
        facetBox.appendChild(el("section", { class: "baogao-facet" }, [el("h2", { text: filter.label }), list]));
      });
      var n = Object.keys(chosen).length;
      facetToggle.hidden = !facetBox.children.length;
      facetToggle.textContent = n ? "筛选（已选 " + n + " 项）" : "筛选";
    }
    /* One line per context line: the title, every labelled result field (the schema's `result`
     * flag), the line, and the link that opens the report at that occurrence. A report whose
     * page cannot be read (from file://, a failed fetch) gets one line without context. */
    function exportCsv(hits, fields) {
      var all = [];
      function batch(from) {  // a few report pages at a time: an export may cover thousands
        if (from >= hits.length) return Promise.resolve(all);
        return Promise.all(hits.slice(from, from + 8).map(function (hit) {
          return Promise.all([S.meta(hit.doc), S.kwic(hit.doc, query, Infinity), hit]);
        })).then(function (rows) { all = all.concat(rows); return batch(from + 8); });
      }
      batch(0).then(function (got) {
        var rows = [["标题"].concat(fields.map(function (f) { return f.label; }), ["出现次数", "左文", "命中", "右文", "链接"])];
        got.forEach(function (r) {
          var meta = r[0], lines = r[1], values = fields.map(function (f) { return meta[f.name] == null ? "" : meta[f.name]; });
          var head = [meta.title].concat(values, [r[2].count]);
          if (!lines.length) rows.push(head.concat(["", "", "", hitHref(meta, raw, 0)]));
          lines.forEach(function (line, i) { rows.push(head.concat([line.left, line.match, line.right, hitHref(meta, raw, i)])); });
        });
        var csv = "\ufeff" + rows.map(function (row) {
          return row.map(function (v) { v = String(v); return /^[=+\-@]/.test(v) ? "\"'" + v.replace(/"/g, '""') + "\"" : "\"" + v.replace(/"/g, '""') + "\""; }).join(",");
        }).join("\r\n");
        var a = el("a", { href: URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" })), download: "检索结果-" + raw.slice(0, 20) + ".csv" });
        document.body.appendChild(a); a.click(); a.remove();
      });
    }
  }

  /* ---- reading comfort: A− / A+ scale the page text, remembered (Material's storage, per site) ---- */
  var FONT_SCALES = [0.85, 1, 1.15, 1.3, 1.5], FONT_KEY = "baogao.font";
  function fontSize() {
    var group = document.querySelector(".baogao-fontsize");
    if (!group) return;
    var at = FONT_SCALES.indexOf(window.__md_get ? __md_get(FONT_KEY) : null);
    if (at < 0) at = FONT_SCALES.indexOf(1);
    function apply() {
      document.documentElement.style.setProperty("--baogao-font-scale", String(FONT_SCALES[at]));
      group.querySelectorAll("button").forEach(function (b) {
        var step = Number(b.getAttribute("data-font-step"));
        b.disabled = !FONT_SCALES[at + step];
      });
    }
    group.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-font-step]");
      if (!b || !FONT_SCALES[at + Number(b.getAttribute("data-font-step"))]) return;
      at += Number(b.getAttribute("data-font-step"));
      if (window.__md_set) __md_set(FONT_KEY, FONT_SCALES[at]);
      apply();
    });
    group.hidden = false;
    apply();
  }

  /* ---- report page: 打印, and the address and date the printed footer carries ---- */
  function printing() {
    var button = document.querySelector(".baogao-print");
    if (!button) return;
    function stamp() {
      document.querySelectorAll("[data-print=url]").forEach(function (n) { n.textContent = location.href; });
      document.querySelectorAll("[data-print=date]").forEach(function (n) {
        n.textContent = new Date().toLocaleDateString("zh-CN", { year: "numeric", month: "long", day: "numeric" });
      });
    }
    window.addEventListener("beforeprint", stamp);
    stamp();
    button.onclick = function () { stamp(); window.print(); };
    button.hidden = false;
  }

  fontSize();
  printing();
  headerBox();
  searchPage();
})();
