import { api } from '../core/api.js';
import { $ } from '../core/dom.js';
import { formatDateTime } from '../core/format.js';

/**
 * The selected member's second factor: whether an authenticator app is set up, and the reset
 * for a lost phone (audited; the member's sessions end, and they set up a new app at their next
 * sign-in). Not one's own: another administrator resets that (the server refuses it too).
 */
export class SecondFactorPanel {

  constructor(i18n, me, message) {
    this.i18n = i18n;
    this.me = me;
    this.message = message;
    this.member = null;
    $('#user-second-factor-reset').addEventListener('click', () => this._reset());
  }

  async show(member) {
    this.member = member;
    $('#user-second-factor').hidden = !member;
    if (!member) {
      return;
    }
    $('#user-second-factor-status').textContent = '';
    $('#user-second-factor-reset').hidden = true;
    $('#user-second-factor-own').hidden = true;
    try {
      const overview = await api(`/api/admin/users/${member.id}/second-factor`);
      if (this.member?.id === member.id) {
        this._render(overview);
      }
    }
    catch {
      $('#user-second-factor').hidden = true;
    }
  }

  _render(overview) {
    const t = (key, params) => this.i18n.t(key, params);
    let text;
    if (overview.external) {
      text = t('admin.users.secondFactorExternal');
    }
    else if (overview.enrolled) {
      text = t('admin.users.secondFactorEnrolled', { date: formatDateTime(overview.enrolledAt, this.i18n.language), count: overview.recoveryCodesLeft });
    }
    else {
      text = t(overview.required ? 'admin.users.secondFactorMissing' : 'admin.users.secondFactorNone');
    }
    $('#user-second-factor-status').textContent = text;
    const resettable = !overview.external && overview.enrolled;
    const own = this.member?.username === this.me?.username;
    $('#user-second-factor-reset').hidden = !resettable || own;
    $('#user-second-factor-own').hidden = !resettable || !own;
  }

  async _reset() {
    const member = this.member;
    if (!member || !window.confirm(this.i18n.t('admin.users.secondFactorResetConfirm', { username: member.username }))) {
      return;
    }
    await api(`/api/admin/users/${member.id}/second-factor`, { method: 'DELETE' });
    this.message.say('admin.users.secondFactorResetDone', { username: member.username });
    await this.show(member);
  }

}
