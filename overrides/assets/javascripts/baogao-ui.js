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
    if (!query.include.length) { summary.textContent = "输入要查找的词句。多个词用空格分开（须同时出现），-词 表示排除（只有 -词 时按原样查找，如 -2.3%），\"带 空格\" 的短语加引号。"; return; }
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
      if (res.total) {
        usage(res, filters, chosen);
        concordancePanel(passes);
        collocatesPanel(passes);
      }
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
        return withoutPunctuation(missing.map(function (p) { return p.phrase; }), note);
      }).then(function () { note.setAttribute("data-state", "done"); });
    }
    /* A missing phrase is often the wording with other punctuation (马上就办，真抓实干 for 马上就办、真抓实干): its
     * pieces between punctuation marks, all in one report, are offered as a search, with the number of reports. */
    function withoutPunctuation(missing, note) {
      var pieces = [];
      missing.forEach(function (phrase) {
        var cut = phrase.split(/\p{P}+/u).filter(Boolean);
        if (cut.length > 1 && cut.every(function (piece) { return piece.length > 1; })) pieces = pieces.concat(cut);
      });
      if (!pieces.length) return;
      var others = query.include.filter(function (p) { return missing.indexOf(p) < 0; });
      var relaxed = { include: others.concat(pieces), exclude: query.exclude };
      return S.search(relaxed).then(function (res) {
        if (!res.total) return;
        var q = relaxed.include.map(asQuery).concat(relaxed.exclude.map(function (p) { return "-" + p; })).join(" ");
        note.append(el("span", { class: "baogao-unpunctuated" }, [
          "不计标点：", el("a", { href: searchUrl(new URLSearchParams({ q: q })), translate: "no", text: "查「" + pieces.join("」「") + "」" }),
          "（" + res.total + " 篇同时含有）"]));
      });
    }

    /* ---- use by year and by filter value: an SVG bar chart and bar lists, each bar a filter ---- */
    function filterHref(filter, value, chosen) {
      var p = new URLSearchParams(location.search);
      if (chosen[filter.name] === value) p.delete(filter.param); else p.set(filter.param, value);
      return searchUrl(p);
    }
    function usage(res, filters, chosen) {
      var section = box.querySelector(".baogao-usage"), years = section.querySelector(".baogao-usage__years");
      var lists = section.querySelector(".baogao-usage__facets");
      var yearFilter = filters.list.filter(function (f) { return f.name === "year"; })[0];
      return S.trend(query).then(function (t) {
        section.hidden = false;
        var toggle = section.querySelector(".baogao-usage__toggle");
        function fold(open) { lists.hidden = !open; toggle.setAttribute("aria-expanded", String(open)); }
        toggle.onclick = function () { fold(lists.hidden); };
        fold(window.matchMedia(WIDE).matches);  // a phone shows the results first
        var perHundred = function () { return section.querySelector("input[name=usage]:checked").value === "per100"; };
        function draw() {
          years.replaceChildren(yearChart(t, yearFilter, chosen, perHundred(), years.clientWidth));
          lists.replaceChildren.apply(lists, filters.list.filter(function (f) { return f !== yearFilter; }).map(function (f) {
            return facetBars(f, res.hits, filters, chosen, perHundred());
          }).filter(Boolean));
        }
        section.querySelectorAll("input[name=usage]").forEach(function (r) { r.onchange = draw; });
        var resized;
        window.addEventListener("resize", function () { clearTimeout(resized); resized = setTimeout(draw, 150); });
        draw();
      }).catch(function () { section.hidden = true; });  // the results say what failed
    }
    var SVG = "http://www.w3.org/2000/svg", CHART_HEIGHT = 150, LABEL_WIDTH = 36, BAR_MAX = 40;
    var WIDE = "(min-width: 60em)";  // baogao.css: below it the search page takes the phone layout
    function svg(tag, attrs, children) {
      var node = document.createElementNS(SVG, tag);
      Object.keys(attrs || {}).forEach(function (k) { if (k === "text") node.textContent = attrs[k]; else node.setAttribute(k, attrs[k]); });
      (children || []).forEach(function (c) { node.appendChild(c); });
      return node;
    }
    function round1(x) { return Math.round(x * 10) / 10; }
    /* Reports (or per 100 reports of that year) per year, from the first to the last year with a
     * report; a bar is a link that filters that year (again: drops the filter). */
    function yearChart(t, yearFilter, chosen, perHundred, room) {
      var known = Object.keys(t.years).map(Number);
      var figure = el("figure", { class: "baogao-chart" });
      if (!known.length) {
        figure.appendChild(el("p", { text: "命中的报告都没有确定的年份。" }));
      } else {
        var first = Math.min.apply(null, known), last = Math.max.apply(null, known), slots = [];
        for (var y = first; y <= last; y++) {
          var row = t.years[y] || { reports: 0, occurrences: 0 }, base = t.perYear[y] || 0;
          slots.push({ year: String(y), reports: row.reports, occurrences: row.occurrences, base: base,
                       per100: base ? round1(100 * row.reports / base) : 0 });
        }
        var value = function (s) { return perHundred ? s.per100 : s.reports; };
        var top = Math.max.apply(null, slots.map(value)) || 1;
        var width = Math.max(240, room || 600);
        var left = 34, bottom = 20, head = 8, slot = (width - left - 4) / slots.length;
        var every = Math.ceil(LABEL_WIDTH / slot), plot = CHART_HEIGHT - bottom - head, barWidth = Math.max(1, Math.min(BAR_MAX, slot * 0.7));
        var chart = svg("svg", { width: String(width), height: String(CHART_HEIGHT), viewBox: "0 0 " + width + " " + CHART_HEIGHT,
                                  class: "baogao-chart__svg" });
        chart.appendChild(svg("text", { x: String(left - 4), y: String(head + 8), "text-anchor": "end", class: "baogao-chart__axis", "aria-hidden": "true", text: String(top) }));
        chart.appendChild(svg("text", { x: String(left - 4), y: String(head + plot), "text-anchor": "end", class: "baogao-chart__axis", "aria-hidden": "true", text: "0" }));
        chart.appendChild(svg("line", { x1: String(left), x2: String(width), y1: String(head + plot + 0.5), y2: String(head + plot + 0.5), class: "baogao-chart__base" }));
        slots.forEach(function (s, i) {
          var x = left + i * slot, h = Math.round(plot * value(s) / top), on = chosen[yearFilter && yearFilter.name] === s.year;
          if (s.reports && yearFilter) {
            var label = s.year + " 年：" + s.reports + " 篇报告，" + s.occurrences + " 处；每百篇 " + s.per100 + "（该年共 " + s.base + " 篇）" +
              (on ? "。再点一次取消此年份筛选" : "。点击只看此年份");
            chart.appendChild(svg("a", { href: filterHref(yearFilter, s.year, chosen), "aria-label": label, class: "baogao-chart__bar" + (on ? " baogao-chart__bar--on" : ""),
                                        "data-year": s.year, "data-reports": String(s.reports), "data-occurrences": String(s.occurrences), "data-per100": String(s.per100) }, [
              svg("title", { text: label }),
              svg("rect", { x: String(x), y: String(head), width: String(Math.max(1, slot)), height: String(plot), class: "baogao-chart__hit" }),
              svg("rect", { x: String(x + (slot - barWidth) / 2), y: String(head + plot - Math.max(h, 2)), width: String(barWidth), height: String(Math.max(h, 2)), class: "baogao-chart__value" }),
            ]));
          }
          if (i % every === 0) {
            var labelX = Math.min(x + slot / 2, width - LABEL_WIDTH / 2 - 1);  // the last label stays inside
            chart.appendChild(svg("text", { x: String(labelX), y: String(CHART_HEIGHT - 5), "text-anchor": "middle", class: "baogao-chart__axis", "aria-hidden": "true", text: s.year }));
          }
        });
        figure.appendChild(chart);
      }
      var caption = (perHundred ? "每年每 100 篇报告中含此提法的篇数" : "每年含此提法的报告篇数") + "（点击柱条只看该年）";
      if (t.unknownYear.reports) caption += "；年份不详 " + t.unknownYear.reports + " 篇，" + t.unknownYear.occurrences + " 处";
      if (!t.exact) caption += "；本地打开时处数按索引计，可能偏多";
      figure.appendChild(el("figcaption", { text: caption }));
      return figure;
    }
    var VALUE_BARS = 8;  // values listed per filter; the filter box lists them all
    /* One filter's values among all hits: reports (or per 100 reports with that value), each a
     * link that filters it. */
    function facetBars(filter, hits, filters, chosen, perHundred) {
      var counts = new Map(), totals = filters.totals(filter.name);
      hits.forEach(function (h) { filters.values(filter.name, h.doc).forEach(function (v) { counts.set(v, (counts.get(v) || 0) + 1); }); });
      if (!counts.size) return null;
      var rows = Array.from(counts).map(function (vc) {
        return { value: vc[0], reports: vc[1], per100: round1(100 * vc[1] / (totals.get(vc[0]) || vc[1])) };
      });
      var value = function (r) { return perHundred ? r.per100 : r.reports; };
      rows.sort(function (a, b) { return value(b) - value(a) || (a.value < b.value ? -1 : 1); });
      var top = value(rows[0]) || 1;
      var list = el("ul", {}, rows.slice(0, VALUE_BARS).map(function (r) {
        var on = chosen[filter.name] === r.value;
        return el("li", {}, [el("a", { href: filterHref(filter, r.value, chosen), class: "baogao-bars__row" + (on ? " baogao-bars__row--on" : ""),
                                       "data-usage-facet": filter.name, "data-usage-value": r.value, translate: "no" }, [
          el("span", { class: "baogao-bars__label", text: r.value }),
          el("span", { class: "baogao-bars__track" }, [el("span", { class: "baogao-bars__bar", style: "width:" + Math.max(2, 100 * value(r) / top) + "%" })]),
          el("span", { class: "baogao-bars__num", text: perHundred ? r.per100 + "" : r.reports + " 篇" }),
        ])]);
      }));
      var more = rows.length > VALUE_BARS ? el("p", { class: "baogao-bars__more", text: "另有 " + (rows.length - VALUE_BARS) + " 项，见筛选栏" }) : null;
      return el("section", { class: "baogao-bars" }, [el("h3", { text: filter.label }), list, more]);
    }

    /* ---- concordance: every occurrence as a line aligned on the hit, sorted, filtered ---- */
    var KWIC_PAGE = 500;  // lines loaded at a time (each costs about one 2 KB chunk, or its report's script from file://)
    var SORT_LABELS = { "": "文中顺序", left: "按左文（由近及远）", right: "按右文", year: "按年份", org: "按单位" };
    function sortedLines(lines, by) {
      var key = {
        left: function (l) { return Array.from(l.left.replace(/\s/g, "")).reverse().join(""); },
        right: function (l) { return l.right.replace(/\s/g, ""); },
        year: function (l) { return l.meta.year == null ? "1" : "0" + String(l.meta.year).padStart(6, "0"); },
        org: function (l) { return l.meta.org == null ? "1" : "0" + l.meta.org; },
      }[by];
      if (!key) return lines;
      var keyed = lines.map(function (l, i) { return [key(l), i, l]; });
      keyed.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]; });
      return keyed.map(function (k) { return k[2]; });
    }
    function concordancePanel(passes) {
      var panel = box.querySelector(".baogao-concordance"), list = panel.querySelector(".baogao-concordance__lines");
      var status = panel.querySelector(".baogao-concordance__status"), moreButton = panel.querySelector(".baogao-concordance__more");
      var sortBy = panel.querySelector("select[name=kwic-sort]"), widthBox = panel.querySelector("select[name=kwic-width]");
      var filterBox = panel.querySelector("input[name=kwic-filter]"), cursor = null, lines = [];
      panel.hidden = false;
      S.concordanceChoices().then(function (choices) {
        sortBy.replaceChildren.apply(sortBy, [""].concat(choices.sorts).map(function (k) { return el("option", { value: k, text: SORT_LABELS[k] || k }); }));
        widthBox.replaceChildren.apply(widthBox, choices.widths.map(function (w) { return el("option", { value: String(w), text: String(w) }); }));
        widthBox.value = String(choices.width);
        if (panel.open) start();
      });
      panel.addEventListener("toggle", function () { if (panel.open && !cursor && widthBox.value) start(); });
      sortBy.onchange = render;
      filterBox.oninput = render;
      widthBox.onchange = start;
      moreButton.onclick = function () { load(KWIC_PAGE); };
      function start() {
        lines = [];
        cursor = S.concordance(query, Number(widthBox.value), function (doc) { return passes(doc); });
        load(KWIC_PAGE);
      }
      function load(count) {
        var mine = cursor;
        list.setAttribute("data-state", "loading");
        status.textContent = "正在载入……";
        mine.then(function (c) { return c.more(count).then(function (got) {
          if (mine !== cursor) return;
          lines = lines.concat(got);
          moreButton.hidden = c.done();
          moreButton.textContent = "再载入 " + count + " 行";
          render(c);
          list.setAttribute("data-state", "done");
        }); }).catch(function (err) {
          if (mine !== cursor) return;
          cursor = null;
          status.replaceChildren(errorNode(err, "span", "baogao-error"));
          list.setAttribute("data-state", "error");
        });
      }
      function render() {
        var wanted = S.normalize(filterBox.value), shown = sortedLines(lines, sortBy.value);
        if (wanted) shown = shown.filter(function (l) { return S.normalize(l.left + l.match + l.right + " " + l.meta.title + " " + (l.meta.org || "")).indexOf(wanted) >= 0; });
        list.replaceChildren.apply(list, shown.map(function (l) {
          return el("li", { class: "baogao-kwl", "data-doc": String(l.doc), "data-n": String(l.n) }, [
            el("span", { class: "baogao-kwl__left" }, [el("span", { text: l.left })]),
            el("a", { class: "baogao-kwl__match", href: hitHref(l.meta, raw, l.n), text: l.match }),
            el("span", { class: "baogao-kwl__right", text: l.right }),
            el("span", { class: "baogao-kwl__src", text: "《" + l.meta.title + "》" + [l.meta.org, l.meta.year].filter(Boolean).join(" · ") }),
          ]);
        }));
        var done = !moreButton.hidden ? "（先载入前 " + lines.length + " 处；排序与查找只在已载入的行中进行）" : "";
        status.textContent = "共 " + lines.length + " 处" + done + (wanted ? "，含「" + filterBox.value + "」的 " + shown.length + " 处" : "");
      }
    }
    /* ---- collocates: the words right before and after the wording, each a longer search ---- */
    var COLLOCATE_LINES = 4 * KWIC_PAGE;  // occurrences read for the lists at most
    function collocatesPanel(passes) {
      var panel = box.querySelector(".baogao-collocates"), status = panel.querySelector(".baogao-collocates__status");
      var lists = panel.querySelector(".baogao-collocates__lists"), started = false;
      panel.hidden = false;
      panel.addEventListener("toggle", function () { if (panel.open && !started) start(); });
      if (panel.open) start();
      function start() {
        started = true;
        lists.setAttribute("data-state", "loading");
        status.textContent = "正在统计……";
        S.concordance(query, 1, function (doc) { return passes(doc); }).then(function (c) {
          return c.more(COLLOCATE_LINES).then(function (lines) {
            return S.collocates(lines, raw).then(function (found) {
              status.textContent = c.done() ? "据全部 " + lines.length + " 处（分词：结巴）" : "据前 " + lines.length + " 处（共 " + c.reports + " 篇报告，只统计了其中一部分）";
              lists.replaceChildren(side("前面最常见的词", found.before, "before"), side("后面最常见的词", found.after, "after"));
              lists.setAttribute("data-state", "done");
            });
          });
        }).catch(function (err) {
          started = false;
          status.replaceChildren(errorNode(err, "span", "baogao-error"));
          lists.setAttribute("data-state", "error");
        });
      }
      function side(title, found, name) {
        var list = el("ol", { "data-side": name }, found.map(function (c) {
          return el("li", {}, [el("a", { href: searchUrl(new URLSearchParams({ q: c.phrase })), translate: "no", "data-word": c.word, "data-count": String(c.count) }, [c.phrase]),
                               el("span", { text: "（" + c.count + "）" })]);
        }));
        return el("section", { class: "baogao-collocates__side" }, [el("h3", { text: title }), found.length ? list : el("p", { text: "没有" })]);
      }
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
