import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IncidentNews } from '../../../main/web/js/board/IncidentNews.js';

function news() {
  const region = { textContent: '' };
  const due = [];
  const describe = (incidents) => (incidents.length === 1 ? `#${incidents[0].id}` : `${incidents.length} new`);
  return { region, due, news: new IncidentNews(region, describe, { schedule: (run) => due.push(run) }) };
}

test('says one new incident by itself, once its moment comes', () => {
  const { region, due, news: incidentNews } = news();
  incidentNews.add({ id: 7 });
  assert.equal(region.textContent, '');
  due.shift()();
  assert.equal(region.textContent, '#7');
});

test('says several arriving together as one count, each incident once', () => {
  const { region, due, news: incidentNews } = news();
  incidentNews.add({ id: 7 });
  incidentNews.add({ id: 8 });
  incidentNews.add({ id: 8 });
  incidentNews.add({ id: 9 });
  assert.equal(due.length, 1);
  due.shift()();
  assert.equal(region.textContent, '3 new');
  incidentNews.add({ id: 10 });
  due.shift()();
  assert.equal(region.textContent, '#10');
});
