import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distanceMeters, formatDistance } from '../../../main/web/js/core/geo.js';

test('measures the distance between two points in metres', () => {
  const townHall = { lat: 51.5246, lon: 6.9286 };
  assert.equal(distanceMeters(townHall, townHall), 0);
  const northByOneThousandth = { lat: 51.5256, lon: 6.9286 };
  assert.ok(Math.abs(distanceMeters(townHall, northByOneThousandth) - 111.2) < 0.5);
  assert.ok(Math.abs(distanceMeters({ lat: 0, lon: 0 }, { lat: 0, lon: 1 }) - 111195) < 10);
});

test('is the same in both directions', () => {
  const a = { lat: 51.52, lon: 6.92 };
  const b = { lat: 51.53, lon: 6.95 };
  assert.equal(distanceMeters(a, b), distanceMeters(b, a));
});

test('formats short distances in metres and longer ones in kilometres', () => {
  assert.equal(formatDistance(349.6, 'de'), '350\u00A0m');
  assert.equal(formatDistance(1234, 'de'), '1,2\u00A0km');
  assert.equal(formatDistance(1234, 'en'), '1.2\u00A0km');
  // The unit in the reader's language too, not a Latin "m" beside Persian digits.
  assert.equal(formatDistance(349.6, 'uk'), '350\u00A0м');
  assert.equal(formatDistance(349.6, 'fa'), '۳۵۰\u00A0متر');
  assert.equal(formatDistance(349.6, 'bg'), '350\u00A0метра');
});
