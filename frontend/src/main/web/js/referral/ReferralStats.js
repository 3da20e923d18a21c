import { api } from '../core/api.js';
import { el } from '../core/dom.js';

/**
 * Referrals to partner services on the statistics page: by topic, city quarter, quarter of the
 * year and outcome; counts the server suppressed (below the minimum) shown as "fewer than n".
 */
let shown = null;

export async function showReferralStatistics(container, query, i18n) {
  if (!shown) {
    document.addEventListener('languagechange', () => render(shown.container, shown.summary, shown.i18n));
  }
  shown = { container, summary: await api(`/api/stats/referrals?${query}`), i18n };
  render(container, shown.summary, i18n);
}

function render(container, s, i18n) {
  const t = (key, params) => i18n.t(key, params);
  const count = (value) => ((value === null || value === undefined) ? t('stats.fewerThan', { n: s.minimumCount }) : value.toLocaleString(i18n.language));
  // Scrolled in its own region, as the page's other tables: a long topic must not make the whole
  // page scroll sideways on a narrow screen.
  const table = (id, title, heading, rows) => el('section', { className: 'panel' }, el('h3', {}, title),
    el('div', { className: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${t('stats.referrals')}: ${title}` }, el('table', { className: 'data-table', id },
      el('caption', { className: 'visually-hidden' }, title),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, heading), el('th', { scope: 'col', className: 'number' }, t('stats.referrals.count')))),
      el('tbody', {}, rows.map(([label, value]) => el('tr', {}, el('th', { scope: 'row' }, label), el('td', { className: 'number' }, count(value))))))));
  const outcomeLabel = (key) => (key.startsWith('NOT_') || ['APPOINTMENT', 'HELPED'].includes(key) ? t(`referral.outcome.${key}`) : t(`referral.state.${key}`));
  container.replaceChildren(
    table('referrals-total', t('stats.referrals.total'), t('stats.referrals'), [[t('stats.referrals.total'), s.referrals]]),
    table('referrals-by-topic', t('stats.referrals.byTopic'), t('directory.topic'), Object.entries(s.byTopic).map(([topic, n]) => [t(`topic.${topic}`), n])),
    table('referrals-by-quarter', t('stats.referrals.byQuarter'), t('stats.quarter'), s.byQuarter.map((row) => [row.name ?? t('stats.referrals.unknownQuarter'), row.referrals])),
    table('referrals-by-period', t('stats.referrals.byPeriod'), t('stats.referrals.byPeriod'), s.byPeriod.map((row) => [quarterOfYear(row.period, t), row.referrals])),
    table('referrals-by-outcome', t('stats.referrals.byOutcome'), t('stats.outcome'), Object.entries(s.byOutcome).map(([outcome, n]) => [outcomeLabel(outcome), n])));
}

/** "2026-Q4" as "4. Quartal 2026". */
function quarterOfYear(period, t) {
  const [year, quarter] = period.split('-Q');
  return t('stats.quarterOf', { quarter, year });
}
