import { api } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { takeOverSubmit } from '../core/forms.js';
import { formatExactDuration } from '../core/format.js';
import { FormErrors } from '../core/FormErrors.js';
import { checkedValues, problemText, selectedValues, showProblem } from './problems.js';

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
/** The report flags a rule may require, and a dry run may tick. */
export const FLAGS = ['AGGRESSION', 'YOUTH', 'RECURRING'];

/**
 * Routing rules in their order: read them as sentences, move them up or down, edit or delete
 * them (not the default rule, which catches the rest). The server refuses a rule that an
 * earlier one would always shadow, and says which.
 */
export class RulesPanel {

  constructor(i18n, reference, categories, message) {
    this.i18n = i18n;
    this.reference = reference;
    this.categories = categories;
    this.message = message;
    this.form = $('#rule-form');
    this.errors = new FormErrors(this.form, $('#rule-errors'), i18n);
    this.rules = [];
    this.editing = null;
  }

  async start() {
    this._renderChoices();
    takeOverSubmit(this.form, () => this._save());
    $('#new-rule').addEventListener('click', () => this._edit(null));
    $('#rule-cancel').addEventListener('click', () => this._close());
    $('#rule-delete').addEventListener('click', () => this._delete());
    document.addEventListener('languagechange', () => {
      this._renderChoices();
      this._renderList();
    });
    // A category added or renamed on its tab is offered here at once.
    document.addEventListener('categorieschange', () => {
      const chosen = $('#rule-category').value;
      this._renderChoices();
      $('#rule-category').value = chosen;
      this._renderList();
    });
    await this.load();
  }

  async load() {
    this.rules = await api('/api/routing/rules');
    this._renderList();
  }

  _label(list, code) {
    const item = list.find((entry) => entry.code === code);
    return item ? (item[this.i18n.language] ?? item.labels?.[this.i18n.language] ?? item.en ?? item.labels?.en ?? code) : code;
  }

  _renderChoices() {
    const t = (key, params) => this.i18n.t(key, params);
    $('#rule-category').replaceChildren(el('option', { value: '' }, t('admin.rules.anyCategory')),
      ...this.categories.map((category) => el('option', { value: category.code },
        category.active === false ? `${this._label(this.categories, category.code)} (${this.i18n.t('admin.categories.activeNo')})` : this._label(this.categories, category.code))));
    $('#rule-quarterCodes').replaceChildren(...this.reference.quarters.map((quarter) => el('option', { value: quarter.code }, `${quarter.name} (${quarter.code})`)));
    const boxes = (id, legend, values, label) => $(id).replaceChildren(el('legend', {}, legend), ...values.map((value, index) => el('div', { className: 'check' },
      el('input', { type: 'checkbox', id: `${id.slice(1)}-${value}`, value, dataset: index === 0 ? { field: id.slice(6) } : {} }),
      el('label', { for: `${id.slice(1)}-${value}` }, label(value)))));
    boxes('#rule-weekdays', t('admin.rules.weekdays'), WEEKDAYS, (day) => t(`weekday.${day}`));
    boxes('#rule-requiredFlags', t('admin.rules.flags'), FLAGS, (flag) => t(`report.flag.${flag}`));
    boxes('#rule-teamTypes', t('admin.rules.teamTypes'), this.reference.teamTypes.map((type) => type.code), (code) => this._label(this.reference.teamTypes, code));
    const priorities = [1, 2, 3, 4].map((priority) => el('option', { value: priority }, `P${priority}`));
    $('#rule-priority').replaceChildren(...priorities);
    $('#rule-escalateToPriority').replaceChildren(el('option', { value: '' }, t('admin.none')), ...priorities.map((option) => option.cloneNode(true)));
    $('#rule-escalateAddTeamType').replaceChildren(el('option', { value: '' }, t('admin.none')),
      ...this.reference.teamTypes.map((type) => el('option', { value: type.code }, this._label(this.reference.teamTypes, type.code))));
  }

