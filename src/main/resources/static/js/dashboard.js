// The overview's charts (Apache ECharts), drawn from GET /api/dashboard beside the tables that hold the same
// figures. No inline script or style (the content security policy): the page gives the data's URL in data-src and
// each chart's labels in data-* attributes; tooltips are drawn on the canvas (renderMode richText), not as HTML.
(function () {
  'use strict';

  var section = document.getElementById('dashboard');
  if (!section || typeof echarts === 'undefined') {
    return; // the tables say everything without the charts
  }
  var english = document.documentElement.lang === 'en';
  var palette = ['#c9651b', '#1f6f8b', '#2f7d32', '#b42318', '#7b5ea7', '#8a6d3b', '#616e7c'];

  function chart(id) {
    var el = document.getElementById(id);
    return el ? { el: el, chart: echarts.init(el, null, { renderer: 'canvas' }) } : null;
  }

  function amount(v) {
    return Number(v); // sent as text, exact to the cent; the chart only needs its size
  }

  function bars(target, names, values, horizontal, extra) {
    var category = { type: 'category', data: names, axisLabel: { interval: 0, fontSize: 10 } };
    var value = { type: 'value', splitNumber: 3, axisLabel: { fontSize: 10 } };
    var option = {
      color: palette,
      tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
      grid: { left: horizontal ? 150 : 60, right: 24, top: 28, bottom: horizontal ? 24 : 70 },
      xAxis: horizontal ? value : Object.assign(category, { axisLabel: { interval: 0, rotate: 40, fontSize: 11 } }),
      yAxis: horizontal ? Object.assign(category, { inverse: true }) : value,
      series: [{ name: target.el.dataset.series, type: 'bar', data: values }]
    };
    if (extra) {
      extra(option);
    }
    target.chart.setOption(option);
  }

  function draw(data) {
    var rules = chart('chart-rules');
    if (rules) {
      bars(rules, data.byRule.map(function (r) { return r.rule + ' ' + (english ? r.name : r.nameZh); }),
        data.byRule.map(function (r) { return amount(r.amountAtRisk); }), true);
    }
    var towns = chart('chart-towns');
    if (towns) {
      bars(towns, data.byTown.map(function (t) { return t.townName; }),
        data.byTown.map(function (t) { return amount(t.amountAtRisk); }), false);
    }
    var indicators = chart('chart-indicators');
    if (indicators) {
      bars(indicators, data.indicators.map(function (i) { return i.rule + ' ' + i.townName; }),
        data.indicators.map(function (i) { return Number(i.z); }), true, function (option) {
          option.series[0].markLine = { symbol: 'none', data: [{ xAxis: 3.5 }], label: { formatter: 'z = 3.5' } };
        });
    }
    var ledger = chart('chart-ledger');
    if (ledger) {
      var statuses = data.ledger.byStatus;
      bars(ledger, statuses.map(function (s) { return english ? s.labelEn : s.labelZh; }),
        statuses.map(function (s) { return s.items; }), false, function (option) {
          option.legend = { top: 0 };
          option.series.push({ name: ledger.el.dataset.overdue, type: 'bar',
            data: statuses.map(function (s) { return s.overdue; }) });
        });
    }
    section.dataset.charts = 'drawn';
    window.addEventListener('resize', function () {
      [rules, towns, indicators, ledger].forEach(function (c) {
        if (c) {
          c.chart.resize();
        }
      });
    });
  }

  fetch(section.dataset.src, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('dashboard data: HTTP ' + response.status);
      }
      return response.json();
    })
    .then(draw)
    .catch(function (e) {
      section.dataset.charts = 'failed';
      console.warn(e);
    });
})();
