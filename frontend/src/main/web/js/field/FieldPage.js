import { api, ApiError } from '../core/api.js';
import { categoryLabel } from '../core/categories.js';
import { $, el } from '../core/dom.js';
import { formatDateTime } from '../core/format.js';
import { teamStatusKey } from '../core/teamStatus.js';
import { BoardSocket } from '../board/BoardSocket.js';
import { CheckInPanel } from './CheckInPanel.js';
import { FieldCard } from './FieldCard.js';
import { FieldPhotos } from './FieldPhotos.js';
import { StepQueue } from './StepQueue.js';
import { NewAssignmentAlert } from './NewAssignmentAlert.js';
import { withQueuedSteps } from './queuedSteps.js';
import { askReason } from '../core/ReasonDialog.js';

/**
 * The field app: the member's team, its assignments, and a button for each next step. Works
 * without a network: the last list is kept on the phone (FieldStore) and shown with the time
 * it was fetched; steps go through a queue (StepQueue) and reach the board when the network is
 * back. The position goes along with a step only when the member ticked "share my position":
 * it is read once, at that moment, never tracked.
 */
const SHARE_KEY = 'quartier-dispatch.share-position';
const RETRY_MS = 15000;
const ACTIVE = ['ASSIGNED', 'EN_ROUTE', 'ON_SITE'];

export class FieldPage {

  constructor(i18n, categories, mapConfig, store) {
    this.i18n = i18n;
    this.categories = categories;
    this.mapConfig = mapConfig;
    this.store = store;
    this.queue = new StepQueue(store, (document) => this.received(document), (photo) => this.photoStored(photo));
    this.saved = null;
    this.waitingSteps = [];
    this.refusals = [];
    this.offline = false;
    this.drafts = new Map();
    this.stepping = new Set();
    this.revealed = new Map();
    this.photoViews = new Map();
    this.here = null;
    this.checkIn = new CheckInPanel(this);
    this.alert = new NewAssignmentAlert(i18n);
    this._afterRender = [];
  }

  /** @param firstList the team's list, already asked for while the page started (or null) */
  async start(firstList = Promise.resolve(null)) {
    this.alert.start();
    $('#share-position').checked = localStorage.getItem(SHARE_KEY) === 'yes';
    $('#share-position').addEventListener('change', () => localStorage.setItem(SHARE_KEY, $('#share-position').checked ? 'yes' : 'no'));
    $('#show-distance').addEventListener('click', () => this.locate());
    $('#archive').addEventListener('toggle', () => this.render());
    document.addEventListener('languagechange', () => {
      this.render();
      if (this.said) {
        this._drawSaid();
      }
    });
    window.addEventListener('online', () => this.sync());
    window.addEventListener('offline', () => this.showOffline(true));
    setInterval(() => this.waitingSteps.length && this.sync(), RETRY_MS);
    this.saved = await this.store.get('assignments') ?? null;
    await this.refreshQueue();
    this.render();
    const first = await firstList;
    if (first && !this.waitingSteps.length) {
      await this.received(first);
      this.showOffline(false);
    }
    else {
      await this.sync();
    }
    const socket = new BoardSocket({
      onEvent: () => this.load(),
      onReload: async () => {
        await this.load();
        return currentSeq();
      },
      onStatus: (status) => {
        $('#connection').className = `connection connection--${status}`;
        $('#connection').textContent = this.i18n.t(`board.connection.${status}`);
        if (status === 'live') {
          this.sync();
        }
      },
      onSignedOut: () => window.location.assign('/login?next=/field'),
    });
    socket.start(await currentSeq().catch(() => this.saved?.seq ?? 0));
  }

  /**
   * Sends what is waiting, then fetches the list; steps kept while offline are reported sent,
   * those the server refused are not (they are said one by one).
   */
  async sync() {
    if (this.store.closed) {
      return;
    }
    const kept = this.offline ? this.waitingSteps.length : 0;
    const refusedBefore = this.refusals.length;
    await this.queue.flush();
    await this.refreshQueue();
    await this.load();
    const sent = kept - this.waitingSteps.length - Math.max(0, this.refusals.length - refusedBefore);
    if (sent > 0) {
      this.say('success', 'field.queue.sent', { count: sent });
    }
  }

