import { formatDuration } from '../core/format.js';
import { teamTypeName } from '../core/teamTypes.js';

/**
 * Why an incident was routed as it was, said in the reader's language from the parts the
 * server keeps (rule, reasons, team types, priority, target time, hotspot) — e.g. "Regel
 * „Aggression oder Bedrohung“: Kategorie Aggression / Bedrohung → Kommunaler Ordnungsdienst,
 * P1, 15 min". Pure: names come in through `names` (category, teamType, weekday, language).
 */
export function explainRouting(parts, t, names) {
  const why = parts.default
    ? t('routing.default', { rule: parts.rule })
    : t('routing.rule', { rule: parts.rule, reasons: parts.reasons.map((reason) => reasonText(reason, t, names)).join(', ') });
  const teams = parts.teamTypes.map((type) => names.teamType(type)).join(' + ');
  let text = t('routing.result', { why, teams, priority: parts.priority, target: formatDuration(parts.targetMinutes, t) });
  if (parts.hotspot) {
    text += t('routing.hotspot', {
      count: parts.hotspot.reports, category: names.category(parts.hotspot.category), quarter: parts.hotspot.quarter,
      days: parts.hotspot.days, team: names.teamType(parts.hotspot.teamType),
    });
  }
  return text;
}

/**
 * The same, with the names the staff pages use: a category by `categoryName(code)`, team types
 * from the translation files, weekdays in the page's language.
 */
export function explainRoutingFor(parts, i18n, categoryName) {
  return explainRouting(parts, (key, params) => i18n.t(key, params), {
    category: categoryName,
    teamType: (code) => teamTypeName(i18n, code),
    weekday: (day) => weekdayName(day, i18n.language),
  });
}

function reasonText(reason, t, names) {
  switch (reason.kind) {
    case 'category':
      return t('routing.reason.category', { category: names.category(reason.category) });
    case 'quarter':
      return t('routing.reason.quarter', { quarter: reason.quarter });
    case 'time':
      return t('routing.reason.time', { at: reason.at, from: reason.from, to: reason.to });
    case 'weekday':
      return t(reason.night ? 'routing.reason.weekdayNight' : 'routing.reason.weekday', { day: names.weekday(reason.day) });
    case 'flags':
      return t('routing.reason.flags', { flags: reason.flags.map((flag) => t(`routing.flag.${flag}`)).join(' + ') });
    default:
      return reason.kind;
  }
}

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** A weekday's name in the language, e.g. weekdayName('FRIDAY', 'de') = "Freitag". */
export function weekdayName(day, language) {
  const monday = Date.UTC(2024, 0, 1);
  const date = new Date(monday + WEEKDAYS.indexOf(day) * 86400000);
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(date);
}
