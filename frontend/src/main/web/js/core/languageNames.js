/**
 * A resident's language as staff read it: its name in the staff member's language, then its
 * own name ("Arabisch (العربية)"), so that a German clerk can read it and the person can still
 * point at it. Where both are the same ("Deutsch" on a German page) it is said once.
 *
 * @param t the page's translator (`language.<code>` holds each language's own name)
 */
export function staffLanguageName(code, uiLanguage, t) {
  const own = t(`language.${code}`);
  let local = null;
  try {
    local = new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code);
  }
  catch {
    // An unknown code: its own name alone.
  }
  return local && local !== own ? `${local} (${own})` : own;
}
