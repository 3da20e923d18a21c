import { api } from '../core/api.js';
import { el, scrollRegion } from '../core/dom.js';
import { missingRequired, redrawKeepingInput, takeOverSubmit } from '../core/forms.js';
import { FormErrors } from '../core/FormErrors.js';
import { openingHoursInput, openingHoursText, RESIDENT_LANGUAGES } from '../referral/referrals.js';
import { checkedValues, problemText, showProblem } from './problems.js';

/**
 * The contact points (Anlaufstellen): the list, and one form to add one or change the one
 * chosen. Its location comes from the address register ("find the location from the
 * address") or is typed; the server refuses a place outside the city's quarters. The
 * accounts tab offers a new contact point at once ('contactpointschange').
 */
export class ContactPointsPanel {

  constructor(section, i18n, reference, message) {
    this.section = section;
    this.i18n = i18n;
    this.reference = reference;
    this.message = message;
    this.points = [];
    this.editing = null;
  }

  async start() {
    this.points = await api('/api/admin/contact-points');
    this._render();
    document.addEventListener('languagechange', () => redrawKeepingInput(this.section, () => this._render()));
  }

  _render() {
    const t = (key) => this.i18n.t(key);
    this.section.replaceChildren(
      el('h1', { id: 'contact-points-heading' }, t('admin.contactPoints.heading')),
      el('p', { className: 'hint' }, t('admin.contactPoints.hint')),
      el('div', { className: 'admin-columns' }, el('div', {}, this._table()), this._form()));
  }

  _table() {
    const t = (key) => this.i18n.t(key);
    const headings = [t('admin.contactPoints.name'), t('admin.contactPoints.address'), t('admin.contactPoints.hours'),
      t('admin.contactPoints.languages'), t('admin.contactPoints.state'), ''];
    return scrollRegion(t('admin.contactPoints.table'), el('table', { className: 'data-table', id: 'contact-point-table' },
      el('caption', { className: 'visually-hidden' }, t('admin.contactPoints.table')),
      el('thead', {}, el('tr', {}, headings.map((heading) => el('th', { scope: 'col' }, heading || el('span', { className: 'visually-hidden' }, t('admin.actions')))))),
      el('tbody', {}, this.points.map((point) => el('tr', { 'aria-current': point.id === this.editing?.id ? 'true' : false },
        el('th', { scope: 'row' }, point.name),
        el('td', {}, `${point.street} ${point.houseNumber}, ${point.postcode} ${point.city}`, point.phone ? el('br') : null, point.phone ?? ''),
        el('td', {}, openingHoursText(point.openingHours, this.i18n.language)),
        el('td', {}, point.languages.flatMap((code, index) => [index ? ', ' : '', el('bdi', { lang: code }, t(`language.${code}`))])),
        el('td', {}, t(point.active ? 'admin.contactPoints.activeYes' : 'admin.contactPoints.activeNo')),
        el('td', {}, el('button', {
          type: 'button', className: 'button button--small', 'aria-label': `${t('admin.contactPoints.edit')}: ${point.name}`,
          onClick: () => this._edit(point),
        }, t('admin.contactPoints.edit'))))))));
  }

