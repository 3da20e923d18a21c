package de.quartierdispatch.routing;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One change to the rules: who, when, what it was before and after.
 *
 * @param revision the change's number (rising over all rules)
 * @param ruleId the rule
 * @param ruleVersion the rule's version after the change
 * @param action created, updated or deleted
 * @param changedBy the administrator
 * @param changedAt when
 * @param before the rule before (JSON), absent for a creation
 * @param after the rule after (JSON), absent for a deletion
 */
record RuleChange(long revision, long ruleId, int ruleVersion, String action, String changedBy,
		OffsetDateTime changedAt, @Nullable String before, @Nullable String after) {
}
