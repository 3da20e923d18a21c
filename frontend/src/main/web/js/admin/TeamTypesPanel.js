import { api } from '../core/api.js';
import { el, scrollRegion } from '../core/dom.js';
import { redrawKeepingInput } from '../core/forms.js';
import { problemText } from './problems.js';

/**
 * What each team type's field work needs: how long a team on site may go without checking in
 * (lone-worker safety, 5 to 240 minutes), and whether it works voluntarily (street work,
 * outreach: its assignments are offers the team may decline without a reason, and incidents
 * only for such teams have no deadline). Every change is in the audit trail.
 */
export class TeamTypesPanel {

  constructor(section, i18n, message) {
    this.section = section;
    this.i18n = i18n;
    this.message = message;
    this.teamTypes = [];
  }

  async start() {
    this.teamTypes = await api('/api/admin/team-types');
    this._render();
    document.addEventListener('languagechange', () => redrawKeepingInput(this.section, () => this._render()));
  }

  _render() {
    const t = (key) => this.i18n.t(key);
    this.section.replaceChildren(
      el('h1', { id: 'team-types-heading' }, t('admin.teamTypes.heading')),
      el('p', { className: 'hint' }, t('admin.teamTypes.hint')),
      scrollRegion(t('admin.teamTypes.table'), el('table', { className: 'data-table', id: 'team-type-table' },
        el('caption', { className: 'visually-hidden' }, t('admin.teamTypes.heading')),
        el('thead', {}, el('tr', {}, [t('admin.teamTypes.teamType'), t('admin.teamTypes.checkInMinutes'), t('admin.teamTypes.voluntary'), '']
          .map((heading) => el('th', { scope: 'col' }, heading || el('span', { className: 'visually-hidden' }, t('admin.actions')))))),
        el('tbody', {}, this.teamTypes.map((type) => this._row(type))))));
  }

  _row(type) {
    const t = (key, values) => this.i18n.t(key, values);
    const name = this._label(type);
    const minutes = el('input', {
      type: 'number', min: '5', max: '240', step: '1', required: true, value: String(type.checkInMinutes),
      id: `check-in-${type.code}`, 'aria-label': t('admin.teamTypes.checkInMinutesOf', { name }),
    });
    const voluntary = el('input', {
      type: 'checkbox', id: `voluntary-${type.code}`, checked: type.voluntary, 'aria-label': t('admin.teamTypes.voluntaryOf', { name }),
    });
    return el('tr', { dataset: { teamType: type.code } },
      el('th', { scope: 'row' }, name),
      el('td', {}, minutes),
      el('td', {}, voluntary),
      el('td', {}, el('button', {
        type: 'button', className: 'button button--small', 'aria-label': t('admin.teamTypes.saveOf', { name }),
        onClick: () => this._save(type, Number(minutes.value), voluntary.checked),
      }, t('admin.teamTypes.save'))));
  }

  async _save(type, checkInMinutes, voluntary) {
    try {
      const saved = await api(`/api/admin/team-types/${encodeURIComponent(type.code)}/field-settings`,
        { method: 'PUT', body: { checkInMinutes, voluntary } });
      this.teamTypes = this.teamTypes.map((each) => (each.code === saved.code ? saved : each));
      this._render();
      this.message.say('admin.teamTypes.saved', () => ({ name: this._label(saved) }));
    }
    catch (failure) {
      this.message.show(problemText(failure, this.i18n), true);
    }
  }

  _label(type) {
    return this.i18n.language === 'de' ? type.labelDe : type.labelEn;
  }

}
