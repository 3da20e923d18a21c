import { formatNumber, pluralKey } from './format.js';

/**
 * Translations: one JSON dictionary per language under /i18n/. Elements name their text with
 * data-i18n="key" (text) and data-i18n-attr="attribute:key; ..." (attributes). The chosen
 * language is remembered in the browser and sets <html lang dir>. A text with a {count} takes
 * its plural form from `key.one`, `key.other` (etc., see format.pluralKey) where the dictionary
 * has them.
 */
const STORAGE_KEY = 'quartier-dispatch.language';
const FALLBACK = 'en';
const COMPLETE = ['de', 'en'];

export class I18n {

  /**
   * @param languages the languages the page offers
   * @param options share, a page's name: only that page's share of each dictionary is loaded
   *   (/i18n/{share}/{code}.json; its keys are listed in /i18n/pages.json)
   */
  constructor(languages, { share = null } = {}) {
    this._languages = languages;
    this._share = share;
    this._dictionaries = new Map();
    this.language = FALLBACK;
  }

  /** Language codes this page offers, e.g. ['de', 'en', 'ar', ...]. */
  get languages() {
    return this._languages.map((language) => language.code);
  }

  isRightToLeft(code = this.language) {
    return this._languages.some((language) => language.code === code && language.rightToLeft);
  }

  /** The remembered choice, else the browser's first supported language, else the given default. */
  initialLanguage(preferred) {
    const remembered = localStorage.getItem(STORAGE_KEY);
    if (remembered && this.languages.includes(remembered)) {
      return remembered;
    }
    if (preferred && this.languages.includes(preferred)) {
      return preferred;
    }
    for (const tag of navigator.languages || []) {
      const code = tag.slice(0, 2).toLowerCase();
      if (this.languages.includes(code)) {
        return code;
      }
    }
    return this.languages.includes('de') ? 'de' : this.languages[0];
  }

  static hasRememberedLanguage() {
    return localStorage.getItem(STORAGE_KEY) !== null;
  }

  async use(code, { remember = true } = {}) {
    await Promise.all([this._load(code), this._loadFallbackFor(code)]);
    this.language = code;
    if (remember) {
      localStorage.setItem(STORAGE_KEY, code);
    }
    document.documentElement.lang = code;
    document.documentElement.dir = this.isRightToLeft(code) ? 'rtl' : 'ltr';
    this.apply(document);
    document.dispatchEvent(new CustomEvent('languagechange', { detail: { language: code } }));
  }

  /** The text for a key, with {name} placeholders filled in. */
  t(key, params = {}) {
    return this._text(this.language, key, params);
  }

  /**
   * Texts in another language without changing the page's, e.g. a receipt in the reporter's
   * language printed at a German counter.
   */
  async translator(code) {
    await Promise.all([this._load(code), this._loadFallbackFor(code)]);
    return (key, params = {}) => this._text(code, key, params);
  }

  _text(code, key, params) {
    const text = this._form(code, key, params) ?? this._form(FALLBACK, key, params) ?? key;
    return text.replace(/\{(\w+)\}/g, (match, name) => {
      if (!(name in params)) {
        return match;
      }
      const value = params[name];
      return (typeof value === 'number') ? formatNumber(value, code) : String(value);
    });
  }

  /** The language's text for a key, in the plural form for params.count if it has one. */
  _form(code, key, params) {
    const chosen = typeof params.count === 'number'
      ? pluralKey(key, params.count, code, (candidate) => this._lookup(code, candidate) !== undefined)
      : key;
    return this._lookup(code, chosen);
  }

  apply(root) {
    for (const element of root.querySelectorAll('[data-i18n]')) {
      element.textContent = this.t(element.dataset.i18n, element.dataset.i18nParams ? JSON.parse(element.dataset.i18nParams) : {});
    }
    for (const element of root.querySelectorAll('[data-i18n-attr]')) {
      for (const pair of element.dataset.i18nAttr.split(';')) {
        const [attribute, key] = pair.split(':').map((part) => part.trim());
        if (attribute && key) {
          element.setAttribute(attribute, this.t(key));
        }
      }
    }
  }

  /**
   * Writes a text of the page's own into an element by its key (and values), so that a change
   * of language writes it anew, as the page's fixed texts.
   */
  say(element, key, params) {
    element.dataset.i18n = key;
    if (params) {
      element.dataset.i18nParams = JSON.stringify(params);
    }
    else {
      delete element.dataset.i18nParams;
    }
    element.textContent = this.t(key, params ?? {});
  }

  /** Writes a text as it came (the server's words, a name): a change of language leaves it. */
  static showAsIs(element, text) {
    delete element.dataset.i18n;
    delete element.dataset.i18nParams;
    element.textContent = text;
  }

  /** Fills a <select> with the offered languages, each named in its own language. */
  bindSelector(select) {
    select.replaceChildren(...this.languages.map((code) => {
      const option = document.createElement('option');
      option.value = code;
      option.lang = code;
      option.textContent = this.t(`language.${code}`);
      return option;
    }));
    select.value = this.language;
    select.addEventListener('change', () => this.use(select.value));
  }

  _lookup(code, key) {
    const dictionary = this._dictionaries.get(code);
    return dictionary ? dictionary[key] : undefined;
  }

  /**
   * English for the texts a language lacks. German and English are complete (i18n.test.js
   * says so), so a German page does not fetch the English dictionary at all.
   */
  _loadFallbackFor(code) {
    return COMPLETE.includes(code) ? Promise.resolve() : this._load(FALLBACK);
  }

  async _load(code) {
    if (this._dictionaries.has(code)) {
      return;
    }
    // A plain request, so that a page's <link rel="preload" as="fetch"> of its dictionary is used.
    const response = await fetch(this._share ? `/i18n/${this._share}/${code}.json` : `/i18n/${code}.json`);
    if (!response.ok) {
      throw new Error(`No translations for ${code}`);
    }
    this._dictionaries.set(code, await response.json());
  }

}