  _describe(rule) {
    const t = (key, params) => this.i18n.t(key, params);
    const conditions = [];
    if (rule.category) {
      conditions.push(this._label(this.categories, rule.category));
    }
    if (rule.requiredFlags.length) {
      conditions.push(rule.requiredFlags.map((flag) => t(`report.flag.${flag}`)).join(', '));
    }
    if (rule.quarterCodes.length) {
      const name = (code) => this.reference.quarters.find((quarter) => quarter.code === code)?.name ?? code;
      conditions.push(t('admin.rules.inQuarters', { quarters: rule.quarterCodes.map(name).join(', ') }));
    }
    if (rule.weekdays.length) {
      conditions.push(rule.weekdays.map((day) => t(`weekday.${day}`)).join(', '));
    }
    if (rule.timeFrom) {
      conditions.push(`${rule.timeFrom.slice(0, 5)}–${rule.timeTo.slice(0, 5)}`);
    }
    const when = conditions.length ? conditions.join(' · ') : t('admin.rules.everythingElse');
    const to = rule.teamTypes.map((code) => this._label(this.reference.teamTypes, code)).join(' + ');
    return `${when} → ${to}, P${rule.priority}, ${t('admin.rules.within', { span: formatExactDuration(rule.targetMinutes, t) })}`;
  }

  _renderList() {
    const t = (key) => this.i18n.t(key);
    const movable = this.rules.filter((rule) => !rule.isDefault);
    $('#rule-list').replaceChildren(...this.rules.map((rule) => {
      const index = movable.indexOf(rule);
      // Fourteen "Bearbeiten" buttons in a screen reader's list of buttons say which rule each is for.
      const named = (key) => ({ 'aria-label': `${t(key)}: ${rule.name}` });
      return el('li', { className: rule.isDefault ? 'rule rule--default' : 'rule' },
        el('p', { className: 'rule__name' }, rule.name),
        el('p', { className: 'rule__text' }, this._describe(rule)),
        el('div', { className: 'actions' },
          el('button', { type: 'button', className: 'button button--small', ...named('admin.rules.edit'), dataset: { rule: rule.id, action: 'edit' }, onClick: () => this._edit(rule) }, t('admin.rules.edit')),
          !rule.isDefault && el('button', { type: 'button', className: 'button button--small', ...named('admin.rules.up'), dataset: { rule: rule.id, action: 'up' }, disabled: index === 0, onClick: () => this._move(rule, -1) }, t('admin.rules.up')),
          !rule.isDefault && el('button', { type: 'button', className: 'button button--small', ...named('admin.rules.down'), dataset: { rule: rule.id, action: 'down' }, disabled: index === movable.length - 1, onClick: () => this._move(rule, 1) }, t('admin.rules.down'))));
    }));
  }

  _edit(rule) {
    this.editing = rule;
    this.errors.clear();
    const t = (key) => this.i18n.t(key);
    this.form.hidden = false;
    $('#rule-form-heading').textContent = rule ? `${t('admin.rules.edit')}: ${rule.name}` : t('admin.rules.new');
    $('#rule-name').value = rule?.name ?? '';
    $('#rule-category').value = rule?.category ?? '';
    for (const option of $('#rule-quarterCodes').options) {
      option.selected = Boolean(rule?.quarterCodes.includes(option.value));
    }
    const check = (id, values) => {
      for (const box of $(id).querySelectorAll('input')) {
        box.checked = values.includes(box.value);
      }
    };
    check('#rule-weekdays', rule?.weekdays ?? []);
    check('#rule-requiredFlags', rule?.requiredFlags ?? []);
    check('#rule-teamTypes', rule?.teamTypes ?? []);
    $('#rule-timeFrom').value = rule?.timeFrom?.slice(0, 5) ?? '';
    $('#rule-timeTo').value = rule?.timeTo?.slice(0, 5) ?? '';
    $('#rule-priority').value = String(rule?.priority ?? 3);
    $('#rule-targetMinutes').value = String(rule?.targetMinutes ?? 240);
    $('#rule-escalateToPriority').value = rule?.escalateToPriority ?? '';
    $('#rule-escalateAddTeamType').value = rule?.escalateAddTeamType ?? '';
    for (const id of ['#rule-category', '#rule-quarterCodes', '#rule-weekdays', '#rule-requiredFlags', '#rule-timeFrom', '#rule-timeTo']) {
      $(id).disabled = Boolean(rule?.isDefault);
    }
    $('#rule-delete').hidden = !rule || rule.isDefault;
    $('#rule-name').focus();
  }

