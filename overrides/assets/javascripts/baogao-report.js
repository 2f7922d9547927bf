/* baogao report-page behaviour and the citation of copied passages, run at the end of every page
 * after the search engine (baogao-search.js) and before the search page's UI (baogao-ui.js),
 * which asks `baogaoReport.copyButton` for the button of each KWIC line.
 *
 * - Copy with citation: the one citation format, `cite()`. A passage is followed on a new line
 *   by `——《display title》（office，year），URL#anchor`; an unknown office or year is left out
 *   with its comma (`（2023）`, `（某局）`, no brackets when both are unknown). The title, office and
 *   year come from the report page (baogao/cite.py, read by the engine's reportText); the URL is
 *   the report page's absolute address as the reader reaches it (http or file://, without the
 *   query) and the anchor the last heading, article or marked paragraph at or before the passage.
 *   On a report page: select text, then the floating button (Tab reaches it first) or the key c.
 * - Next / previous occurrence on a report opened from a search (?hl=…&n=…): every occurrence
 *   marked, the n-th current, and a bar 第 n / N 处 with ↑ ↓ and the keys j (next) and k
 *   (previous), wrapping around at either end.
 * Report text is only ever inserted as text (textContent), never as HTML. */
(function () {
  "use strict";
  var S = window.baogaoSearch;
  if (!S) return;
  var COPIED = "已复制（含出处）", COPY_FAILED = "未能复制：请选中文字后按 Ctrl+C";
  var COPY_KEY = "c", NEXT_KEY = "j", PREV_KEY = "k";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }
  /* Where typing does not belong to the page's shortcuts. */
  function editable(node) {
    return node && (node.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(node.tagName));
  }
  function plainKey(e) { return !e.ctrlKey && !e.metaKey && !e.altKey && !editable(e.target); }

  /* ---- the citation ---- */
  /* `passage`, then its source: source = {title, org, year} (baogao/cite.py), url = the report
   * page's absolute address, anchor = an id on it ("" for none). */
  function cite(passage, source, url, anchor) {
    var about = [source.org, source.year].filter(Boolean).join("，");
    return passage + "\n——《" + source.title + "》" + (about ? "（" + about + "）" : "") + "，" + url + (anchor ? "#" + anchor : "");
  }
  /* This page's address without its query and fragment (?hl=… is the reader's, not the source's). */
  function here() {
    var url = new URL(location.href);
    url.search = ""; url.hash = "";
    return url.href;
  }

  /* ---- copying: the Clipboard API where the browser gives it (secure contexts: https,
   * localhost, mostly file://), else a hidden textarea and execCommand("copy"), which an http
   * intranet server needs. Either way within the click or key press that asked for it. ---- */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return new Promise(function (resolve) { resolve(fallbackCopy(text)); });
  }
  function fallbackCopy(text) {
    var selection = document.getSelection(), ranges = [], focused = document.activeElement, i;
    for (i = 0; i < selection.rangeCount; i++) ranges.push(selection.getRangeAt(i));
    var area = el("textarea", { readonly: "", "aria-hidden": "true", tabindex: "-1", class: "baogao-copy-buffer" });
    area.value = text;
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } finally {
      area.remove();
      selection.removeAllRanges();  // the reader's selection and focus, as they were
      ranges.forEach(function (r) { selection.addRange(r); });
      if (focused && focused.focus) focused.focus({ preventScroll: true });
    }
    if (!done) throw new Error("copy refused");
  }
  var toast = null, toastTimer;
  function say(message) {
    if (!toast) toast = document.body.appendChild(el("div", { class: "baogao-toast", role: "status", "aria-live": "polite" }));
    toast.textContent = message;
    toast.setAttribute("data-shown", "");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toast.removeAttribute("data-shown"); }, 2500);
  }
  function copyCited(text) {
    return copyText(text).then(function () { say(COPIED); }, function () { say(COPY_FAILED); });
  }

  /* The copy button of a KWIC line (line: the engine's {left, match, right, anchor, source}) of
   * the report page at absolute `url`: copies the line as shown, with its citation. None when
   * the line's page carries no source. */
  function copyButton(line, url) {
    if (!line.source) return null;
    var button = el("button", { type: "button", class: "baogao-copy", "aria-label": "复制此行（含出处）", title: "复制此行（含出处）" }, "复制");
    button.addEventListener("click", function () {
      copyCited(cite("…" + line.left + line.match + line.right + "…", line.source, url, line.anchor));
    });
    return button;
  }

  /* ---- report page: the selected passage, with a floating button and the key c ---- */
  /* The offset in found.text of the boundary point (container, offset): found.nodes are the
   * page's text nodes in order; a point outside them counts from the text before it. */
  function textOffset(found, container, offset) {
    var probe = document.createRange(), lo = 0, hi = found.nodes.length - 1, last = -1;
    probe.setStart(container, offset);
    while (lo <= hi) {  // the last text node that begins before the point
      var mid = (lo + hi) >> 1;
      if (probe.comparePoint(found.nodes[mid][0], 0) < 0) { last = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (last < 0) return 0;
    var node = found.nodes[last][0], start = found.nodes[last][1];
    return node === container ? start + offset : start + node.data.length;
  }
  function selectionCopy() {
    var button = null, chosen = null, timer, seq = 0;  // the button is made on a report page's first selection
    function hide() { chosen = null; if (button) button.hidden = true; }
    function read() {
      var selection = document.getSelection(), mine = ++seq;
      if (!selection.rangeCount || selection.isCollapsed) { hide(); return; }
      var range = selection.getRangeAt(0);
      S.reportText(document).then(function (found) {
        if (mine !== seq) return;
        if (!found || !found.source) { hide(); return; }
        var a = textOffset(found, range.startContainer, range.startOffset), b = textOffset(found, range.endContainer, range.endOffset);
        var raw = found.text.slice(a, b), passage = raw.trim();
        if (!passage) { hide(); return; }
        a += raw.length - raw.trimStart().length;
        chosen = cite(passage, found.source, here(), S.anchorAt(found.anchors, a));
        place(range);
      });
    }
    function made() {
      button = el("button", { type: "button", class: "baogao-copy baogao-copy--float", "aria-keyshortcuts": COPY_KEY,
                              title: "复制所选文字（含出处），快捷键 C" }, "复制（含出处）");
      button.addEventListener("mousedown", function (e) { e.preventDefault(); });  // keep the selection
      button.addEventListener("click", function () { if (chosen) copyCited(chosen); });
      return document.body.appendChild(button);
    }
    function place(range) {
      if (!button) made();
      var rects = range.getClientRects(), r = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
      button.hidden = false;
      var left = Math.min(r.right + window.scrollX + 4, window.scrollX + document.documentElement.clientWidth - button.offsetWidth - 8);
      button.style.left = Math.max(window.scrollX + 8, left) + "px";
      button.style.top = (r.bottom + window.scrollY + 6) + "px";
    }
    document.addEventListener("selectionchange", function () { clearTimeout(timer); timer = setTimeout(read, 150); });
    /* The keyboard: Tab reaches the button first while it is shown (it stands at the end of the
     * page), c copies at once, Escape hides it. */
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && chosen) { hide(); return; }
      if (e.key === "Tab" && !e.shiftKey && chosen && document.activeElement !== button && plainKey(e)) {
        e.preventDefault();
        button.focus();
        return;
      }
      if (e.key.toLowerCase() !== COPY_KEY || !plainKey(e) || !chosen) return;
      e.preventDefault();
      copyCited(chosen);
    });
  }

  /* ---- report page: mark the occurrences of ?hl=…, the n-th current; step through them ---- */
  function highlight() {
    var params = new URLSearchParams(location.search), raw = params.get("hl");
    if (!raw) return;
    var nth = parseInt(params.get("n") || "0", 10) || 0;
    S.reportText(document).then(function (found) {
      var spans = found ? S.spans(found.text, S.parseQuery(raw)) : [];
      if (!spans.length) return;
      var target = spans[Math.min(nth, spans.length - 1)], groups = merged(spans), at = 0;
      groups.forEach(function (sp, i) { if (sp[0] <= target[0] && target[0] < sp[1]) at = i; });
      /* From the last span to the first: marking one splits text nodes after the earlier ones. */
      var marks = groups.slice().reverse().map(function (sp) { return markSpan(found.nodes, sp); }).reverse();
      stepper(marks, at);
    });
  }
  /* The bar 第 n / N 处 with ↑ ↓ (and j / k): moves the current mark, wrapping at either end. */
  function stepper(marks, at) {
    var count = el("span", { class: "baogao-steps__count", "aria-live": "polite", "aria-atomic": "true" });
    var prev = el("button", { type: "button", class: "baogao-steps__prev", "aria-label": "上一处", title: "上一处（K）", "aria-keyshortcuts": PREV_KEY }, "↑");
    var next = el("button", { type: "button", class: "baogao-steps__next", "aria-label": "下一处", title: "下一处（J）", "aria-keyshortcuts": NEXT_KEY }, "↓");
    var bar = el("div", { class: "baogao-steps", role: "group", "aria-label": "检索词出现处" });
    bar.append(count, prev, next);
    document.body.appendChild(bar);
    function show(i) {
      marks[at].forEach(function (m) { m.classList.remove("baogao-hl--current"); });
      at = (i + marks.length) % marks.length;
      marks[at].forEach(function (m) { m.classList.add("baogao-hl--current"); });
      count.textContent = "第 " + (at + 1) + " / " + marks.length + " 处";
      var last = marks[at][marks[at].length - 1];
      if (last) last.scrollIntoView({ block: "center" });
    }
    prev.onclick = function () { show(at - 1); };
    next.onclick = function () { show(at + 1); };
    document.addEventListener("keydown", function (e) {
      if (!plainKey(e) || (e.key !== NEXT_KEY && e.key !== PREV_KEY)) return;
      e.preventDefault();
      show(e.key === NEXT_KEY ? at + 1 : at - 1);
    });
    show(at);
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

  window.baogaoReport = { cite: cite, copyText: copyText, copyButton: copyButton };
  highlight();
  selectionCopy();
})();
