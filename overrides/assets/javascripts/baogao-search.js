/* baogao search engine: exact phrase search over the static index in search-index/.
 * The same rules as baogao/search/normalize.py and query.py (tests compare them):
 * each character NFKC-folded and lower-cased, a traditional character folded to its simplified
 * one by the table the manifest carries (baogao/search/variants.py; until the manifest has
 * loaded, normalize() cannot fold them, so every function that searches or marks normalises
 * its phrases again once it has), white space dropped; 1–2 character phrases from
 * per-document counts, longer ones by chaining character triples at their offsets.
 * Index files are scripts calling baogaoSearch.load(name, payload), so they load from file://;
 * over http the concordance reads the text store's chunks as byte ranges of its segments instead.
 * KWIC lines are cut from the report pages themselves (the index keeps no copy of the texts),
 * by the page-text contract and KWIC settings the manifest carries (baogao/pagetext.py,
 * baogao/search/kwic.py); from file://, where pages cannot be fetched, results come without them.
 * Every index file but the manifest checks itself (baogao/search/codec.py `frame`: its body's
 * length and CRC-32, keyed by the index version and its name) as it loads: a file that is
 * missing, does not load, differs or is of another build rejects the query with
 * an error marked `indexDamaged`, never a partial answer (as query.py's SearchIndexError); one
 * that does not arrive within LOAD_TIMEOUT rejects it marked `timedOut`. A failed load is not
 * kept: the next query that needs the file loads it again. A manifest of another format than
 * FORMAT is refused as `indexDamaged` too (never read rows of another layout).
 * Metadata rows are read by the field names the manifest lists (the schema's fields flagged
 * `result`), and filters by its `facets`: the UI gets hits, metadata by name and filter values
 * (`meta`, `facets`), never the index's rows, codes or files.
 */