  /**
   * Closes the form; the keyboard goes back to the rule's own button in the list (or, for a new
   * rule not saved or a rule deleted, to "new rule"), not to the page's top with the hidden form.
   */
  _close(ruleId = this.editing?.id) {
    this.editing = null;
    this.form.hidden = true;
    this._focusRule(ruleId, 'edit');
  }

  /** A moved rule's button may be disabled now (it reached the top): then its edit button. */
  _focusRule(ruleId, action) {
    const find = (which) => $(`#rule-list [data-rule="${ruleId}"][data-action="${which}"]`);
    const button = [find(action), find('edit')].find((candidate) => candidate && !candidate.disabled);
    (button ?? $('#new-rule')).focus();
  }

  _request() {
    const orNull = (value) => (value === '' ? null : value);
    return {
      name: $('#rule-name').value,
      category: orNull($('#rule-category').value),
      quarterCodes: selectedValues($('#rule-quarterCodes')),
      weekdays: checkedValues($('#rule-weekdays')),
      timeFrom: orNull($('#rule-timeFrom').value),
      timeTo: orNull($('#rule-timeTo').value),
      requiredFlags: checkedValues($('#rule-requiredFlags')),
      teamTypes: checkedValues($('#rule-teamTypes')),
      priority: Number($('#rule-priority').value),
      targetMinutes: Number($('#rule-targetMinutes').value),
      escalateToPriority: $('#rule-escalateToPriority').value ? Number($('#rule-escalateToPriority').value) : null,
      escalateAddTeamType: orNull($('#rule-escalateAddTeamType').value),
      version: this.editing?.version,
    };
  }

  async _save() {
    try {
      const saved = this.editing
        ? await api(`/api/routing/rules/${this.editing.id}`, { method: 'PUT', body: this._request() })
        : await api('/api/routing/rules', { method: 'POST', body: this._request() });
      this.message.say('admin.rules.saved', { name: saved.name });
      this.form.hidden = true;
      await this.load();
      this._close(saved.id);
    }
    catch (failure) {
      showProblem(this.errors, failure);
    }
  }

  async _delete() {
    const rule = this.editing;
    if (!window.confirm(this.i18n.t('admin.rules.confirmDelete', { name: rule.name }))) {
      return;
    }
    try {
      await api(`/api/routing/rules/${rule.id}?version=${rule.version}`, { method: 'DELETE' });
      this.message.say('admin.rules.deleted', { name: rule.name });
      this.form.hidden = true;
      await this.load();
      this._close(null);
    }
    catch (failure) {
      showProblem(this.errors, failure);
    }
  }

  async _move(rule, step) {
    const ids = this.rules.filter((entry) => !entry.isDefault).map((entry) => entry.id);
    const from = ids.indexOf(rule.id);
    ids.splice(from, 1);
    ids.splice(from + step, 0, rule.id);
    try {
      this.rules = await api('/api/routing/rules/order', { method: 'PUT', body: { ids } });
      this._renderList();
      this._focusRule(rule.id, step < 0 ? 'up' : 'down');
      this.message.say('admin.rules.moved', { name: rule.name });
    }
    catch (failure) {
      this.message.show(problemText(failure, this.i18n), true);
      await this.load();
    }
  }

}
