import { api } from '../core/api.js';
import { $, $$ } from '../core/dom.js';
import { startStaffPage } from './staff.js';
import { UsersPanel } from '../admin/UsersPanel.js';
import { RulesPanel } from '../admin/RulesPanel.js';
import { GeodataPanel } from '../admin/GeodataPanel.js';
import { PrivacyPanel } from '../admin/PrivacyPanel.js';

/**
 * The administration page: accounts, routing rules, geodata imports and data protection, one
 * section at a time (the address's #fragment says which, so each can be bookmarked).
 */
class Message {

  constructor(element) {
    this.element = element;
  }

  show(text, problem = false) {
    this.element.className = problem ? 'notice notice--warning' : 'notice notice--success';
    this.element.textContent = text;
  }

}

function showSection() {
  const wanted = $$('.tab-panel').find((section) => `#${section.id}` === window.location.hash) || $('.tab-panel');
  for (const section of $$('.tab-panel')) {
    section.hidden = section !== wanted;
  }
  for (const link of $$('.tabs a')) {
    link.toggleAttribute('aria-current', link.getAttribute('href') === `#${wanted.id}`);
    if (link.hasAttribute('aria-current')) {
      link.setAttribute('aria-current', 'page');
    }
  }
}

async function start() {
  showSection();
  window.addEventListener('hashchange', showSection);
  const { i18n, me } = await startStaffPage();
  const [reference, categories, config] = await Promise.all([api('/api/admin/reference'), api('/api/categories'), api('/api/config')]);
  const message = new Message($('#message'));
  await Promise.all([
    new UsersPanel(i18n, me, reference, message).start(),
    new RulesPanel(i18n, reference, categories, message).start(),
    new PrivacyPanel(i18n, config, message).start(),
  ]);
  new GeodataPanel(i18n, message).start();
  document.body.dataset.ready = 'true';
}

start();
