import { api } from '../core/api.js';
import { el, scrollRegion } from '../core/dom.js';
import { missingRequired, redrawKeepingInput, takeOverSubmit } from '../core/forms.js';
import { teamTypeName } from '../core/teamTypes.js';
import { FormErrors } from '../core/FormErrors.js';
import { checkedValues, showProblem } from './problems.js';
import { teamStatusKey } from '../core/teamStatus.js';

const LANGUAGES = ['de', 'en', 'ar', 'fa', 'tr', 'uk', 'ro', 'bg'];

/** Up to this many quarters are named in the table; more are counted. */
const SHORT_LIST = 4;

/**
 * The teams: the list, and one form to add a team or change the one chosen (name, team type,
 * the languages its members speak, the quarters it covers, whether it still works: a disbanded
 * team is retired, not deleted). A new team starts off duty; field members are tied to it on
 * the accounts tab, whose team list follows at once ('teamschange').
 */
export class TeamsPanel {

  constructor(section, i18n, reference, message) {
    this.section = section;
    this.i18n = i18n;
    this.reference = reference;
    this.message = message;
    this.teams = [];
    this.editing = null;
  }

  async start() {
    this.teams = await api('/api/admin/teams');
    this._render();
    document.addEventListener('languagechange', () => redrawKeepingInput(this.section, () => this._render()));
  }

  _render() {
    const t = (key) => this.i18n.t(key);
    this.section.replaceChildren(
      el('h1', { id: 'teams-heading' }, t('admin.teams.heading')),
      el('p', { className: 'hint' }, t('admin.teams.hint')),
      // The table under its form's width, not beside it: beside, its last columns went under the buttons.
      el('div', { className: 'admin-columns admin-columns--stacked' }, el('div', {}, this._table()), this._form()));
  }

  _table() {
    const t = (key, values) => this.i18n.t(key, values);
    // The status next to the name: when the table is wider than its column, the row's button
    // stays in view over the last columns. The languages (text only) go under it, not the
    // quarters' count, which opens their list and must stay a target of its own.
    const headings = [t('admin.teams.name'), t('admin.teams.status'), t('admin.teams.teamType'), t('admin.teams.quarters'), t('admin.teams.languages'), ''];
    return scrollRegion(t('admin.teams.table'), el('table', { className: 'data-table', id: 'team-table' },
      el('caption', { className: 'visually-hidden' }, t('admin.teams.table')),
      el('thead', {}, el('tr', {}, headings.map((heading) => el('th', { scope: 'col' }, heading || el('span', { className: 'visually-hidden' }, t('admin.actions')))))),
      el('tbody', {}, this.teams.map((team) => el('tr', { 'aria-current': team.id === this.editing?.id ? 'true' : false },
        el('th', { scope: 'row' }, team.name),
        el('td', {}, team.active ? t(teamStatusKey(team)) : t('admin.teams.retired')),
        el('td', {}, this._typeName(team.teamType)),
        el('td', {}, this._quarters(team.quarters)),
        el('td', {}, this._languages(team.languages)),
        el('td', {}, el('button', {
          type: 'button', className: 'button button--small', 'aria-label': `${t('admin.teams.edit')}: ${team.name}`,
          onClick: () => this._edit(team),
        }, t('admin.teams.edit'))))))));
  }

  /** Each language by its own name, isolated: an Arabic name in a German list keeps its comma. */
  _languages(codes) {
    if (!codes.length) {
      return this.i18n.t('admin.teams.none');
    }
    return codes.flatMap((code, index) => [index ? ', ' : '', el('bdi', { lang: code }, this.i18n.t(`language.${code}`))]);
  }

  _quarters(codes) {
    const t = (key, values) => this.i18n.t(key, values);
    if (!codes.length) {
      return t('admin.teams.none');
    }
    if (codes.length === this.reference.quarters.length) {
      return t('admin.teams.allQuarters');
    }
    const names = new Map(this.reference.quarters.map((quarter) => [quarter.code, quarter.name]));
    const listed = codes.map((code) => names.get(code) ?? code).sort((a, b) => a.localeCompare(b, this.i18n.language)).join(', ');
    // A long list would make the row as tall as the page: counted, and unfolded on demand.
    return codes.length <= SHORT_LIST ? listed
      : el('details', {}, el('summary', {}, t('admin.teams.quartersCount', { count: codes.length, total: this.reference.quarters.length })), listed);
  }

