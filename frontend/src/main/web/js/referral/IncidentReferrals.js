import { api, ApiError } from '../core/api.js';
import { el, readWhileInView } from '../core/dom.js';
import { clearFieldErrors, showFieldErrors } from '../core/fieldErrors.js';
import { problemText } from '../admin/problems.js';
import { RESIDENT_LANGUAGES, referrerItem } from './referrals.js';
import { staffLanguageName } from '../core/languageNames.js';

let services = null;

/** How often an open panel reads its referrals again (partners answer on their own page). */
const REFRESH_MS = 20_000;

/** The field errors of the last refused referral, per incident: the panel is drawn anew after it. */
const lastErrors = new Map();

/**
 * The incident panel's referrals: what was referred to partner services from this incident,
 * with the partners' answers flowing back, and a short form for a team lead to refer (a
 * neighbour conflict to mediation, a family to early help). Contact details only with the
 * person's consent; without it the partner gets the need alone.
 */
export function incidentReferrals(incidentId, i18n, { writable = true, language = null } = {}) {
  const t = (key, params) => i18n.t(key, params);
  const list = el('ul', { className: 'referral-list' });
  const message = el('p', { role: 'status', 'aria-live': 'polite' });
  const form = writable ? referralForm(incidentId, i18n, message, () => load(), language) : '';
  const container = el('div', { className: 'incident-referrals' }, list, message, form);

  let shown = null;
  async function load() {
    try {
      const referrals = await api(`/api/incidents/${incidentId}/referrals`);
      const seen = JSON.stringify(referrals);
      if (seen === shown) {
        return;
      }
      shown = seen;
      list.replaceChildren(...(referrals.length ? referrals.map((referral) => referrerItem(referral, i18n))
        : [el('li', { className: 'hint' }, t('board.referralsNone'))]));
    }
    catch (failure) {
      message.textContent = problemText(failure, i18n);
    }
  }

  load();
  // The partners' answers come in while the panel is open: read again while it is shown.
  readWhileInView(load, REFRESH_MS, { until: () => !container.isConnected });
  return container;
}

/** `personLanguage`: the language the person wrote in, chosen until the lead says otherwise. */
function referralForm(incidentId, i18n, message, refresh, personLanguage) {
  const t = (key, params) => i18n.t(key, params);
  const id = (name) => `referral-${incidentId}-${name}`;
  const service = el('select', { id: id('service') });
  const need = el('textarea', { id: id('need'), dir: 'auto', maxlength: 2000, rows: 2 });
  const language = el('select', { id: id('language') },
    RESIDENT_LANGUAGES.map((code) => el('option', { value: code, selected: code === personLanguage }, staffLanguageName(code, i18n.language, t))));
  const consent = el('input', { type: 'checkbox', id: id('consent') });
  const phone = el('input', { type: 'tel', id: id('phone'), autocomplete: 'off', maxlength: 30, disabled: true });
  consent.addEventListener('change', () => {
    phone.disabled = !consent.checked;
    if (!consent.checked) {
      phone.value = '';
    }
  });
  const controls = { serviceId: service, need, language, consent, contact: phone };
  const stored = lastErrors.get(incidentId);
  if (stored) {
    queueMicrotask(() => showFieldErrors(controls, stored));
  }
  (services ??= api('/api/directory/services')).then((found) => service.replaceChildren(
    ...found.map((entry) => el('option', { value: entry.id }, `${entry.name} – ${entry.organisation}`))));
  const submit = async (event) => {
    event.preventDefault();
    const body = { serviceId: Number(service.value), need: need.value, language: language.value, consent: consent.checked };
    if (consent.checked) {
      body.contact = { phone: phone.value };
    }
    try {
      const serviceName = service.selectedOptions[0]?.textContent ?? '';
      await api(`/api/incidents/${incidentId}/referrals`, { method: 'POST', body });
      lastErrors.delete(incidentId);
      clearFieldErrors(controls);
      // The next referral starts empty: a phone number given for one partner is not offered to the next.
      need.value = '';
      consent.checked = false;
      phone.value = '';
      phone.disabled = true;
      message.textContent = t('board.referralSent', { service: serviceName });
      refresh();
    }
    catch (failure) {
      if (failure instanceof ApiError && failure.errors.length) {
        // Said under each field it is about, and the keyboard goes to the first.
        lastErrors.set(incidentId, failure.errors);
        message.textContent = failure.detail || failure.title;
        showFieldErrors(controls, failure.errors)?.focus();
        return;
      }
      message.textContent = problemText(failure, i18n);
    }
  };
  // What is typed after a refusal is the lead's answer to it: a redrawn panel does not show it again.
  return el('form', { className: 'referral-form', onSubmit: submit, onInput: () => lastErrors.delete(incidentId), novalidate: true },
    el('div', { className: 'field' }, el('label', { for: service.id }, t('board.referralService')), service),
    el('div', { className: 'field' }, el('label', { for: need.id }, t('board.referralNeed')), need),
    el('div', { className: 'field' }, el('label', { for: language.id }, t('referral.personLanguage')), language),
    el('div', { className: 'check' }, consent, el('label', { for: consent.id }, t('board.referralConsent'))),
    el('div', { className: 'field' }, el('label', { for: phone.id }, t('referral.contactPhone')), phone),
    el('button', { type: 'submit', className: 'button button--small' }, t('board.referralSubmit')));
}
