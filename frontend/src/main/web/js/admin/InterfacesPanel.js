import { api } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { formatDateTime } from '../core/format.js';
import { missingRequired, takeOverSubmit } from '../core/forms.js';
import { checkedValues, problemText, showProblem } from './problems.js';
import { FormErrors } from '../core/FormErrors.js';

const WEBHOOK_EVENTS = ['INCIDENT_OPENED', 'REPORT_ATTACHED', 'INCIDENT_STATE_CHANGED', 'INCIDENT_MERGED',
  'INCIDENT_ESCALATED', 'TEAM_ASSIGNED', 'PRIORITY_CHANGED'];

/**
 * Interfaces to other systems: keys of Open311 partner apps (issued, shown once, revoked) and
 * webhook subscribers (the signing secret shown once).
 */
export class InterfacesPanel {

  constructor(i18n, message) {
    this.i18n = i18n;
    this.message = message;
    this.keyErrors = new FormErrors($('#key-form'), $('#key-errors'), i18n);
    this.webhookErrors = new FormErrors($('#webhook-form'), $('#webhook-errors'), i18n);
  }

  async start() {
    const events = $('#webhook-events');
    for (const event of WEBHOOK_EVENTS) {
      const id = `webhook-event-${event}`;
      events.append(el('div', { className: 'check' },
        el('input', { type: 'checkbox', id, value: event, checked: event === 'INCIDENT_OPENED' }),
        el('label', { for: id }, this.i18n.t(`admin.interfaces.event.${event}`))));
    }
    takeOverSubmit($('#key-form'), () => this._issueKey());
    takeOverSubmit($('#webhook-form'), () => this._createWebhook());
    document.addEventListener('languagechange', () => this._relabel());
    await Promise.all([this._showKeys(), this._showWebhooks()]);
  }

  /** Another language chosen: the event names and the tables (dates, events) in it; choices stay. */
  _relabel() {
    for (const event of WEBHOOK_EVENTS) {
      const label = document.querySelector(`label[for="webhook-event-${event}"]`);
      if (label) {
        label.textContent = this.i18n.t(`admin.interfaces.event.${event}`);
      }
    }
    // Read again: a table that cannot be read now keeps what it showed.
    Promise.all([this._showKeys(), this._showWebhooks()]).catch(() => {});
  }

  async _showKeys() {
    const t = (key, params) => this.i18n.t(key, params);
    const keys = await api('/api/admin/open311/keys');
    const rows = keys.map((key) => el('tr', {},
      el('td', {}, key.name),
      el('td', {}, el('code', {}, `${key.prefix}…`)),
      el('td', {}, String(key.requestsPerHour)),
      el('td', {}, formatDateTime(key.createdAt, this.i18n.language)),
      el('td', {}, key.lastUsedAt ? formatDateTime(key.lastUsedAt, this.i18n.language) : '–'),
      el('td', {}, key.revokedAt
        ? `${t('admin.interfaces.revokedOn')} ${formatDateTime(key.revokedAt, this.i18n.language)}`
        // Valid, with the button that ends it beside: the button alone read like the state.
        : [t('admin.interfaces.valid'), ' ', el('button', {
          type: 'button', className: 'button button--small button--danger', onClick: () => this._revoke(key),
          'aria-label': t('admin.interfaces.revokeNamed', { name: key.name }),
        }, t('admin.interfaces.revoke'))])));
    $('#key-table tbody').replaceChildren(...rows);
  }

  async _issueKey() {
    const missing = missingRequired($('#key-form'));
    if (missing.length) {
      this.keyErrors.show(missing);
      return;
    }
    try {
      const issued = await api('/api/admin/open311/keys', { method: 'POST',
        body: { name: $('#key-name').value, requestsPerHour: Number($('#key-limit').value) || null } });
      $('#key-issued').replaceChildren(this.i18n.t('admin.interfaces.keyOnce'), ' ', el('code', {}, issued.key));
      $('#key-issued').hidden = false;
      $('#key-form').reset();
      this.keyErrors.clear();
      this.message.say('admin.interfaces.keyIssued');
      await this._showKeys();
    }
    catch (failure) {
      showProblem(this.keyErrors, failure);
    }
  }

  async _revoke(key) {
    if (!window.confirm(this.i18n.t('admin.interfaces.revokeConfirm').replace('{name}', key.name))) {
      return;
    }
    try {
      await api(`/api/admin/open311/keys/${key.id}`, { method: 'DELETE' });
      this.message.say('admin.interfaces.revoked');
      await this._showKeys();
    }
    catch (failure) {
      this.message.show(problemText(failure, this.i18n), true);
    }
  }

  async _showWebhooks() {
    const t = (key) => this.i18n.t(key);
    const subscribers = await api('/api/admin/webhooks');
    const rows = subscribers.map((subscriber) => el('tr', {},
      el('td', {}, subscriber.name),
      el('td', { className: 'details' }, subscriber.url),
      el('td', {}, subscriber.events.map((event) => t(`admin.interfaces.event.${event}`)).join(', ')),
      el('td', {}, subscriber.enabled ? t('admin.interfaces.enabled') : t('admin.interfaces.paused')),
      el('td', {},
        el('button', { type: 'button', className: 'button button--small', onClick: () => this._toggle(subscriber) },
          subscriber.enabled ? t('admin.interfaces.pause') : t('admin.interfaces.resume')),
        ' ',
        el('button', { type: 'button', className: 'button button--small button--danger', onClick: () => this._delete(subscriber) },
          t('admin.interfaces.delete')))));
    $('#webhook-table tbody').replaceChildren(...rows);
  }

  async _createWebhook() {
    const missing = missingRequired($('#webhook-form'));
    if (missing.length) {
      this.webhookErrors.show(missing);
      return;
    }
    try {
      const created = await api('/api/admin/webhooks', { method: 'POST',
        body: { name: $('#webhook-name').value, url: $('#webhook-url').value, events: checkedValues($('#webhook-events')) } });
      $('#webhook-secret').replaceChildren(this.i18n.t('admin.interfaces.secretOnce'), ' ', el('code', {}, created.secret));
      $('#webhook-secret').hidden = false;
      $('#webhook-name').value = '';
      $('#webhook-url').value = '';
      this.webhookErrors.clear();
      this.message.say('admin.interfaces.webhookCreated');
      await this._showWebhooks();
    }
    catch (failure) {
      showProblem(this.webhookErrors, failure);
    }
  }

  async _toggle(subscriber) {
    try {
      await api(`/api/admin/webhooks/${subscriber.id}`, { method: 'PUT',
        body: { url: subscriber.url, events: subscriber.events, enabled: !subscriber.enabled } });
      await this._showWebhooks();
    }
    catch (failure) {
      this.message.show(problemText(failure, this.i18n), true);
    }
  }

  async _delete(subscriber) {
    if (!window.confirm(this.i18n.t('admin.interfaces.deleteConfirm').replace('{name}', subscriber.name))) {
      return;
    }
    try {
      await api(`/api/admin/webhooks/${subscriber.id}`, { method: 'DELETE' });
      await this._showWebhooks();
    }
    catch (failure) {
      this.message.show(problemText(failure, this.i18n), true);
    }
  }

}
