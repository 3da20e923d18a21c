import { el } from '../core/dom.js';
import { teamTypeName } from '../core/teamTypes.js';

/** The board's filters (quarter, team type, state): filled in the page's language, kept on refill. */
export class BoardFilters {

  /** @param selects { quarter, teamType, state }, the three <select>s */
  constructor(selects, i18n, onChange) {
    this._selects = selects;
    this._i18n = i18n;
    Object.values(selects).forEach((select) => select.addEventListener('change', onChange));
  }

  /** Whether an incident passes the filters as they are set now (read once, used for thousands). */
  predicate() {
    const quarter = this._selects.quarter.value;
    const teamType = this._selects.teamType.value;
    const state = this._selects.state.value;
    return (incident) => (!quarter || incident.quarter?.code === quarter)
      && (!teamType || incident.teamTypes.includes(teamType)) && (!state || incident.state === state);
  }

  fill(quarters, teamTypes) {
    const t = (key) => this._i18n.t(key);
    const all = () => el('option', { value: '' }, t('board.all'));
    this._keep(this._selects.quarter, [all(), ...quarters.map((quarter) => el('option', { value: quarter.code }, quarter.name))]);
    this._keep(this._selects.teamType, [all(), ...teamTypes.map((type) => el('option', { value: type.code }, teamTypeName(this._i18n, type.code, { labels: teamTypes })))]);
    this._keep(this._selects.state, [all(), ...['OPEN', 'DISPATCHED', 'ON_SITE'].map((state) => el('option', { value: state }, t(`state.${state}`)))]);
  }

  _keep(select, options) {
    const value = select.value;
    select.replaceChildren(...options);
    select.value = value;
  }

}
