import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cityTimeToIso, cityToday, formatDateTime, formatDuration, formatExactDuration, formatList, formatMonth, isolate, minutesUntil, pluralKey } from '../../../main/web/js/core/format.js';

const t = (key, params) => `${key}:${params.n}`;

test('formats a date and time in the reader\'s language', () => {
  assert.equal(formatDateTime('2026-11-21T22:10:00Z', 'de-DE').replace(/\s/g, ' ').slice(0, 10), '21.11.2026');
  assert.match(formatDateTime('2026-11-21T22:10:00Z', 'en'), /21 Nov 2026, 23:10/);
  // Gregorian also in Persian (not the Solar Hijri year 1405).
  assert.match(formatDateTime('2026-11-21T22:10:00Z', 'fa'), /۲۰۲۶/);
  assert.doesNotMatch(formatDateTime('2026-11-21T22:10:00Z', 'fa'), /۱۴۰۵/);
});

test('shows times in the city\'s time, whatever zone the device is set to', () => {
  // 22:10 UTC is 23:10 in Bottrop in November (CET) and 00:10 the next day in July (CEST).
  assert.equal(formatDateTime('2026-11-21T22:10:00Z', 'de-DE').replace(/\s/g, ' '), '21.11.2026, 23:10');
  assert.equal(formatDateTime('2026-07-21T22:10:00Z', 'de-DE').replace(/\s/g, ' '), '22.07.2026, 00:10');
});

test('counts whole minutes until an instant, negative once it has passed', () => {
  const now = Date.parse('2026-11-21T12:00:00Z');
  assert.equal(minutesUntil('2026-11-21T12:25:00Z', now), 25);
  assert.equal(minutesUntil('2026-11-21T11:30:00Z', now), -30);
});

test('shows spans under 90 minutes in minutes, under two days in hours, else in days', () => {
  assert.equal(formatDuration(25, t), 'board.minutes:25');
  assert.equal(formatDuration(-89, t), 'board.minutes:89');
  assert.equal(formatDuration(90, t), 'board.hours:2');
  assert.equal(formatDuration(47 * 60, t), 'board.hours:47');
  assert.equal(formatDuration(48 * 60, t), 'board.days:2');
});

test('picks the plural form the language\'s rules ask for', () => {
  const keys = new Set(['nearby.one', 'nearby.other']);
  const has = (key) => keys.has(key);
  assert.equal(pluralKey('nearby', 1, 'de', has), 'nearby.one');
  assert.equal(pluralKey('nearby', 3, 'de', has), 'nearby.other');
  assert.equal(pluralKey('nearby', 0, 'de', has), 'nearby.other');
});

test('uses forms beyond one and other where a language has them', () => {
  const keys = new Set(['nearby.one', 'nearby.few', 'nearby.many', 'nearby.other']);
  const has = (key) => keys.has(key);
  assert.equal(pluralKey('nearby', 3, 'uk', has), 'nearby.few');
  assert.equal(pluralKey('nearby', 5, 'uk', has), 'nearby.many');
  assert.equal(pluralKey('nearby', 2, 'ar', has), 'nearby.other');
});

test('falls back to the other form, then to the plain key', () => {
  assert.equal(pluralKey('nearby', 1, 'de', (key) => key === 'nearby.other'), 'nearby.other');
  assert.equal(pluralKey('nearby', 1, 'de', () => false), 'nearby');
});

test('isolates a name set into a sentence of another script, and leaves nothing as nothing', () => {
  assert.equal(isolate('Stadt Musterstadt'), '\u2068Stadt Musterstadt\u2069');
  assert.equal(isolate(''), '');
  assert.equal(isolate(null), null);
});

test('names a configured span exactly, in the largest unit that divides it', () => {
  const t = (key, { n }) => `${n} ${key.split('.')[1]}`;
  assert.equal(formatExactDuration(2880, t), '2 days');
  assert.equal(formatExactDuration(240, t), '4 hours');
  assert.equal(formatExactDuration(90, t), '90 minutes');
  assert.equal(formatExactDuration(0, t), '0 minutes');
});

test('a month reads as words, not as its code', () => {
  assert.equal(formatMonth('2026-12', 'de'), 'Dezember 2026');
  assert.equal(formatMonth('2027-01', 'en'), 'January 2027');
});

test('separates a list with the language\'s comma', () => {
  assert.equal(formatList(['Erika', 'erika@example.org'], 'de'), 'Erika, erika@example.org');
  assert.equal(formatList(['سارة', 'erika@example.org'], 'ar'), 'سارة، erika@example.org');
  assert.equal(formatList(['a', 'b'], 'fa'), 'a، b');
});

test('reads a picked date and time as the city\'s, whatever zone the device is set to', () => {
  assert.equal(cityTimeToIso('2026-12-05T10:00'), '2026-12-05T09:00:00.000Z');
  assert.equal(cityTimeToIso('2026-07-05T10:00'), '2026-07-05T08:00:00.000Z');
  // Next to the change to summer time (29 March 2026, 02:00 → 03:00) and back (25 October).
  assert.equal(cityTimeToIso('2026-03-29T01:30'), '2026-03-29T00:30:00.000Z');
  assert.equal(cityTimeToIso('2026-03-29T03:30'), '2026-03-29T01:30:00.000Z');
  assert.equal(cityTimeToIso('2026-10-25T04:00'), '2026-10-25T03:00:00.000Z');
  assert.equal(formatDateTime(cityTimeToIso('2026-12-05T10:00'), 'de-DE').replace(/\s/g, ' '), '05.12.2026, 10:00');
});

test('knows the city\'s date when the device\'s differs', () => {
  // 23:30 UTC on 5 December is already the 6th in Bottrop.
  assert.equal(cityToday(new Date('2026-12-05T23:30:00Z')), '2026-12-06');
  assert.equal(cityToday(new Date('2026-12-05T12:00:00Z')), '2026-12-05');
});