  _form() {
    const t = (key, values) => this.i18n.t(key, values);
    const team = this.editing ?? { name: '', teamType: this.reference.teamTypes[0]?.code, languages: ['de'], quarters: [], active: true };
    const summary = el('div', { className: 'error-summary', role: 'alert', hidden: true });
    const form = el('form', { id: 'team-form', novalidate: true, 'aria-labelledby': 'team-form-heading' },
      el('h2', { id: 'team-form-heading' }, this.editing ? t('admin.teams.editing', { name: this.editing.name }) : t('admin.teams.new')),
      summary,
      el('div', { className: 'field', dataset: { field: 'name' } }, el('label', { for: 'team-name' }, t('admin.teams.name')),
        el('input', { type: 'text', id: 'team-name', name: 'name', value: team.name, maxlength: 80, required: true, autocomplete: 'off' })),
      el('div', { className: 'field', dataset: { field: 'teamType' } }, el('label', { for: 'team-teamType' }, t('admin.teams.teamType')),
        el('select', { id: 'team-teamType', name: 'teamType' }, this.reference.teamTypes.map((type) => el('option', { value: type.code, selected: type.code === team.teamType }, this._typeName(type.code))))),
      this._boxes('languages', t('admin.teams.languages'), LANGUAGES.map((code) => [code, t(`language.${code}`), code]), team.languages),
      this._boxes('quarters', t('admin.teams.quarters'), this.reference.quarters.map((quarter) => [quarter.code, `${quarter.name} (${quarter.code})`]), team.quarters),
      el('div', { className: 'check', dataset: { field: 'active' } },
        el('input', { type: 'checkbox', id: 'team-active', name: 'active', checked: team.active, 'aria-describedby': 'team-active-hint' }),
        el('label', { for: 'team-active' }, t('admin.teams.active')),
        el('p', { className: 'hint', id: 'team-active-hint' }, t('admin.teams.activeHint'))),
      el('div', { className: 'actions' },
        el('button', { type: 'submit', className: 'button button--primary' }, this.editing ? t('admin.teams.save') : t('admin.teams.add')),
        this.editing ? el('button', { type: 'button', className: 'button', onClick: () => this._edit(null) }, t('admin.teams.cancel')) : null));
    const errors = new FormErrors(form, summary, this.i18n);
    takeOverSubmit(form, () => this._save(form, errors));
    return form;
  }

  _boxes(name, legend, choices, checked) {
    return el('fieldset', { className: `check-group check-group--${name}`, dataset: { field: name }, id: `team-${name}` },
      el('legend', {}, legend),
      choices.map(([value, label, lang]) => el('div', { className: 'check' },
        el('input', { type: 'checkbox', id: `team-${name}-${value}`, name, value, checked: checked.includes(value) }),
        el('label', { for: `team-${name}-${value}`, lang }, label))));
  }

  _edit(team) {
    this.editing = team;
    this._render();
    this.section.querySelector('#team-name').focus();
  }

  async _save(form, errors) {
    const body = {
      name: form.querySelector('[name=name]').value.trim(),
      teamType: form.querySelector('[name=teamType]').value,
      languages: checkedValues(form.querySelector('#team-languages')),
      quarters: checkedValues(form.querySelector('#team-quarters')),
      active: form.querySelector('[name=active]').checked,
    };
    const missing = missingRequired(form);
    if (missing.length) {
      errors.show(missing);
      return;
    }
    try {
      const saved = await api(this.editing ? `/api/admin/teams/${this.editing.id}` : '/api/admin/teams',
        { method: this.editing ? 'PUT' : 'POST', body });
      const added = !this.editing;
      this.teams = await api('/api/admin/teams');
      this._shareWithAccounts();
      this._edit(null);
      this.message.say(added ? 'admin.teams.created' : 'admin.teams.saved', { name: saved.name });
    }
    catch (failure) {
      showProblem(errors, failure);
    }
  }

  /** The accounts tab offers the teams from the page's reference data: keep it current. */
  _shareWithAccounts() {
    this.reference.teams.splice(0, this.reference.teams.length,
      ...this.teams.map(({ id, name, teamType, active }) => ({ id, name, teamType, active })));
    document.dispatchEvent(new CustomEvent('teamschange'));
  }

  _typeName(code) {
    return teamTypeName(this.i18n, code, { labels: this.reference.teamTypes });
  }

}