  async load() {
    try {
      await this.received(await api('/api/field/assignments'));
      this.showOffline(false);
    }
    catch (failure) {
      if (failure instanceof ApiError && failure.status === 0) {
        if (!this.offline) {
          this.showOffline(true);
          this.render();
        }
      }
      else {
        this.show(failure);
      }
    }
  }

  /**
   * A fresh list from the server: shown, then kept on the phone with the time it arrived and the
   * stream position to resume from (asked for after the list is drawn: one round trip less
   * before the member sees it).
   */
  async received(document) {
    if (this.store.closed) {
      return;
    }
    this.saved = { document, syncedAt: new Date().toISOString(), seq: this.saved?.seq ?? 0 };
    this.alert.received(document.assignments ?? []);
    await this.refreshQueue();
    this.render();
    const seq = await currentSeq().catch(() => this.saved.seq);
    if (this.saved.document === document && !this.store.closed) {
      this.saved = { ...this.saved, seq };
      await this.store.put('assignments', this.saved);
    }
  }

  async refreshQueue() {
    this.waitingSteps = await this.store.queued();
    this.refusals = await this.store.refused();
  }

  showOffline(offline) {
    this.offline = offline;
    const banner = $('#offline');
    banner.hidden = !offline && !this.waitingSteps.length;
    banner.replaceChildren(
      offline ? el('p', {}, this.i18n.t('field.offline', { time: this.saved ? formatDateTime(this.saved.syncedAt, this.i18n.language) : '–' })) : '');
    // Only the short line stays on screen while scrolling: the explanation stays where it is, so
    // that the banner covers as little of a card as it can.
    $('#offline-detail').hidden = !offline;
    $('#offline-detail').textContent = offline ? this.i18n.t('field.offlineKept') : '';
  }

  render() {
    if (!this.saved) {
      return;
    }
    const t = (key, params) => this.i18n.t(key, params);
    const view = withQueuedSteps(this.saved.document, this.waitingSteps);
    const team = view.team;
    $('#team-name').textContent = team.name;
    // The active assignment decides, a step queued offline included.
    const current = view.assignments.find((assignment) => ACTIVE.includes(assignment.state));
    $('#team-status').textContent = t(current ? `team.${current.state}` : teamStatusKey(team));
    $('#last-sync').textContent = t('field.lastSync', { time: formatDateTime(this.saved.syncedAt, this.i18n.language) });
    if (this.here) {
      $('#distance-status').textContent = t('field.distance.located', { time: formatDateTime(this.here.at, this.i18n.language) });
    }
    this.renderQueue();
    this.checkIn.show(this.waitingSteps.length ? null : view.checkIn);
    const assignments = view.assignments;
    const busy = assignments.some((assignment) => ACTIVE.includes(assignment.state));
    $('#team-actions').replaceChildren(...(busy ? [el('p', { className: 'hint' }, t('field.statusFollowsAssignment'))]
      : ['AVAILABLE', 'BREAK', 'OFF_DUTY'].filter((status) => status !== team.status).map((status) =>
        el('button', { type: 'button', className: 'button', onClick: () => this.setStatus(status) }, t(`field.status.${status}`)))));
    this._afterRender = [];
    const focus = this._focusedCard();
    const active = assignments.filter((assignment) => ACTIVE.includes(assignment.state));
    const finished = assignments.filter((assignment) => !ACTIVE.includes(assignment.state));
    $('#assignments').replaceChildren(...(active.length ? active.map((assignment) => new FieldCard(this, assignment).render())
      : [el('li', { className: 'hint' }, t('field.none'))]));
    $('#archive').hidden = !finished.length;
    $('#archive-summary').textContent = t('field.archive.summary', { count: finished.length });
    // The archive's cards and their maps are drawn only while it is open: most of a shift it is not.
    $('#archive-list').replaceChildren(...($('#archive').open ? finished.map((assignment) => new FieldCard(this, assignment).render()) : []));
    this._afterRender.forEach((draw) => draw());
    this._refocus(focus);
  }

