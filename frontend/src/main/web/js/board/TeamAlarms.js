import { api, ApiError } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { beep } from './beep.js';

/**
 * Teams that need help now (lone-worker safety): a check-in ran out unanswered, or a member
 * pressed "need help". Shown above everything else as long as the team's summary carries the
 * alarm (also after a reload); each new alarm is announced and, if sound is on, beeps. The lead
 * ends an alarm once the team is reached; the team's next summary then carries none.
 */
export class TeamAlarms {

  /**
   * @param i18n the board's texts
   * @param onOpen called with an incident's id to open it in the panel
   */
  constructor(i18n, onOpen) {
    this.i18n = i18n;
    this.onOpen = onOpen;
    this.known = new Set();
    this.shown = null;
  }

  render(teams) {
    const t = (key, params) => this.i18n.t(key, params);
    const alarmed = teams.filter((team) => team.alarm);
    for (const team of alarmed) {
      const key = `${team.id}:${team.alarm.at}`;
      if (!this.known.has(key)) {
        this.known.add(key);
        $('#announcer').textContent = alarmText(t, team);
        if ($('#sound').checked) {
          beep();
        }
      }
    }
    // Teams share their positions every few seconds: a redraw for each would take a click under
    // way, or the keyboard focus, off the alarm's buttons. Only a change in what is shown redraws.
    const shown = JSON.stringify([this.i18n.language, alarmed.map((team) => [team.id, team.name, team.alarm])]);
    if (shown === this.shown) {
      return;
    }
    this.shown = shown;
    const box = $('#alarms');
    box.hidden = !alarmed.length;
    // A landmark of its own, so that a screen reader finds the alarms; gone with the last one.
    box.parentElement.hidden = !alarmed.length;
    box.replaceChildren(...alarmed.map((team) => el('li', { className: 'alarm' },
      el('strong', {}, t('board.alarm.title')), ' ', alarmText(t, team),
      // Without its incident, the alarm comes from outside the lead's quarters: theirs to see, not to handle.
      ...(team.alarm.incidentId == null ? [] : [' ',
        el('button', { type: 'button', className: 'button button--small', onClick: () => this.onOpen(team.alarm.incidentId) }, t('board.alarm.open')), ' ',
        el('button', { type: 'button', className: 'button button--small', onClick: (event) => this.end(team, event.currentTarget) }, t('board.alarm.end'))]))));
  }

  /**
   * Ends a team's alarm. Its line goes (with the live event, now or a moment later), the button
   * with it: the keyboard goes to the queue at once, and what happened is said; a refused end
   * keeps the keyboard on the button.
   */
  async end(team, button) {
    if (button.getAttribute('aria-disabled') === 'true') {
      return;
    }
    // Marked busy, not disabled: a disabled button loses the keyboard to the page's top.
    button.setAttribute('aria-disabled', 'true');
    try {
      await api(`/api/board/teams/${team.id}/alarm/end`, { method: 'POST' });
      $('#announcer').textContent = this.i18n.t('board.alarm.ended', { team: team.name });
      if ([button, document.body, null].includes(document.activeElement) || !button.isConnected) {
        $('#queue')?.focus();
      }
    }
    catch (failure) {
      button.removeAttribute('aria-disabled');
      $('#announcer').textContent = failure instanceof ApiError && failure.status ? failure.title : this.i18n.t('error.network');
    }
  }

}

/** What an alarm says: with its incident, or, from outside the lead's quarters, without. */
function alarmText(t, team) {
  const { reason, incidentId } = team.alarm;
  return incidentId == null ? t(`board.alarm.elsewhere.${reason}`, { team: team.name })
    : t(`board.alarm.${reason}`, { team: team.name, id: incidentId });
}
