import { api } from '../core/api.js';
import { el, scrollRegion } from '../core/dom.js';
import { missingRequired, redrawKeepingInput, takeOverSubmit } from '../core/forms.js';
import { categoryLabel } from '../core/categories.js';
import { FormErrors } from '../core/FormErrors.js';
import { showProblem } from './problems.js';
import { RESIDENT_LANGUAGES, RIGHT_TO_LEFT } from '../referral/referrals.js';

const ICONS = ['noise', 'litter', 'neighbours', 'youth', 'property', 'vandalism', 'aggression', 'drugs', 'help', 'other'];

/**
 * The report categories: the list, and one form to add one or change the one chosen (icon,
 * a name in each of the eight languages, offered on the forms or retired). The code is given
 * once. The rules tab's category list follows at once (the shared list is updated in place).
 */
export class CategoriesPanel {

  constructor(section, i18n, categories, message) {
    this.section = section;
    this.i18n = i18n;
    this.categories = categories;
    this.message = message;
    this.editing = null;
  }

  async start() {
    await this._reload();
    this._render();
    document.addEventListener('languagechange', () => redrawKeepingInput(this.section, () => this._render()));
  }

  async _reload() {
    this.categories.splice(0, this.categories.length, ...await api('/api/admin/categories'));
  }

  _render() {
    const t = (key) => this.i18n.t(key);
    this.section.replaceChildren(
      el('h1', { id: 'categories-heading' }, t('admin.categories.heading')),
      el('p', { className: 'hint' }, t('admin.categories.hint')),
      el('div', { className: 'admin-columns' }, el('div', {}, this._table()), this._form()));
  }

  _name(code) {
    return categoryLabel(this.categories, code, this.i18n.language);
  }

  _table() {
    const t = (key) => this.i18n.t(key);
    const headings = [t('admin.categories.label'), t('admin.categories.code'), t('admin.categories.state'), ''];
    return scrollRegion(t('admin.categories.table'), el('table', { className: 'data-table', id: 'category-table' },
      el('caption', { className: 'visually-hidden' }, t('admin.categories.table')),
      el('thead', {}, el('tr', {}, headings.map((heading) => el('th', { scope: 'col' }, heading || el('span', { className: 'visually-hidden' }, t('admin.actions')))))),
      el('tbody', {}, this.categories.map((category) => el('tr', { 'aria-current': category.code === this.editing?.code ? 'true' : false },
        el('th', { scope: 'row' }, el('img', { src: `/img/categories/${category.icon}.svg`, alt: '', className: 'category-icon' }), ' ', this._name(category.code)),
        el('td', {}, category.code),
        el('td', {}, t(category.active ? 'admin.categories.activeYes' : 'admin.categories.activeNo')),
        el('td', {}, el('button', {
          type: 'button', className: 'button button--small', 'aria-label': `${t('admin.categories.edit')}: ${this._name(category.code)}`,
          onClick: () => this._edit(category),
        }, t('admin.categories.edit'))))))));
  }

  _form() {
    const t = (key, values) => this.i18n.t(key, values);
    const category = this.editing ?? { code: '', icon: 'other', labels: {}, active: true };
    const summary = el('div', { className: 'error-summary', role: 'alert', hidden: true });
    const form = el('form', { id: 'category-form', novalidate: true, 'aria-labelledby': 'category-form-heading' },
      el('h2', { id: 'category-form-heading' }, this.editing ? t('admin.categories.editing', { name: this._name(this.editing.code) }) : t('admin.categories.new')),
      summary,
      this.editing ? null : el('div', { className: 'field', dataset: { field: 'code' } },
        el('label', { for: 'category-code' }, t('admin.categories.code')),
        el('p', { className: 'hint', id: 'category-code-hint' }, t('admin.categories.codeHint')),
        el('input', { type: 'text', id: 'category-code', name: 'code', maxlength: 32, required: true, autocomplete: 'off', 'aria-describedby': 'category-code-hint', autocapitalize: 'characters' })),
      el('div', { className: 'field', dataset: { field: 'icon' } }, el('label', { for: 'category-icon' }, t('admin.categories.icon')),
        el('select', { id: 'category-icon', name: 'icon' }, ICONS.map((icon) => el('option', { value: icon, selected: icon === category.icon }, t(`admin.categories.icon.${icon}`))))),
      el('fieldset', { id: 'category-labels' }, el('legend', {}, t('admin.categories.labels')),
        RESIDENT_LANGUAGES.map((language) => el('div', { className: 'field', dataset: { field: `labels.${language}` } },
          el('label', { for: `category-label-${language}`, lang: language }, t(`language.${language}`)),
          el('input', {
            type: 'text', id: `category-label-${language}`, name: `label-${language}`, value: category.labels[language] ?? '', maxlength: 80, required: true,
            dataset: { field: `labels.${language}` },
            lang: language, dir: RIGHT_TO_LEFT.includes(language) ? 'rtl' : 'ltr', autocomplete: 'off',
          })))),
      el('div', { className: 'check' }, el('input', { type: 'checkbox', id: 'category-active', name: 'active', checked: category.active }),
        el('label', { for: 'category-active' }, t('admin.categories.active'))),
      el('div', { className: 'actions' },
        el('button', { type: 'submit', className: 'button button--primary' }, this.editing ? t('admin.categories.save') : t('admin.categories.add')),
        this.editing ? el('button', { type: 'button', className: 'button', onClick: () => this._edit(null) }, t('admin.categories.cancel')) : null));
    const errors = new FormErrors(form, summary, this.i18n);
    takeOverSubmit(form, () => this._save(form, errors));
    return form;
  }

  _edit(category) {
    this.editing = category;
    this._render();
    this.section.querySelector(category ? '#category-icon' : '#category-code').focus();
  }

  async _save(form, errors) {
    const value = (name) => form.querySelector(`[name="${name}"]`)?.value.trim() ?? '';
    const labels = Object.fromEntries(RESIDENT_LANGUAGES.map((language) => [language, value(`label-${language}`)]));
    const missing = missingRequired(form);
    if (missing.length) {
      errors.show(missing);
      return;
    }
    const body = { icon: value('icon'), labels, active: form.querySelector('[name=active]').checked };
    try {
      const saved = this.editing
        ? await api(`/api/admin/categories/${encodeURIComponent(this.editing.code)}`, { method: 'PUT', body })
        : await api('/api/admin/categories', { method: 'POST', body: { ...body, code: value('code').toUpperCase() } });
      const added = !this.editing;
      await this._reload();
      document.dispatchEvent(new CustomEvent('categorieschange'));
      this._edit(null);
      this.message.say(added ? 'admin.categories.created' : 'admin.categories.saved', () => ({ name: this._name(saved.code) }));
    }
    catch (failure) {
      showProblem(errors, failure);
    }
  }

}
