import { api } from '../core/api.js';
import { el } from '../core/dom.js';
import { formatDateTime } from '../core/format.js';
import { problemText } from '../admin/problems.js';

/**
 * The incident panel's public messages: what team leads told the people who reported it, and a
 * short form to tell them more. A message is shown on the status page of every report of the
 * incident and mailed to the reporters who asked for mail, so the form says that it is public.
 */
export function incidentPublicMessages(incidentId, i18n) {
  const t = (key, params) => i18n.t(key, params);
  const list = el('ul', { className: 'public-messages' });
  const status = el('p', { role: 'status', 'aria-live': 'polite' });
  const text = el('textarea', { id: `public-message-${incidentId}`, maxlength: 1000, rows: 2, dir: 'auto', 'aria-describedby': `public-message-${incidentId}-hint` });

  async function load() {
    try {
      const messages = await api(`/api/incidents/${incidentId}/public-messages`);
      list.replaceChildren(...(messages.length
        ? messages.map((message) => el('li', {},
          el('p', { className: 'meta' }, formatDateTime(message.at, i18n.language)),
          el('p', { dir: 'auto' }, message.text)))
        : [el('li', { className: 'hint' }, t('board.publicMessagesNone'))]));
    }
    catch (failure) {
      status.textContent = problemText(failure, i18n);
    }
  }

  const publish = async (event) => {
    event.preventDefault();
    try {
      await api(`/api/incidents/${incidentId}/public-messages`, { method: 'POST', body: { text: text.value } });
      text.value = '';
      status.textContent = t('board.publicMessageSent');
      await load();
    }
    catch (failure) {
      status.textContent = problemText(failure, i18n);
    }
  };

  load();
  return el('div', { className: 'incident-public-messages' }, list, status,
    el('form', { onSubmit: publish, novalidate: true },
      el('label', { for: text.id }, t('board.publicMessageText')), text,
      el('p', { className: 'hint', id: `public-message-${incidentId}-hint` }, t('board.publicMessageHint')),
      el('button', { type: 'submit', className: 'button button--small', id: `public-message-${incidentId}-send` }, t('board.publicMessageSend'))));
}
