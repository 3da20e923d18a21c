import { teamTypeName } from '../core/teamTypes.js';

/**
 * What an audit entry's details say, in words: each detail under its name (a test checks that
 * every detail the server records has one), codes (roles, fields, events, team types) and yes/no
 * translated; numbers, names and a request's reference as written.
 */

/** Details whose values are codes, and where their words are. */
const CODES = {
  changed: 'audit.field',
  events: 'admin.interfaces.event',
  roles: 'role',
};

/**
 * @param details the entry's details, by name
 * @param i18n the page's translations
 * @param teamTypes the team types with their labels (a type added later has no translation)
 */
export function describeDetails(details, i18n, teamTypes = []) {
  const word = (name, value) => (name === 'teamType' ? teamTypeName(i18n, value, { labels: teamTypes })
    : CODES[name] ? i18n.t(`${CODES[name]}.${value}`) : String(value));
  return Object.entries(details ?? {})
    .map(([name, value]) => `${i18n.t(`audit.detail.${name}`)}: ${describeValue(name, value, i18n, word)}`)
    .join('; ');
}

function describeValue(name, value, i18n, word) {
  if (Array.isArray(value)) {
    return value.length ? value.map((item) => describeValue(name, item, i18n, word)).join(', ') : i18n.t('audit.none');
  }
  if (typeof value === 'boolean') {
    return i18n.t(value ? 'audit.yes' : 'audit.no');
  }
  if (value === null || value === '') {
    return i18n.t('audit.none');
  }
  return word(name, value);
}