  /** Where in a card the keyboard is, if it is in one: the cards are drawn anew after every step. */
  _focusedCard() {
    const focused = document.activeElement;
    const card = focused?.closest?.('li[data-assignment]');
    return card ? { assignment: card.dataset.assignment, id: focused.id } : null;
  }

  /**
   * The cards are drawn anew after a step and after every live event: the keyboard stays on
   * the control it was on. Where that went with the step the member took, it waits on the
   * card's next step ("on site" after "on the way"); otherwise (a control without a name, a
   * card gone because its assignment is done) on the card's heading or the list's, never on a
   * step the member did not choose.
   */
  _refocus(focus) {
    if (!focus) {
      return;
    }
    const card = document.querySelector(`li[data-assignment="${CSS.escape(focus.assignment)}"]`);
    const same = focus.id && card?.querySelector(`#${CSS.escape(focus.id)}`);
    if (same) {
      same.focus({ preventScroll: true });
      return;
    }
    const afterOwnStep = focus.id.startsWith('step-') && card?.querySelector('.actions .button--primary');
    (afterOwnStep || card?.querySelector('h3') || $('#assignments-heading'))?.focus();
  }

  /**
   * The refusals and the steps waiting, drawn anew only when they changed: the list is a live
   * region, and a screen reader reads out every line put into it again.
   */
  renderQueue() {
    const t = (key, params) => this.i18n.t(key, params);
    const shown = JSON.stringify([this.i18n.language, this.refusals.map((refusal) => refusal.seq),
      this.waitingSteps.map((step) => step.key), this.queue.sending && !this.offline]);
    if (shown === this._queueShown) {
      return;
    }
    this._queueShown = shown;
    const stepText = (step) => (step.kind === 'photo' ? t('field.queue.photo', { incident: step.incidentId })
      : t('field.queue.step', { step: t(`assignment.step.${step.body.state}`), incident: step.incidentId }));
    $('#queue').replaceChildren(
      ...this.refusals.map((refusal) => el('li', { className: 'notice notice--warning refused' },
        el('p', {}, t('field.queue.refused', { step: stepText(refusal) })),
        el('p', {}, refusal.reason),
        // What the member wrote with it is theirs to pass on another way: not lost in silence.
        refusal.body?.note ? el('p', { className: 'refused-note' }, t('field.queue.refusedNote', { note: refusal.body.note })) : '',
        el('button', { type: 'button', className: 'button button--small', onClick: () => this.dismiss(refusal) }, t('field.queue.understood')))),
      ...(this.waitingSteps.length ? [el('li', { className: 'notice waiting-steps' },
        el('p', {}, t(this.queue.sending && !this.offline ? 'field.queue.sending' : 'field.queue.waiting', { count: this.waitingSteps.length })),
        el('ol', {}, ...this.waitingSteps.map((step) => el('li', {}, stepText(step),
          ` (${formatDateTime(step.takenAt, this.i18n.language)})`))))] : []));
  }

  /** "Understood": the refusal goes; the keyboard goes to the next one's button, or the list's heading. */
  async dismiss(refusal) {
    await this.store.dismissRefused(refusal.seq);
    await this.refreshQueue();
    this.render();
    ($('#queue .refused button') || $('#assignments-heading'))?.focus();
  }

  /** Called by cards for what needs the card in the page (its map). */
  afterRender(draw) {
    this._afterRender.push(draw);
  }

  waiting(assignment) {
    return this.waitingSteps.filter((step) => step.assignmentId === assignment.id).length;
  }

  async step(assignment, state, note) {
    await this.once(assignment, async () => {
      const position = await this.position();
      await this.queueStep(assignment, { state, version: assignment.version, note: note || null, position });
    });
  }

  /**
   * One step of an assignment at a time: a second tap on a card not yet drawn anew (while the
   * position is found, or the step queued) would queue the same step again, which the server then
   * refuses, and the member is told "not transmitted" about a step that was. Once queued, the
   * card shows the step taken, and the next step can be queued while this one is on its way.
   */
  async once(assignment, queue) {
    if (this.stepping.has(assignment.id)) {
      return;
    }
    this.stepping.add(assignment.id);
    try {
      await queue();
    }
    finally {
      this.stepping.delete(assignment.id);
    }
    await this.sendQueued();
  }

