// Keel's charts: uPlot (served by Keel from its WebJar), data embedded in the page as JSON.
var KEEL_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];

function keelData(dataId) {
  return JSON.parse(document.getElementById(dataId).textContent);
}

function keelWidth(el) {
  return Math.max(400, Math.min(1100, el.parentElement.clientWidth || 900));
}

// Per cycle: actual demand (history), forecast mean, and the shaded 10-90 % band of the forecast total.
function keelForecastChart(elId, dataId) {
  var d = keelData(dataId);
  var el = document.getElementById(elId);
  new uPlot({
    width: keelWidth(el), height: 300,
    series: [{}, {label: 'actual', stroke: '#1d2330', width: 2, points: {show: true}},
      {label: 'forecast mean', stroke: '#1f77b4', width: 2, dash: [6, 4]},
      {label: 'forecast 10%', stroke: 'rgba(31,119,180,0.3)'},
      {label: 'forecast 90%', stroke: 'rgba(31,119,180,0.3)'}],
    bands: [{series: [4, 3], fill: 'rgba(31,119,180,0.15)'}],
    axes: [{}, {label: 'units over the protection interval'}]
  }, d, el);
}

function keelLineChart(elId, dataId) {
  var d = keelData(dataId);
  var el = document.getElementById(elId);
  var series = [{}];
  for (var i = 0; i < d.labels.length; i++) {
    series.push({label: d.labels[i], stroke: KEEL_COLOURS[i % KEEL_COLOURS.length], width: 2, spanGaps: true});
  }
  new uPlot({width: keelWidth(el), height: 300, series: series, axes: [{}, {label: d.unit}]}, d.data, el);
}
