/**
 * The statistics page's charts, drawn by uPlot (WebJar, loaded as a classic script and used
 * through window.uPlot). A chart is never the only carrier of its figures: each sits next to
 * a table with the same numbers, is labelled as an image whose name says where those numbers
 * are, and has a legend of its own in the page's text (uPlot's is switched off: it only
 * shows values under the cursor).
 *
 * Colours are dark enough for 3:1 against white (non-text contrast) and lines also differ by
 * dash, so that no series is told apart by colour alone.
 */
export const SERIES_COLOURS = ['#0b5cad', '#b3400b', '#1b7f3b', '#8a3ea8', '#a8326a', '#4f5b66', '#7a5c00', '#00707a'];
const DASHES = [[], [8, 4], [2, 3], [10, 3, 2, 3]];

/** A series' dash: past the last colour the dashes shift, so colour and dash never repeat together. */
export function dashOf(index) {
  return (index + Math.floor(index / SERIES_COLOURS.length)) % DASHES.length;
}
const FONT = '12px system-ui, sans-serif';
const AXIS = { stroke: '#333', font: FONT, grid: { stroke: '#e3e3e3', width: 1 }, ticks: { stroke: '#bbb', width: 1 } };
const HEIGHT = 260;
const LONGEST_LABEL = 30;
/** Steps for axes of counts: whole numbers only. */
const WHOLE = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];

/** A label short enough for an axis; the table next to the chart has it in full. */
export function shortened(label) {
  return label.length > LONGEST_LABEL ? `${label.slice(0, LONGEST_LABEL - 1).trimEnd()}…` : label;
}

/** The width an axis needs for its longest label, measured on the chart's own canvas. */
function labelWidth(u, values) {
  if (!values) {
    return 60;
  }
  u.ctx.font = FONT;
  const widest = Math.max(0, ...values.map((value) => u.ctx.measureText(value).width));
  return Math.ceil(widest / (window.devicePixelRatio || 1)) + 20;
}

/** The chart in each container and what keeps it as wide as its container. */
const drawn = new WeakMap();

/** Draws a chart into a container, in place of the one it held (a new period, a new language). */
function plot(options, data, container) {
  const previous = drawn.get(container);
  previous?.observer.disconnect();
  previous?.chart.destroy();
  container.replaceChildren();
  const width = Math.max(280, container.clientWidth || 600);
  const height = options.height ?? HEIGHT;
  const chart = new window.uPlot({ legend: { show: false }, cursor: { show: false }, ...options, width, height }, data, container);
  const observer = new ResizeObserver(() => {
    const now = Math.max(280, container.clientWidth);
    if (Math.abs(now - chart.width) > 4) {
      chart.setSize({ width: now, height });
    }
  });
  observer.observe(container);
  drawn.set(container, { chart, observer });
  return chart;
}

/** A legend as text: a swatch in the series' colour and dash, and its name. */
export function legend(element, names, { lines = false } = {}) {
  element.replaceChildren(...names.map((name, index) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = lines ? `swatch swatch--line swatch--dash${dashOf(index)}` : 'swatch';
    swatch.setAttribute('aria-hidden', 'true');
    swatch.style.setProperty('--swatch', SERIES_COLOURS[index % SERIES_COLOURS.length]);
    item.append(swatch, document.createTextNode(name));
    return item;
  }));
}

/**
 * Lines over time, one per series; null values (suppressed counts) leave a gap rather than
 * being drawn as zero.
 *
 * @param times the x values, in seconds since the epoch
 * @param series [{ name, values }]
 * @param formatDate (seconds) => text for the time axis
 */
export function timeLines(container, { times, series, formatDate, formatNumber }) {
  return plot({
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(3, max)] } },
    axes: [
      { ...AXIS, values: (u, splits) => splits.map((value) => formatDate(value)) },
      { ...AXIS, incrs: WHOLE, values: (u, splits) => splits.map((value) => formatNumber(value)) },
    ],
    series: [{}, ...series.map((one, index) => ({
      label: one.name,
      stroke: SERIES_COLOURS[index % SERIES_COLOURS.length],
      dash: DASHES[dashOf(index)],
      width: 2,
      spanGaps: false,
      points: { show: true, size: 5 },
    }))],
  }, [times, ...series.map((one) => one.values)], container);
}

/**
 * Horizontal bars, one group per label and one bar per series within it (e.g. median and
 * 90th percentile); null values draw no bar.
 *
 * @param labels the groups' names, top to bottom
 * @param series [{ name, values }] (at most two, side by side)
 * @param counts whether the values are counts (the axis then steps in whole numbers)
 */
export function groupedBars(container, { labels, series, formatNumber, counts = false }) {
  const indices = labels.map((label, index) => index);
  const bars = window.uPlot.paths.bars;
  const size = series.length > 1 ? 0.4 : 0.7;
  const aligns = series.length > 1 ? [-1, 1] : [0];
  return plot({
    height: Math.max(HEIGHT, labels.length * 34 + 60),
    scales: {
      x: { time: false, ori: 1, dir: -1, range: [-0.6, labels.length - 0.4] },
      y: { ori: 0, range: (u, min, max) => [0, Math.max(1, max) * 1.05] },
    },
    axes: [
      { ...AXIS, side: 3, size: labelWidth, gap: 6, splits: () => indices, values: (u, splits) => splits.map((index) => shortened(labels[index] ?? '')), grid: { show: false } },
      { ...AXIS, side: 2, incrs: counts ? WHOLE : undefined, values: (u, splits) => splits.map((value) => formatNumber(value)) },
    ],
    series: [{}, ...series.map((one, index) => ({
      label: one.name,
      stroke: SERIES_COLOURS[index],
      fill: SERIES_COLOURS[index],
      width: 0,
      paths: bars({ size: [size, 40], align: aligns[index] }),
      points: { show: false },
    }))],
  }, [indices, ...series.map((one) => one.values)], container);
}
