import { el } from '../core/dom.js';

/**
 * The shell's texts in German, shown until the translations are applied, as the pages' HTML
 * carries its own German text: the title, the skip link, the language selector's label and the
 * footer's links are never empty, not even for a screen reader or a checker that comes before the
 * translations. Each is the German dictionary's text under the same key (a test compares them);
 * nested by key, as they are data here, not texts a page looks up in its share of translations.
 */
export const SHELL_FALLBACK_TEXTS = {
  common: { skipToContent: 'Zum Inhalt springen', language: 'Sprache' },
  footer: { accessibility: 'Barrierefreiheit', easyLanguage: 'Leichte Sprache', label: 'Weitere Seiten' },
  report: { siteTitle: 'Meldung an Ihre Stadt' },
  board: { title: 'Einsatzübersicht', skipToQueue: 'Zur Vorgangsliste springen' },
  counter: { title: 'Anlaufstelle' },
  field: { title: 'Einsätze' },
  admin: { title: 'Verwaltung' },
  stats: { title: 'Statistik' },
  directory: { title: 'Wegweiser' },
  partner: { title: 'Vermittlungen' },
};

/** A shell text until the translations arrive (a title the list lacks: the product's name). */
export function fallbackText(key) {
  const text = key.split('.').reduce((texts, part) => texts?.[part], SHELL_FALLBACK_TEXTS);
  return (typeof text === 'string') ? text : 'Quartier Dispatch';
}

/**
 * The part every page shares, defined once: the skip link and the site header (title, language
 * selector, on staff pages the signed-in member). A page's own header tools (the board's
 * connection state, say) come from a <template id="header-tools"> in its HTML. Called first
 * thing by each page's entry module, before the translations are applied, which fill in the
 * texts named by data-i18n.
 *
 * @param options title, the key of the header's title (none: the product's name); heading, the
 *   title is the page's h1; titleId, an id for it; home, the title links to the form; wide, full width; staff, a place
 *   for the signed-in member; skipTo and skipText, the skip link's target and text key
 */
export function renderPageShell({ title = null, titleId = null, heading = false, home = false, wide = false, staff = false,
  skipTo = '#main', skipText = 'common.skipToContent' } = {}) {
  const titleElement = el(home ? 'a' : heading ? 'h1' : 'p', {
    className: 'site-header__title',
    id: titleId,
    href: home ? '/' : null,
    dataset: title ? { i18n: title } : {},
  }, title ? fallbackText(title) : 'Quartier Dispatch');
  const tools = document.getElementById('header-tools')?.content.cloneNode(true) ?? [];
  const header = el('header', { className: wide ? 'site-header wide' : 'site-header' },
    el('div', { className: 'site-header__inner' },
      titleElement,
      el('div', { className: 'site-header__tools' },
        tools,
        el('label', { for: 'language', dataset: { i18n: 'common.language' } }, fallbackText('common.language')),
        el('select', { id: 'language' }),
        staff ? el('span', { id: 'who' }) : null)));
  const skipLink = el('a', { className: 'skip-link', href: skipTo, dataset: { i18n: skipText } }, fallbackText(skipText));
  document.body.prepend(skipLink, header);
  if (!staff) {
    // What the law asks of a public-sector site: both pages reachable from every public page.
    document.body.append(el('nav', { className: 'site-links', 'aria-label': fallbackText('footer.label'), dataset: { i18nAttr: 'aria-label:footer.label' } },
      el('a', { href: '/barrierefreiheit', dataset: { i18n: 'footer.accessibility' } }, fallbackText('footer.accessibility')),
      // In the page's language, with the German name of the offer in it (isolated where the script runs right to left).
      el('a', { href: '/leichte-sprache', dataset: { i18n: 'footer.easyLanguage' } }, fallbackText('footer.easyLanguage'))));
  }
  return header;
}
