import { api } from '../core/api.js';
import { el, scrollRegion } from '../core/dom.js';
import { redrawKeepingInput, takeOverSubmit } from '../core/forms.js';
import { FormErrors } from '../core/FormErrors.js';
import { showProblem, problemText } from './problems.js';
import { openingHoursInput, openingHoursText, TOPICS } from '../referral/referrals.js';

const KINDS = ['CITY_OFFICE', 'FREE_CARRIER'];

/**
 * Partner organisations, their services (the directory at the counter) and which partner
 * accounts belong to which organisation. Accounts with the PARTNER role are made on the
 * accounts tab; an account without an organisation sees nothing.
 */
export class PartnersPanel {

  constructor(section, i18n, message) {
    this.section = section;
    this.i18n = i18n;
    this.message = message;
    this.overview = { organisations: [], accounts: [] };
    this.services = [];
    this.editingOrganisation = null;
    this.editingService = null;
  }

  async start() {
    await this.load();
    document.addEventListener('languagechange', () => redrawKeepingInput(this.section, () => this._render()));
  }

  async load() {
    [this.overview, this.services] = await Promise.all([api('/api/admin/partners'), api('/api/admin/partners/services')]);
    this._render();
  }

  _render() {
    const t = (key) => this.i18n.t(key);
    this.section.replaceChildren(
      el('h1', { id: 'partners-heading' }, t('admin.partners.heading')),
      el('section', { className: 'panel' }, el('h2', {}, t('admin.partners.organisations')), this._organisationTable(), this._organisationForm()),
      el('section', { className: 'panel' }, el('h2', {}, t('admin.partners.services')), this._serviceTable(), this._serviceForm()),
      el('section', { className: 'panel' }, el('h2', {}, t('admin.partners.accounts')),
        el('p', { className: 'hint' }, t('admin.partners.accountsHint')), this._accountTable()));
  }

  _organisationTable() {
    const t = (key) => this.i18n.t(key);
    return scrollRegion(t('admin.partners.organisations'), el('table', { className: 'data-table', id: 'partner-organisations' },
      el('thead', {}, el('tr', {}, [t('admin.partners.name'), t('admin.partners.kind'), t('admin.partners.active'), ''].map((heading) => el('th', { scope: 'col' }, heading || el('span', { className: 'visually-hidden' }, t('admin.actions')))))),
      el('tbody', {}, this.overview.organisations.map((organisation) => el('tr', {},
        el('th', { scope: 'row' }, organisation.name), el('td', {}, t(`admin.partners.kind.${organisation.kind}`)),
        el('td', {}, t(organisation.active ? 'admin.partners.activeYes' : 'admin.partners.activeNo')),
        el('td', {}, el('button', { type: 'button', className: 'button button--small', 'aria-label': `${t('admin.partners.edit')}: ${organisation.name}`, onClick: () => { this.editingOrganisation = organisation; this._render(); this._focusForm('organisation-form'); } }, t('admin.partners.edit'))))))));
  }

  _organisationForm() {
    const t = (key) => this.i18n.t(key);
    const o = this.editingOrganisation ?? { name: '', kind: 'FREE_CARRIER', phone: '', email: '', website: '', active: true };
    const summary = el('div', { className: 'error-summary', role: 'alert', hidden: true });
    const form = el('form', { id: 'organisation-form', novalidate: true }, summary,
      field('org-name', t('admin.partners.name'), el('input', { type: 'text', id: 'org-name', name: 'name', value: o.name, maxlength: 200 })),
      field('org-kind', t('admin.partners.kind'), el('select', { id: 'org-kind', name: 'kind' },
        KINDS.map((kind) => el('option', { value: kind, selected: kind === o.kind }, t(`admin.partners.kind.${kind}`))))),
      field('org-phone', t('admin.partners.phone'), el('input', { type: 'tel', id: 'org-phone', name: 'phone', value: o.phone ?? '' })),
      field('org-email', t('admin.partners.email'), el('input', { type: 'email', id: 'org-email', name: 'email', value: o.email ?? '' })),
      field('org-website', t('admin.partners.website'), el('input', { type: 'text', id: 'org-website', name: 'website', value: o.website ?? '' })),
      el('div', { className: 'check' }, el('input', { type: 'checkbox', id: 'org-active', name: 'active', checked: o.active }), el('label', { for: 'org-active' }, t('admin.partners.active'))),
      el('button', { type: 'submit', className: 'button button--primary' }, t('admin.partners.addOrganisation')));
    const errors = new FormErrors(form, summary, this.i18n);
    takeOverSubmit(form, () => this._save(errors, this.editingOrganisation ? 'PUT' : 'POST',
      this.editingOrganisation ? `/api/admin/partners/${this.editingOrganisation.id}` : '/api/admin/partners', {
        name: value(form, 'name'), kind: value(form, 'kind'), phone: value(form, 'phone') || null, email: value(form, 'email') || null,
        website: value(form, 'website') || null, active: form.querySelector('[name=active]').checked,
      }, () => { this.editingOrganisation = null; }, 'organisation-form'));
    return form;
  }

  _serviceTable() {
    const t = (key) => this.i18n.t(key);
    return scrollRegion(t('admin.partners.services'), el('table', { className: 'data-table', id: 'partner-services' },
      el('thead', {}, el('tr', {}, [t('admin.partners.name'), t('admin.partners.organisation'), t('admin.partners.topic'), t('directory.hours'), t('admin.partners.active'), '']
        .map((heading) => el('th', { scope: 'col' }, heading || el('span', { className: 'visually-hidden' }, t('admin.actions')))))),
      el('tbody', {}, this.services.map((service) => el('tr', {},
        el('th', { scope: 'row' }, service.name), el('td', {}, service.organisation), el('td', {}, t(`topic.${service.topic}`)),
        el('td', {}, openingHoursText(service.openingHours, this.i18n.language)), el('td', {}, t(service.active ? 'admin.partners.activeYes' : 'admin.partners.activeNo')),
        el('td', {}, el('button', { type: 'button', className: 'button button--small', 'aria-label': `${t('admin.partners.edit')}: ${service.name}`, onClick: () => { this.editingService = service; this._render(); this._focusForm('service-form'); } }, t('admin.partners.edit'))))))));
  }

