import { api } from '../core/api.js';
import { el } from '../core/dom.js';
import { formatDateTime } from '../core/format.js';
import { staffLanguageName } from '../core/languageNames.js';
import { RESIDENT_LANGUAGES } from '../referral/referrals.js';
import { problemText } from '../admin/problems.js';

/** What the last attempt to publish said, per incident: the panel is drawn anew after it. */
const lastStatus = new Map();

/** The language the last message about an incident was written in, kept for the next one. */
const lastLanguage = new Map();

/** The incidents with a message on its way (a redrawn panel must not send it twice). */
const sending = new Set();

/**
 * The incident panel's public messages: what team leads told the people who reported it, and a
 * short form to tell them more. A message is shown on the status page of every report of the
 * incident and mailed to the reporters who asked for mail, so the form says that it is public,
 * and sends one message at a time: a second click while the first is on its way sends nothing.
 * The keyboard stays on the button. Where reporters wrote in another language than the lead's,
 * the form names their languages beside the language of the message.
 */
export function incidentPublicMessages(incidentId, i18n, { writable = true, readerLanguages = [] } = {}) {
  const t = (key, params) => i18n.t(key, params);
  const id = `public-message-${incidentId}`;
  const list = el('ul', { className: 'public-messages' });
  const status = el('p', { role: 'status', 'aria-live': 'polite', id: `${id}-status` }, lastStatus.get(incidentId) ?? '');
  const text = el('textarea', { id, maxlength: 1000, rows: 2, dir: 'auto', 'aria-describedby': `${id}-hint` });
  // What is missing, in red under the field the keyboard goes to (the status line above the
  // form would scroll out of view when the field takes the focus).
  const missing = el('p', { className: 'field-error', id: `${id}-error`, hidden: true });
  // Written in the lead's language unless they choose another (a message to Arabic-speaking
  // reporters in Arabic): the status page marks it so that screen readers read it right.
  const language = el('select', { id: `${id}-language` }, ...RESIDENT_LANGUAGES.map((code) => el('option', {
    value: code, selected: code === (lastLanguage.get(incidentId) ?? i18n.language),
  }, staffLanguageName(code, i18n.language, t))));
  // The languages the reporters wrote in, named where one is not the lead's: a message in
  // German to Arabic-speaking reporters should be a choice, not an oversight.
  const readers = [...new Set(readerLanguages.filter(Boolean))];
  const readersHint = readers.some((code) => code !== i18n.language)
    ? el('p', { className: 'hint', id: `${id}-readers` }, t('board.publicMessageReaders',
      { languages: readers.map((code) => staffLanguageName(code, i18n.language, t)).join(', ') }))
    : '';
  if (readersHint) {
    language.setAttribute('aria-describedby', readersHint.id);
  }
  const send = el('button', { type: 'submit', className: 'button button--small', id: `${id}-send` }, t('board.publicMessageSend'));
  // The panel may have been drawn anew while a message was on its way: what it says goes to
  // the fields on the page now.
  const live = (element) => document.getElementById(element.id) ?? element;
  const say = (message) => {
    lastStatus.set(incidentId, message);
    live(status).textContent = message;
  };

  async function load() {
    try {
      const messages = await api(`/api/incidents/${incidentId}/public-messages`);
      list.replaceChildren(...(messages.length
        ? messages.map((message) => el('li', {},
          el('p', { className: 'meta' }, formatDateTime(message.at, i18n.language)),
          el('p', { dir: 'auto', lang: message.language ?? undefined }, message.text)))
        : [el('li', { className: 'hint' }, t('board.publicMessagesNone'))]));
    }
    catch (failure) {
      status.textContent = problemText(failure, i18n);
    }
  }

  const publish = async (event) => {
    event.preventDefault();
    const field = live(text);
    if (sending.has(incidentId)) {
      return;
    }
    if (!field.value.trim()) {
      // The field says what is missing when the keyboard arrives there.
      const error = live(missing);
      error.textContent = t('board.publicMessageEmpty');
      error.hidden = false;
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', `${id}-error ${id}-hint`);
      field.addEventListener('input', () => {
        error.hidden = true;
        field.removeAttribute('aria-invalid');
        field.setAttribute('aria-describedby', `${id}-hint`);
      }, { once: true });
      field.focus();
      return;
    }
    // Marked busy, not disabled: a disabled button loses the keyboard to the page's top.
    sending.add(incidentId);
    live(send).setAttribute('aria-disabled', 'true');
    try {
      const written = live(language).value;
      lastLanguage.set(incidentId, written);
      await api(`/api/incidents/${incidentId}/public-messages`, { method: 'POST', body: { text: field.value, language: written } });
      live(text).value = '';
      say(t('board.publicMessageSent'));
      await load();
    }
    catch (failure) {
      say(problemText(failure, i18n));
    }
    finally {
      sending.delete(incidentId);
      live(send).removeAttribute('aria-disabled');
    }
  };

  load();
  return el('div', { className: 'incident-public-messages' }, list, status,
    !writable ? '' : el('form', { onSubmit: publish, novalidate: true },
      el('label', { for: text.id }, t('board.publicMessageText')), text, missing,
      el('p', { className: 'hint', id: `${id}-hint` }, t('board.publicMessageHint')),
      el('label', { for: language.id }, t('board.publicMessageLanguage')), language, readersHint,
      send));
}
