import { api } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { formatDateTime } from '../core/format.js';
import { missingRequired, redrawKeepingInput, takeOverSubmit } from '../core/forms.js';
import { teamTypeName } from '../core/teamTypes.js';
import { FormErrors } from '../core/FormErrors.js';
import { checkedValues, selectedValues, showProblem } from './problems.js';
import { SecondFactorPanel } from './SecondFactorPanel.js';

const ROLES = ['COUNTER', 'DISPATCHER', 'FIELD', 'ANALYST', 'ADMIN', 'PARTNER'];

/**
 * Staff accounts: the list, and one form to create an account or change the selected one
 * (roles, team, contact point, quarters, enabled), or set its password. A change to what an
 * account may do signs it out everywhere; the server says so and the list shows it.
 */
export class UsersPanel {

  constructor(i18n, me, reference, message) {
    this.i18n = i18n;
    this.me = me;
    this.reference = reference;
    this.message = message;
    this.form = $('#user-form');
    this.errors = new FormErrors(this.form, $('#user-errors'), i18n, { check: () => missingRequired(this.form) });
    this.editing = null;
    this.secondFactor = new SecondFactorPanel(i18n, me, message);
  }

  async start() {
    this._renderChoices();
    takeOverSubmit(this.form, () => this._save());
    $('#new-user').addEventListener('click', () => this._open(null));
    $('#user-set-password').addEventListener('click', () => this._setPassword());
    document.addEventListener('languagechange', () => redrawKeepingInput(this.form, () => {
      this._renderChoices();
      this._edit(this.editing);
    }));
    // A team or contact point added on its tab can be chosen here at once.
    document.addEventListener('teamschange', () => {
      const chosen = $('#user-teamId').value;
      this._renderTeams();
      $('#user-teamId').value = chosen;
    });
    document.addEventListener('contactpointschange', () => {
      const chosen = $('#user-contactPointId').value;
      this._renderContactPoints();
      $('#user-contactPointId').value = chosen;
    });
    this._edit(null);
    await this.load();
  }

  async load() {
    this.members = await api('/api/admin/users');
    this._renderTable();
  }

  _renderChoices() {
    const t = (key) => this.i18n.t(key);
    $('#user-roles').replaceChildren(el('legend', {}, t('admin.users.roles')), ...ROLES.map((role) => el('div', { className: 'check' },
      el('input', { type: 'checkbox', id: `role-${role}`, value: role }),
      el('label', { for: `role-${role}` }, t(`role.${role}`)))));
    this._renderTeams();
    this._renderContactPoints();
    $('#user-quarterCodes').replaceChildren(...this.reference.quarters.map((quarter) => el('option', { value: quarter.code }, `${quarter.name} (${quarter.code})`)));
  }

  _renderTeams() {
    $('#user-teamId').replaceChildren(el('option', { value: '' }, this.i18n.t('admin.none')),
      ...this.reference.teams.map((team) => el('option', { value: team.id },
        `${team.name} (${teamTypeName(this.i18n, team.teamType, { labels: this.reference.teamTypes })}${team.active === false ? `, ${this.i18n.t('admin.teams.retired')}` : ''})`)));
  }

  _renderContactPoints() {
    $('#user-contactPointId').replaceChildren(el('option', { value: '' }, this.i18n.t('admin.none')),
      ...this.reference.contactPoints.map((point) => el('option', { value: point.id }, point.name)));
  }

  _renderTable() {
    const t = (key, params) => this.i18n.t(key, params);
    $('#user-table tbody').replaceChildren(...(this.members || []).map((member) => el('tr', { 'aria-current': member.id === this.editing?.id ? 'true' : false },
      el('td', {}, el('button', { type: 'button', className: 'link-button', onClick: () => this._open(member) }, member.username)),
      el('td', {}, member.displayName),
      el('td', {}, member.roles.map((role) => t(`role.${role}`)).join(', ')),
      el('td', {}, !member.enabled ? t('admin.users.disabled') : member.lockedUntil ? t('admin.users.locked') : t('admin.users.active')),
      el('td', {}, member.lastSeenAt ? formatDateTime(member.lastSeenAt, this.i18n.language) : '–'))));
  }

  /** Chosen by the administrator: the form's first field to fill takes the focus. */
  _open(member) {
    this._edit(member);
    $(member ? '#user-displayName' : '#user-username').focus();
  }

  _edit(member) {
    this.editing = member;
    this.errors.clear();
    const t = (key) => this.i18n.t(key);
    $('#user-form-heading').textContent = member ? `${t('admin.users.edit')}: ${member.username}` : t('admin.users.new');
    $('#user-username').value = member?.username ?? '';
    $('#user-username').readOnly = Boolean(member);
    $('#user-displayName').value = member?.displayName ?? '';
    $('#user-password').value = '';
    // A new account needs its first password; an existing one gets a new one only when set.
    $('#user-password').required = !member;
    $('label[for=user-password]').textContent = member ? t('admin.users.newPassword') : t('admin.users.password');
    $('#user-password-field').hidden = Boolean(member?.external);
    $('#user-set-password').hidden = !member || member.external;
    $('#user-enabled-field').hidden = !member;
    $('#user-enabled').checked = member ? member.enabled : true;
    for (const role of ROLES) {
      $(`#role-${role}`).checked = Boolean(member?.roles.includes(role));
    }
    $('#user-teamId').value = member?.teamId ?? '';
    $('#user-contactPointId').value = member?.contactPointId ?? '';
    for (const option of $('#user-quarterCodes').options) {
      option.selected = Boolean(member?.quarterCodes.includes(option.value));
    }
    this._renderTable();
    this.secondFactor.show(member);
  }

  _remit() {
    const number = (value) => (value ? Number(value) : null);
    return {
      displayName: $('#user-displayName').value,
      roles: checkedValues($('#user-roles')),
      teamId: number($('#user-teamId').value),
      contactPointId: number($('#user-contactPointId').value),
      quarterCodes: selectedValues($('#user-quarterCodes')),
    };
  }

  async _save() {
    // A success said before would read as this attempt's.
    this.message.clear();
    const missing = missingRequired(this.form);
    if (missing.length) {
      this.errors.show(missing);
      return;
    }
    try {
      const changing = Boolean(this.editing);
      const saved = changing
        ? await api(`/api/admin/users/${this.editing.id}`, { method: 'PUT', body: { ...this._remit(), enabled: $('#user-enabled').checked } })
        : await api('/api/admin/users', { method: 'POST', body: { username: $('#user-username').value, password: $('#user-password').value, ...this._remit() } });
      await this.load();
      this._edit(saved);
      // Said once the form shows the saved account: what is typed from then on is not drawn over.
      this.message.say(changing ? 'admin.users.changed' : 'admin.users.created', { username: saved.username });
    }
    catch (failure) {
      showProblem(this.errors, failure);
    }
  }

  async _setPassword() {
    this.message.clear();
    try {
      await api(`/api/admin/users/${this.editing.id}/password`, { method: 'PUT', body: { password: $('#user-password').value } });
      $('#user-password').value = '';
      this.errors.clear();
      this.message.say('admin.users.passwordSet', { username: this.editing.username });
      await this.load();
    }
    catch (failure) {
      showProblem(this.errors, failure);
    }
  }

}
