import { el } from '../core/dom.js';
import { formatDateTime, formatDuration, minutesUntil } from '../core/format.js';
import { distanceMeters, formatDistance } from '../core/geo.js';
import { CallBack } from './CallBack.js';
import { CardMap } from './CardMap.js';
import { FieldPhotos } from './FieldPhotos.js';
import { staffLanguageName } from '../core/languageNames.js';

/**
 * One assignment as a card: what (category, priority, flags, the reports' texts, language and
 * interpreter), since when, where (a small map with the pin and, when the member asked, their
 * own position and the distance; the street address; a "navigate" link that phones hand to
 * their navigation app, and a web map for devices without one), the call-back, the photos, and
 * the next steps.
 */
const NEXT_STEPS = { ASSIGNED: ['EN_ROUTE', 'ON_SITE'], EN_ROUTE: ['ON_SITE'], ON_SITE: ['DONE'] };
const ACTIVE = ['ASSIGNED', 'EN_ROUTE', 'ON_SITE'];
const OFF_THE_CASE = ['DECLINED', 'WITHDRAWN'];

export class FieldCard {

  /**
   * @param page what the card needs from the page: i18n, category(code), mapConfig, online(),
   *   step(assignment, state, note), decline(assignment), waiting(assignment) (steps queued)
   */
  constructor(page, assignment) {
    this.page = page;
    this.assignment = assignment;
  }

  render() {
    const t = (key, params) => this.page.i18n.t(key, params);
    const { assignment } = this;
    const incident = assignment.incident;
    const active = ACTIVE.includes(assignment.state);
    const waiting = this.page.waiting(assignment);
    const card = el('li', { className: `p${incident.priority}${active ? '' : ' done'}`, dataset: { assignment: assignment.id } },
      el('h3', { tabindex: '-1', id: `card-heading-${assignment.id}` }, assignment.offer ? `${t('field.offer.title')} · ` : '', `P${incident.priority} · ${this.page.category(incident.category)}`),
      assignment.offer && assignment.state === 'ASSIGNED' ? el('p', { className: 'hint' }, t('field.offer.hint')) : '',
      el('p', { className: 'meta' }, `#${incident.id} · ${incident.quarter ?? ''} · ${t(`assignment.${assignment.state}`)}`),
      waiting ? el('p', { className: 'waiting' }, t('field.queue.waitingHere', { count: waiting })) : '',
      this.flags(incident),
      el('p', { className: 'meta' }, incident.reportedAt ? t('field.reportedAgo', { time: formatDuration(minutesUntil(incident.reportedAt), t) }) : '',
        incident.deadline && !assignment.offer ? ` · ${t('board.deadline')} ${formatDateTime(incident.deadline, this.page.i18n.language)}` : ''),
      ...(incident.reports ?? []).map((report) => this.report(report)),
      // A job declined or taken off comes without its place and photos: the team is no longer
      // on the case.
      incident.lat == null ? '' : this.place(incident),
      OFF_THE_CASE.includes(assignment.state) ? '' : new FieldPhotos(this.page, assignment, active).render());
    if (active) {
      card.append(this.steps());
    }
    return card;
  }

  flags(incident) {
    const flags = incident.flags ?? [];
    if (!flags.length) {
      return '';
    }
    return el('ul', { className: 'flags', 'aria-label': this.page.i18n.t('field.flags') },
      ...flags.map((flag) => el('li', { className: `flag flag--${flag.toLowerCase()}` }, this.page.i18n.t(`field.flag.${flag}`))));
  }

  report(report) {
    const t = (key, params) => this.page.i18n.t(key, params);
    return el('div', { className: 'report' },
      el('p', { className: 'description', dir: 'auto' }, report.description ?? t('board.redacted')),
      el('p', { className: 'meta' }, staffLanguageName(report.language, this.page.i18n.language, t), report.interpreterNeeded ? ` · ${t('board.interpreter')}` : ''),
      report.hasPhone && ACTIVE.includes(this.assignment.state) ? new CallBack(this.page, report).render() : '');
  }

  place(incident) {
    const t = (key, params) => this.page.i18n.t(key, params);
    const where = `${incident.lat},${incident.lon}`;
    const { here } = this.page;
    const web = this.page.mapConfig?.navigationUrl;
    const box = el('div', { className: 'place' },
      el('p', { className: 'address' }, incident.address ?? t('field.noAddress')),
      el('p', { className: 'meta coordinates' }, `${incident.lat.toFixed(5)}, ${incident.lon.toFixed(5)}`),
      here ? el('p', { className: 'distance' }, t('field.distance.away', { distance: formatDistance(distanceMeters(here, incident), this.page.i18n.language) })) : '',
      el('div', { className: 'actions' },
        el('a', { className: 'button navigate', href: `geo:${where}?q=${where}` }, t('field.navigate')),
        web ? el('a', { className: 'button navigate', href: webLink(web, incident), target: '_blank', rel: 'noopener' }, t('field.navigateWeb')) : ''));
    const map = el('div', { className: 'card-map', role: 'img', 'aria-label': t(here ? 'field.mapLabelWithHere' : 'field.mapLabel') });
    box.prepend(map);
    this.page.afterRender(() => new CardMap(map, this.page.mapConfig, t('field.tilesMissing')).show(incident.lat, incident.lon, here));
    return box;
  }

  steps() {
    const t = (key) => this.page.i18n.t(key);
    const { assignment } = this;
    const id = `note-${assignment.id}`;
    // Every card has the same buttons: a screen reader hears which incident each one is for.
    const heading = `card-heading-${assignment.id}`;
    const note = el('input', { type: 'text', id, maxlength: '500', 'aria-describedby': heading, onInput: () => this.page.drafts.set(assignment.id, note.value) });
    note.value = this.page.drafts.get(assignment.id) ?? '';
    return el('div', {},
      el('div', { className: 'field' }, el('label', { for: id }, t('field.note')), note),
      el('div', { className: 'actions' },
        ...(NEXT_STEPS[assignment.state] ?? []).map((state) => el('button', {
          type: 'button', className: 'button button--primary', id: `step-${assignment.id}-${state}`, 'aria-describedby': heading, onClick: singleTap(() => this.page.step(assignment, state, note.value)),
        }, t(this.offered() && state === 'EN_ROUTE' ? 'field.offer.accept' : `assignment.step.${state}`))),
        assignment.state !== 'ON_SITE' ? el('button', { type: 'button', className: 'button button--danger', id: `decline-${assignment.id}`, 'aria-describedby': heading, onClick: singleTap(() => this.page.decline(assignment)) },
          t(this.offered() ? 'field.offer.decline' : 'assignment.step.DECLINED')) : ''));
  }

  /** An offer to a street-work team, not yet taken up: accepted or declined without a reason. */
  offered() {
    return Boolean(this.assignment.offer) && this.assignment.state === 'ASSIGNED';
  }

}

/**
 * A click that is the second (or later) of a double tap is not a step: the first tap's step
 * draws the card anew, and the next step's button then stands where the finger lands again
 * ("on my way" tapped twice must not also say "on site"). A keyboard press counts no taps.
 */
function singleTap(action) {
  return (event) => {
    if (event.detail <= 1) {
      action();
    }
  };
}

/** The configured web map or route planner with the destination filled in. */
function webLink(template, incident) {
  return template.replaceAll('{lat}', String(incident.lat)).replaceAll('{lon}', String(incident.lon));
}
