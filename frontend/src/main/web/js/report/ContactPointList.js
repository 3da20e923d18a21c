import { api } from '../core/api.js';
import { el } from '../core/dom.js';
import { openingHoursText } from '../referral/referrals.js';

/**
 * Where a resident can also come in person: the contact points with their address, hours (the
 * weekdays in the page's language), the languages spoken there and their phone. The section
 * stays hidden while the city has none, or when they cannot be loaded (the form works without).
 */
export async function showContactPoints(section, i18n) {
  const points = await api('/api/contact-points').catch(() => []);
  const render = () => {
    const t = (key) => i18n.t(key);
    section.hidden = !points.length;
    section.replaceChildren(
      el('h2', { id: 'in-person-heading' }, t('report.inPerson.heading')),
      el('p', {}, t('report.inPerson.intro')),
      el('ul', { className: 'contact-point-list' }, points.map((point) => el('li', {},
        // Names and addresses are German whatever the page's language: read as such.
        el('strong', {}, el('bdi', { lang: 'de' }, point.name)),
        el('span', {}, el('bdi', { lang: 'de' }, `${point.street} ${point.houseNumber}, ${point.postcode} ${point.city}`)),
        el('span', {}, `${t('report.inPerson.hours')}: `, el('bdi', {}, openingHoursText(point.openingHours, i18n.language))),
        point.languages.length ? el('span', {}, `${t('report.inPerson.languages')}: `,
          point.languages.flatMap((code, index) => [index ? separator(i18n.language) : '', el('bdi', { lang: code }, t(`language.${code}`))])) : null,
        point.phone ? el('span', {}, `${t('report.inPerson.phone')}: `,
          el('a', { href: `tel:${point.phone.replace(/[^+0-9]/g, '')}`, dir: 'ltr' }, point.phone)) : null))));
  };
  render();
  document.addEventListener('languagechange', render);
}

/** Arabic and Farsi separate a list with their own comma. */
function separator(language) {
  return ['ar', 'fa'].includes(language) ? '، ' : ', ';
}
