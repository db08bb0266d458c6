/*
 * The bureau's dashboard charts (templates/dashboard.html). The data is the page's
 * <script type="application/json" id="dashboard-data"> block (the same snapshot the tables under
 * each chart show); ECharts comes from the webjar (/webjars/echarts/5.3.1/dist/echarts.min.js).
 * No inline script: the platform's CSP allows scripts from our origin only.
 */
(function () {
  'use strict';

  var FONT = '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  var RED = '#c23531';
  var BLUE = '#3a6fb0';
  var GREY = '#9aa5b1';
  var GRADE_COLOURS = ['#2e7d32', '#3a6fb0', '#f0a020', '#c23531', '#9aa5b1'];

  var data = JSON.parse(document.getElementById('dashboard-data').textContent);

  function base(extra) {
    var option = {
      animation: false,
      textStyle: { fontFamily: FONT },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 16, right: 24, top: 48, bottom: 16, containLabel: true }
    };
    Object.keys(extra).forEach(function (k) { option[k] = extra[k]; });
    return option;
  }

  function draw(id, option, height) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    if (height) {
      el.style.height = height + 'px';
    }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }

  // progress toward the goal: bars per year, cumulative line, the goal as a marked line
  var years = data.progress.map(function (p) { return p.year + '年'; });
  draw('chart-progress', base({
    legend: { top: 0, data: ['当年认定', '当年撤销', '年末有效（累计）'] },
    xAxis: { type: 'category', data: years },
    yAxis: { type: 'value', name: '家', minInterval: 1,
      max: function (v) { return Math.ceil((Math.max(v.max, data.goal) + 1) / 5) * 5; } },
    series: [
      { name: '当年认定', type: 'bar', data: data.progress.map(function (p) { return p.designated; }),
        itemStyle: { color: BLUE } },
      { name: '当年撤销', type: 'bar', data: data.progress.map(function (p) { return p.revoked; }),
        itemStyle: { color: GREY } },
      { name: '年末有效（累计）', type: 'line', data: data.progress.map(function (p) { return p.activeAtYearEnd; }),
        itemStyle: { color: RED }, label: { show: true, position: 'top' },
        markLine: { symbol: 'none', silent: true, lineStyle: { color: RED, type: 'dashed' },
          label: { formatter: '目标 ' + data.goal + ' 家', position: 'insideEndTop' },
          data: [{ yAxis: data.goal }] } }
    ]
  }));

  // bases by industry chain, key chains marked
  var chains = data.byChain;
  draw('chart-chain', base({
    legend: { show: false },
    xAxis: { type: 'category', data: chains.map(function (c) { return c.key ? '★' + c.label : c.label; }),
      axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', name: '家', minInterval: 1 },
    series: [{ name: '基地数', type: 'bar', label: { show: true, position: 'top' },
      data: chains.map(function (c) {
        return { value: c.count, itemStyle: { color: c.key ? RED : BLUE } };
      }) }],
    title: { text: '★ 红色为重点产业链（集成电路、生物医药、新材料）', left: 'center', top: 0,
      textStyle: { fontSize: 12, fontWeight: 'normal', color: '#555', fontFamily: FONT } }
  }));

  // bases by district / competent unit
  var districts = data.byDistrict;
  draw('chart-district', base({
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: districts.map(function (c) { return c.label; }) },
    series: [{ name: '基地数', type: 'bar', barMaxWidth: 18, itemStyle: { color: BLUE }, label: { show: true, position: 'right' },
      data: districts.map(function (c) { return c.count; }) }]
  }), Math.max(320, districts.length * 28 + 70));

  // grade distribution per cycle: one stacked bar per cycle
  var cycles = data.grades;
  var gradeNames = cycles.length ? cycles[0].grades.map(function (g) { return g.label; }) : [];
  draw('chart-grades', base({
    legend: { top: 0, data: gradeNames },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true,
      data: cycles.map(function (c) { return c.cycle + '（' + c.status + '）'; }) },
    series: gradeNames.map(function (name, i) {
      return { name: name, type: 'bar', stack: 'grades', barMaxWidth: 36, itemStyle: { color: GRADE_COLOURS[i % GRADE_COLOURS.length] },
        label: { show: true, formatter: function (p) { return p.value > 0 ? p.value : ''; } },
        data: cycles.map(function (c) { return c.grades[i].count; }) };
    })
  }), Math.max(320, cycles.length * 32 + 80));

  // open and overdue work by step
  var work = data.openWork;
  draw('chart-work', base({
    legend: { top: 0, data: ['在办', '已逾期'] },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, axisLabel: { width: 420, overflow: 'truncate' },
      data: work.map(function (w) { return w.process + '｜' + w.task; }) },
    series: [
      { name: '在办', type: 'bar', barMaxWidth: 18, itemStyle: { color: BLUE }, label: { show: true, position: 'right' },
        data: work.map(function (w) { return w.open; }) },
      { name: '已逾期', type: 'bar', barMaxWidth: 18, itemStyle: { color: RED }, label: { show: true, position: 'right' },
        data: work.map(function (w) { return w.overdue; }) }
    ]
  }), Math.max(320, work.length * 44 + 80));
}());
