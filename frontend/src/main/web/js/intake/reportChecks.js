/**
 * The checks a report passes before it is sent, shared by the residents' form and the counter
 * (the server checks everything again). Pure functions over plain values; each problem is
 * { field, key, params }, a field name as the server uses it and a translation key, so that
 * FormErrors can show it in whichever language the page is in.
 */
export const MIN_DESCRIPTION = 10;
export const MAX_DESCRIPTION = 2000;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Length as the server counts it: in characters (code points), surrounding spaces ignored. */
export function descriptionLength(description) {
  return [...description.trim()].length;
}

/** What happened: a category and a description of the right length. */
export function checkWhat({ category, description }) {
  const problems = [];
  if (!category) {
    problems.push({ field: 'category', key: 'error.category' });
  }
  const length = descriptionLength(description);
  if (length < MIN_DESCRIPTION || length > MAX_DESCRIPTION) {
    problems.push({ field: 'description', key: 'error.description', params: { min: MIN_DESCRIPTION, max: MAX_DESCRIPTION } });
  }
  return problems;
}

/**
 * Where: a place, and (on the residents' form, `inQuarter`) one inside a quarter.
 * @param outside the key of the text for a place outside every quarter
 */
export function checkWhere({ location, quarter }, { inQuarter = true, outside = 'report.outside' } = {}) {
  if (!location) {
    return [{ field: 'location', key: 'error.location' }];
  }
  if (inQuarter && !quarter) {
    return [{ field: 'location', key: outside }];
  }
  return [];
}

/**
 * Contact details, when given: a valid e-mail address, and consent to store them. `missing` is
 * the key for "wanted contact, gave none" (null: none is fine); `noConsent` the key for missing
 * consent.
 */
export function checkContact({ contact, consent }, { missing = null, noConsent = 'error.consent' } = {}) {
  const problems = [];
  if (!contact) {
    return missing ? [{ field: 'contact', key: missing }] : [];
  }
  if (contact.email && !EMAIL.test(contact.email)) {
    problems.push({ field: 'contact.email', key: 'error.email' });
  }
  if (!consent) {
    problems.push({ field: 'consent', key: noConsent });
  }
  return problems;
}

/** Name, e-mail and phone as typed, trimmed; null when all three are empty. */
export function contactFrom({ name, email, phone }) {
  const contact = { name: name.trim() || null, email: email.trim() || null, phone: phone.trim() || null };
  return (contact.name || contact.email || contact.phone) ? contact : null;
}
