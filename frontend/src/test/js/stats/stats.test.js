import assert from 'node:assert/strict';
import { test } from 'node:test';

// The maps module reads Leaflet from window when it is loaded; its class arithmetic needs none.
globalThis.window ??= {};
const { classes, shadeOf, SHADES } = await import('../../../main/web/js/stats/StatsMaps.js');
const { mondays, weeklySeries } = await import('../../../main/web/js/stats/StatsCharts.js');
const { dashOf, SERIES_COLOURS, shortened } = await import('../../../main/web/js/stats/charts.js');

const day = (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10);

test('weeks run from the Monday of the first day to the Monday of the last', () => {
  assert.deepEqual(mondays('2012-04-01', '2012-04-30').map(day), ['2012-03-26', '2012-04-02', '2012-04-09', '2012-04-16', '2012-04-23', '2012-04-30']);
  assert.deepEqual(mondays('2026-11-30', '2026-12-06').map(day), ['2026-11-30']);
});

test('a suppressed week stays null (a gap), a week without reports is zero', () => {
  const { categories, values } = weeklySeries({
    from: '2012-04-02', to: '2012-04-22',
    byWeek: [{ week: '2012-04-02', category: 'LITTER', reports: null }, { week: '2012-04-09', category: 'NOISE', reports: 5 }],
  });
  assert.deepEqual(categories, ['NOISE', 'LITTER']);
  assert.deepEqual(values, [[0, 5, 0], [null, 0, 0]]);
});

test('map classes start at the minimum and end at the largest count', () => {
  const limits = classes([3, 7, 49, null], 3);
  assert.equal(limits.length, 5);
  assert.equal(limits[0].from, 3);
  assert.equal(limits[4].to, 49);
  assert.equal(limits[0].colour, SHADES[0]);
  assert.equal(shadeOf(49, limits), SHADES[4]);
  assert.equal(shadeOf(3, limits), SHADES[0]);
  for (let i = 1; i < limits.length; i++) {
    assert.equal(limits[i].from, limits[i - 1].to + 1);
  }
});

test('with few distinct counts there are as few classes, lightest and darkest shade kept', () => {
  const limits = classes([3, 4], 3);
  assert.deepEqual(limits.map((limit) => [limit.from, limit.to]), [[3, 3], [4, 4]]);
  assert.deepEqual(limits.map((limit) => limit.colour), [SHADES[0], SHADES[4]]);
});

test('nothing shown, no classes', () => {
  assert.deepEqual(classes([null, null], 3), []);
});

test('long axis labels are shortened, short ones kept', () => {
  assert.equal(shortened('Lärm'), 'Lärm');
  assert.equal(shortened('Jugendliche / Gruppen im öffentlichen Raum'), 'Jugendliche / Gruppen im öffe…');
});

test('no two of the first twenty series share both colour and dash', () => {
  const styles = Array.from({ length: 20 }, (unused, index) => `${SERIES_COLOURS[index % SERIES_COLOURS.length]} ${dashOf(index)}`);
  assert.equal(new Set(styles).size, styles.length);
});
