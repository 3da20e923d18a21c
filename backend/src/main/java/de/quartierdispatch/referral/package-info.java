/**
 * Referrals of people from a counter or an incident to a partner service: what is needed,
 * in which language, and the person's consent to pass on their contact details; the
 * partner's answer (accepted, declined, outcome) flowing back to the referrer; the
 * partner's sealed notes; stale referrals flagged; retention; anonymised statistics.
 */
@NullMarked
package de.quartierdispatch.referral;

import org.jspecify.annotations.NullMarked;
