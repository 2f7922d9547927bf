/* baogao search UI: the header search box, the search page (search.html), and the highlighting of
 * an occurrence on a report page opened from a result. Report data is only ever inserted as
 * text (textContent), never as HTML. */
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
    return el(href ? "a" : "span", href ? { class: "baogao-kwic", href: href } : { class: "baogao-kwic" },
      ["…" + line.left, el("mark", { text: line.match }), line.right + "…"]);
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
    input.addEventListener("keydown", function (e) { if (e.key === "Escape") panel.hidden = true; });
    document.addEventListener("click", function (e) { if (!form.contains(e.target)) panel.hidden = true; });
    function suggest() {
      var raw = input.value, query = S.parseQuery(raw), mine = ++seq;
      if (!query.include.length) { panel.hidden = true; return; }
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
              el("span", { class: "baogao-suggest__title", text: meta.title }),
              el("span", { class: "baogao-suggest__year", text: meta.year ? String(meta.year) : "" }),
              line ? kwicNode(line) : null,
            ]));
          });
          if (res.total > 5) panel.appendChild(el("a", { class: "baogao-suggest__more", href: pageUrl("search.html") + "?q=" + encodeURIComponent(raw), text: "查看全部 " + res.total + " 篇 →" }));
          panel.hidden = false;
        });
      }).catch(function (err) {
        if (mine !== seq) return;
        panel.replaceChildren(errorNode(err, "div", "baogao-suggest__total"));  // typing on tries again
        panel.hidden = false;
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
    var form = box.querySelector("form"), input = form.querySelector("input[name=q]");
    var results = box.querySelector(".baogao-results"), summary = box.querySelector(".baogao-summary");
    var facetBox = box.querySelector(".baogao-facets"), more = box.querySelector(".baogao-more");
    var exportButton = box.querySelector(".baogao-export");
    input.value = raw;
    form.querySelector("select[name=sort]").value = sort;
    results.setAttribute("data-state", "idle");
    var query = S.parseQuery(raw);
    if (!query.include.length) { summary.textContent = "输入要查找的词句。多个词用空格分开（须同时出现），-词 表示排除，\"带 空格\" 的短语加引号。"; return; }
    results.setAttribute("data-state", "loading");
    summary.textContent = "正在查找……";
    performance.mark("baogao-query-start");

    Promise.all([S.search(query), S.facets()]).then(function (all) {
      var res = all[0], filters = all[1];
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
      summary.replaceChildren(el("strong", { text: String(hits.length) }), " 篇报告含 ", el("q", { text: raw }),
        hits.length !== res.total ? "（筛选前 " + res.total + " 篇）" : "",
        location.protocol === "file:" ? "。从本地文件打开时不显示摘录：点标题打开报告，命中处会高亮" : "");
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
            var node = resultNode(hit, meta);
            results.replaceChild(node, slots[i]);
            return S.kwic(hit.doc, query).then(function (lines) { fillKwic(node, meta, lines); });
          });
        }));
      }
      more.onclick = function () { results.setAttribute("data-state", "loading"); showMore().then(function () { results.setAttribute("data-state", "done"); }, failed); };
      exportButton.hidden = !hits.length;
      exportButton.onclick = function () { exportCsv(hits); };
      return showMore().then(function () { results.setAttribute("data-state", "done"); });
    }).catch(failed);

    /* The query failed: say why, and offer to run it again (the engine keeps no failed load). */
    function failed(err) {
      results.replaceChildren();
      facetBox.replaceChildren();
      more.hidden = exportButton.hidden = true;
      summary.replaceChildren(errorNode(err, "strong", "baogao-error"), " ",
        el("button", { type: "button", class: "md-button baogao-retry", text: "重试" }));
      summary.querySelector(".baogao-retry").onclick = searchPage;
      results.setAttribute("data-state", "error");
    }

    function resultNode(hit, meta) {
      return el("li", { class: "baogao-result", "data-report-id": meta.id }, [
        el("a", { class: "baogao-result__title", href: hitHref(meta, raw, 0), text: meta.title }),
        el("div", { class: "baogao-result__meta", text: [meta.year || "年份不详", meta.org || "", meta.doc_type, "出现 " + hit.count + " 次"].filter(Boolean).join(" · ") }),
        el("ol", { class: "baogao-result__kwic" }),
      ]);
    }
    function fillKwic(item, meta, lines) {
      var list = item.querySelector(".baogao-result__kwic");
      lines.forEach(function (line, i) { list.appendChild(el("li", {}, [kwicNode(line, hitHref(meta, raw, i))])); });
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
          list.appendChild(el("li", {}, [el("a", { href: "?" + p.toString(), class: chosen[f] === v ? "baogao-facet--on" : "", "data-facet": f, "data-value": v }, [v + " ", el("span", { text: "(" + counts.get(v) + ")" })])]));
        });
        facetBox.appendChild(el("section", { class: "baogao-facet" }, [el("h4", { text: filter.label }), list]));
      });
    }
    /* One line per context line: the title, every labelled result field (the schema's `result`
     * flag), the line, the link. */
    function exportCsv(hits) {
      var all = [];
      function batch(from) {  // a few report pages at a time: an export may cover thousands
        if (from >= hits.length) return Promise.resolve(all);
        return Promise.all(hits.slice(from, from + 8).map(function (hit) {
          return Promise.all([S.meta(hit.doc), S.kwic(hit.doc, query, Infinity)]);
        })).then(function (rows) { all = all.concat(rows); return batch(from + 8); });
      }
      Promise.all([S.fields(), batch(0)]).then(function (got) {
        var shown = got[0].filter(function (f) { return f.label; });
        var rows = [["标题"].concat(shown.map(function (f) { return f.label; }), ["左文", "命中", "右文", "链接"])];
        got[1].forEach(function (r) {
          var meta = r[0], values = shown.map(function (f) { return meta[f.name] == null ? "" : meta[f.name]; });
          r[1].forEach(function (line) { rows.push([meta.title].concat(values, [line.left, line.match, line.right, pageUrl(meta.url)])); });
        });
        var csv = "\ufeff" + rows.map(function (row) {
          return row.map(function (v) { v = String(v); return /^[=+\-@]/.test(v) ? "\"'" + v.replace(/"/g, '""') + "\"" : "\"" + v.replace(/"/g, '""') + "\""; }).join(",");
        }).join("\r\n");
        var a = el("a", { href: URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" })), download: "检索结果-" + raw.slice(0, 20) + ".csv" });
        document.body.appendChild(a); a.click(); a.remove();
      });
    }
  }

  /* ---- report page: highlight the occurrences of ?hl=…, scroll to the n-th ---- */
  function highlight() {
    var params = new URLSearchParams(location.search), raw = params.get("hl");
    if (!raw) return;
    var nth = parseInt(params.get("n") || "0", 10) || 0;
    S.reportText(document).then(function (found) {
      var spans = found ? S.spans(found.text, S.parseQuery(raw)) : [];
      if (!spans.length) return;
      var target = spans[Math.min(nth, spans.length - 1)], current = null;
      /* From the last span to the first: marking one splits text nodes after the earlier ones. */
      merged(spans).reverse().forEach(function (sp) {
        var group = markSpan(found.nodes, sp);
        if (sp[0] <= target[0] && target[0] < sp[1]) current = group;
      });
      if (current && current.length) {
        current.forEach(function (m) { m.classList.add("baogao-hl--current"); });
        current[current.length - 1].scrollIntoView({ block: "center" });
      }
    });
  }
  /* Spans in text order with the overlapping ones joined (作风 and 风建 in 作风建设 are one mark):
   * marks cannot overlap. */
  function merged(spans) {
    var out = [];
    spans.forEach(function (sp) {
      var last = out[out.length - 1];
      if (last && sp[0] < last[1]) last[1] = Math.max(last[1], sp[1]);
      else out.push([sp[0], sp[1]]);
    });
    return out;
  }
  /* Wrap span [begin, end) of the text in <mark>s, one per text node it covers; returns them in
   * text order. */
  function markSpan(nodes, sp) {
    var group = [];
    nodes.forEach(function (pair) {
      var node = pair[0], start = pair[1], end = start + node.data.length;
      if (end <= sp[0] || start >= sp[1]) return;
      var range = document.createRange();
      range.setStart(node, Math.max(sp[0], start) - start); range.setEnd(node, Math.min(sp[1], end) - start);
      var mark = el("mark", { class: "baogao-hl" });
      range.surroundContents(mark);
      group.push(mark);
    });
    return group;
  }

  headerBox();
  searchPage();
  highlight();
})();
