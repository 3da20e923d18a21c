/**
 * The one rule for naming a category (the labels come from /api/categories, maintained by the
 * city): the reader's language; else German, the city's working language in which every
 * category is created; else English; else any label the category has. A category code is never
 * shown: a code the list does not know (a category retired since) gets the `unknown` text.
 */
const FALLBACK_LANGUAGES = ['de', 'en'];

export function categoryLabel(categories, code, language, unknown = '–') {
  const category = categories.find((candidate) => candidate.code === code);
  if (!category) {
    return unknown;
  }
  for (const candidate of [language, ...FALLBACK_LANGUAGES]) {
    if (category.labels[candidate]) {
      return category.labels[candidate];
    }
  }
  return Object.values(category.labels).find(Boolean) ?? unknown;
}
