import { el } from '../core/dom.js';
import { isolate } from '../core/format.js';

/**
 * The privacy notice (DSGVO Art. 13), in the language of the translator t, filled with this installation's
 * facts from /api/config: controller, data protection officer, supervisory authority and the
 * retention periods the system actually enforces.
 */
export function privacyNotice(t, privacy) {
  const values = {
    controller: isolate(privacy.controller),
    dpo: isolate(privacy.dataProtectionOfficer),
    authority: isolate(privacy.supervisoryAuthority),
    contactDays: privacy.contactRetentionDays,
    textDays: privacy.textRetentionDays,
  };
  return el('ul', {},
    ['privacy.purpose', 'privacy.who', 'privacy.legal', 'privacy.duration', 'privacy.rights']
      .map((key) => el('li', {}, t(key, values))));
}
