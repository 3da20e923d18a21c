/**
 * A team type's name in the staff's language, from the translation files
 * (`teamType.<code>`, short form `teamType.short.<code>`), else the label the
 * administration gave it, else its code: a team type added later still shows something.
 */
export function teamTypeName(i18n, code, { short = false, labels = [] } = {}) {
  for (const key of short ? [`teamType.short.${code}`, `teamType.${code}`] : [`teamType.${code}`]) {
    const text = i18n.t(key);
    if (text !== key) {
      return text;
    }
  }
  const label = labels.find((type) => type.code === code);
  return label?.[i18n.language] ?? label?.de ?? code;
}
