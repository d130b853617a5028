// The explorer's only script: live blocks and transactions on the home page over the node's JSON-RPC WebSocket
// (eth_subscribe newHeads), the health card from /health, and charts with uPlot. Everything from the chain is put
// into the page with textContent, never as markup.
(function () {
  'use strict';

  function el(tag, text, href) {
    var e = document.createElement(tag);
    if (href) {
      var a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      e.appendChild(a);
    } else if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function short(hex) {
    return hex && hex.length > 14 ? hex.slice(0, 8) + '\u2026' + hex.slice(-6) : (hex || '');
  }

  function time(seconds) {
    return new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  }

  function fill(tableId, rows, toCells) {
    var table = document.getElementById(tableId);
    if (!table) return;
    var body = table.tBodies[0];
    var fresh = document.createElement('tbody');
    rows.forEach(function (r) {
      var tr = document.createElement('tr');
      toCells(r).forEach(function (td) { tr.appendChild(td); });
      fresh.appendChild(tr);
    });
    table.replaceChild(fresh, body);
  }

  function refreshHome() {
    Promise.all([fetch('/api/blocks?limit=10'), fetch('/api/txs?limit=10'), fetch('/api/status')])
      .then(function (rs) { return Promise.all(rs.map(function (r) { return r.json(); })); })
      .then(function (data) {
        fill('latest-blocks', data[0].items, function (b) {
          return [el('td', String(b.number), '/block/' + b.number), el('td', time(b.timestamp)),
                  el('td', String(b.transactions)), el('td', b.gasUsed.toLocaleString('en'))];
        });
        fill('latest-txs', data[1].items, function (t) {
          var to = t.to || t.contractAddress || '';
          return [el('td', short(t.hash), '/tx/' + t.hash), el('td', t.method || 'transfer of coin'),
                  el('td', short(t.from), '/address/' + t.from), el('td', short(to), '/address/' + to),
                  el('td', t.success ? 'success' : 'failed')];
        });
        var head = document.getElementById('head-number');
        if (head) head.textContent = String(data[2].head);
      })
      .catch(function () { /* the next head tries again */ });
    fetch('/api/throughput?minutes=60').then(function (r) { return r.json(); }).then(function (d) {
      drawThroughput(document.getElementById('throughput'), d);
    }).catch(function () {});
  }

  // A cluster member's card: its role, the leader, how far it lags, and every member with its role (a lone node
  // answers parkchain_clusterStatus with an error, and the card stays hidden).
  var CLUSTER_STATUS = 2;
  function askCluster() {
    if (socket && socket.readyState === 1 && document.getElementById('cluster')) {
      socket.send(JSON.stringify({jsonrpc: '2.0', id: CLUSTER_STATUS, method: 'parkchain_clusterStatus', params: []}));
    }
  }

  var clusterTimer = null;
  function showCluster(s) {
    var card = document.getElementById('cluster');
    card.hidden = false;
    // A leader can be lost while no block arrives: look again every 5 s as well.
    if (!clusterTimer) clusterTimer = setInterval(askCluster, 5000);
    document.getElementById('cluster-summary').textContent =
      'this member: ' + s.role + ' \u00b7 leader: ' + s.leader + ' \u00b7 lag: ' + s.lag + ' \u00b7 term ' + s.term;
    var list = document.getElementById('cluster-members');
    list.textContent = '';
    (s.members || []).forEach(function (m) {
      var label = m.id + ' \u2014 ' + m.role + (m.id === s.self ? ' (this member)' : '');
      // A member's RPC URL comes from the cluster file; its explorer is served there too.
      var li = /^https?:\/\//.test(m.rpc || '') ? el('li', label, m.rpc) : el('li', label);
      li.setAttribute('data-member', m.id);
      list.appendChild(li);
    });
  }

  var pending = null;
  var socket = null;
  function live() {
    if (!document.getElementById('latest-blocks') || !window.WebSocket) return;
    var ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/');
    socket = ws;
    ws.onopen = function () {
      ws.send(JSON.stringify({jsonrpc: '2.0', id: 1, method: 'eth_subscribe', params: ['newHeads']}));
      document.body.setAttribute('data-live', 'yes');
      askCluster();
    };
    ws.onmessage = function (m) {
      var msg = JSON.parse(m.data);
      if (msg.id === CLUSTER_STATUS) {
        if (msg.result) showCluster(msg.result);
        return;
      }
      if (msg.method !== 'eth_subscription') return;
      // Under load heads arrive faster than a person reads: refresh at most twice a second.
      if (pending) return;
      pending = setTimeout(function () { pending = null; refreshHome(); askCluster(); }, 500);
    };
    ws.onclose = function () {
      document.body.setAttribute('data-live', 'no');
      setTimeout(live, 3000);
    };
  }

  function health() {
    var status = document.getElementById('health-status');
    if (!status) return;
    fetch('/health').then(function (r) { return r.json(); }).then(function (h) {
      status.textContent = h.status;
      status.className = h.status === 'ok' ? 'ok' : 'bad';
      var list = document.getElementById('health-checks');
      list.textContent = '';
      Object.keys(h.checks || {}).forEach(function (name) {
        var c = h.checks[name];
        var facts = Object.keys(c).filter(function (k) { return k !== 'healthy' && k !== 'detail'; })
          .map(function (k) { return k + ': ' + JSON.stringify(c[k]); });
        list.appendChild(el('li', name + ' \u2014 ' + (c.healthy ? 'healthy' : 'unhealthy') +
          (c.detail ? ' (' + c.detail + ')' : '') + (facts.length ? '; ' + facts.join(', ') : '')));
      });
    }).catch(function () { status.textContent = 'unavailable'; });
  }

  var throughputPlot = null;
  function drawThroughput(target, data) {
    if (!target || !window.uPlot) return;
    var xs = data.minutes.map(function (m) { return m.start; });
    var ys = data.minutes.map(function (m) { return m.transactions; });
    if (throughputPlot) { throughputPlot.setData([xs, ys]); return; }
    throughputPlot = new uPlot({
      width: Math.min(target.clientWidth || 600, 900), height: 200,
      series: [{}, {label: 'transactions / minute', stroke: '#2a6f97', fill: 'rgba(42,111,151,0.15)'}],
      axes: [{}, {}]
    }, [xs, ys], target);
  }

  function drawLevy(target) {
    if (!target || !window.uPlot) return;
    var rows = JSON.parse(target.getAttribute('data-series'));
    var totals = {};
    rows.forEach(function (r) { totals[r.period] = (totals[r.period] || 0) + Number(r.levy) / 1e18; });
    var periods = Object.keys(totals).sort();
    if (!periods.length) { target.textContent = 'No levy paid yet.'; return; }
    new uPlot({
      width: Math.min(target.clientWidth || 600, 900), height: 200,
      scales: {x: {time: false, range: [-0.5, periods.length - 0.5]}},
      axes: [{splits: function () { return periods.map(function (p, i) { return i; }); },
              values: function (u, ticks) { return ticks.map(function (i) { return periods[i] || ''; }); }}, {}],
      series: [{}, {label: 'levy (coin)', stroke: '#8c2f39', fill: 'rgba(140,47,57,0.2)',
        paths: uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({size: [0.6, 60]}) : undefined}]
    }, [periods.map(function (p, i) { return i; }), periods.map(function (p) { return totals[p]; })], target);
  }

  function whole(units, decimals) {
    return Number(units) / Math.pow(10, decimals);
  }

  // A market's depth: cumulative open amount by price, bids to the left of the spread and asks to the right.
  function drawDepth(target) {
    if (!target || !window.uPlot) return;
    var d = JSON.parse(target.getAttribute('data-series'));
    var points = [];
    var sum = 0;
    d.bids.forEach(function (l) {
      sum += whole(l.amount, d.baseDecimals);
      points.push({price: whole(l.price, d.quoteDecimals), bid: sum, ask: null});
    });
    sum = 0;
    d.asks.forEach(function (l) {
      sum += whole(l.amount, d.baseDecimals);
      points.push({price: whole(l.price, d.quoteDecimals), bid: null, ask: sum});
    });
    if (!points.length) { target.textContent = 'No open orders.'; return; }
    points.sort(function (a, b) { return a.price - b.price; });
    // Each side's deepest level extends to the chart's edge, so that even a book of one level shows as an area:
    // a bid's cumulative amount holds at and below its price (a step before it), an ask's at and above (after it).
    var low = points[0].price, high = points[points.length - 1].price;
    var margin = (high - low) * 0.1 || high * 0.1 || 1;
    var bidsSum = points.reduce(function (m, p) { return p.bid !== null ? Math.max(m, p.bid) : m; }, 0);
    var asksSum = points.reduce(function (m, p) { return p.ask !== null ? Math.max(m, p.ask) : m; }, 0);
    if (bidsSum > 0) points.unshift({price: Math.max(0, low - margin), bid: bidsSum, ask: null});
    if (asksSum > 0) points.push({price: high + margin, bid: null, ask: asksSum});
    var stepped = uPlot.paths && uPlot.paths.stepped;
    var bidStep = stepped ? stepped({align: -1}) : undefined;
    var askStep = stepped ? stepped({align: 1}) : undefined;
    new uPlot({
      width: Math.min(target.clientWidth || 600, 900), height: 220,
      scales: {x: {time: false}},
      // Prices are small fractions of a coin and amounts large: give both axes room and enough digits.
      axes: [{values: function (u, ticks) { return ticks.map(function (v) { return Number(v.toPrecision(6)).toString(); }); }},
             {size: 80, values: function (u, ticks) { return ticks.map(function (v) { return v.toLocaleString('en'); }); }}],
      series: [{label: 'price'},
        {label: 'bids (cumulative)', stroke: '#2b8a3e', fill: 'rgba(43,138,62,0.2)', paths: bidStep},
        {label: 'asks (cumulative)', stroke: '#c92a2a', fill: 'rgba(201,42,42,0.2)', paths: askStep}]
    }, [points.map(function (p) { return p.price; }), points.map(function (p) { return p.bid; }),
        points.map(function (p) { return p.ask; })], target);
  }

  var INTERVAL_SECONDS = {'1m': 60, '1h': 3600, '1d': 86400};

  // A market's candles as candlesticks: per interval a wick from low to high and a body from open to close (green
  // when the price closed at or above its open, red below), volume as bars along the bottom. uPlot has no candlestick
  // series: the open/high/low/close series only set the price scale and the legend, and a draw hook paints them.
  function drawCandles(target) {
    if (!target || !window.uPlot) return;
    var d = JSON.parse(target.getAttribute('data-series'));
    if (!d.candles.length) { target.textContent = 'No trades yet.'; return; }
    var step = INTERVAL_SECONDS[d.interval] || 60;
    function col(name, decimals) { return d.candles.map(function (c) { return whole(c[name], decimals); }); }
    var xs = d.candles.map(function (c) { return c.time; });
    var open = col('open', d.quoteDecimals), high = col('high', d.quoteDecimals), low = col('low', d.quoteDecimals);
    var close = col('close', d.quoteDecimals), volume = col('volume', d.baseDecimals);
    var top = Math.max.apply(null, high), bottom = Math.min.apply(null, low);
    var pad = (top - bottom) * 0.15 || top * 0.05 || 1;
    var maxVolume = Math.max.apply(null, volume) || 1;
    var none = function () { return null; };
    var price = function (u, ticks) { return ticks.map(function (v) { return Number(v.toPrecision(6)).toString(); }); };
    var drawn = 0;

    function paint(u) {
      var ctx = u.ctx;
      var ratio = window.devicePixelRatio || 1;
      // A body a little narrower than one interval, at least 3 and at most 24 CSS pixels wide.
      var slot = Math.abs(u.valToPos(xs[0] + step, 'x', true) - u.valToPos(xs[0], 'x', true));
      var half = Math.max(3 * ratio, Math.min(24 * ratio, slot * 0.7)) / 2;
      ctx.save();
      ctx.beginPath();
      ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
      ctx.clip();
      drawn = 0;
      for (var i = 0; i < xs.length; i++) {
        var x = Math.round(u.valToPos(xs[i], 'x', true));
        var up = close[i] >= open[i];
        var color = up ? '#2b8a3e' : '#c92a2a';
        var yHigh = u.valToPos(high[i], 'y', true), yLow = u.valToPos(low[i], 'y', true);
        var yOpen = u.valToPos(open[i], 'y', true), yClose = u.valToPos(close[i], 'y', true);
        ctx.strokeStyle = color;
        ctx.lineWidth = Math.max(1, ratio);
        ctx.beginPath();
        ctx.moveTo(x, yHigh);
        ctx.lineTo(x, yLow);
        ctx.stroke();
        ctx.fillStyle = color;
        // An interval whose open equals its close still shows a body: a bar two pixels high around its price.
        // Whole pixels, so that the body is its colour edge to edge.
        var bodyTop = Math.round(Math.min(yOpen, yClose)), bodyHeight = Math.round(Math.abs(yClose - yOpen));
        if (bodyHeight < 2 * ratio) {
          bodyTop = Math.round((yOpen + yClose) / 2 - ratio);
          bodyHeight = Math.round(2 * ratio);
        }
        ctx.fillRect(Math.round(x - half), bodyTop, Math.round(2 * half), bodyHeight);
        drawn++;
      }
      ctx.restore();
      target.setAttribute('data-candles-drawn', String(drawn));
    }

    new uPlot({
      width: Math.min(target.clientWidth || 600, 900), height: 260,
      scales: {
        x: {range: function () { return [xs[0] - step, xs[xs.length - 1] + step]; }},
        y: {range: function () { return [Math.max(0, bottom - pad), top + pad]; }},
        // Volume bars take the bottom quarter of the chart.
        vol: {range: function () { return [0, maxVolume * 4]; }}
      },
      axes: [{}, {size: 80, values: price},
             {scale: 'vol', side: 1, size: 70, grid: {show: false},
              values: function (u, ticks) { return ticks.map(function (v) { return v <= maxVolume ? v.toLocaleString('en') : ''; }); }}],
      series: [{},
        {label: 'open', stroke: '#495057', paths: none, points: {show: false}},
        {label: 'high', stroke: '#495057', paths: none, points: {show: false}},
        {label: 'low', stroke: '#495057', paths: none, points: {show: false}},
        {label: 'close', stroke: '#495057', paths: none, points: {show: false}},
        {label: 'volume', scale: 'vol', stroke: '#74a9cf', fill: 'rgba(116,169,207,0.45)', points: {show: false},
         paths: uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({size: [0.5, 24]}) : undefined}],
      hooks: {draw: [paint]}
    }, [xs, open, high, low, close, volume], target);
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawDepth(document.getElementById('depth-chart'));
    drawCandles(document.getElementById('candles-chart'));
    var t = document.getElementById('throughput');
    if (t) drawThroughput(t, JSON.parse(t.getAttribute('data-series')));
    drawLevy(document.getElementById('levy-chart'));
    health();
    live();
  });
})();
