import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openingHoursText, RESIDENT_LANGUAGES, TOPICS } from '../../../main/web/js/referral/referrals.js';

const DICTIONARIES = new URL('../../../main/web/i18n/', import.meta.url);

test('opening hours name the weekdays in the reader\'s language', () => {
  assert.equal(openingHoursText('Mo-Th 09:00-17:00; Fr 09:00-13:00', 'de'), 'Mo–Do 09:00–17:00; Fr 09:00–13:00');
  assert.equal(openingHoursText('Tu,Th 09:00-12:00,13:00-16:00', 'en'), 'Tue, Thu 09:00–12:00, 13:00–16:00');
  // Right to left: Arabic punctuation, each span of times kept left to right.
  const arabic = openingHoursText('Mo-Th 09:00-16:00; Fr 09:00-12:00,13:00-15:00', 'ar');
  assert.equal(arabic.split('؛ ').length, 2);
  assert.ok(arabic.includes('\u206609:00–16:00\u2069'), arabic);
  assert.ok(arabic.includes('\u206609:00–12:00, 13:00–15:00\u2069'), arabic);
  assert.ok(!arabic.includes(';'), arabic);
  assert.equal(openingHoursText('Mo 10:00-12:00', 'ar'), 'الاثنين \u206610:00–12:00\u2069');

  // In Farsi the times in Persian digits, as the page's dates and numbers are.
  assert.ok(openingHoursText('Mo 09:00-16:00', 'fa').endsWith('\u2066۰۹:۰۰–۱۶:۰۰\u2069'));
});

test('opening hours in another shape are shown as they are', () => {
  assert.equal(openingHoursText('nach Vereinbarung', 'de'), 'nach Vereinbarung');
});

test('the hand-out and every topic are translated into all eight resident languages', () => {
  const keys = ['handout.title', 'handout.intro', 'handout.topic', 'handout.service', 'handout.address', 'handout.hours',
    'handout.languages', 'handout.phone', 'handout.email', 'handout.howToReach', ...TOPICS.map((topic) => `topic.${topic}`)];
  for (const language of RESIDENT_LANGUAGES) {
    const dictionary = JSON.parse(readFileSync(new URL(`${language}.json`, DICTIONARIES), 'utf8'));
    for (const key of keys) {
      assert.ok(dictionary[key], `${language}.json has ${key}`);
    }
  }
});