(function () {
  "use strict";
  var WHITE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";
  /* One way to the site's root, for every page and from file://: this script's own address
   * (assets/javascripts/ in the site). The index is search-index/ there. */
  var siteRoot = new URL("../../", document.currentScript.src).href;
  var root = siteRoot + "search-index/";
  /* The index version comes from the manifest (loaded without one, so a server revalidates it):
   * a page does not change when the index does, so a build can keep unchanged pages. */
  var version = "";
  var FORMAT = 18;  // the index format this engine reads: baogao/search/index.py FORMAT (a test compares them)
  var LOAD_TIMEOUT = 20000;  // ms for one index file or report page; an intranet answers far sooner

  var simplified = new Map();  // the manifest's variants: traditional -> simplified character
  /* Each character's folded form, kept: a concordance folds every character of hundreds of
   * chunks, and the same few thousand characters recur (emptied when the variants arrive). */
  var folded = new Map();
  function foldChar(ch) {
    var out = folded.get(ch);
    if (out !== undefined) return out;
    var f = ch.normalize("NFKC").toLowerCase();
    out = "";
    for (var c of f) if (WHITE.indexOf(c) < 0) out += simplified.get(c) || c;
    folded.set(ch, out);
    return out;
  }
  function normalize(text) {
    var out = "";
    for (var ch of text) out += foldChar(ch);
    return out;
  }
  /* Normalised text as an array of code points, and for each the index (UTF-16) of its source. */
  function normalizeWithOffsets(text) {
    var chars = [], origin = [], i = 0;
    for (var ch of text) {
      for (var c of foldChar(ch)) { chars.push(c); origin.push(i); }
      i += ch.length;
    }
    return { chars: chars, origin: origin };
  }
  /* As baogao.search.normalize.parse_query: a query whose every part would be excluded reads its unquoted
   * parts as written (-2.3% is a fall to find). */
  function parseQuery(raw) {
    // (parts cut at WHITE, as Python's are: JavaScript's \s and Python's differ on \x1c-\x1f, \x85, \ufeff)
    var parts = [], re = new RegExp('(-?)"([^"]*)"?|([^' + WHITE + ']+)', "g"), m;
    while ((m = re.exec(raw))) {
      var negate = m[1], phrase = m[2];
      if (m[3] !== undefined) {
        phrase = m[3];
        negate = phrase.length > 1 && phrase[0] === "-" ? "-" : "";
        if (negate) phrase = phrase.slice(1);
      }
      phrase = normalize(phrase);
      if (phrase) parts.push({ negate: negate, phrase: phrase, written: m[3] !== undefined ? normalize(m[3]) : "" });
    }
    if (!parts.some(function (p) { return !p.negate; })) {
      parts = parts.map(function (p) { return p.written ? { negate: "", phrase: p.written } : p; });
    }
    var include = [], exclude = [];
    parts.forEach(function (p) {
      var list = p.negate ? exclude : include;
      if (list.indexOf(p.phrase) < 0) list.push(p.phrase);
    });
    return { include: include, exclude: exclude };
  }

  function fileName(name) { return /\.bin$/.test(name) ? name : name + ".js"; }  // a segment, or a script
  function damaged(name) {
    var err = new Error("检索索引不完整：search-index/" + fileName(name) + " 缺失或损坏，请重新构建");
    err.indexDamaged = true;
    return err;
  }
  function timedOut(name) {
    var err = new Error("检索索引加载超时：search-index/" + fileName(name));
    err.timedOut = true;
    return err;
  }
  function loadError(err) { return err && (err.indexDamaged || err.timedOut); }
  /* A promise cache: what a promise stands for (a file, a shard table …) is kept while it holds
   * or is pending, and forgotten when it fails, so that the next call tries again. */
  function keeper() {
    var kept = new Map();
    return function keep(key, make) {
      if (!kept.has(key)) {
        var promise = make();
        kept.set(key, promise);
        promise.catch(function () { if (kept.get(key) === promise) kept.delete(key); });
      }
      return kept.get(key);
    };
  }
  /* Index files under `base` are scripts that call load(name, payload): get(name) loads one and
   * resolves to its payload (callers keep it, see `keeper`); a file that fails or never calls
   * load rejects with damaged(name), one that takes longer than LOAD_TIMEOUT with late(name).
   * `stamp()` is the index version the files after the manifest are requested under (?v=…).
   * The 查重 engine (baogao-similar.js) loads its own index with a loader of its own. */
  function scriptLoader(base, stamp, damaged, late) {
    var pending = {};
    function get(name) {
      return new Promise(function (resolve, reject) {
        var s = document.createElement("script"), timer;
        function done() { clearTimeout(timer); s.remove(); delete pending[name]; }
        pending[name] = function (payload) { done(); resolve(payload); };
        var v = name === "manifest" ? "" : stamp();
        s.src = base + name + ".js" + (v ? "?v=" + v : "");
        s.async = true;
        s.onerror = function () { done(); reject(damaged(name)); };
        s.onload = function () {  // a script runs before its load event: a whole file has called load()
          if (pending[name]) { done(); reject(damaged(name)); }
        };
        timer = setTimeout(function () { done(); reject(late(name)); }, LOAD_TIMEOUT);
        document.head.appendChild(s);
      });
    }
    function load(name, payload) {
      if (pending[name]) pending[name](payload);
    }
    return { get: get, load: load };
  }
  var keep = keeper(), loader = scriptLoader(root, function () { return version; }, damaged, timedOut), get = loader.get, load = loader.load;

  /* 7 bits per character (see baogao/search/index.py `packed`): an ASCII character is one 7-bit
   * group; a character from U+0080 stands for an escaped group (ESCAPED[k % 5]) followed, when
   * k < 5, by the group in its low 7 bits. Trailing bits short of a byte are padding. */
  var ESCAPED = [0x00, 0x0a, 0x0d, 0x22, 0x5c];
  function sevenBit(text) {
    var out = new Uint8Array(Math.ceil(text.length * 14 / 8)), n = 0, acc = 0, bits = 0;
    function push(group) {
      acc = (acc << 7) | group; bits += 7;
      if (bits >= 8) { bits -= 8; out[n++] = acc >> bits; acc &= (1 << bits) - 1; }
    }
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < 0x80) { push(c); continue; }
      var k = (c - 0x80) >> 7;
      push(ESCAPED[k % 5]);
      if (k < 5) push((c - 0x80) & 0x7f);
    }
    return out.subarray(0, n);
  }
  /* Index payloads are raw deflate + 7 bits per character (see baogao/search/index.py `packed`). */
  function unpack(text) { return inflate(sevenBit(text)); }
  function inflate(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (buf) { return new Uint8Array(buf); });
  }
  var utf8 = new TextDecoder("utf-8");
  function varints(bytes, start, end) {
    var values = [], value = 0, mult = 1;
    for (var i = start; i < end; i++) {
      var b = bytes[i];
      value += (b & 0x7f) * mult;
      if (b & 0x80) mult *= 128; else { values.push(value); value = 0; mult = 1; }
    }
    return values;
  }
  function fnv(term) {
    var h = 2166136261;
    for (var ch of term) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
    return h;
  }

  var CRC_TABLE = new Uint32Array(256).map(function (_, n) {
    for (var k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
    return n;
  });
  /* CRC-32 of `bytes` (zlib's); `prior`: the CRC of what comes before them, as zlib.crc32(bytes, prior). */
  function crc32(bytes, prior) {
    var c = (prior || 0) ^ 0xffffffff;
    for (var i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  /* Whether the manifest's text-store segments (`store`: [first report, reports, file], index.py)
   * cover the reports in turn, each a segment file of the text store: the manifest carries no check
   * of its own, and a report placed in the wrong segment would be read at wrong offsets. */
  function storeCovers(m) {
    var end = 0, file = new RegExp("^" + m.text.dir + "/[0-9a-f]+\\.bin$");
    if (!Array.isArray(m.store)) return false;
    for (var i = 0; i < m.store.length; i++) {
      var s = m.store[i];
      if (!Array.isArray(s) || s[0] !== end || !Number.isInteger(s[1]) || s[1] < 1 || !file.test(s[2])) return false;
      end += s[1];
    }
    return end === m.docs;
  }
  function manifest() {
    return keep("manifest", function () { return get("manifest").then(function (m) {
      if (!m || m.format !== FORMAT || !storeCovers(m)) throw damaged("manifest");
      version = m.version;
      var pairs = Array.from(m.variants);
      for (var i = 0; i + 1 < pairs.length; i += 2) simplified.set(pairs[i], pairs[i + 1]);
      folded.clear();
      return m;
    }); });
  }
  var utf8Encoder = new TextEncoder();
  /* A file that checks itself (codec.py `frame`, also the 查重 index's): its body's length and
   * CRC-32 (little-endian uint32 each), the CRC taken over KEY ("version/NAME") and then the
   * body. FRAMED starts with one; returns [body, where the frame ends], or null when it is cut
   * short or its check differs. */
  function unframe(framed, key) {
    if (framed.length < 8) return null;
    var view = new DataView(framed.buffer, framed.byteOffset, framed.byteLength), end = 8 + view.getUint32(0, true);
    if (end > framed.length) return null;
    var body = framed.subarray(8, end);
    return view.getUint32(4, true) === crc32(body, crc32(utf8Encoder.encode(key))) ? [body, end] : null;
  }
  /* The body of index file NAME (a frame, and nothing after it). */
  /* The checked body of index file NAME (its frame keyed by the index version and its name, or
   * by KEY: a text-store chunk's by its name alone, a shard by its segment's postings' version). */
  function payload(name, key) {
    return manifest().then(function () { return get(name); }).then(unpack).then(function (bytes) {
      var found = unframe(bytes, key === undefined ? version + "/" + name : key);
      if (!found || found[1] !== bytes.length) throw damaged(name);
      return found[0];
    }).catch(function (err) { throw loadError(err) ? err : damaged(name); });
  }

  /* Shard S of level N of the postings' segment whose version is POSTINGS (index.py `shard_name`),
   * framed under that version; EXPECTED: the level's shard count the manifest gives it. */
  function shardTable(postings, n, s, expected) {
    var name = "p/" + postings + "/g" + n + "/" + s;
    return keep(name, function () { return payload(name, postings + "/" + name).then(function (blob) {
      var table = new Map();
      // [shard count, terms length, sizes length] varints, UTF-8 terms, size varints, posting data
      var head = 0, lens = [];
      while (lens.length < 3) {
        var value = 0, mult = 1, b;
        do { b = blob[head++]; value += (b & 0x7f) * mult; mult *= 128; } while (b & 0x80);
        lens.push(value);
      }
      if (lens.shift() !== expected) throw damaged("manifest");  // it sends terms to the wrong shards
      var terms = Array.from(utf8.decode(blob.subarray(head, head + lens[0])));
      var sizes = varints(blob, head + lens[0], head + lens[0] + lens[1]);
      var off = head + lens[0] + lens[1];
      for (var i = 0; i < sizes.length; i++) {
        table.set(terms.slice(i * n, (i + 1) * n).join(""), [blob, off, off + sizes[i]]);
        off += sizes[i];
      }
      return table;
    }); });
  }
  /* Map doc -> count (n < 3) or doc -> positions array (n = 3), documents ascending: each
   * segment's postings (manifest `segments`: [first document, documents, postings' version,
   * shard counts of levels 1–3]), its documents numbered from its first. */
  function postings(term) {
    var n = Array.from(term).length, h = fnv(term);
    return manifest().then(function (m) {
      return Promise.all(m.segments.map(function (seg) {
        var shards = seg[2 + n], bits = 31 - Math.clz32(shards);  // shard counts are powers of two
        return shardTable(seg[2], n, bits ? h >>> (32 - bits) : 0, shards);  // the hash's top bits
      })).then(function (tables) {
        var out = new Map();
        tables.forEach(function (table, k) {
          var entry = table.get(term), first = m.segments[k][0];
          if (!entry) return;
          var v = varints(entry[0], entry[1], entry[2]), i = 1, doc = 0;
          for (var g = 0; g < v[0]; g++) {
            doc = g === 0 ? v[i] : doc + v[i]; i++;
            if (n < 3) { out.set(first + doc, v[i]); i += 1; continue; }
            var count = v[i++], pos = 0, positions = new Array(count);
            for (var c = 0; c < count; c++) { pos = c === 0 ? v[i + c] : pos + v[i + c]; positions[c] = pos; }
            out.set(first + doc, positions);
            i += count;
          }
        });
        return out;
      });
    });
  }
  /* Map doc -> {count} for one phrase, normalised again with the manifest's table; exact. */
  function phrase(raw) {
    return manifest().then(function () { return exactPhrase(normalize(raw)); });
  }
  function exactPhrase(p) {
    var chars = Array.from(p), L = chars.length;
    if (L < 3) return postings(p).then(function (m) {
      var out = new Map();
      m.forEach(function (count, doc) { out.set(doc, { count: count }); });
      return out;
    });
    return positions(chars).then(function (found) {
      var out = new Map();
      found.forEach(function (starts, doc) { out.set(doc, { count: starts.length }); });
      return out;
    });
  }
  /* Map doc -> ascending start positions of a phrase of three or more characters (code points),
   * found by chaining its triples at their offsets. */
  function positions(chars) {
    var L = chars.length;
    var offsets = [];
    for (var o = 0; o + 3 <= L; o += 3) offsets.push(o);
    if (offsets[offsets.length - 1] !== L - 3) offsets.push(L - 3);
    return Promise.all(offsets.map(function (o) { return postings(chars.slice(o, o + 3).join("")); }))
      .then(function (lists) {
        var out = new Map();
        lists[0].forEach(function (first, doc) {
          for (var j = 1; j < lists.length; j++) if (!lists[j].has(doc)) return;
          var sets = [];
          for (var j2 = 1; j2 < lists.length; j2++) sets.push(new Set(lists[j2].get(doc)));
          var hits = first.filter(function (pos) {
            for (var k = 0; k < sets.length; k++) if (!sets[k].has(pos + offsets[k + 1])) return false;
            return true;
          });
          if (hits.length) out.set(doc, hits);
        });
        return out;
      });
  }
  /* Each included phrase of a query on its own: [{phrase, total}] in query order. What the
   * search page says when an AND query finds nothing (which part is missing). */
  function parts(query) {
    return Promise.all(query.include.map(function (p) {
      return phrase(p).then(function (found) { return { phrase: p, total: found.size }; });
    }));
  }
  /* {total, hits:[{doc, count}]} best first (more occurrences, then archive order). */
  function search(query) {
    if (!query.include.length) return Promise.resolve({ total: 0, hits: [] });
    return Promise.all(query.include.map(phrase)).then(function (found) {
      return Promise.all(query.exclude.map(phrase)).then(function (excluded) {
        var hits = [];
        found[0].forEach(function (first, doc) {
          var count = first.count;
          for (var j = 1; j < found.length; j++) {
            var other = found[j].get(doc);
            if (!other) return;
            count += other.count;
          }
          for (var x = 0; x < excluded.length; x++) if (excluded[x].has(doc)) return;
          hits.push({ doc: doc, count: count });
        });
        hits.sort(function (a, b) { return b.count - a.count || a.doc - b.doc; });
        return { total: hits.length, hits: hits };
      });
    });
  }

  /* Use by year, as baogao/analysis/trend.py: {years: {"2019": {reports, occurrences}} (ascending),
   * unknownYear: {reports, occurrences}, perYear: {"2019": reports of that year in the archive},
   * exact}. Occurrences are non-overlapping (str.count); a 2-character phrase whose matches can
   * share a character (**) is counted in the report pages, and where they cannot be read
   * (file://) from the index's counts, with exact: false. */
  function trend(query) {
    return Promise.all([search(query), facets(), manifest()]).then(function (all) {
      var docs = all[0].hits.map(function (h) { return h.doc; }), wanted = new Set(docs), exact = true;
      return Promise.all(query.include.map(normalize).map(function (p) {
        var chars = Array.from(p);
        if (chars.length >= 3) return positions(chars).then(function (found) {
          var out = new Map();
          found.forEach(function (starts, doc) { if (wanted.has(doc)) out.set(doc, nonOverlapping(starts, chars.length)); });
          return out;
        });
        return exactPhrase(p).then(function (found) {
          if (!overlapsItself(chars)) {
            var out = new Map();
            found.forEach(function (v, doc) { if (wanted.has(doc)) out.set(doc, v.count); });
            return out;
          }
          return Promise.all(docs.map(function (doc) {
            return pageText(doc).catch(function () { return null; }).then(function (page) {
              if (page === null) { exact = false; return [doc, found.get(doc).count]; }
              return [doc, normalize(page.text).split(p).length - 1];
            });
          })).then(function (pairs) { return new Map(pairs); });
        });
      })).then(function (counts) {
        var f = all[1], years = {}, unknown = { reports: 0, occurrences: 0 }, perYear = {};
        for (var doc = 0; doc < all[2].docs; doc++) {
          var y = f.values("year", doc)[0];
          if (y !== undefined) perYear[y] = (perYear[y] || 0) + 1;
        }
        docs.forEach(function (doc) {
          var y = f.values("year", doc)[0];
          var row = y === undefined ? unknown : (years[y] = years[y] || { reports: 0, occurrences: 0 });
          row.reports += 1;
          counts.forEach(function (m) { row.occurrences += m.get(doc) || 0; });
        });
        var sorted = {};
        Object.keys(years).sort().forEach(function (y) { sorted[y] = years[y]; });
        return { years: sorted, unknownYear: unknown, perYear: perYear, exact: exact };
      });
    });
  }
  function nonOverlapping(starts, length) {
    var count = 0, free = 0;
    starts.forEach(function (s) { if (s >= free) { count++; free = s + length; } });
    return count;
  }
  function overlapsItself(chars) {
    for (var k = 1; k < chars.length; k++) if (chars.slice(0, k).join("") === chars.slice(-k).join("")) return true;
    return false;
  }

  function block(k) {
    return keep("docs/" + k, function () {
      return payload("docs/" + k).then(function (bytes) { return JSON.parse(utf8.decode(bytes)); });
    });
  }
  function meta(doc) {
    return manifest().then(function (m) {
      return block(Math.floor(doc / m.block)).then(function (rows) { return rowMeta(m, doc, rows[doc % m.block]); });
    });
  }
  /* A result row as `meta` gives it: by the manifest's field names. */
  function rowMeta(m, doc, row) {
    var out = {};
    m.fields.forEach(function (f, i) { out[f] = row[i]; });
    out.doc = doc;
    return out;
  }
  /* The fields of `meta`'s objects, in row order: [{name, label}] ("" for id, url and title). */
  function fields() {
    return manifest().then(function (m) {
      return m.fields.map(function (name) { return { name: name, label: m.labels[name] || "" }; });
    });
  }
  /* The filters: {list: [{name, label, param}] in schema order, values(name, doc): the
   * document's values as strings ([] when unknown)}. */
  function facets() {
    return keep("facets", function () {
      return Promise.all([manifest(), payload("facets")]).then(function (all) {
        var columns = JSON.parse(utf8.decode(all[1])), tables = {};
        all[0].facets.forEach(function (f) { tables[f.name] = f.values; });
        var totals = {};
        function values(name, doc) {
          var code = columns[name][doc], codes = Array.isArray(code) ? code : code ? [code] : [];
          return codes.map(function (c) { return String(tables[name][c - 1]); });
        }
        return {
          list: all[0].facets.map(function (f) { return { name: f.name, label: f.label, param: f.param }; }),
          values: values,
          /* Map value -> reports of the whole archive with it: the base of "per 100 reports". */
          totals: function (name) {
            if (!totals[name]) {
              totals[name] = new Map();
              for (var doc = 0; doc < all[0].docs; doc++) values(name, doc).forEach(function (v) { totals[name].set(v, (totals[name].get(v) || 0) + 1); });
            }
            return totals[name];
          },
        };
      });
    });
  }
  /* The report text a page (a Document) shows, by the page-text contract in the manifest
   * (baogao/pagetext.py): its text nodes (for highlighting) and their concatenation; the
   * anchors in it, [offset, id] in text order (the ids of its headings, articles and marked
   * paragraphs, where their text starts); and the citation source the page carries
   * (baogao/cite.py, null when none). Null for a page without report text. */
  function reportText(page) {
    return manifest().then(function (m) {
      var root = page.querySelector(m.page.text);
      if (!root) return null;
      var walker = page.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
        acceptNode: function (n) { return (n.nodeType === 3 ? n.parentNode : n).closest(m.page.exclude) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT; },
      });
      var nodes = [], text = "", anchors = [], n;
      while ((n = walker.nextNode())) {
        if (n.nodeType === 3) { nodes.push([n, text.length]); text += n.data; } else if (n.id) anchors.push([text.length, n.id]);
      }
      var source = root.getAttribute(m.page.cite);
      return { nodes: nodes, text: text, anchors: anchors, source: source ? JSON.parse(source) : null };
    });
  }
  /* The id of the last anchor at or before `offset` ("" when there is none). */
  function anchorAt(anchors, offset) {
    var id = "";
    for (var i = 0; i < anchors.length && anchors[i][0] <= offset; i++) id = anchors[i][1];
    return id;
  }
  /* [begin, end) UTF-16 spans of the included phrases in `text`, in text order (called once
   * the manifest has loaded: reportText and kwic wait for it). */
  function spans(text, query) {
    var norm = normalizeWithOffsets(text), s = norm.chars.join(""), pointAt = new Map(), u = 0, out = [];
    norm.chars.forEach(function (c, i) { pointAt.set(u, i); u += c.length; });
    query.include.map(normalize).forEach(function (p) {
      var len = Array.from(p).length, at = s.indexOf(p);
      while (at >= 0) {
        var ci = pointAt.get(at), last = norm.origin[ci + len - 1];
        out.push([norm.origin[ci], last + (text.codePointAt(last) > 0xffff ? 2 : 1)]);
        at = s.indexOf(p, at + 1);
      }
    });
    return out.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });  // as query.py's sorted()
  }
  /* Whether report pages can be read for KWIC lines: not from file://, where fetch() is refused. */
  var pagesReadable = location.protocol !== "file:";
  /* The report's page as reportText reads it, without its nodes ({text, anchors, source});
   * null where pages cannot be fetched (file://).
   * The last few are kept: the header box asks again for the same reports as one types. A
   * failed fetch is not kept (the next call fetches again). */
  var texts = new Map(), TEXTS_KEPT = 30;
  function pageText(doc) {
    if (!pagesReadable) return Promise.resolve(null);
    if (texts.has(doc)) return texts.get(doc);
    var text = fetchText(doc);
    texts.set(doc, text);
    text.catch(function () { if (texts.get(doc) === text) texts.delete(doc); });
    if (texts.size > TEXTS_KEPT) texts.delete(texts.keys().next().value);
    return text;
  }
  function fetchText(doc) {
    var abort = new AbortController(), timer = setTimeout(function () { abort.abort(); }, LOAD_TIMEOUT);
    return meta(doc).then(function (m) {
      return fetch(new URL(m.url, siteRoot).href, { signal: abort.signal });
    }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.text();
    }).then(function (html) {
      return reportText(new DOMParser().parseFromString(html, "text/html"));
    }).then(function (found) {
      return found && { text: found.text, anchors: found.anchors, source: found.source };
    }).finally(function () { clearTimeout(timer); });
  }
  /* Up to `limit` KWIC lines [{left, match, right, anchor, source}] of the included phrases, in
   * text order, ±`context` characters; both default to the manifest's (baogao/search/kwic.py).
   * `anchor` and `source` are what a copied line cites (see reportText). No lines while the
   * page cannot be read (file://, a failed fetch: the next call fetches again). */
  function kwic(doc, query, limit, context) {
    return Promise.all([manifest(), pageText(doc).catch(function () { return null; })]).then(function (all) {
      var page = all[1], text = page && page.text;
      limit = limit || all[0].kwic.lines; context = context || all[0].kwic.context;
      if (!text) return [];
      return spans(text, query).slice(0, limit).map(function (sp) {
        return {
          left: text.slice(Math.max(0, sp[0] - context), sp[0]).replace(/\n/g, " "),
          match: text.slice(sp[0], sp[1]).replace(/\n/g, " "),
          right: text.slice(sp[1], sp[1] + context).replace(/\n/g, " "),
          anchor: anchorAt(page.anchors, sp[0]), source: page.source,
        };
      });
    });
  }

  /* ---- the text store (baogao/search/textstore.py): report texts in chunks ---- */
  /* Per report: [chunks, prefix, key] (prefix: the normalised length of a title the kept text
   * lacks; key: what its script and its chunks' frames are named by). */
  function storeTable() {
    return manifest().then(function (m) {
      return keep("storeTable", function () {
        return payload(m.text.dir + "/table").then(function (body) {
          var rows;
          try { rows = JSON.parse(utf8.decode(body)); } catch (e) { rows = null; }
          if (!Array.isArray(rows) || rows.length !== m.docs || !rows.every(function (r) {
            return Array.isArray(r) && r.length === 3 && typeof r[2] === "string";
          })) throw damaged(m.text.dir + "/table");
          return rows;
        });
      });
    });
  }
  /* Where each chunk stands in its segment (manifest `store`: [first report, reports, file]):
   * {first: per report, the number of its first chunk (chunks numbered in archive order),
   * segment: per report, its segment's number, begin/end: per chunk, its bytes there}. */
  function segmentPlaces(m, table) {
    return keep("spans", function () {
      return payload(m.text.dir + "/spans").then(function (body) {
        var spans = varints(body, 0, body.length), first = [0], d;
        for (d = 0; d < table.length; d++) first.push(first[d] + table[d][0]);
        if (spans.length !== first[table.length]) throw damaged(m.text.dir + "/spans");
        var begin = new Float64Array(spans.length), end = new Float64Array(spans.length), at = 0;
        var segment = new Int32Array(table.length), s = -1;
        for (d = 0; d < table.length; d++) {
          if (s + 1 < m.store.length && d === m.store[s + 1][0]) { s++; at = 0; }  // offsets count from the segment's start
          segment[d] = s;
          for (var g = first[d]; g < first[d + 1]; g++) { begin[g] = at; at += spans[g]; end[g] = at; }
        }
        return { first: first, segment: segment, begin: begin, end: end };
      });
    });
  }
  /* Chunks asked for in one turn of the event loop are read together: over http as byte ranges
   * of their segments, many a request (a request costs the browser ~10 ms whatever its size);
   * from file://, or once a server has answered a range request with anything but 206, from
   * their reports' scripts (`ranged` false). Each resolves to the chunk's checked body. */
  var asked = [], ranged = location.protocol !== "file:", rangesSeen = false;
  function chunkBody(m, doc, c) {
    return storeTable().then(function (table) {
      if (!table[doc]) throw damaged(m.text.dir + "/table");
      var key = table[doc][2], script = m.text.dir + "/" + key.slice(0, m.text.key_dir) + "/" + key, name = script + "-" + c;
      return keep(name, function () {
        if (!ranged) return scriptChunk(script, table[doc][0], c);
        return new Promise(function (resolve, reject) {
          // once the caller has asked for all it needs (its asks may wait on the table first)
          if (!asked.length) setTimeout(readAsked, 0);
          asked.push({ name: name, script: script, chunks: table[doc][0], c: c, doc: doc, resolve: resolve, reject: reject });
        });
      });
    });
  }
  /* Chunk C of the COUNT chunks of the report whose script is SCRIPT. */
  function scriptChunk(script, count, c) {
    return reportChunks(script, count).then(function (bodies) {
      if (!bodies[c]) throw damaged(script);
      return bodies[c];
    });
  }
  /* The checked bodies of the COUNT chunks of a report from its script SCRIPT (textstore.py): its
   * chunks' frames in turn, each keyed by its chunk's name (SCRIPT-c), and nothing after them. */
  function reportChunks(script, count) {
    return keep(script, function () {
      return manifest().then(function () { return get(script); }).then(unpack).then(function (bytes) {
        var bodies = [], at = 0;
        for (var c = 0; c < count; c++) {
          var found = unframe(bytes.subarray(at), script + "-" + c);
          if (!found) throw damaged(script);
          bodies.push(found[0]);
          at += found[1];
        }
        if (at !== bytes.length) throw damaged(script);
        return bodies;
      }).catch(function (err) { throw loadError(err) ? err : damaged(script); });
    });
  }
  function readAsked() {
    var batch = asked;
    asked = [];
    Promise.all([manifest(), storeTable()]).then(function (all) {
      var m = all[0];
      return segmentPlaces(m, all[1]).then(function (places) {
        var bySegment = new Map();
        batch.forEach(function (one) {
          var g = places.first[one.doc] + one.c, s = places.segment[one.doc];
          one.begin = places.begin[g]; one.end = places.end[g];
          if (!bySegment.has(s)) bySegment.set(s, []);
          bySegment.get(s).push(one);
        });
        var segments = Array.from(bySegment), read = function (entry) { return readSegment(m, entry[0], entry[1]); };
        if (rangesSeen) return Promise.all(segments.map(read));
        // until a server has answered one range request, one segment alone: a server that sends
        // whole files would otherwise start sending every segment (~4 MB each) before the answer
        return read(segments[0]).then(function () { rangesSeen = true; return Promise.all(segments.slice(1).map(read)); });
      });
    }).catch(function (err) {
      if (err && err.noRanges) {  // this server sends whole files: the report scripts, from now on
        ranged = false;
        batch.forEach(function (one) {
          scriptChunk(one.script, one.chunks, one.c).then(one.resolve, one.reject);
        });
      } else batch.forEach(function (one) { one.reject(loadError(err) ? err : damaged(one.name)); });
    });
  }
  /* The chunks ONES of segment S (of the manifest's `store`), in requests of up to m.text.ranges
   * ranges (ranges fewer than m.text.gap bytes apart joined), each request's pieces inflated as one stream. */
  function readSegment(m, s, ones) {
    ones.sort(function (a, b) { return a.begin - b.begin; });
    var ranges = [];
    ones.forEach(function (one) {
      var last = ranges[ranges.length - 1];
      if (last && one.begin - last[1] < m.text.gap) last[1] = Math.max(last[1], one.end);
      else ranges.push([one.begin, one.end]);
    });
    var requests = [];
    for (var i = 0; i < ranges.length; i += m.text.ranges) requests.push(ranges.slice(i, i + m.text.ranges));
    var name = m.store[s][2];
    return Promise.all(requests.map(function (list) {
      return fetchRanges(name, list).then(function (parts) {
        var mine = ones.filter(function (one) { return one.begin >= list[0][0] && one.end <= list[list.length - 1][1]; });
        var pieces = mine.map(function (one) {
          for (var k = 0; k < parts.length; k++) {
            var at = one.begin - parts[k].start;
            if (at >= 0 && one.end - parts[k].start <= parts[k].bytes.length) return parts[k].bytes.subarray(at, at + one.end - one.begin);
          }
          throw damaged(name);  // a range the server did not send
        });
        var total = pieces.reduce(function (n, p) { return n + p.length; }, m.text.end.length), joined = new Uint8Array(total), at = 0;
        pieces.forEach(function (p) { joined.set(p, at); at += p.length; });
        joined.set(m.text.end, at);  // a final empty block: the pieces end as one stream
        return inflate(joined).then(function (bytes) {
          var off = 0;
          mine.forEach(function (one) {
            var found = unframe(bytes.subarray(off), one.name);
            if (!found) throw damaged(name);
            off += found[1];
            one.resolve(found[0]);
          });
          if (off !== bytes.length) throw damaged(name);
        }).catch(function () { throw damaged(name); });
      });
    }));
  }
  /* The byte ranges [begin, end) of segment NAME in one request: [{start, bytes}] as the server
   * sent them (a multipart/byteranges answer, or one range). An answer other than 206 is
   * cancelled and rejects marked `noRanges`; one not complete within LOAD_TIMEOUT, `timedOut`. */
  function fetchRanges(name, ranges, url) {
    var header = "bytes=" + ranges.map(function (r) { return r[0] + "-" + (r[1] - 1); }).join(",");
    var abort = new AbortController(), timer = setTimeout(function () { abort.abort(); }, LOAD_TIMEOUT);
    return fetch(url || root + name + "?v=" + version, { headers: { Range: header }, signal: abort.signal }).then(function (r) {
      if (r.status !== 206) {
        abort.abort();
        var err = new Error("no byte ranges");
        err.noRanges = true;
        throw err;
      }
      var type = r.headers.get("Content-Type") || "", single = r.headers.get("Content-Range");
      return r.arrayBuffer().then(function (buf) {
        var bytes = new Uint8Array(buf), boundary = /boundary="?([^";]+)"?/i.exec(type);
        if (!/^multipart\/byteranges/i.test(type)) return [{ start: rangeStart(single), bytes: bytes }];
        return multipartParts(bytes, boundary && boundary[1]);
      });
    }).then(function (parts) { clearTimeout(timer); return parts; }, function (err) {
      clearTimeout(timer);
      throw err && err.name === "AbortError" && !err.noRanges ? timedOut(name) : err;
    });
  }
  /* The bytes of each of RANGES ([begin, end), ascending, apart) of the file at URL (NAME in
   * errors), as fetchRanges reads them, the text store's number of ranges a request: for
   * another index's file read by byte ranges (查重's keys.bin). The first request goes alone:
   * a server that sends whole files is then asked once (rejects marked `noRanges`). */
  function byteRanges(url, name, ranges) {
    return manifest().then(function (m) {
      var requests = [];
      for (var i = 0; i < ranges.length; i += m.text.ranges) requests.push(ranges.slice(i, i + m.text.ranges));
      function read(list) {
        return fetchRanges(name, list, url).then(function (parts) {
          return list.map(function (r) {
            for (var k = 0; k < parts.length; k++) {
              var at = r[0] - parts[k].start;
              if (at >= 0 && r[1] - parts[k].start <= parts[k].bytes.length) return parts[k].bytes.subarray(at, at + r[1] - r[0]);
            }
            throw damaged(name);  // a range the server did not send
          });
        });
      }
      if (!requests.length) return [];
      return read(requests[0]).then(function (first) {
        return Promise.all(requests.slice(1).map(read)).then(function (rest) { return first.concat.apply(first, rest); });
      });
    });
  }
  function rangeStart(contentRange) {
    var found = /bytes (\d+)-(\d+)\//.exec(contentRange || "");
    if (!found) throw damaged("text");
    return +found[1];
  }
  /* The parts of a multipart/byteranges body: each after its headers, as long as its Content-Range says. */
  function multipartParts(bytes, boundary) {
    var text = latin1.decode(bytes), parts = [], at = 0, mark = "--" + boundary;
    if (!boundary) throw damaged("text");
    for (;;) {
      at = text.indexOf(mark, at);
      if (at < 0 || text.startsWith("--", at + mark.length)) return parts;
      var head = text.indexOf("\r\n\r\n", at);
      if (head < 0) throw damaged("text");
      var found = /content-range:\s*bytes (\d+)-(\d+)\//i.exec(text.slice(at, head));
      if (!found) throw damaged("text");
      var start = +found[1], length = +found[2] - start + 1;
      parts.push({ start: start, bytes: bytes.subarray(head + 4, head + 4 + length) });
      at = head + 4 + length;
    }
  }
  var latin1 = new TextDecoder("latin1");  // one character a byte: a body's offsets are its bytes'
  /* Chunk c of report doc: {chars: code points, starts: whether a word starts at each, meta:
   * the report's row, as `meta` gives it}. */
  function storeChunk(m, doc, c) {
    return chunkBody(m, doc, c).then(function (body) {
      var at = 0;
      function sized() {  // a varint length, then that many bytes
        var length = 0, mult = 1, b;
        do { b = body[at++]; length += (b & 0x7f) * mult; mult *= 128; } while (b & 0x80);
        at += length;
        return body.subarray(at - length, at);
      }
      var row = JSON.parse(utf8.decode(sized())), chars = Array.from(utf8.decode(sized())), bits = body.subarray(at);
      var starts = chars.map(function (_, i) { return (bits[i >> 3] >> (7 - (i & 7))) & 1; });
      return { chars: chars, starts: starts, meta: rowMeta(m, doc, row) };
    });
  }
  /* The code points of report DOC's text around [from, to), normalised positions of its kept
   * text (the index's positions; `to` past the text: to its end): the consecutive chunks that
   * hold them, joined (a chunk may start SHIFT characters late, so one more before). For 查重's
   * archive passages (baogao-similar.js), which then cost these chunks, not the report page,
   * and show from file:// too. */
  function storeSpan(doc, from, to) {
    return Promise.all([manifest(), storeTable()]).then(function (all) {
      var m = all[0], row = all[1][doc], K = m.text.chunk;
      if (!row) throw damaged(m.text.dir + "/table");
      var begin = from + row[1], end = Math.max(begin + 1, to + row[1]), list = [];
      var first = Math.max(0, Math.floor(begin / K) - (begin % K < SHIFT ? 1 : 0)), last = Math.min(row[0] - 1, Math.floor((end - 1) / K));
      for (var c = first; c <= last; c++) list.push(storeChunk(m, doc, c));
      return Promise.all(list).then(function (chunks) { return [].concat.apply([], chunks.map(function (k) { return k.chars; })); });
    });
  }
  /* The occurrences of normalised phrases in a run of consecutive chunks: [{begin, end}] in code
   * points of the run, every start of every phrase (overlapping ones too), in text order. */
  function runOccurrences(chars, phrases) {
    var norm = [], origin = [];
    chars.forEach(function (ch, i) { for (var c of foldChar(ch)) { norm.push(c); origin.push(i); } });
    var s = norm.join(""), pointAt = new Map(), u = 0, out = [];
    norm.forEach(function (c, i) { pointAt.set(u, i); u += c.length; });
    phrases.forEach(function (p) {
      var len = Array.from(p).length, at = s.indexOf(p);
      while (at >= 0) {
        var i = pointAt.get(at);
        if (i !== undefined) out.push({ begin: origin[i], end: origin[i + len - 1] + 1, norm: i });
        at = s.indexOf(p, at + 1);
      }
    });
    return out.sort(function (a, b) { return a.begin - b.begin || a.end - b.end; });
  }
  /* The KWIC lines of one report, as baogao/analysis/concordance.py cuts them from the whole
   * text, from only the chunks they need: those that hold its occurrences (known from the
   * index's positions for phrases of three or more characters, else all), widened until every
   * line's context and adjoining words lie inside what is loaded or reach the text's ends. */
  function reportLines(m, doc, row, phrases, found, width) {
    var K = m.text.chunk, count = row[0], prefix = row[1], need = new Set();
    function add(c) { if (c >= 0 && c < count) need.add(c); }
    /* The chunks of normalised span [g, g + len) and of the context around it, so that a line
     * seldom needs a second round of loads (a chunk starts at c·K or a character's form later,
     * NFKC: < SHIFT; a longer word or an expanding form costs a round, never a wrong line). */
    var reach = width + WORD_REACH;
    function around(g, len) {
      var from = Math.max(0, g - reach), to = g + len - 1 + reach;
      for (var c = Math.floor(from / K) - (from % K < SHIFT ? 1 : 0); c <= Math.floor(to / K); c++) add(c);
    }
    if (!found) for (var c = 0; c < count; c++) add(c);
    else {
      var longest = 0;
      phrases.forEach(function (p, i) {
        var len = Array.from(p).length;
        longest = Math.max(longest, len);
        (found[i].get(doc) || []).forEach(function (pos) { around(pos + prefix, len); });
      });
      if (prefix) around(0, prefix + longest);  // the title the kept text lacks, and hits across its end
    }
    function attempt() {
      var list = Array.from(need).sort(function (a, b) { return a - b; });
      return Promise.all(list.map(function (c) { return storeChunk(m, doc, c); })).then(function (loaded) {
        var runs = [], more = false;
        list.forEach(function (c, i) {
          var last = runs[runs.length - 1];
          if (last && last.last === c - 1) { last.last = c; last.chunks.push(loaded[i]); }
          else runs.push({ first: c, last: c, chunks: [loaded[i]] });
        });
        var lines = [];
        runs.forEach(function (run) {
          var chars = [], starts = [];
          run.chunks.forEach(function (k) { chars = chars.concat(k.chars); starts = starts.concat(k.starts); });
          var atStart = run.first === 0, atEnd = run.last === count - 1;
          runOccurrences(chars, phrases).forEach(function (o) {
            var from = o.begin - 1;
            while (from >= 0 && !starts[from]) from--;
            var to = o.end + 1;
            while (to < chars.length && !starts[to]) to++;
            if ((o.begin - width < 0 || from < 0) && !atStart) { add(run.first - 1); more = true; }
            if ((o.end + width > chars.length || to >= chars.length) && !atEnd) { add(run.last + 1); more = true; }
            lines.push({
              left: chars.slice(Math.max(0, o.begin - width), o.begin).join("").replace(/\n/g, " "),
              match: chars.slice(o.begin, o.end).join("").replace(/\n/g, " "),
              right: chars.slice(o.end, o.end + width).join("").replace(/\n/g, " "),
              before: chars.slice(Math.max(0, from), o.begin).join(""),
              after: chars.slice(o.end, Math.min(to, chars.length)).join(""),
              meta: run.chunks[0].meta,  // the report's row, which every chunk carries
            });
          });
        });
        return more ? attempt() : lines;
      });
    }
    return attempt().then(function (lines) {
      lines.forEach(function (line, n) { line.doc = doc; line.n = n; });
      return lines;
    });
  }
  /* Concordance, as baogao/analysis/concordance.py: every occurrence of the included phrases
   * as a KWIC line {doc, n (its place in the report: the page marks it), left, match, right,
   * before, after (the adjoining words), meta (as `meta` gives it, from the chunk itself)},
   * ±`width` characters, reports in archive order.
   * Resolves to a cursor: {reports, more(count) → the lines of the next reports, at least
   * `count` of them unless none are left, done()}. `only(doc)`, when given, keeps the reports
   * it is true for (the search page's filters). Reads the text store only, so it also works
   * from file://. */
  var SHIFT = 32;  // longer than any character's NFKC form (18): how late a chunk may start
  var WORD_REACH = 8;  // characters past the context loaded for the adjoining words (jieba's are shorter)
  function concordance(query, width, only) {
    return Promise.all([search(query), manifest(), storeTable()]).then(function (all) {
      var m = all[1], table = all[2], phrases = query.include.map(normalize);
      var lineCount = new Map();  // each report's occurrences: how many reports give the lines asked for
      all[0].hits.forEach(function (h) { lineCount.set(h.doc, h.count); });
      var docs = Array.from(lineCount.keys()).filter(function (doc) { return !only || only(doc); })
        .sort(function (a, b) { return a - b; });
      width = width || m.kwic.context;
      var positional = phrases.every(function (p) { return Array.from(p).length >= 3; });
      var found = positional ? Promise.all(phrases.map(function (p) { return positions(Array.from(p)); })) : Promise.resolve(null);
      return found.then(function (lists) {
        var at = 0;
        function more(count) {
          var out = [];
          function step() {
            if (out.length >= count || at >= docs.length) return Promise.resolve(out);
            var batch = [], expected = out.length;  // all the reports the lines still wanted are in, at once
            while (at < docs.length && (expected < count || batch.length < 1)) { expected += lineCount.get(docs[at]); batch.push(docs[at++]); }
            return Promise.all(batch.map(function (doc) {
              return reportLines(m, doc, table[doc], phrases, lists, width);
            })).then(function (per) { per.forEach(function (lines) { out.push.apply(out, lines); }); return step(); });
          }
          return step();
        }
        return { reports: docs.length, more: more, done: function () { return at >= docs.length; } };
      });
    });
  }
  /* The concordance's sorts, default context width and width choices (baogao/analysis/concordance.py). */
  function concordanceChoices() {
    return manifest().then(function (m) { return m.concordance; });
  }
  /* Collocates, as baogao/analysis/collocates.py: of the lines' adjoining words, those that are
   * words (a letter or digit, not one of the manifest's function words), most frequent first,
   * equal counts in code point order: {before: [{word, count, phrase}], after: […]}. */
  var WORD = /[\p{L}\p{N}_]/u;
  function collocates(lines, phrase) {
    return manifest().then(function (m) {
      var rules = m.collocates, stop = new Set(rules.function_words);
      function ranked(side, join) {
        var counts = new Map();
        lines.forEach(function (line) {
          var w = line[side];
          if (w.trim() && WORD.test(w) && !stop.has(w)) counts.set(w, (counts.get(w) || 0) + 1);
        });
        return Array.from(counts).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); })
          .slice(0, rules.top).map(function (wc) { return { word: wc[0], count: wc[1], phrase: join(wc[0]) }; });
      }
      return {
        before: ranked("before", function (w) { return w + phrase; }),
        after: ranked("after", function (w) { return phrase + w; }),
      };
    });
  }

  window.baogaoSearch = {
    load: load, normalize: normalize, normalizeWithOffsets: normalizeWithOffsets,
    parseQuery: parseQuery, search: search, phrase: phrase, parts: parts, meta: meta, fields: fields, facets: facets,
    kwic: kwic, concordance: concordance, storeSpan: storeSpan, concordanceChoices: concordanceChoices, collocates: collocates, manifest: manifest, siteRoot: siteRoot, reportText: reportText, anchorAt: anchorAt, spans: spans, trend: trend,
    pagesReadable: pagesReadable,
    // for the 查重 engine (baogao-similar.js), which reads its index files the same way
    unpack: unpack, inflate: inflate, byteRanges: byteRanges, unframe: unframe, varints: varints, white: WHITE, keeper: keeper, scriptLoader: scriptLoader,
  };
})();
