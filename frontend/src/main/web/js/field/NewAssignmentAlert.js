import { $ } from '../core/dom.js';
import { beep } from '../board/beep.js';

const VIBRATION = [200, 100, 200];

/**
 * A new assignment must not go unnoticed on a phone in a pocket: a tone,
 * vibration where the device has it, a system notification when the page is in the
 * background and the member allowed it, and the count of new jobs above the list (read out
 * by screen readers). The first list after opening the app rings nothing: those jobs are
 * what the member opened the app to see.
 */
export class NewAssignmentAlert {

  constructor(i18n) {
    this._i18n = i18n;
    this._seen = null;
    this._newIds = new Set();
    this._count = $('#new-assignments');
    this._allow = $('#allow-notifications');
  }

  start() {
    const canAsk = 'Notification' in window && Notification.permission === 'default';
    this._allow.hidden = !canAsk;
    this._allow.addEventListener('click', async () => {
      await Notification.requestPermission();
      this._allow.hidden = true;
    });
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) {
        this.acknowledge();
      }
    });
    document.addEventListener('languagechange', () => this._render());
  }

  /** Compares a fresh list with the one before and rings for jobs that were not there. */
  received(assignments) {
    const open = assignments.filter((assignment) => assignment.state === 'ASSIGNED').map((assignment) => assignment.id);
    if (this._seen !== null) {
      const arrived = open.filter((id) => !this._seen.has(id));
      if (arrived.length) {
        arrived.forEach((id) => this._newIds.add(id));
        this._ring(arrived.length);
      }
    }
    this._seen = new Set(assignments.map((assignment) => assignment.id));
    [...this._newIds].filter((id) => !open.includes(id)).forEach((id) => this._newIds.delete(id));
    this._render();
  }

  /** Whether this job arrived since the member last looked. */
  isNew(id) {
    return this._newIds.has(id);
  }

  /** The member has seen the list: the count goes back to nothing. */
  acknowledge() {
    if (this._newIds.size && !document.hidden) {
      this._newIds.clear();
      this._render();
    }
  }

  _ring(count) {
    try {
      beep();
    }
    catch (noAudio) {
      // A page without a user gesture yet may not play sound: vibration and the count remain.
    }
    navigator.vibrate?.(VIBRATION);
    if (document.hidden && 'Notification' in window && Notification.permission === 'granted') {
      this._notify(count);
    }
  }

  /**
   * Through the service worker where there is one: Chrome on Android refuses `new
   * Notification()` in a page. Only the count: a notification may be read on a locked screen.
   */
  async _notify(count) {
    const title = this._i18n.t('field.newAssignment.title');
    const options = { body: this._i18n.t('field.newAssignment.body', { count }), tag: 'quartier-dispatch-new-assignment' };
    try {
      const registration = await navigator.serviceWorker?.getRegistration();
      if (registration) {
        await registration.showNotification(title, options);
      }
      else {
        new Notification(title, options);
      }
    }
    catch (refused) {
      // The tone, the vibration and the count above the list remain.
    }
  }

  _render() {
    const count = this._newIds.size;
    this._count.hidden = count === 0;
    this._count.textContent = count ? this._i18n.t('field.newAssignment.count', { count }) : '';
  }

}
