import { api, ApiError } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { formatDateTime } from '../core/format.js';
import { takeOverSubmit } from '../core/forms.js';
import { FormErrors } from '../core/FormErrors.js';
import { destinationAfterSignIn } from '../shell/staffPage.js';

/**
 * The second factor: the code step of a sign-in, setting up an authenticator app (QR code and
 * the secret as text; the recovery codes shown once), and, for a signed-in member, where they
 * stand and setting up a new app. Afterwards the member goes on to the page they asked for
 * (only pages of this site) or to the start page of their role.
 */

const STEPS = ['code-step', 'enrol-step', 'recovery-step', 'status-step'];

export class SecondFactorPage {

  constructor(i18n, me) {
    this.i18n = i18n;
    this.me = me;
    this.status = null;
    this.next = new URLSearchParams(window.location.search).get('next');
    this.codeErrors = new FormErrors($('#code-form'), $('#code-errors'), i18n);
    this.enrolErrors = new FormErrors($('#enrol-form'), $('#enrol-errors'), i18n);
  }

  async start() {
    takeOverSubmit($('#code-form'), () => this._verify());
    takeOverSubmit($('#enrol-form'), () => this._confirm());
    // A refused code's message goes as soon as a new one is typed, not when the field loses
    // the focus: that would move the button away from under the pointer that presses it.
    $('#code').addEventListener('input', () => this.codeErrors.clear());
    $('#enrol-code').addEventListener('input', () => this.enrolErrors.clear());
    $('#enrol-current').addEventListener('input', () => this.enrolErrors.clear());
    $('#recovery-continue').addEventListener('click', () => this._goOn());
    $('#status-continue').addEventListener('click', () => this._goOn());
    $('#re-enrol').addEventListener('click', () => this._enrol({ cancellable: true }));
    $('#enrol-cancel').addEventListener('click', () => this._cancelEnrolment());
    document.addEventListener('languagechange', () => {
      if (!$('#status-step').hidden) {
        this._showStatus();
      }
    });
    this.status = await api('/api/auth/mfa');
    if (this.status.state === 'CODE') {
      this._show('code-step');
      $('#code').focus();
    }
    else if (this.status.state === 'ENROL') {
      await this._enrol();
    }
    else {
      this._showStatus();
    }
  }

  _show(step) {
    for (const id of STEPS) {
      $(`#${id}`).hidden = id !== step;
    }
  }

  async _verify() {
    this.codeErrors.clear();
    try {
      const verified = await api('/api/auth/mfa/verify', { method: 'POST', body: { code: $('#code').value } });
      this.me = { ...this.me, roles: verified.roles };
      if (verified.recoveryCodeUsed) {
        this.status = await api('/api/auth/mfa');
        $('#recovery-used').textContent = this.i18n.t('mfa.status.recoveryUsed', { count: verified.recoveryCodesLeft });
        $('#recovery-used').hidden = false;
        this._showStatus();
        return;
      }
      this._goOn();
    }
    catch (failure) {
      this._showFailure(this.codeErrors, failure, '#code');
    }
  }

  /**
   * Shows a new secret to set up. A member who chose to set up a (new) app may cancel; one whose
   * sign-in waits for it may not (signing out is in the header). An app in force is replaced only
   * with one of its codes (or a recovery code) as well.
   */
  async _enrol({ cancellable = false } = {}) {
    const secret = await api('/api/auth/mfa/enrolment', { method: 'POST' });
    $('#qr').src = secret.qrCode;
    $('#secret').textContent = secret.secret;
    $('#enrol-code').value = '';
    const replacing = this.status?.state === 'ENROLLED';
    // Replacing the app in force: said so, not the first set-up's words.
    // (Through data-i18n, so that a change of language keeps them.)
    for (const [element, key] of [[$('#enrol-step h1'), replacing ? 'mfa.enrol.replaceHeading' : 'mfa.enrol.heading'],
      [$('#enrol-intro'), replacing ? 'mfa.enrol.replaceIntro' : 'mfa.enrol.intro']]) {
      element.dataset.i18n = key;
      element.textContent = this.i18n.t(key);
    }
    $('#enrol-current-field').hidden = !replacing;
    $('#enrol-current').required = replacing;
    $('#enrol-current').value = '';
    this.enrolErrors.clear();
    $('#enrol-cancel').hidden = !cancellable;
    this._show('enrol-step');
    $('#enrol-step h1').focus();
  }

  /** The new secret is left unconfirmed (it lapses after the set-up time, or the next set-up replaces it); the app set up before stays. */
  _cancelEnrolment() {
    this._showStatus();
    $('#status-step h1').focus();
  }

  async _confirm() {
    this.enrolErrors.clear();
    try {
      const body = { code: $('#enrol-code').value };
      if ($('#enrol-current').required) {
        body.currentCode = $('#enrol-current').value;
      }
      const answer = await api('/api/auth/mfa/enrolment/confirm', { method: 'POST', body });
      $('#recovery-codes').replaceChildren(...answer.recoveryCodes.map((code) => el('li', {}, code)));
      this._show('recovery-step');
      $('#recovery-step h1').focus();
    }
    catch (failure) {
      // Only the current app's code is spent (or found used) when the new one's is right.
      const current = /(wrong-current-code|current-code-due|code-used)$/.test(failure?.body?.type ?? '');
      this._showFailure(this.enrolErrors, failure, current ? '#enrol-current' : '#enrol-code');
    }
  }

  _showStatus() {
    const t = (key, params) => this.i18n.t(key, params);
    const status = this.status;
    const texts = {
      PROVIDER: () => t('mfa.status.provider'),
      NOT_ENROLLED: () => t(status.required ? 'mfa.status.notEnrolledRequired' : 'mfa.status.notEnrolled'),
      ENROLLED: () => t('mfa.status.enrolled', { date: formatDateTime(status.enrolledAt, this.i18n.language), count: status.recoveryCodesLeft }),
    };
    $('#status-text').textContent = texts[status.state] ? texts[status.state]() : '';
    $('#re-enrol').hidden = status.state === 'PROVIDER';
    this._show('status-step');
  }

  _showFailure(errors, failure, input) {
    const message = (failure instanceof ApiError && failure.status !== 0) ? (failure.detail || failure.title) : this.i18n.t('error.network');
    errors.show([{ field: $(input).name, message }], { key: 'mfa.failed' });
    $(input).value = '';
  }

  _goOn() {
    window.location.assign(destinationAfterSignIn(this.next, this.me.roles));
  }

}
