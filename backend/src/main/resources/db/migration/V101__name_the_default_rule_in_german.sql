-- The catch-all rule's name is shown on German boards ("Warum diese Teams"): it is named in
-- German, as the city's own rules are. A name an administrator has changed stays as it is; the
-- rename is recorded in the rule's history like any other change.
WITH renamed AS (
    UPDATE routing_rule
    SET name = 'Standard: Klärung durch das Konfliktmanagement', version = version + 1,
        updated_by = 'system', updated_at = now()
    WHERE is_default AND name = 'Default: triage by conflict management'
    RETURNING *
)
INSERT INTO routing_rule_change (rule_id, rule_version, action, changed_by, before, after)
SELECT r.id, r.version, 'UPDATED', 'system',
       to_jsonb(r) || jsonb_build_object('name', 'Default: triage by conflict management', 'version', r.version - 1),
       to_jsonb(r)
FROM renamed r;
