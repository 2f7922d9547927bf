/* baogao 查重: check a draft against the archive's fingerprint index (similarity-index/).
 * The twin of baogao/similar/match.py (the tests compare both answers): the same skeleton,
 * k-grams, winnowing and passages, with every constant (k, window, gap, snap) read from the
 * index manifest that baogao/similar/index.py writes from baogao/similar/fingerprint.py.
 * Index files are scripts calling baogaoSimilar.load(name, payload) (they load from file://),
 * unpacked and checked (length, CRC-32) as the search index's are, with baogao-search.js's
 * functions; a missing or altered file is an error, never a partial answer.
 * The draft is read in the browser (pasted, or a .txt / .docx opened from disk) and never sent
 * anywhere. A .docx is a ZIP: its word/document.xml is found through the ZIP's central
 * directory and inflated with the browser's own DecompressionStream("deflate-raw") — the
 * same one the index uses, so no library is vendored for it.
 * The archive passage beside a draft passage comes from the search index's text store: the
 * chunks of the sections it stands in (archivePassage), over http and from file:// alike.
 */
(function () {
  "use strict";
  var S = window.baogaoSearch;
  if (!S) return;
  var root = S.siteRoot + "similar-index/";
  var version = "";  // from the manifest, as the search engine's (baogao-search.js)
  var FORMAT = 6;  // baogao/similar/index.py FORMAT
  var SPACES = " \t\u3000";  // dropped without ending a clause: baogao/similar/fingerprint.py _SPACES
  var KEEP = /^[\p{L}\p{N}]$/u;  // skeleton characters: Unicode letters and digits (category L, N)
  var SHOWN = 20;  // reports whose passages are listed at once

  function damaged(name) {
    var err = new Error("查重索引不完整：similar-index/" + name + (/\.bin$/.test(name) ? "" : ".js") + " 缺失或损坏，请重新构建");
    err.indexDamaged = true;
    return err;
  }
  var keep = S.keeper(), loader = S.scriptLoader(root, function () { return version; }, damaged, damaged), load = loader.load;
  /* At most LOADING files in flight: a draft loads every keys file and some entries files (~100
   * at 10 000 reports, more in a larger archive), and each file's load timeout runs from its
   * request, so a queue of them all at once would time out on a busy machine. */
  var LOADING = 12, loading = 0, waiting = [];
  function get(name) {
    return new Promise(function (resolve) {
      waiting.push(function () { resolve(loader.get(name)); });
      next();
    }).then(function (payload) { loading--; next(); return payload; }, function (err) { loading--; next(); throw err; });
  }
  function next() {
    while (loading < LOADING && waiting.length) { loading++; waiting.shift()(); }
  }

  function manifest() {
    return keep("manifest", function () {
      return get("manifest").then(function (m) {
        if (!m || m.format !== FORMAT || ["archive", "hash"].indexOf(m.layout) < 0) throw damaged("manifest");  // index.py ARCHIVE, HASH
        version = m.version;
        return m;
      });
    });
  }
  /* Index files NAMES (each a piece of a deflate stream: baogao/search/codec.py piece), joined
   * and inflated at once (a stream costs ~2 ms to start, a draft loads ~1 000 files), each
   * checked as a frame keyed by "version/NAME" (S.unframe, as the search index's files).
   * Resolves to the data of each, in turn. */
  function payloads(names) {
    return manifest().then(function (m) {
      return Promise.all(names.map(get)).then(function (texts) {
        return S.unpack(texts.join("") + m.end).catch(function () { throw damaged(names[0]); });
      }).then(function (bytes) {
        var at = 0;
        var data = names.map(function (name) {
          var found = S.unframe(bytes.subarray(at), m.version + "/" + name);
          if (!found) throw damaged(name);
          at += found[1];
          return found[0];
        });
        if (at !== bytes.length) throw damaged(names[names.length - 1]);
        return data;
      });
    }).catch(function (err) { throw err && err.indexDamaged ? err : damaged(names[0]); });
  }
  /* The decoded files GROUP/N for each of NUMBERS, loaded together: what is already loaded or
   * loading is kept, a failure forgotten (as S.keeper does). */
  var files = new Map();
  function loaded(group, numbers, decode) {
    var missing = Array.from(new Set(numbers)).filter(function (n) { return !files.has(group + "/" + n); });
    if (missing.length) {
      var all = payloads(missing.map(function (n) { return group + "/" + n; }));
      missing.forEach(function (n, i) {
        var key = group + "/" + n, one = all.then(function (data) { return decode(data[i], n); });
        files.set(key, one);
        one.catch(function () { if (files.get(key) === one) files.delete(key); });
      });
    }
    return Promise.all(numbers.map(function (n) { return files.get(group + "/" + n); }));
  }
  function varint(bytes, at) {  // [value, offset after it]
    var value = 0, mult = 1;
    while (at < bytes.length && bytes[at] & 0x80) { value += (bytes[at++] & 0x7f) * mult; mult *= 128; }
    if (at >= bytes.length) return [NaN, at];
    return [value + bytes[at] * mult, at + 1];
  }
  /* The N bits of BYTES from bit offset BIT on (big-endian), a byte's worth at a time. */
  function bitsAt(bytes, bit, n) {
    var value = 0;
    while (n > 0) {
      var off = bit & 7, take = Math.min(8 - off, n);
      value = value * (1 << take) + ((bytes[bit >> 3] >> (8 - off - take)) & ((1 << take) - 1));
      bit += take;
      n -= take;
    }
    return value;
  }
  /* Keys file J: the keys of its parts, each a Float64Array ascending, as in match.py
   * SimilarIndex.keys (the layout: baogao/similar/index.py). */
  function keysFile(bytes, j, m) {
    var at = 0, head = [], x, i, k;
    x = varint(bytes, at); head.push(x[0]); at = x[1];
    var g = head[0];
    if (g !== Math.min(m.key_parts, m.parts - j * m.key_parts)) throw damaged("k/" + j);
    for (i = 0; i < 2 * g; i++) { x = varint(bytes, at); head.push(x[0]); at = x[1]; }
    var counts = head.slice(1, 1 + g), lows = head.slice(1 + g), bitAt = [], total = 0;
    for (i = 0; i < g; i++) { bitAt.push(at * 8); at += Math.ceil(counts[i] * lows[i] / 8); total += counts[i]; }
    var v = S.varints(bytes, at, bytes.length), out = [], n = 0;
    if (v.length !== total || head.some(isNaN)) throw damaged("k/" + j);
    for (i = 0; i < g; i++) {
      var keys = new Float64Array(counts[i]), h = 0, bit = bitAt[i], low = lows[i], scale = Math.pow(2, low);
      for (k = 0; k < counts[i]; k++, n++, bit += low) {
        h += v[n] * scale + bitsAt(bytes, bit, low);
        keys[k] = h;
      }
      out.push(keys);
    }
    return out;
  }
  /* Part P's entries {keys, offsets, docs, more, sections} (match.py SimilarIndex._part); KEYS its
   * key count (null: not known before); WHOLE by hash (keys: each key's low bits in archive
   * order, whole by hash). */
  function part(bytes, p, keys, whole) {
    var v = S.varints(bytes, 0, bytes.length), t = v[0], e = v[1], base = v[2], i, j;
    if ((keys !== null && t !== keys) || v.length !== 3 + 3 * t + 2 * e) throw damaged("e/" + p);
    var offsets = new Int32Array(t + 1), docs = new Int32Array(e), sections = new Int32Array(e);
    for (i = 0; i < t; i++) {
      if (v[3 + t + i] < 1) throw damaged("e/" + p);
      offsets[i + 1] = offsets[i] + v[3 + t + i];
    }
    if (offsets[t] !== e) throw damaged("e/" + p);
    var pairs = 3 + 3 * t;
    for (i = 0; i < t; i++) {
      var doc = base;
      for (j = offsets[i]; j < offsets[i + 1]; j++) { doc += v[pairs + 2 * j]; docs[j] = doc; sections[j] = v[pairs + 2 * j + 1]; }
    }
    var own = v.slice(3, 3 + t);
    if (whole) for (i = 1; i < t; i++) own[i] += own[i - 1];  // gaps, the first from 0
    return { keys: own, offsets: offsets, docs: docs, more: v.slice(3 + 2 * t, 3 + 3 * t), sections: sections };
  }
  /* The rows [id, url, title, [anchor, …], [start, …]] of reports DOCS: over http each from
   * rows.bin (byte ranges), else from the blocks that hold them. */
  var rowsRead = new Map();
  function rows(docs, m) {
    if (!ranged) return rowBlocks(docs, m);
    var missing = Array.from(new Set(docs)).filter(function (doc) { return !rowsRead.has(doc); }).sort(function (a, b) { return a - b; });
    if (missing.length) {
      var all = rangedPieces("rows.bin", "rows", "rows", m.docs, missing, m).then(function (data) {
        return data.map(function (bytes) { return JSON.parse(new TextDecoder().decode(bytes)); });
      });
      missing.forEach(function (doc, i) {
        var one = all.then(function (list) { return list[i]; });
        rowsRead.set(doc, one);
        one.catch(function () { if (rowsRead.get(doc) === one) rowsRead.delete(doc); });
      });
    }
    return Promise.all(docs.map(function (doc) { return rowsRead.get(doc); })).catch(function (err) {
      if (!(err && err.noRanges)) throw err;
      ranged = false;  // this server sends whole files: the blocks, from now on
      return rowBlocks(docs, m);
    });
  }
  function rowBlocks(docs, m) {
    var blocks = docs.map(function (doc) { return Math.floor(doc / m.block); });
    return loaded("docs", blocks, function (bytes) { return JSON.parse(new TextDecoder().decode(bytes)); }).then(function (all) {
      return docs.map(function (doc, i) { return all[i][doc % m.block]; });
    });
  }

  /* ---- fingerprints: baogao/similar/fingerprint.py ---- */
  var folded = new Map();
  function fold(ch) {
    if (!folded.has(ch)) {
      var out = [];
      for (var c of ch.normalize("NFKC").toLowerCase()) if (KEEP.test(c)) out.push(c.codePointAt(0));
      folded.set(ch, out);
    }
    return folded.get(ch);
  }
  function skeleton(text) {
    var codes = [], origin = [], breaks = [], pending = true, i = 0;
    for (var ch of text) {
      var keptCodes = fold(ch);
      if (!keptCodes.length) pending = pending || SPACES.indexOf(ch) < 0;
      for (var j = 0; j < keptCodes.length; j++) { codes.push(keptCodes[j]); origin.push(i); breaks.push(pending); pending = false; }
      i++;
    }
    return { codes: codes, origin: origin, breaks: breaks };
  }
  function fingerprints(codes, m) {
    var n = codes.length - m.k + 1, hashes = [], positions = [];
    for (var i = 0; i < n; i++) {
      var h = 2166136261;
      for (var j = 0; j < m.k; j++) h = Math.imul(h ^ codes[i + j], 16777619) >>> 0;
      hashes.push(h);
    }
    if (!hashes.length) return { hashes: [], positions: [] };
    var width = Math.min(m.window, hashes.length), last = -1;
    for (var w = 0; w + width <= hashes.length; w++) {
      var best = w;
      for (var x = w + 1; x < w + width; x++) if (hashes[x] <= hashes[best]) best = x;
      if (best !== last) { positions.push(best); last = best; }
    }
    return { hashes: positions.map(function (p) { return hashes[p]; }), positions: positions };
  }

  /* ---- passages: baogao/similar/match.py passages() ---- */
  function below(sorted, value) {  // how many of `sorted` are < value
    var lo = 0, hi = sorted.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (sorted[mid] < value) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function snap(sk, a, b, m) {
    var length = sk.codes.length, left = a, right = b;
    while (left > 0 && !sk.breaks[left] && a - left < m.snap) left--;
    while (right < length && !sk.breaks[right] && right - b < m.snap) right++;
    return [sk.breaks[left] || left === 0 ? left : a, right === length || sk.breaks[right] ? right : b];
  }
  function passages(sk, positions, seeds, m) {
    seeds.sort(function (x, y) { return x[1] - y[1] || x[0] - y[0] || x[2] - y[2]; });
    var found = [], length = sk.codes.length;
    for (var i = 0; i < seeds.length;) {
      var j = i + 1;
      while (j < seeds.length && seeds[j][1] === seeds[i][1] && seeds[j][0] - seeds[j - 1][0] <= m.k + m.gap) j++;
      var group = seeds.slice(i, j), a = group[0][0], b = group[group.length - 1][0] + m.k, held = 1;
      for (var x = 1; x < group.length; x++) if (group[x][0] !== group[x - 1][0]) held++;
      var own = below(positions, b - m.k + 1) - below(positions, a);
      if (held >= 2) { var ab = snap(sk, a, b, m); a = ab[0]; b = ab[1]; }
      var sections = group.map(function (g) { return g[2]; }).sort(function (p, q) { return p - q; });
      var more = Math.max.apply(null, group.map(function (g) { return g[3]; }));
      found.push({ doc: group[0][1], a: a, b: b, section: sections[group.length >> 1], seeds: group, more: more,
                   reuse: held >= m.reuse,  // counted in `covered` (baogao/similar/fingerprint.py REUSE_PRINTS)
                   similarity: Math.floor(held / Math.max(own, held) * 1000 + 0.5) / 1000 });
      i = j;
    }
    return found;
  }

  /* The answer of `baogao similar --json` for `text`, and the passages behind each match. */
  function analyse(text) {
    return manifest().then(function (m) {
      var sk = skeleton(text), fp = fingerprints(sk.codes, m);
      /* the index stores a fingerprint under its key: hash · mix mod 2^32 (baogao/similar/index.py) */
      var keys = fp.hashes.map(function (h) { return Math.imul(h, m.mix) >>> 0; });
      return (m.layout === "hash" ? byHash(keys, fp, m) : byArchive(keys, fp, m)).then(function (hits) {
        performance.mark("baogao-similar-loaded");  // every index file the draft needs (the bench's figures)
        var seeds = [];  // [draft position, report, section, reports not listed]
        hits.forEach(function (hit) {
          var table = hit[0];
          for (var e = table.offsets[hit[1]]; e < table.offsets[hit[1] + 1]; e++) seeds.push([hit[2], table.docs[e], table.sections[e], table.more[hit[1]]]);
        });
        var found = passages(sk, fp.positions, seeds, m), hashAt = new Map();
        fp.positions.forEach(function (p, i) { hashAt.set(p, fp.hashes[i]); });
        return rows(found.map(function (p) { return p.doc; }), m).then(function (rows) {
          var matches = found.map(function (p, i) {
            var anchor = p.section > 0 && p.section <= rows[i][3].length ? rows[i][3][p.section - 1] : "";
            return { start: sk.origin[p.a], end: sk.origin[p.b - 1] + 1, report_id: rows[i][0],
                     url: rows[i][1] + (anchor ? "#" + anchor : ""), similarity: p.similarity,
                     _title: rows[i][2], _row: rows[i], _passage: p, _hashAt: hashAt };
          });
          matches.sort(function (x, y) {
            return x.start - y.start || x.end - y.end || (x.report_id < y.report_id ? -1 : x.report_id > y.report_id ? 1 : 0);
          });
          var chars = Array.from(text), solid = chars.map(function (c) { return S.white.indexOf(c) < 0; });
          return { chars: solid.filter(Boolean).length, covered: covered(solid, matches), matches: matches, text: chars };
        });
      });
    });
  }
  /* [part's entries, key's index there, draft position] of every draft key the index holds, in
   * the layout the manifest names (baogao/similar/index.py). Archive order: over http the
   * blocks of keys.bin holding the draft's keys (byte ranges), else (file://, a server that
   * sends whole files, an index too small to have keys.bin) every keys file; then the entries
   * of the parts holding them. */
  var ranged = location.protocol !== "file:";
  function byArchive(keys, fp, m) {
    if (!ranged || !("key_bits" in m)) return byKeysFiles(keys, fp, m);  // no keys.bin: a small keys level (index.py BLOCKS_FROM)
    return byBlocks(keys, fp, m).catch(function (err) {
      if (!(err && err.noRanges)) throw err;
      ranged = false;  // this server sends whole files: the keys files, from now on
      return byKeysFiles(keys, fp, m);
    });
  }
  /* Pieces NUMBERS (ascending, distinct) of FILE (keys.bin, rows.bin: index.py _write_ranged),
   * read by byte ranges (adjacent pieces in one range; TABLE.js holds each piece's byte length,
   * COUNT of them), joined and inflated as one stream, each checked as a frame keyed
   * "version/KEY/N": resolves to the data of each, in turn. Rejects marked `noRanges` when the
   * server sends whole files. */
  function rangedPieces(file, table, key, count, numbers, m) {
    return keep(table, function () {
      return payloads([table]).then(function (data) {
        var lengths = S.varints(data[0], 0, data[0].length), at = 0;
        if (lengths.length !== count) throw damaged(table);
        return lengths.map(function (n) { at += n; return [at - n, at]; });
      });
    }).then(function (places) {
      var ranges = [];
      numbers.forEach(function (n) {
        var last = ranges[ranges.length - 1];
        if (last && last[1] === places[n][0]) last[1] = places[n][1]; else ranges.push(places[n].slice());
      });
      return S.byteRanges(root + file + "?v=" + version, "similar-index/" + file, ranges).then(function (parts) {
        var total = m.end_bytes.length;
        parts.forEach(function (x) { total += x.length; });
        var joined = new Uint8Array(total), at = 0;
        parts.forEach(function (x) { joined.set(x, at); at += x.length; });
        joined.set(m.end_bytes, at);  // the pieces end as one stream
        return S.inflate(joined);
      }).catch(function (err) { throw err && (err.noRanges || err.timedOut) ? err : damaged(file); });  // a broken stream too
    }).then(function (bytes) {
      var at = 0, out = numbers.map(function (n) {
        var one = S.unframe(bytes.subarray(at), m.version + "/" + key + "/" + n);
        if (!one) throw damaged(file);
        at += one[1];
        return one[0];
      });
      if (at !== bytes.length) throw damaged(file);
      return out;
    });
  }
  /* The keys of the draft that blocks of keys.bin hold (block B: a count, then the keys whose top
   * key_bits bits are B, ascending, each as its other bits, its part and its rank there, in the
   * manifest's block_widths: index.py _write_key_blocks), then the entries of those parts,
   * whose low bits must agree. */
  function byBlocks(keys, fp, m) {
    var size = Math.pow(2, 32 - m.key_bits), block = keys.map(function (key) { return Math.floor(key / size); });
    var wanted = Array.from(new Set(block)).sort(function (a, b) { return a - b; });
    return rangedPieces("keys.bin", "keys", "keys", Math.pow(2, m.key_bits), wanted, m).then(function (blocks) {
      var found = new Map();  // block → {keys, parts, ranks}
      wanted.forEach(function (b, j) {
        var data = blocks[j], head = varint(data, 0), n = head[0], w = m.block_widths, per = w[0] + w[1] + w[2];
        if (data.length !== head[1] + Math.ceil(n * per / 8)) throw damaged("keys.bin");
        var own = new Float64Array(n), parts = new Int32Array(n), ranks = new Int32Array(n);
        for (var i = 0, bit = head[1] * 8; i < n; i++, bit += per) {
          own[i] = b * size + bitsAt(data, bit, w[0]);
          parts[i] = bitsAt(data, bit + w[0], w[1]);
          ranks[i] = bitsAt(data, bit + w[0] + w[1], w[2]);
        }
        found.set(b, { keys: own, parts: parts, ranks: ranks });
      });
      var hits = [], scale = Math.pow(2, m.low_bits);  // [part, rank, draft position, low bits]
      keys.forEach(function (key, i) {
        var one = found.get(block[i]), k = below(one.keys, key);
        if (k < one.keys.length && one.keys[k] === key) hits.push([one.parts[k], one.ranks[k], fp.positions[i], key % scale]);
      });
      var parts = Array.from(new Set(hits.map(function (hit) { return hit[0]; })));
      if (parts.some(function (p) { return !(p < m.parts); })) throw damaged("keys.bin");
      return loaded("e", parts, function (data, p) { return part(data, p, null, false); }).then(function (tables) {
        var byPart = new Map(parts.map(function (p, i) { return [p, tables[i]]; }));
        return hits.map(function (hit) {
          var table = byPart.get(hit[0]);
          if (!(hit[1] < table.keys.length) || table.keys[hit[1]] !== hit[3]) throw damaged("keys.bin");  // the block and the part disagree
          return [table, hit[1], hit[2]];
        });
      });
    });
  }
  function byKeysFiles(keys, fp, m) {
    var files = [];
    for (var j = 0; j * m.key_parts < m.parts; j++) files.push(j);
    return loaded("k", files, function (bytes, j) { return keysFile(bytes, j, m); }).then(function (byFile) {
      /* the keys files hold a key's high bits, its part's entries its low bits (index.py LOW_BITS) */
      var parts = [].concat.apply([], byFile), hits = [], scale = Math.pow(2, m.low_bits);
      var high = keys.map(function (key) { return Math.floor(key / scale); });
      /* [part, key's index there, draft position, low bits]: the draft's keys in order, walked
       * along each part's (ascending) keys; a part may hold two keys of the same high bits */
      var order = keys.map(function (_, i) { return i; }).sort(function (x, y) { return keys[x] - keys[y]; });
      parts.forEach(function (table, p) {
        for (var i = 0, at = 0; i < order.length && at < table.length; i++) {
          var key = order[i];
          while (at < table.length && table[at] < high[key]) at++;
          for (var same = at; same < table.length && table[same] === high[key]; same++) hits.push([p, same, fp.positions[key], keys[key] % scale]);
        }
      });
      var wanted = Array.from(new Set(hits.map(function (hit) { return hit[0]; })));
      return loaded("e", wanted, function (bytes, p) { return part(bytes, p, parts[p].length, false); }).then(function (tables) {
        var byPart = new Map(wanted.map(function (p, i) { return [p, tables[i]]; }));
        return hits.filter(function (hit) { return byPart.get(hit[0]).keys[hit[1]] === hit[3]; })  // not another key of the same high bits
          .map(function (hit) { return [byPart.get(hit[0]), hit[1], hit[2]]; });
      });
    });
  }
  /* By hash: a key's part is its top bits (m.parts a power of two), whose entries hold it whole. */
  function byHash(keys, fp, m) {
    var parts = keys.map(function (key) { return Math.floor(key * m.parts / 4294967296); });
    var wanted = Array.from(new Set(parts));
    return loaded("e", wanted, function (bytes, p) { return part(bytes, p, null, true); }).then(function (tables) {
      var byPart = new Map(wanted.map(function (p, i) { return [p, tables[i]]; })), hits = [];
      keys.forEach(function (key, i) {
        var table = byPart.get(parts[i]), at = below(table.keys, key);
        if (at < table.keys.length && table.keys[at] === key) hits.push([table, at, fp.positions[i]]);
      });
      return hits;
    });
  }
  /* Non-space characters inside the matches that are reuse (not a lone shared piece). */
  function covered(solid, matches) {
    var inside = new Array(solid.length + 1).fill(0), depth = 0, n = 0;
    matches.forEach(function (m) { if (m._passage.reuse) { inside[m.start]++; inside[m.end]--; } });
    for (var i = 0; i < solid.length; i++) { depth += inside[i]; if (depth > 0 && solid[i]) n++; }
    return n;
  }
  function check(text) {
    return analyse(text).then(function (r) {
      return { chars: r.chars, covered: r.covered, matches: r.matches.map(function (m) {
        return { start: m.start, end: m.end, report_id: m.report_id, url: m.url, similarity: m.similarity };
      }) };
    });
  }

  /* ---- reading a file from disk: .txt (as baogao/readers/txt.py decodes) or .docx ---- */
  function decodeText(bytes) {
    var text;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = new TextDecoder("utf-8").decode(bytes.subarray(3));
    else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
    else {
      try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); }
      catch (e) { text = new TextDecoder("gb18030").decode(bytes); }
    }
    return text.replace(/\r\n?/g, "\n");
  }
  function inflate(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }
  /* word/document.xml of a .docx, through the ZIP's central directory (stored or deflated). */
  function docxXml(bytes) {
    var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), end = -1;
    for (var i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
      if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
    }
    if (end < 0) return Promise.reject(new Error("不是 .docx 文件（找不到 ZIP 目录）"));
    var count = view.getUint16(end + 10, true), at = view.getUint32(end + 16, true), utf8 = new TextDecoder();
    for (var n = 0; n < count && at + 46 <= bytes.length && view.getUint32(at, true) === 0x02014b50; n++) {
      var method = view.getUint16(at + 10, true), size = view.getUint32(at + 20, true);
      var nameLength = view.getUint16(at + 28, true), extra = view.getUint16(at + 30, true), comment = view.getUint16(at + 32, true);
      var local = view.getUint32(at + 42, true), name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      if (name === "word/document.xml") {
        var start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
        var data = bytes.subarray(start, start + size);
        if (method === 0) return Promise.resolve(utf8.decode(data));
        if (method === 8) return inflate(data).then(function (x) { return utf8.decode(x); });
        return Promise.reject(new Error("不支持的 .docx 压缩方式 " + method));
      }
      at += 46 + nameLength + extra + comment;
    }
    return Promise.reject(new Error("不是 Word 文档（没有 word/document.xml）"));
  }
  /* The text of a document.xml: a paragraph a line; w:t text, w:tab a tab, w:br/w:cr a line break. */
  function docxText(xml) {
    var doc = new DOMParser().parseFromString(xml, "application/xml"), lines = [];
    if (doc.getElementsByTagName("parsererror").length) throw new Error("document.xml 无法解析");
    var paragraphs = doc.getElementsByTagNameNS("*", "p");
    for (var i = 0; i < paragraphs.length; i++) {
      var text = "", walker = doc.createTreeWalker(paragraphs[i], NodeFilter.SHOW_ELEMENT);
      while (walker.nextNode()) {
        var local = walker.currentNode.localName;
        if (local === "t") text += walker.currentNode.textContent;
        else if (local === "tab") text += "\t";
        else if (local === "br" || local === "cr") text += "\n";
      }
      lines.push(text);
    }
    return lines.join("\n");
  }
  function readFile(file) {
    return file.arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      if (/\.docx$/i.test(file.name) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return docxXml(bytes).then(docxText);
      return decodeText(bytes);
    });
  }

  /* ---- the 查重 page ---- */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (k === "text") node.textContent = attrs[k]; else node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }
  function percent(n, total) { return Math.round(100 * n / Math.max(1, total)) + "%"; }
  /* Character diff of two short texts (LCS): [[same, text]…] for each side. */
  function diff(a, b) {
    a = Array.from(a); b = Array.from(b);
    if (a.length * b.length > 1e6) return [[[true, a.join("")]], [[true, b.join("")]]];  // long passages: unmarked
    var rows = a.length + 1, cols = b.length + 1, t = new Uint16Array(rows * cols), i, j;
    for (i = a.length - 1; i >= 0; i--) for (j = b.length - 1; j >= 0; j--) {
      t[i * cols + j] = a[i] === b[j] ? t[(i + 1) * cols + j + 1] + 1 : Math.max(t[(i + 1) * cols + j], t[i * cols + j + 1]);
    }
    var left = [], right = [];
    function push(side, same, ch) { var last = side[side.length - 1]; if (last && last[0] === same) last[1] += ch; else side.push([same, ch]); }
    i = 0; j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { push(left, true, a[i++]); push(right, true, b[j++]); }
      else if (t[(i + 1) * cols + j] >= t[i * cols + j + 1]) push(left, false, a[i++]);
      else push(right, false, b[j++]);
    }
    while (i < a.length) push(left, false, a[i++]);
    while (j < b.length) push(right, false, b[j++]);
    return [left, right];
  }
  function marked(parts) {
    return el("span", {}, parts.map(function (p) { return p[0] ? p[1] : el("mark", { class: "baogao-diff", text: p[1] }); }));
  }
  /* The archive passage of a match: the report's text of the sections its seeds stand in,
   * read from the search index's text store (S.storeSpan: only the chunks that hold them, over
   * http as byte ranges, from file:// as scripts; a row's starts: baogao/similar/index.py), cut
   * where the passage's fingerprints stand densest (widened as the draft's). A text is read, and its skeleton and
   * fingerprints made, once for all the matches in it. */
  var spans = new Map();
  var MARGIN = 32;  // normalised characters read past a section's end: a fingerprint's k-gram may reach over it
  function archivePassage(match, m) {
    var p = match._passage, starts = match._row[4], sections = p.seeds.map(function (seed) { return seed[2]; });
    var low = Math.min.apply(null, sections), high = Math.max.apply(null, sections);
    var from = low > 0 ? starts[low - 1] : 0, to = high < starts.length ? starts[high] + MARGIN : Infinity;
    var key = p.doc + ":" + from + ":" + to;
    if (!spans.has(key)) {
      var span = S.storeSpan(p.doc, from, to).then(function (chars) {
        var sk = skeleton(chars.join("")), fp = fingerprints(sk.codes, m), at = new Map();
        fp.hashes.forEach(function (h, i) { if (!at.has(h)) at.set(h, []); at.get(h).push(fp.positions[i]); });
        return { chars: chars, sk: sk, at: at };
      });
      spans.set(key, span);
      span.catch(function () { spans.delete(key); });
    }
    return spans.get(key).then(function (found) {
      var sk = found.sk, at = found.at, hits = [];
      /* the passage's fingerprints in the text; the archive passage is their densest run as
       * long as the draft passage (and GAP) */
      new Set(p.seeds.map(function (seed) { return match._hashAt.get(seed[0]); })).forEach(function (h) {
        (at.get(h) || []).forEach(function (q) { hits.push(q); });
      });
      hits.sort(function (x, y) { return x - y; });
      var reach = p.b - p.a + m.gap, best = 0, first = 0, last = -1;
      for (var i = 0, j = 0; j < hits.length; j++) {
        while (hits[j] - hits[i] > reach) i++;
        if (j - i + 1 > best) { best = j - i + 1; first = i; last = j; }
      }
      if (!best) return null;
      var ab = [hits[first], Math.min(sk.codes.length, hits[last] + m.k)];
      if (best >= 2) ab = snap(sk, ab[0], ab[1], m);  // to the clause ends, as the draft passage
      return found.chars.slice(sk.origin[ab[0]], sk.origin[ab[1] - 1] + 1).join("");
    }).catch(function () { return null; });
  }
  function page() {
    var box = document.getElementById("baogao-similar");
    if (!box) return;
    var form = box.querySelector("form"), area = form.querySelector("textarea"), file = form.querySelector('input[type="file"]');
    var summary = box.querySelector(".baogao-similar__summary"), shares = box.querySelector(".baogao-similar__shares");
    var list = box.querySelector(".baogao-similar__matches");
    file.addEventListener("change", function () {
      if (!file.files.length) return;
      readFile(file.files[0]).then(function (text) { area.value = text; run(); }, function (err) {
        summary.textContent = file.files[0].name + "：" + err.message;
      });
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
    function run() {
      var text = area.value.replace(/\r\n?/g, "\n");
      list.textContent = ""; shares.textContent = "";
      box.querySelectorAll(".baogao-similar__more").forEach(function (b) { b.remove(); });
      list.setAttribute("data-state", "loading");
      performance.mark("baogao-similar-start");
      summary.textContent = "正在查重……";
      Promise.all([analyse(text), manifest()]).then(function (all) { show(all[0], all[1], text); }, function (err) {
        summary.textContent = err && err.indexDamaged ? "查重索引不完整，请联系管理员" : "查重失败：" + (err && err.message);
        list.setAttribute("data-state", "error");
      });
    }
    function show(r, m, text) {
      summary.textContent = "草稿共 " + r.chars + " 字（不计空白），其中 " + r.covered + " 字（" + percent(r.covered, r.chars) +
        "）也见于归档" + (r.matches.length ? "，涉及 " + new Set(r.matches.map(function (x) { return x.report_id; })).size + " 篇报告。" : "。");
      var byReport = new Map();
      r.matches.forEach(function (x) { if (!byReport.has(x.report_id)) byReport.set(x.report_id, []); byReport.get(x.report_id).push(x); });
      var solid = r.text.map(function (c) { return S.white.indexOf(c) < 0; });
      var ranked = Array.from(byReport.values()).map(function (ms) { return { ms: ms, n: covered(solid, ms) }; })
        .sort(function (x, y) { return y.n - x.n || (x.ms[0].report_id < y.ms[0].report_id ? -1 : 1); });
      ranked.forEach(function (g) {
        if (g.n) shares.appendChild(el("li", {}, [el("a", { href: S.siteRoot + g.ms[0].url.split("#")[0], text: g.ms[0]._title }),
          " " + percent(g.n, r.chars) + "（" + g.n + " 字）"]));
      });
      function render(groups) { groups.forEach(function (g) { g.ms.forEach(function (x) { matchNode(x); }); }); }
      function matchNode(x) {
        x._text = r.text.slice(x.start, x.end).join("");
        var item = el("li", { class: "baogao-similar__match", "data-start": x.start, "data-end": x.end, "data-report": x.report_id }, [
          el("div", { class: "baogao-similar__head" }, [el("a", { href: S.siteRoot + x.url, text: x._title }),
            " 相似度 " + x.similarity.toFixed(2) + " · 草稿第 " + (x.start + 1) + "–" + x.end + " 字" +
            (x._passage.reuse ? "" : "（短片段，可能是巧合，不计入重复字数）") +
            (x._passage.more ? "（常见段落：另有约 " + x._passage.more + " 篇报告也有，未一一列出）" : "")]),
        ]);
        var pair = el("div", { class: "baogao-similar__pair" }, [el("blockquote", { class: "baogao-similar__draft" }, [x._text])]);
        item.appendChild(pair);
        list.appendChild(item);
        archivePassage(x, m).then(function (archive) {
          if (archive === null) {
            pair.appendChild(el("p", { class: "baogao-similar__note", text: "归档原文未能读取，请点上方链接查看。" }));
            return;
          }
          var d = diff(x._text, archive);
          pair.replaceChildren(el("blockquote", { class: "baogao-similar__draft" }, [marked(d[0])]),
                               el("blockquote", { class: "baogao-similar__archive" }, [marked(d[1])]));
        });
      }
      /* The passages of the SHOWN reports that cover most; the others on demand (a stock phrase
       * can stand in hundreds of reports). */
      render(ranked.slice(0, SHOWN));
      if (ranked.length > SHOWN) {
        var more = el("button", { type: "button", class: "baogao-similar__more",
                                  text: "显示其余 " + (ranked.length - SHOWN) + " 篇报告中的段落" });
        more.onclick = function () { more.remove(); render(ranked.slice(SHOWN)); };
        list.after(more);
      }
      list.setAttribute("data-state", "done");
      performance.mark("baogao-similar-done");  // the answer is shown (archive passages follow)
    }
  }

  window.baogaoSimilar = { load: load, check: check, skeleton: skeleton, readFile: readFile, docxText: docxText };
  page();
})();