  _form() {
    const t = (key, values) => this.i18n.t(key, values);
    const stored = this.editing ?? { name: '', street: '', houseNumber: '', postcode: '', city: '', lat: '', lon: '', openingHours: '', languages: ['de'], phone: '', active: true };
    const point = { ...stored, openingHours: openingHoursInput(stored.openingHours, this.i18n.language) };
    const summary = el('div', { className: 'error-summary', role: 'alert', hidden: true });
    const input = (name, attributes = {}) => el('div', { className: 'field', dataset: { field: name } },
      el('label', { for: `contact-point-${name}` }, t(`admin.contactPoints.${name}`)),
      el('input', { type: 'text', id: `contact-point-${name}`, name, value: point[name] ?? '', autocomplete: 'off', ...attributes }));
    const found = el('p', { className: 'hint', id: 'contact-point-found', role: 'status' });
    const form = el('form', { id: 'contact-point-form', novalidate: true, 'aria-labelledby': 'contact-point-form-heading' },
      el('h2', { id: 'contact-point-form-heading' }, this.editing ? t('admin.contactPoints.editing', { name: this.editing.name }) : t('admin.contactPoints.new')),
      summary,
      input('name', { maxlength: 120, required: true }),
      input('street', { maxlength: 120, required: true }),
      input('houseNumber', { maxlength: 20, required: true }),
      input('postcode', { maxlength: 5, inputmode: 'numeric', required: true }),
      input('city', { maxlength: 80, required: true }),
      el('fieldset', {}, el('legend', {}, t('admin.contactPoints.location')),
        el('button', { type: 'button', className: 'button button--small', onClick: () => this._locate(form, found) }, t('admin.contactPoints.locate')),
        found,
        input('lat', { inputmode: 'decimal', required: true }),
        input('lon', { inputmode: 'decimal', required: true })),
      input('openingHours', { maxlength: 200, required: true }),
      el('fieldset', { className: 'check-group', dataset: { field: 'languages' }, id: 'contact-point-languages' },
        el('legend', {}, t('admin.contactPoints.languages')),
        RESIDENT_LANGUAGES.map((code) => el('div', { className: 'check' },
          el('input', { type: 'checkbox', id: `contact-point-language-${code}`, name: 'languages', value: code, checked: point.languages.includes(code) }),
          el('label', { for: `contact-point-language-${code}`, lang: code }, t(`language.${code}`))))),
      input('phone', { type: 'tel', maxlength: 40 }),
      el('div', { className: 'check', dataset: { field: 'active' } },
        el('input', { type: 'checkbox', id: 'contact-point-active', name: 'active', checked: point.active }),
        el('label', { for: 'contact-point-active' }, t('admin.contactPoints.active'))),
      el('div', { className: 'actions' },
        el('button', { type: 'submit', className: 'button button--primary' }, this.editing ? t('admin.contactPoints.save') : t('admin.contactPoints.add')),
        this.editing ? el('button', { type: 'button', className: 'button', onClick: () => this._edit(null) }, t('admin.contactPoints.cancel')) : null));
    const errors = new FormErrors(form, summary, this.i18n);
    takeOverSubmit(form, () => this._save(form, errors));
    return form;
  }

  /** The address register's best match for what is typed, into the coordinates' fields. */
  async _locate(form, found) {
    const value = (name) => form.querySelector(`[name=${name}]`).value.trim();
    const query = `${value('street')} ${value('houseNumber')}, ${value('postcode')} ${value('city')}`;
    try {
      const { results } = await api(`/api/geocode?q=${encodeURIComponent(query)}`);
      if (!results.length) {
        found.textContent = this.i18n.t('admin.contactPoints.notLocated');
        return;
      }
      form.querySelector('[name=lat]').value = String(results[0].lat);
      form.querySelector('[name=lon]').value = String(results[0].lon);
      found.textContent = this.i18n.t('admin.contactPoints.located', { label: results[0].label });
    }
    catch (failure) {
      // Refused (too many searches in a row, say) is not the same as no network.
      found.textContent = problemText(failure, this.i18n);
    }
  }

  _edit(point) {
    this.editing = point;
    this._render();
    this.section.querySelector('#contact-point-name').focus();
  }

  async _save(form, errors) {
    const value = (name) => form.querySelector(`[name=${name}]`).value.trim();
    const missing = missingRequired(form);
    if (missing.length) {
      errors.show(missing);
      return;
    }
    const body = {
      name: value('name'), street: value('street'), houseNumber: value('houseNumber'), postcode: value('postcode'), city: value('city'),
      lat: Number(value('lat').replace(',', '.')), lon: Number(value('lon').replace(',', '.')),
      openingHours: value('openingHours'), languages: checkedValues(form.querySelector('#contact-point-languages')),
      phone: value('phone') || null, active: form.querySelector('[name=active]').checked,
    };
    try {
      const saved = await api(this.editing ? `/api/admin/contact-points/${this.editing.id}` : '/api/admin/contact-points',
        { method: this.editing ? 'PUT' : 'POST', body });
      const added = !this.editing;
      this.points = await api('/api/admin/contact-points');
      this._shareWithAccounts();
      this._edit(null);
      this.message.say(added ? 'admin.contactPoints.created' : 'admin.contactPoints.saved', { name: saved.name });
    }
    catch (failure) {
      showProblem(errors, failure);
    }
  }

  /** The accounts tab offers the contact points from the page's reference data: keep it current. */
  _shareWithAccounts() {
    this.reference.contactPoints.splice(0, this.reference.contactPoints.length, ...this.points.map(({ id, name }) => ({ id, name })));
    document.dispatchEvent(new CustomEvent('contactpointschange'));
  }

}
