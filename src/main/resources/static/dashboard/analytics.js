// Draws the analytics charts with ECharts from each .chart element's data-chart JSON ({labels, series:[{name, data}]}).
(function () {
  'use strict';
  var palette = ['#075e54', '#0b6bcb', '#a61b1b', '#7a4b00'];
  function draw(el) {
    var data;
    try { data = JSON.parse(el.getAttribute('data-chart')); } catch (e) { return; }
    var kind = el.getAttribute('data-kind') || 'line';
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      color: palette,
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: data.labels, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.series.map(function (s) {
        return { name: s.name, type: kind, data: s.data, showSymbol: false };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
    el.setAttribute('data-drawn', 'true');
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (!window.echarts) { return; }
    Array.prototype.forEach.call(document.querySelectorAll('.chart[data-chart]'), draw);
  });
})();