  async decline(assignment) {
    if (assignment.offer) {
      await this.once(assignment, () => this.queueStep(assignment, { state: 'DECLINED', version: assignment.version }));
      return;
    }
    const reason = await askReason(this.i18n, { question: this.i18n.t('board.declineReason'), confirm: this.i18n.t('assignment.step.DECLINED') });
    if (reason) {
      await this.once(assignment, () => this.queueStep(assignment, { state: 'DECLINED', version: assignment.version, reason }));
    }
  }

  /**
   * A step is drawn as taken as soon as it is queued, before it is sent: on a slow network the
   * member sees at once what they did ("being sent"), and the card's next step is there.
   */
  async queueStep(assignment, body) {
    this.say(null);
    this.drafts.delete(assignment.id);
    await this.queue.add(assignment, body);
    await this.refreshQueue();
  }

  /** Sends what is waiting, and draws what became of it (sent, refused, or still waiting). */
  async sendQueued() {
    const sending = this.queue.flush();
    this.render();
    await sending;
    await this.refreshQueue();
    this.render();
  }

  /** A photo the team took: queued on the phone, sent when there is a network. */
  async addPhoto(assignment, blob) {
    this.say(null);
    await this.queue.addPhoto(assignment, blob);
    await this.refreshQueue();
    await this.sendQueued();
  }

  /** A queued photo arrived: the photos shown for its incident are fetched again. */
  async photoStored(photo) {
    const shown = this.photoViews.get(photo.incidentId);
    await this.refreshQueue();
    this.say('success', 'field.photos.stored', { incident: photo.incidentId });
    if (shown) {
      await new FieldPhotos(this, { incident: { id: photo.incidentId } }, false).show(shown);
    }
    else {
      this.render();
    }
  }

  /**
   * The member's position, read once when they ask, for the distance to each job and their dot
   * on the cards' maps. It stays in this page: it is not sent, not stored.
   */
  async locate() {
    const status = $('#distance-status');
    if (!navigator.geolocation) {
      status.textContent = this.i18n.t('field.distance.unavailable');
      return;
    }
    status.textContent = this.i18n.t('field.distance.locating');
    navigator.geolocation.getCurrentPosition((found) => {
      this.here = { lat: found.coords.latitude, lon: found.coords.longitude, at: new Date().toISOString() };
      this.render();
    }, () => {
      status.textContent = this.i18n.t('field.distance.unavailable');
    }, { timeout: 10000, maximumAge: 30000 });
  }

  async setStatus(status) {
    const position = await this.position();
    try {
      await this.received(await api('/api/field/team/status', { method: 'POST', body: { status, position } }));
      this.say(null);
    }
    catch (failure) {
      this.show(failure);
    }
  }

  /** The position, once, if the member shares it; nothing otherwise. */
  position() {
    if (!$('#share-position').checked || !navigator.geolocation) {
      return Promise.resolve(null);
    }
    return new Promise((resolve) => navigator.geolocation.getCurrentPosition(
      (found) => resolve({ lat: found.coords.latitude, lon: found.coords.longitude }),
      () => resolve(null), { timeout: 8000, maximumAge: 30000 }));
  }

  show(failure) {
    if (!(failure instanceof ApiError && failure.status)) {
      this.say('warning', 'field.statusOffline');
      return;
    }
    this.said = null;
    $('#message').replaceChildren(el('p', { className: 'notice notice--warning' }, [failure.title, failure.detail].filter(Boolean).join(': ')));
  }

  /** A message of the page's own, kept as its key and values: a language switch says it anew. */
  say(kind, key, params) {
    this.said = kind ? { kind, key, params } : null;
    this._drawSaid();
  }

  _drawSaid() {
    const said = this.said;
    $('#message').replaceChildren(...(said ? [el('p', { className: `notice notice--${said.kind}` }, this.i18n.t(said.key, said.params))] : []));
  }

  category(code) {
    return categoryLabel(this.categories, code, this.i18n.language);
  }

}

/** Where the stream starts: the field view loads its list fresh, so "now" is the right place. */
async function currentSeq() {
  const position = await api('/api/field/stream-position');
  return position.seq;
}
