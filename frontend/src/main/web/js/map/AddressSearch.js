import { api } from '../core/api.js';
import { el } from '../core/dom.js';
import { missingNumber } from './houseNumbers.js';

/**
 * Address search as the user types, as a WAI-ARIA combobox: arrow keys move through the
 * suggestions, Enter picks one, Escape closes the list. Results come from the city's own
 * gazetteer (and an external geocoder, if one is configured).
 */
export class AddressSearch {

  /**
   * @param input the text input (gets role="combobox")
   * @param options onSelect({ label, lat, lon }); i18n for the messages; status, an element for
   *   polite announcements
   */
  constructor(input, { onSelect, i18n, status }) {
    this._input = input;
    this._onSelect = onSelect;
    this._i18n = i18n;
    this._status = status;
    this._results = [];
    this._active = -1;
    this._timer = null;
    this._generation = 0;
    this._list = el('ul', { role: 'listbox', id: `${input.id}-listbox`, hidden: true });
    // Said when the street is found but not the house number: the nearest numbers come first,
    // and one of them must not pass for the house asked for.
    this._numberHint = el('p', { className: 'hint', id: `${input.id}-number`, hidden: true });
    input.after(this._list, this._numberHint);
    // The suggestions have a name of their own (a list without one is an unnamed control).
    this._list.setAttribute('aria-label', i18n.t('address.suggestions'));
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', this._list.id);
    input.setAttribute('autocomplete', 'off');
    input.addEventListener('input', () => this._schedule());
    input.addEventListener('keydown', (event) => this._key(event));
    input.addEventListener('blur', () => setTimeout(() => this._close(), 150));
    // What was said of the last search is in the language it was said in: not kept past a switch.
    document.addEventListener('languagechange', () => {
      this._announce('');
      this._list.setAttribute('aria-label', this._i18n.t('address.suggestions'));
    });
  }

  _schedule() {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this._search(), 250);
  }

  async _search() {
    const query = this._input.value.trim();
    const generation = ++this._generation;
    if (query.length < 3) {
      this._numberHint.hidden = true;
      this._close();
      return;
    }
    try {
      const found = await api(`/api/geocode?q=${encodeURIComponent(query)}`);
      if (generation !== this._generation) {
        return;
      }
      this._results = found.results;
      this._render();
      const missing = missingNumber(query, found.results);
      this._numberHint.textContent = missing ? this._i18n.t('address.numberMissing', { number: missing }) : '';
      this._numberHint.hidden = !missing;
      const key = found.results.length ? 'address.results' : 'address.none';
      this._announce(this._i18n.t(key, { count: found.results.length })
        + (missing ? ` ${this._numberHint.textContent}` : '')
        + (found.externalUnavailable ? ` ${this._i18n.t('address.externalUnavailable')}` : ''));
    }
    catch (failure) {
      this._announce(this._i18n.t('address.failed'));
    }
  }

  _render() {
    this._active = -1;
    this._list.replaceChildren(...this._results.map((result, index) => el('li', {
      role: 'option',
      id: `${this._list.id}-${index}`,
      'aria-selected': 'false',
      onMousedown: (event) => {
        event.preventDefault();
        this._choose(index);
      },
    }, result.label)));
    const open = this._results.length > 0;
    this._list.hidden = !open;
    this._input.setAttribute('aria-expanded', String(open));
    this._input.removeAttribute('aria-activedescendant');
  }

  _key(event) {
    if (this._list.hidden) {
      if (event.key === 'ArrowDown' && this._results.length) {
        this._render();
      }
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this._activate((this._active + step + this._results.length) % this._results.length);
    }
    else if (event.key === 'Enter') {
      event.preventDefault();
      this._choose(Math.max(this._active, 0));
    }
    else if (event.key === 'Escape') {
      event.preventDefault();
      this._close();
    }
  }

  _activate(index) {
    const options = [...this._list.children];
    options.forEach((option, position) => option.setAttribute('aria-selected', String(position === index)));
    this._active = index;
    this._input.setAttribute('aria-activedescendant', options[index].id);
    options[index].scrollIntoView({ block: 'nearest' });
  }

  _choose(index) {
    const result = this._results[index];
    if (!result) {
      return;
    }
    this._input.value = result.label;
    // A search still on its way is for what was typed before: it must not open the list again.
    clearTimeout(this._timer);
    this._generation++;
    this._numberHint.hidden = true;
    this._close();
    this._onSelect(result);
  }

  _close() {
    this._list.hidden = true;
    this._input.setAttribute('aria-expanded', 'false');
    this._input.removeAttribute('aria-activedescendant');
  }

  _announce(text) {
    if (this._status) {
      this._status.textContent = text;
    }
  }

}
