/**
 * Formatting for people: dates, spans of time and counts, in the page's language. Pure
 * functions (no DOM), unit-tested with `node --test`.
 */

/**
 * A name or address set into a sentence of another script (a German office's name in an Arabic
 * notice), isolated so that the surrounding sentence keeps its direction and word order
 * (Unicode's first-strong isolate).
 */
export function isolate(text) {
  return text ? `\u2068${text}\u2069` : text;
}

/**
 * The city's time zone. Every time staff and residents read (a report's arrival, a deadline, an
 * appointment) is the city's, whatever zone the device is set to: a laptop left on UTC or a
 * partner's phone abroad would otherwise show an hour or two off.
 */
export const CITY_TIME_ZONE = 'Europe/Berlin';

/** How far the city's clock is ahead of UTC at an instant, in milliseconds (CET 1 h, CEST 2 h). */
function cityOffsetMillis(epochMillis) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: CITY_TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(epochMillis));
  const part = (type) => Number(parts.find((candidate) => candidate.type === type).value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(epochMillis / 1000) * 1000;
}

/**
 * The instant (ISO) of a date and time on the city's clock, as a date-time picker gives it
 * ("2026-12-05T10:00"): what the partner means by 10:00, whatever zone their device is set to.
 */
export function cityTimeToIso(local) {
  const asUtc = Date.parse(`${local}Z`);
  // The offset at the guess, then at the corrected instant: right also next to a change of offset.
  const first = asUtc - cityOffsetMillis(asUtc);
  return new Date(asUtc - cityOffsetMillis(first)).toISOString();
}

/** Today's date on the city's clock, "2026-12-05". */
export function cityToday(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CITY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The locale dates are written in: the language's, on the Gregorian calendar (appointments and
 * deadlines here are on it; Persian would otherwise use the Solar Hijri one), and English as in
 * Europe ("6 Dec 2026, 08:59", not "Dec 6, 2026, 8:59 AM").
 */
export function dateLocale(language) {
  const base = String(language).split('-u-')[0];
  return `${base === 'en' ? 'en-GB' : base}-u-ca-gregory`;
}

/**
 * A number in the language's digits, as its dates are written (Persian digits in Farsi; Latin
 * ones in the other languages here), never grouped: an incident's number stays "#1234".
 */
export function formatNumber(value, language) {
  return numberFormat(language).format(value);
}

/** The digits in a text, such as opening hours "09:00", in the language's digits. */
export function localDigits(text, language) {
  const format = numberFormat(language);
  return text.replace(/[0-9]/g, (digit) => format.format(Number(digit)));
}

const numberFormats = new Map();

function numberFormat(language) {
  const locale = dateLocale(language);
  if (!numberFormats.has(locale)) {
    numberFormats.set(locale, new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 2 }));
  }
  return numberFormats.get(locale);
}

/** A date and time in the given language, in the city's time, e.g. "21.11.2026, 23:10". */
export function formatDateTime(iso, language) {
  return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: CITY_TIME_ZONE }).format(new Date(iso));
}

/** A calendar date in the given language, e.g. "1. Dezember 2026". */
export function formatDate(isoDate, language) {
  return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A calendar month given as "2026-12", e.g. "Dezember 2026". */
export function formatMonth(isoMonth, language) {
  return new Intl.DateTimeFormat(dateLocale(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoMonth}-01T00:00:00Z`));
}

/** Whole minutes from now until the given instant (negative when it has passed). */
export function minutesUntil(iso, now = Date.now()) {
  return Math.round((Date.parse(iso) - now) / 60000);
}

/**
 * "25 min", "3 h", "2 d": how long a span is, at a glance. `t` is a translator; the texts are
 * board.minutes, board.hours and board.days, each with {n}.
 */
export function formatDuration(minutes, t) {
  const span = Math.abs(minutes);
  if (span < 90) {
    return t('board.minutes', { n: span });
  }
  if (span < 48 * 60) {
    return t('board.hours', { n: Math.round(span / 60) });
  }
  return t('board.days', { n: Math.round(span / 1440) });
}

/**
 * The key to use for a text about `count` things: `key.one`, `key.few`, `key.other` ... as the
 * language's plural rules (Intl.PluralRules, CLDR) say, if the dictionary has that form;
 * otherwise `key.other`, otherwise `key` itself. So "1 offener Vorgang" and "3 offene Vorgänge"
 * come from two keys, and a language that has only the plain key still shows a text.
 */
export function pluralKey(key, count, language, has) {
  const form = `${key}.${new Intl.PluralRules(language).select(count)}`;
  if (has(form)) {
    return form;
  }
  return has(`${key}.other`) ? `${key}.other` : key;
}

/**
 * A configured span exactly, in the largest unit that divides it ("2 d" for 2880, "90 min" for
 * 90): unlike formatDuration, which rounds for a glance, a rule's deadline is read to be edited.
 */
export function formatExactDuration(minutes, t) {
  // From two days on, as formatDuration does ("1 Tagen" is not German).
  if (minutes >= 2880 && minutes % 1440 === 0) {
    return t('board.days', { n: minutes / 1440 });
  }
  if (minutes > 0 && minutes % 60 === 0) {
    return t('board.hours', { n: minutes / 60 });
  }
  return t('board.minutes', { n: minutes });
}

/** Items one after the other, separated by the language's comma (Arabic and Farsi write "،"). */
export function formatList(items, language) {
  return items.join(['ar', 'fa'].includes(language) ? '، ' : ', ');
}
