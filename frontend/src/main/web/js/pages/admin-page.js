import { api } from '../core/api.js';
import { $ } from '../core/dom.js';
import { startStaffPage } from '../shell/staffPage.js';
import { Message } from '../admin/Message.js';
import { showSection } from '../admin/showSection.js';
import { UsersPanel } from '../admin/UsersPanel.js';
import { RulesPanel } from '../admin/RulesPanel.js';
import { DryRunForm } from '../admin/DryRunForm.js';
import { GeodataPanel } from '../admin/GeodataPanel.js';
import { PrivacyPanel } from '../admin/PrivacyPanel.js';
import { PartnersPanel } from '../admin/PartnersPanel.js';
import { InterfacesPanel } from '../admin/InterfacesPanel.js';
import { TeamTypesPanel } from '../admin/TeamTypesPanel.js';
import { TeamsPanel } from '../admin/TeamsPanel.js';
import { ContactPointsPanel } from '../admin/ContactPointsPanel.js';
import { CategoriesPanel } from '../admin/CategoriesPanel.js';

/**
 * The administration page (admin.html): accounts, teams, contact points, categories, routing rules, geodata imports, data
 * protection, team types' field settings, partners and interfaces (Open311 keys, webhooks), one section at a time.
 */
async function start() {
  showSection();
  window.addEventListener('hashchange', () => showSection({ focus: true }));
  const { i18n, me } = await startStaffPage({ title: 'admin.title', wide: true });
  const [reference, categories, config] = await Promise.all([api('/api/admin/reference'), api('/api/categories'), api('/api/config')]);
  const message = new Message($('#message'), i18n);
  window.addEventListener('hashchange', () => message.clear());
  await Promise.all([
    new UsersPanel(i18n, me, reference, message).start(),
    new RulesPanel(i18n, reference, categories, message).start(),
    new PrivacyPanel(i18n, config, reference, message).start(),
    new TeamsPanel($('#teams'), i18n, reference, message).start(),
    new ContactPointsPanel($('#contact-points'), i18n, reference, message).start(),
    new CategoriesPanel($('#categories'), i18n, categories, message).start(),
    new TeamTypesPanel($('#team-types'), i18n, message).start(),
    new PartnersPanel($('#partners'), i18n, message).start(),
    new InterfacesPanel(i18n, message).start(),
  ]);
  new GeodataPanel(i18n, message).start();
  new DryRunForm(i18n, reference, categories).start();
  document.body.dataset.ready = 'true';
}

start();