  _serviceForm() {
    const t = (key) => this.i18n.t(key);
    const s = this.editingService ?? { organisationId: this.overview.organisations[0]?.id, name: '', topic: TOPICS[0], targetGroup: '', languages: ['de'],
      openingHours: '', street: '', houseNumber: '', postcode: '', city: '', howToReach: '', quarters: [], active: true };
    const summary = el('div', { className: 'error-summary', role: 'alert', hidden: true });
    const text = (name, label, current) => field(`service-${name}`, label, el('input', { type: 'text', id: `service-${name}`, name, value: current ?? '' }));
    const form = el('form', { id: 'service-form', novalidate: true }, summary,
      field('service-organisation', t('admin.partners.organisation'), el('select', { id: 'service-organisation', name: 'organisation', disabled: Boolean(this.editingService) },
        this.overview.organisations.map((organisation) => el('option', { value: organisation.id, selected: organisation.id === s.organisationId }, organisation.name)))),
      text('name', t('admin.partners.name'), s.name),
      field('service-topic', t('admin.partners.topic'), el('select', { id: 'service-topic', name: 'topic' },
        TOPICS.map((topic) => el('option', { value: topic, selected: topic === s.topic }, t(`topic.${topic}`))))),
      text('targetGroup', t('admin.partners.targetGroup'), s.targetGroup),
      text('languages', t('admin.partners.languages'), s.languages.join(', ')),
      text('openingHours', t('admin.partners.openingHours'), openingHoursInput(s.openingHours, this.i18n.language)),
      text('street', t('admin.partners.street'), s.street),
      text('houseNumber', t('admin.partners.houseNumber'), s.houseNumber),
      text('postcode', t('admin.partners.postcode'), s.postcode),
      text('city', t('admin.partners.city'), s.city),
      text('howToReach', t('admin.partners.howToReach'), s.howToReach),
      text('quarters', t('admin.partners.quarters'), s.quarters.join(', ')),
      el('div', { className: 'check' }, el('input', { type: 'checkbox', id: 'service-active', name: 'active', checked: s.active }), el('label', { for: 'service-active' }, t('admin.partners.active'))),
      el('button', { type: 'submit', className: 'button button--primary' }, t('admin.partners.addService')));
    const errors = new FormErrors(form, summary, this.i18n);
    const list = (name) => value(form, name).split(',').map((part) => part.trim()).filter(Boolean);
    takeOverSubmit(form, () => this._save(errors, this.editingService ? 'PUT' : 'POST',
      this.editingService ? `/api/admin/partners/services/${this.editingService.id}` : `/api/admin/partners/${value(form, 'organisation')}/services`, {
        name: value(form, 'name'), topic: value(form, 'topic'), targetGroup: value(form, 'targetGroup'), languages: list('languages'),
        openingHours: value(form, 'openingHours'), street: value(form, 'street'), houseNumber: value(form, 'houseNumber'),
        postcode: value(form, 'postcode'), city: value(form, 'city'), howToReach: value(form, 'howToReach'), quarters: list('quarters'),
        active: form.querySelector('[name=active]').checked,
      }, () => { this.editingService = null; }, 'service-form'));
    return form;
  }

  _accountTable() {
    const t = (key) => this.i18n.t(key);
    return scrollRegion(t('admin.partners.accounts'), el('table', { className: 'data-table', id: 'partner-accounts' },
      el('thead', {}, el('tr', {}, [t('admin.users.username'), t('admin.partners.organisation')].map((heading) => el('th', { scope: 'col' }, heading || el('span', { className: 'visually-hidden' }, t('admin.actions')))))),
      el('tbody', {}, this.overview.accounts.map((account) => {
        const select = el('select', { id: `member-${account.userId}`, 'aria-label': `${t('admin.partners.organisation')}: ${account.username}` },
          el('option', { value: '' }, t('admin.partners.noOrganisation')),
          this.overview.organisations.map((organisation) => el('option', { value: organisation.id, selected: organisation.id === account.organisationId }, organisation.name)));
        select.addEventListener('change', () => this._bind(account.userId, select.value));
        return el('tr', {}, el('th', { scope: 'row' }, `${account.username} (${account.displayName})`), el('td', {}, select));
      }))));
  }

  async _save(errors, method, path, body, done, formId) {
    try {
      await api(path, { method, body });
      done();
      this.message.say('admin.partners.saved');
      await this.load();
      this._focusForm(formId);
    }
    catch (failure) {
      showProblem(errors, failure);
    }
  }

  /** The panel is drawn anew: the keyboard goes on in the form, not from the top of the page. */
  _focusForm(formId) {
    this.section.querySelector(`#${formId} :is(input, select, textarea):not([disabled]):not([type=hidden])`)?.focus();
  }

  async _bind(userId, organisationId) {
    try {
      await api(`/api/admin/partners/members/${userId}`, { method: 'PUT', body: { organisationId: organisationId ? Number(organisationId) : null } });
      this.message.say('admin.partners.saved');
    }
    catch (failure) {
      this.message.show(problemText(failure, this.i18n), true);
    }
  }

}

function field(id, label, control) {
  return el('div', { className: 'field' }, el('label', { for: id }, label), control);
}

function value(form, name) {
  return form.querySelector(`[name=${name}]`).value.trim();
}
