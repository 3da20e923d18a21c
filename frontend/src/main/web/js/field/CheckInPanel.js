import { api, ApiError } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { formatDuration, minutesUntil } from '../core/format.js';

/**
 * Lone-worker safety on the phone: while the team is on site, when its next check-in is due,
 * "still fine" (starts the timer again) and "need help" (an alarm on the board at once). Shortly
 * before the check-in is due, the panel asks "still fine?" and the phone vibrates where it can.
 * The server raises the alarm when the time runs out, also when this phone is off.
 */
const ASK_MINUTES_BEFORE = 5;
const REFRESH_MS = 30000;
const VIBRATION = [300, 150, 300];

export class CheckInPanel {

  /**
   * @param page the field page: i18n, and received(document) for the fresh list the server answers with
   */
  constructor(page) {
    this.page = page;
    this.checkIn = null;
    this._asked = null;
    // One status line for the panel's whole life: a line made anew with its text in it is not
    // read out, one whose text changes is. What it says holds for the check-in it answered.
    this._message = el('p', { className: 'check-in-message', role: 'status', id: 'check-in-message' });
    this._saidFor = null;
    setInterval(() => this.render(), REFRESH_MS);
  }

  show(checkIn) {
    this.checkIn = checkIn ?? null;
    this.render();
  }

  render() {
    const panel = $('#check-in');
    const t = (key, params) => this.page.i18n.t(key, params);
    // Drawn anew by every live notice: the keyboard stays on the button it was on.
    const focused = panel.contains(document.activeElement) ? document.activeElement.id : null;
    if (!this.checkIn) {
      panel.hidden = true;
      panel.replaceChildren();
      this._say('', null);
      return;
    }
    const minutes = minutesUntil(this.checkIn.dueAt);
    const asking = minutes <= ASK_MINUTES_BEFORE;
    if (asking || (this._saidFor && this._saidFor !== this.checkIn.dueAt)) {
      this._say('', null);
    }
    if (asking && this._asked !== this.checkIn.dueAt) {
      this._asked = this.checkIn.dueAt;
      navigator.vibrate?.(VIBRATION);
    }
    panel.hidden = false;
    panel.className = `panel check-in${asking || this.checkIn.alarm ? ' check-in--asking' : ''}`;
    panel.replaceChildren(
      el('h2', {}, t('field.checkIn.title')),
      this.checkIn.alarm ? el('p', { className: 'check-in-alarm', role: 'alert' }, t(`field.checkIn.alarm.${this.checkIn.alarm}`)) : '',
      el('p', { role: asking ? 'alert' : null }, asking ? t('field.checkIn.ask', { time: formatDuration(Math.max(minutes, 0), t) })
        : t('field.checkIn.due', { time: formatDuration(minutes, t) })),
      el('div', { className: 'actions' },
        el('button', { type: 'button', className: 'button button--primary', id: 'check-in-fine', onClick: () => this.send('/api/field/check-in', 'check-in-fine') }, t('field.checkIn.fine')),
        el('button', { type: 'button', className: 'button button--danger help', id: 'check-in-help', onClick: () => this.send('/api/field/help', 'check-in-help') }, t('field.checkIn.help'))),
      this._message);
    if (focused) {
      document.getElementById(focused)?.focus();
    }
  }

  _say(text, dueAt) {
    this._message.textContent = text;
    this._saidFor = dueAt;
  }

  /**
   * Sends "still fine" or "help". The answer draws the panel anew: the keyboard goes back to
   * the button, and "still fine" says that it arrived (a help alarm says so itself), also
   * through the redraws of the live notices that follow.
   */
  async send(path, button) {
    try {
      const answer = await api(path, { method: 'POST' });
      await this.page.received(answer);
      // During an alarm "still fine" restarts the time, but the alarm stays for the lead to end.
      const extended = button === 'check-in-fine' && answer.checkIn && !answer.checkIn.alarm;
      this._say(extended ? this.page.i18n.t('field.checkIn.extended') : '', answer.checkIn?.dueAt ?? null);
    }
    catch (failure) {
      this._say((failure instanceof ApiError && failure.status)
        ? [failure.title, failure.detail].filter(Boolean).join(': ') : this.page.i18n.t('field.checkIn.offline'), this.checkIn?.dueAt ?? null);
    }
    document.getElementById(button)?.focus();
  }

}
