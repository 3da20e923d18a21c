package de.quartierdispatch.referral;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Follow-up of referrals.
 *
 * @param acceptWithin a referral not accepted (or declined) by the partner within this
 * time is flagged to the referrer
 * @param staleCheckInterval how often the flagging runs
 */
@ConfigurationProperties("quartier.referral")
record ReferralProperties(@DefaultValue("3d") Duration acceptWithin, @DefaultValue("5m") Duration staleCheckInterval) {
}
