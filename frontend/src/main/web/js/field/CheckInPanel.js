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
    // The key of what the line says, where it is one of ours: said again in another language.
    this._saidKey = null;
    this._parts = null;
    setInterval(() => this.render(), REFRESH_MS);
    // "No network" no longer holds once the phone is back online.
    window.addEventListener('online', () => {
      if (this._saidKey === 'field.checkIn.offline') {
        this._say('', null);
      }
    });
  }

  show(checkIn) {
    this.checkIn = checkIn ?? null;
    this.render();
  }

  /**
   * Draws the panel, then keeps it: every live notice and the clock redraw it, and a screen
   * reader reads out only what changed (the prompt, an alarm, a message), not the whole panel
   * again; the keyboard stays on its button.
   */
  render() {
    const panel = $('#check-in');
    const t = (key, params) => this.page.i18n.t(key, params);
    if (!this.checkIn) {
      panel.hidden = true;
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
    const parts = this._parts ?? this._draw(panel);
    panel.hidden = false;
    panel.classList.toggle('check-in--asking', asking || Boolean(this.checkIn.alarm));
    setText(parts.heading, t('field.checkIn.title'));
    parts.alarm.hidden = !this.checkIn.alarm;
    setText(parts.alarm, this.checkIn.alarm ? t(`field.checkIn.alarm.${this.checkIn.alarm}`) : '');
    if (asking) {
      parts.due.setAttribute('role', 'alert');
    }
    else {
      parts.due.removeAttribute('role');
    }
    setText(parts.due, asking ? t('field.checkIn.ask', { time: formatDuration(Math.max(minutes, 0), t) })
      : t('field.checkIn.due', { time: formatDuration(minutes, t) }));
    setText(parts.fine, t('field.checkIn.fine'));
    setText(parts.help, t('field.checkIn.help'));
    if (this._saidKey) {
      setText(this._message, t(this._saidKey));
    }
  }

  _draw(panel) {
    this._parts = {
      heading: el('h2'),
      alarm: el('p', { className: 'check-in-alarm', role: 'alert', hidden: true }),
      due: el('p'),
      fine: el('button', { type: 'button', className: 'button button--primary', id: 'check-in-fine', onClick: () => this.send('/api/field/check-in', 'check-in-fine') }),
      help: el('button', { type: 'button', className: 'button button--danger help', id: 'check-in-help', onClick: () => this.send('/api/field/help', 'check-in-help') }),
    };
    const { heading, alarm, due, fine, help } = this._parts;
    panel.replaceChildren(heading, alarm, due, el('div', { className: 'actions' }, fine, help), this._message);
    return this._parts;
  }

  _say(text, dueAt, key = null) {
    this._message.textContent = text;
    this._saidFor = dueAt;
    this._saidKey = key;
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
      const key = extended ? 'field.checkIn.extended' : null;
      this._say(key ? this.page.i18n.t(key) : '', answer.checkIn?.dueAt ?? null, key);
    }
    catch (failure) {
      if (failure instanceof ApiError && failure.status) {
        this._say([failure.title, failure.detail].filter(Boolean).join(': '), this.checkIn?.dueAt ?? null);
      }
      else {
        this._say(this.page.i18n.t('field.checkIn.offline'), this.checkIn?.dueAt ?? null, 'field.checkIn.offline');
      }
    }
    document.getElementById(button)?.focus();
  }

}

/** Changes a text only when it is another: a live region reads out every change. */
function setText(element, text) {
  if (element.textContent !== text) {
    element.textContent = text;
  }
}
