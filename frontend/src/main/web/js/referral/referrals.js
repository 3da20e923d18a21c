import { el } from '../core/dom.js';
import { formatDateTime, formatList, localDigits } from '../core/format.js';
import { staffLanguageName } from '../core/languageNames.js';

/**
 * What the directory, the partner page, the board and the admin page share about partner
 * services and referrals: the topics, readable opening hours, and a referral's status line.
 */
export const TOPICS = ['FAMILY_COUNSELLING', 'EARLY_HELP', 'MEDIATION', 'DEBT_COUNSELLING', 'ADDICTION_HELP',
  'MIGRATION_COUNSELLING', 'SCHOOL_AND_CHILDCARE', 'JOBS', 'HOUSING', 'YOUTH', 'SENIORS', 'HEALTH'];

export const RESIDENT_LANGUAGES = ['de', 'en', 'ar', 'fa', 'tr', 'uk', 'ro', 'bg'];

export const RIGHT_TO_LEFT = ['ar', 'fa'];

const DAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];

/**
 * Opening hours in OpenStreetMap syntax ("Mo-Th 09:00-16:00; Fr 09:00-13:00") with the
 * weekdays named in the given language; the text as it is when it has another shape. Right to
 * left, the lists take Arabic punctuation and each span of times is kept left to right, so that
 * "09:00–16:00" does not read "16:00–09:00".
 */
export function openingHoursText(hours, language) {
  const rightToLeft = RIGHT_TO_LEFT.includes(language.split('-')[0]);
  const semicolon = rightToLeft ? '؛ ' : '; ';
  const times = (text) => {
    const spans = localDigits(text.replaceAll('-', '–').replaceAll(',', ', '), language);
    return rightToLeft ? `\u2066${spans}\u2069` : spans;
  };
  const dayName = (index) => new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' })
    .format(new Date(Date.UTC(2024, 0, 1 + index)));
  try {
    return hours.split(';').map((rule) => rule.trim()).filter(Boolean).map((rule) => {
      const [days, hoursOfDays] = rule.split(/\s+/);
      const dayText = formatList(days.toLowerCase().split(',').map((range) => range.split('-').map((day) => {
        const index = DAYS.indexOf(day);
        if (index < 0) {
          throw new Error(day);
        }
        return dayName(index);
      }).join('–')), language);
      return `${dayText} ${times(hoursOfDays)}`;
    }).join(semicolon);
  }
  catch (unreadable) {
    return hours;
  }
}

/** German weekdays that differ from OpenStreetMap's codes; the server reads both. */
const GERMAN_DAYS = { tu: 'Di', we: 'Mi', th: 'Do', su: 'So' };

/**
 * Stored opening hours as an administrator edits them: in German with German weekdays
 * ("Mo-Do 09:00-16:00"), in other languages in OpenStreetMap's codes as stored.
 */
export function openingHoursInput(hours, language) {
  if (language !== 'de' || !hours) {
    return hours ?? '';
  }
  return hours.replace(/\p{L}+/gu, (word) => GERMAN_DAYS[word.toLowerCase()] ?? word);
}

/** "Angenommen · Termin am 04.03.2027, 14:00" and the like, for referrer and partner. */
export function statusText(referral, i18n) {
  const parts = [i18n.t(`referral.state.${referral.state}`)];
  if (referral.outcome) {
    parts.push(i18n.t(`referral.outcome.${referral.outcome}`));
  }
  if (referral.outcome === 'APPOINTMENT' && referral.appointmentAt) {
    parts.push(i18n.t('referral.appointmentOn', { at: formatDateTime(referral.appointmentAt, i18n.language) }));
  }
  if (referral.redirectTo) {
    parts.push(i18n.t('referral.redirectTo', { where: referral.redirectTo }));
  }
  if (referral.declineReason) {
    parts.push(i18n.t('referral.declineReason', { reason: referral.declineReason }));
  }
  return parts.join(' · ');
}

/** A referral as its referrer follows it: service, status and outcome, a flag when overdue. */
export function referrerItem(referral, i18n) {
  return el('li', { className: `referral${referral.stale ? ' referral--stale' : ''}`, dataset: { referral: referral.id } },
    el('p', { className: 'referral__title' }, el('strong', {}, referral.service), ` – ${referral.organisation}`),
    el('p', { className: 'referral__meta' }, `${i18n.t(`topic.${referral.topic}`)} · `,
      el('bdi', {}, staffLanguageName(referral.language, i18n.language, (key) => i18n.t(key))),
      ` · ${formatDateTime(referral.createdAt, i18n.language)} · `,
      i18n.t(referral.consent ? 'referral.withContact' : 'referral.anonymous')),
    el('p', { className: 'referral__status' }, statusText(referral, i18n)),
    referral.stale ? el('p', { className: 'referral__stale' }, i18n.t('referral.staleHint')) : '');
}
