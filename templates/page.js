/* dateline page script: filters, search, histogram, permalinks, keys.
   The list is complete without it. The facet index (#dl-data) has one row
   per article.entry, in page order:
   [first day, last day, type, status, [actors], [countries], bin]
   with days counted from 1970-01-01 and facets as indexes. */
(function () {
  'use strict';
  var t0 = performance.now();
  var root = document.documentElement;
  var dataEl = document.getElementById('dl-data');
  var form = document.getElementById('filters');
  if (!dataEl || !form) { return; }
  var data = JSON.parse(dataEl.textContent);
  var rows = data.rows;
  var n = rows.length;
  var entries = document.querySelectorAll('article.entry');
  if (entries.length !== n) { return; }
  root.classList.add('js');
  form.hidden = false;

  var DAY = 86400000;
  var items = new Array(n);      // the <li> of each entry
  var groupOf = new Int32Array(n);
  var monthOf = new Int32Array(n);
  var groups = [];
  var months = [];
  var groupIx = new Map();
  var monthIx = new Map();
  for (var i = 0; i < n; i++) {
    var li = entries[i].parentNode;
    items[i] = li;
    var g = li.parentNode.parentNode;
    var m = g.parentNode;
    var gi = groupIx.get(g);
    if (gi === undefined) { gi = groups.length; groups.push(g); groupIx.set(g, gi); }
    var mi = monthIx.get(m);
    if (mi === undefined) { mi = months.length; months.push(m); monthIx.set(m, mi); }
    groupOf[i] = gi;
    monthOf[i] = mi;
  }
  var monthTotals = new Int32Array(months.length);
  for (i = 0; i < n; i++) { monthTotals[monthOf[i]]++; }
  var monthCounts = months.map(function (m) { return m.querySelector('.month-count'); });

  // Which entries match the filters, and which are on screen: at most
  // `limit` matches are shown (more on scrolling), so a filter never has to
  // lay out thousands of entries. As loaded, everything is shown (that is
  // also the page without script).
  var matched = new Uint8Array(n).fill(1);
  var matchTotal = n;
  var PAGE = 200;
  var limit = n;
  var shown = new Uint8Array(n).fill(1);
  var groupShown = new Uint8Array(groups.length).fill(1);
  var monthShown = new Uint8Array(months.length).fill(1);

  var q = form.elements.q, fType = form.elements.type, fActor = form.elements.actor,
      fCountry = form.elements.country, fFrom = form.elements.from, fTo = form.elements.to;
  var statusBoxes = Array.prototype.slice.call(form.querySelectorAll('input[name=status]'));
  var countEl = document.getElementById('count');
  var emptyEl = document.getElementById('empty');
  var moreEl = document.getElementById('more');
  var svg = document.querySelector('.histogram svg');
  var figure = document.querySelector('.histogram');
  var bars = svg ? Array.prototype.slice.call(svg.querySelectorAll('a')) : [];
  // With script, a bar is a toggle that narrows the list to its period.
  bars.forEach(function (b) { b.setAttribute('role', 'button'); b.setAttribute('aria-pressed', 'false'); });
  var barTotal = new Int32Array(bars.length);
  for (i = 0; i < n; i++) { if (rows[i][6] !== null) { barTotal[rows[i][6]]++; } }
  var barMax = 1;
  for (i = 0; i < barTotal.length; i++) { if (barTotal[i] > barMax) { barMax = barTotal[i]; } }

  // Search text is read from the page the first time it is needed, folded
  // to lower case without accents so "sharaa" finds "Sharaa" and "Šaraa".
  var texts = null;
  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  function searchTexts() {
    if (texts) { return texts; }
    texts = new Array(n);
    for (var i = 0; i < n; i++) {
      var e = entries[i];
      texts[i] = fold(e.querySelector('.summary').textContent + ' \u0001 ' +
        e.querySelector('.evidence').textContent);
    }
    return texts;
  }
  function dayOf(value) {
    if (!value) { return null; }
    var t = Date.parse(value + 'T00:00:00Z');
    return isNaN(t) ? null : Math.floor(t / DAY);
  }
  function isoOf(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  function fmt(x) { return x.toLocaleString('en'); }

  function readState() {
    var st = {
      q: q.value.trim(),
      type: fType.value,
      actor: fActor.value.trim(),
      country: fCountry.value,
      from: fFrom.value,
      to: fTo.value,
      status: statusBoxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; })
    };
    return st;
  }
  function isDefault(st) {
    return !st.q && !st.type && !st.actor && !st.country && !st.from && !st.to &&
      st.status.length === statusBoxes.length;
  }

  function apply(st) {
    var a0 = performance.now();
    var terms = st.q ? fold(st.q).split(/\s+/).filter(Boolean) : [];
    var tx = terms.length ? searchTexts() : null;
    var typeIx = st.type ? data.types.indexOf(st.type) : -1;
    var countryIx = st.country ? data.countries.indexOf(st.country) : -1;
    var statusOk = data.statuses.map(function (s) { return st.status.indexOf(s) >= 0; });
    var actorOk = null;
    if (st.actor) {
      var fa = fold(st.actor);
      actorOk = new Uint8Array(data.actors.length);
      var exact = -1;
      data.actors.forEach(function (name, k) {
        var f = fold(name);
        if (f === fa) { exact = k; }
        if (f.indexOf(fa) >= 0) { actorOk[k] = 1; }
      });
      if (exact >= 0) { actorOk = new Uint8Array(data.actors.length); actorOk[exact] = 1; }
    }
    var from = dayOf(st.from), to = dayOf(st.to);
    var dated = from !== null || to !== null;
    var gCount = new Int32Array(groups.length);
    var mCount = new Int32Array(months.length);
    var binHit = new Int32Array(bars.length);
    var total = 0;
    for (var i = 0; i < n; i++) {
      var r = rows[i];
      var ok = true;
      if (st.type && r[2] !== typeIx) { ok = false; }
      else if (!statusOk[r[3]]) { ok = false; }
      else if (st.country && r[5].indexOf(countryIx) < 0) { ok = false; }
      else if (actorOk) {
        ok = false;
        for (var k = 0; k < r[4].length; k++) { if (actorOk[r[4][k]]) { ok = true; break; } }
      }
      if (ok && tx) {
        var t = tx[i];
        for (var j = 0; j < terms.length; j++) { if (t.indexOf(terms[j]) < 0) { ok = false; break; } }
      }
      // The chart shows every date of what the other filters keep, so
      // another period can still be picked from it.
      if (ok && r[6] !== null) { binHit[r[6]]++; }
      if (ok && dated) {
        if (r[0] === null) { ok = false; }
        else if (from !== null && r[1] < from) { ok = false; }
        else if (to !== null && r[0] > to) { ok = false; }
      }
      matched[i] = ok ? 1 : 0;
      if (ok) {
        total++;
        gCount[groupOf[i]]++;
        mCount[monthOf[i]]++;
      }
    }
    matchTotal = total;
    render();
    var all = total === n;
    for (var mi = 0; mi < months.length; mi++) {
      var label = all ? monthCounts[mi].getAttribute('data-total')
        : fmt(mCount[mi]) + ' of ' + monthCounts[mi].getAttribute('data-total');
      if (monthCounts[mi].textContent !== label) { monthCounts[mi].textContent = label; }
    }
    // With other filters on, the bars are scaled to what they keep (and the
    // grey totals step back); else to all entries.
    var faceted = !!(st.q || st.type || st.actor || st.country || st.status.length !== statusBoxes.length);
    var scale = barMax;
    if (faceted) {
      scale = 1;
      for (var b0 = 0; b0 < binHit.length; b0++) { if (binHit[b0] > scale) { scale = binHit[b0]; } }
    }
    for (var b = 0; b < bars.length; b++) {
      var h = binHit[b] === 0 ? 0 : Math.max(3, binHit[b] / scale * 96);
      var rect = bars[b].lastChild;
      rect.setAttribute('height', h.toFixed(2));
      rect.setAttribute('y', (100 - h).toFixed(2));
      var bf = bars[b].getAttribute('data-from'), bt = bars[b].getAttribute('data-to');
      var sel = !!((st.from || st.to) && (!st.to || bf <= st.to) && (!st.from || bt >= st.from));
      bars[b].classList.toggle('sel', sel);
      var exact = !!(st.from === bf && st.to === bt);
      bars[b].setAttribute('aria-pressed', exact ? 'true' : 'false');
    }
    if (figure) {
      figure.classList.toggle('ranged', !!(st.from || st.to));
      figure.classList.toggle('faceted', faceted);
    }
    countEl.innerHTML = all ? 'All <strong>' + fmt(n) + '</strong> events'
      : 'Showing <strong>' + fmt(total) + '</strong> of ' + fmt(n) + ' events';
    emptyEl.hidden = total > 0;
    root.setAttribute('data-dl-matches', String(total));
    root.setAttribute('data-dl-filter-ms', (performance.now() - a0).toFixed(1));
    return total;
  }

  // Show the first `limit` matches; touch only the entries, day groups and
  // months whose state changes.
  function render() {
    var gVis = new Int32Array(groups.length);
    var mVis = new Int32Array(months.length);
    var rank = 0;
    var onScreen = 0;
    for (var i = 0; i < n; i++) {
      var v = 0;
      if (matched[i]) { v = rank < limit ? 1 : 0; rank++; }
      if (v !== shown[i]) { items[i].hidden = !v; shown[i] = v; }
      if (v) { onScreen++; gVis[groupOf[i]]++; mVis[monthOf[i]]++; }
    }
    for (var gi = 0; gi < groups.length; gi++) {
      var gv = gVis[gi] > 0 ? 1 : 0;
      if (gv !== groupShown[gi]) { groups[gi].hidden = !gv; groupShown[gi] = gv; }
    }
    for (var mi = 0; mi < months.length; mi++) {
      var mv = mVis[mi] > 0 ? 1 : 0;
      if (mv !== monthShown[mi]) { months[mi].hidden = !mv; monthShown[mi] = mv; }
    }
    var left = matchTotal - onScreen;
    moreEl.hidden = left <= 0;
    if (left > 0) { moreEl.textContent = 'Show ' + fmt(Math.min(PAGE, left)) + ' more (' + fmt(left) + ' not shown yet)'; }
    root.setAttribute('data-dl-shown', String(onScreen));
  }
  function showMore() {
    limit = Math.min(n, (limit >= n ? PAGE : limit) + PAGE);
    render();
  }

  // Filter state lives in the URL fragment (#q=talks&type=CONSULT), so a
  // filtered view can be bookmarked or shared. An entry id in the fragment
  // is a permalink instead.
  function toHash(st) {
    if (isDefault(st)) { return ''; }
    var p = new URLSearchParams();
    ['q', 'type', 'actor', 'country', 'from', 'to'].forEach(function (k) { if (st[k]) { p.set(k, st[k]); } });
    if (st.status.length !== statusBoxes.length) { p.set('status', st.status.join(',')); }
    return p.toString();
  }
  function setForm(p) {
    q.value = p.get('q') || '';
    fType.value = p.get('type') || '';
    fActor.value = p.get('actor') || '';
    fCountry.value = p.get('country') || '';
    fFrom.value = p.get('from') || '';
    fTo.value = p.get('to') || '';
    var s = p.has('status') ? p.get('status').split(',') : null;
    statusBoxes.forEach(function (b) { b.checked = !s || s.indexOf(b.value) >= 0; });
  }
  var lastHash = null;
  function update() {
    var st = readState();
    limit = PAGE;
    apply(st);
    var h = toHash(st);
    if (h !== lastHash) {
      lastHash = h;
      try {
        history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
      } catch (e) { /* file: URLs in some browsers */ }
    }
  }

  function reveal(id) {
    var el = id && document.getElementById(id);
    if (!el || !el.classList || !el.classList.contains('entry')) { return false; }
    var at = Array.prototype.indexOf.call(entries, el);
    if (at >= 0 && !matched[at]) { form.reset(); limit = PAGE; apply(readState()); lastHash = ''; }
    if (at >= 0 && !shown[at]) {
      var rank = 0;
      for (var i = 0; i < at; i++) { rank += matched[i]; }
      limit = Math.max(limit, rank + PAGE);
      render();
    }
    var d = el.querySelector('details');
    if (d) { d.open = true; }
    var prev = document.querySelector('.entry.targeted');
    if (prev) { prev.classList.remove('targeted'); }
    el.classList.add('targeted');
    el.tabIndex = -1;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
    return true;
  }
  function fromLocation() {
    var raw = location.hash.slice(1);
    var id = raw;
    try { id = decodeURIComponent(raw); } catch (e) { /* keep raw */ }
    if (raw && reveal(id)) { return; }
    if (raw.indexOf('=') >= 0) {
      setForm(new URLSearchParams(raw));
      lastHash = raw;
      limit = PAGE;
    }
    apply(readState());
    if (raw.indexOf('=') >= 0) {
      return;
    } else if (raw && (raw.indexOf('m-') === 0 || raw === 'undated')) {
      var sec = document.getElementById(raw);
      if (sec) { sec.scrollIntoView({ block: 'start' }); }
    }
  }

  var timer = 0;
  form.addEventListener('input', function (ev) {
    clearTimeout(timer);
    // Typing is debounced a little; menus and boxes apply at once.
    var delay = ev.target === q || ev.target === fActor ? 90 : 0;
    timer = setTimeout(update, delay);
  });
  form.addEventListener('submit', function (ev) { ev.preventDefault(); update(); });
  form.addEventListener('reset', function () { setTimeout(update, 0); });
  document.querySelectorAll('[data-reset]').forEach(function (b) {
    b.addEventListener('click', function () { form.reset(); });
  });
  window.addEventListener('hashchange', function () {
    if (location.hash.slice(1) !== lastHash) { fromLocation(); }
  });

  if (svg) {
    svg.addEventListener('click', function (ev) {
      var a = ev.target.closest('a');
      if (!a) { return; }
      ev.preventDefault();
      var f = a.getAttribute('data-from'), t = a.getAttribute('data-to');
      if (fFrom.value === f && fTo.value === t) { fFrom.value = ''; fTo.value = ''; }
      else { fFrom.value = f; fTo.value = t; }
      update();
    });
  }

  // Keys: "/" search, j/k next/previous entry, o open details, Esc clear.
  function visibleEntries() {
    var out = [];
    for (var i = 0; i < n; i++) { if (shown[i]) { out.push(entries[i]); } }
    return out;
  }
  document.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var tag = ev.target.tagName;
    var typing = tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA';
    if (ev.key === 'Escape' && typing && ev.target.value) {
      ev.target.value = '';
      update();
      return;
    }
    if (typing) { return; }
    if (ev.key === '/') { ev.preventDefault(); q.focus(); q.select(); return; }
    if (ev.key === 'j' || ev.key === 'k') {
      var vis = visibleEntries();
      if (!vis.length) { return; }
      var cur = document.activeElement && document.activeElement.closest ?
        document.activeElement.closest('article.entry') : null;
      var at = cur ? vis.indexOf(cur) : -1;
      var next = ev.key === 'j' ? Math.min(vis.length - 1, at + 1) : Math.max(0, at - 1);
      vis[next].tabIndex = -1;
      vis[next].focus({ preventScroll: true });
      vis[next].scrollIntoView({ block: 'nearest' });
      ev.preventDefault();
    }
    if (ev.key === 'o') {
      var e = document.activeElement && document.activeElement.closest ?
        document.activeElement.closest('article.entry') : null;
      var d = e && e.querySelector('details');
      if (d) { d.open = !d.open; ev.preventDefault(); }
    }
  });

  moreEl.addEventListener('click', showMore);
  if ('IntersectionObserver' in window) {
    new IntersectionObserver(function (seen) {
      if (seen[0].isIntersecting && !moreEl.hidden) { showMore(); }
    }, { rootMargin: '800px 0px' }).observe(moreEl);
  }

  // Printing shows every match, with every detail.
  var closed = [];
  window.addEventListener('beforeprint', function () {
    limit = n;
    render();
    closed = Array.prototype.filter.call(document.querySelectorAll('details.more'), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () { closed.forEach(function (d) { d.open = false; }); closed = []; });

  fromLocation();
  // On a phone the secondary filters start folded, unless the link set one.
  var more = form.querySelector('.more-filters');
  if (more && window.matchMedia('(max-width: 820px)').matches) {
    var st0 = readState();
    more.open = !!(st0.type || st0.actor || st0.country || st0.from || st0.to ||
      st0.status.length !== statusBoxes.length);
  }
  // Build the search index while the reader is still looking, so the first
  // keystroke does not pay for it.
  (window.requestIdleCallback || function (f) { return setTimeout(f, 200); })(function () { searchTexts(); });
  root.setAttribute('data-dl-init-ms', (performance.now() - t0).toFixed(1));
  root.setAttribute('data-dl-requests', String(performance.getEntriesByType('resource').length));
  // Time from navigation start until the page is interactive (measured by
  // the browser test; see README "Benchmarks").
  root.setAttribute('data-dl-ready-ms', performance.now().toFixed(1));
})();
