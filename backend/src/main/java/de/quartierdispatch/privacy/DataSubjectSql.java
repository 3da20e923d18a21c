package de.quartierdispatch.privacy;

/**
 * The statements behind a resident's rights over their report
 * ({@link DataSubjectRequests}): each one statement, so that what it reads or erases is
 * one consistent state.
 */
final class DataSubjectSql {

	/** Everything stored about the report, as one JSON document. */
	static final String EXPORT = """
			SELECT r.id, jsonb_build_object(
			    'trackingCode', r.tracking_code,
			    'submittedAt', r.submitted_at,
			    'channel', r.channel,
			    'category', r.category_code,
			    'language', r.language,
			    'description', r.description,
			    'address', r.address_label,
			    'location', jsonb_build_object('lat', round(ST_Y(r.location)::numeric, 6),
			                                   'lon', round(ST_X(r.location)::numeric, 6)),
			    'quarter', q.name,
			    'flags', to_jsonb(r.flags),
			    'interpreterNeeded', r.interpreter_needed,
			    'contact', CASE WHEN c.report_id IS NULL THEN NULL
			                    ELSE jsonb_build_object('name', c.name, 'email', c.email, 'phone', c.phone,
			                                            'consentAt', c.consent_at) END,
			    'incident', jsonb_build_object('state', i.state, 'outcome', i.outcome, 'closedAt', i.closed_at,
			                                   'referredTo', i.referred_to),
			    -- What staff wrote about the case, told the reporters, sent them, and who
			    -- looked at the report's personal data (Art. 15 (1) c: its recipients).
			    -- A case shared with other reporters' reports is theirs too: its notes and
			    -- the team's photos may concern them, and are only counted (Art. 15 (4)).
			    'notes', CASE WHEN shared.others > 0 THEN '[]'::jsonb ELSE
			             (SELECT coalesce(jsonb_agg(jsonb_build_object('at', n.created_at, 'text', n.text)
			                                        ORDER BY n.created_at), '[]')
			              FROM incident_note n WHERE n.incident_id IN (SELECT case_incidents(i.id)) AND n.redacted_at IS NULL) END,
			    'sharedCase', CASE WHEN shared.others > 0 THEN jsonb_build_object(
			        'otherReports', shared.others,
			        'notesWithheld', (SELECT count(*) FROM incident_note n
			                          WHERE n.incident_id IN (SELECT case_incidents(i.id)) AND n.redacted_at IS NULL),
			        'teamPhotosWithheld', (SELECT count(*) FROM photo p
			                               WHERE p.incident_id IN (SELECT case_incidents(i.id)) AND p.assignment_id IS NOT NULL),
			        'referralsWithheld', (SELECT count(*) FROM referral f
			                              WHERE f.incident_id IN (SELECT case_incidents(i.id)) AND NOT %1$s)) END,
			    -- Partners the case was referred to (recipients too); of a shared case only
			    -- those where staff wrote down this reporter's own e-mail address or phone.
			    -- What the partner was told (the need, the contact details), as the erasure
			    -- removes it: the export shows no less than is erased.
			    'referrals', (SELECT coalesce(jsonb_agg(jsonb_build_object('at', f.created_at, 'organisation', o.name,
			                                                               'service', ps.name, 'state', f.state,
			                                                               'outcome', f.outcome,
			                                                               'need', nullif(f.need, ''),
			                                                               'appointmentAt', f.appointment_at,
			                                                               'contact', (SELECT jsonb_strip_nulls(jsonb_build_object(
			                                                                   'name', fc.name, 'phone', fc.phone, 'email', fc.email))
			                                                                           FROM referral_contact fc
			                                                                           WHERE fc.referral_id = f.id),
			                                                               'contactPassedOn', f.consent_at IS NOT NULL,
			                                                               'contactReadByPartner',
			                                                               (SELECT coalesce(jsonb_agg(ra.at ORDER BY ra.at), '[]')
			                                                                FROM audit_log ra
			                                                                WHERE ra.action = 'REFERRAL_CONTACT_READ'
			                                                                  AND ra.details ->> 'referral' = f.id::text))
			                                            ORDER BY f.created_at), '[]')
			                  FROM referral f
			                  JOIN partner_organisation o ON o.id = f.organisation_id
			                  JOIN partner_service ps ON ps.id = f.service_id
			                  WHERE f.incident_id IN (SELECT case_incidents(i.id)) AND (shared.others = 0 OR %1$s)),
			    'messagesToReporters', (SELECT coalesce(jsonb_agg(jsonb_build_object('at', m.created_at, 'text', m.text)
			                                                      ORDER BY m.created_at), '[]')
			                            FROM reporter_message m WHERE m.incident_id IN (SELECT case_incidents(i.id))),
			    'mails', (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', o.kind, 'createdAt', o.created_at,
			                                                           'sentAt', o.sent_at) ORDER BY o.created_at), '[]')
			              FROM mail_outbox o WHERE o.report_id = r.id),
			    'photos', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'takenBy',
			                                                            CASE WHEN p.assignment_id IS NULL THEN 'reporter'
			                                                                 ELSE 'team' END,
			                                                            'at', p.created_at, 'width', p.width,
			                                                            'height', p.height) ORDER BY p.id), '[]')
			               FROM photo p WHERE %2$s),
			    -- Who: the account ('staff:<id>', for the administrator to name) and its roles.
			    'accessedBy', (SELECT coalesce(jsonb_agg(jsonb_build_object('at', a.at, 'action', a.action,
			                                                                'purpose', a.purpose, 'actor', a.actor,
			                                                                'roles', (SELECT to_jsonb(u.roles) FROM staff_user u
			                                                                          WHERE a.actor = 'staff:' || u.id))
			                                            ORDER BY a.at), '[]')
			                   FROM audit_log a
			                   WHERE a.report_id = r.id
			                      OR (a.report_id IS NULL
			                          AND a.details ->> 'photo' IN (SELECT p.id::text FROM photo p WHERE %2$s))),
			    'redactedAt', r.redacted_at,
			    'exportedAt', :now)::text AS document
			FROM report r
			JOIN incident i ON i.id = r.incident_id
			LEFT JOIN quarter q ON q.id = r.quarter_id
			LEFT JOIN reporter_contact c ON c.report_id = r.id
			CROSS JOIN LATERAL (SELECT count(*) AS others FROM report o
			                    WHERE o.incident_id IN (SELECT connected_incidents(r.incident_id)) AND o.id <> r.id
			                      AND o.redacted_at IS NULL) shared
			WHERE r.tracking_code = :code
			"""
		.formatted(
				"""
						EXISTS (SELECT 1 FROM referral_contact fc
						        WHERE fc.referral_id = f.id
						          AND (lower(fc.email) = lower(c.email) OR comparable_phone(fc.phone) = comparable_phone(c.phone)))""",
				// Its photos: its own, and the teams' of a case no one else's report
				// keeps (a look at one is audited by photo: the case may have had
				// others).
				"""
						p.report_id = r.id
						OR (p.incident_id IN (SELECT case_incidents(i.id)) AND p.assignment_id IS NOT NULL AND shared.others = 0)""");

	/** The report of a tracking code, locked by itself before it is erased. */
	static final String LOCK_REPORT = "SELECT id FROM report WHERE tracking_code = :code FOR UPDATE";

	/**
	 * The report's own data, and, when no other report keeps the case, what staff wrote
	 * about it (notes, the teams' notes and decline reasons, the reason it was closed
	 * without action: any of them may name the person), and the incident is redacted as
	 * by retention: its location coarsened, its photos and messages erased. The case is
	 * the report's incident with those merged into it and the one it follows up
	 * ({@code case_incidents}, V125, V138): what was written on those stayed there.
	 * Whether others keep it looks at every incident connected by merges and follow-ups,
	 * both ways ({@code connected_incidents}, V139): a follow-up moves one report only. A
	 * case that goes on for other reporters keeps its record until they are done with it
	 * (retention removes it then): one reporter's request, made with nothing but a
	 * tracking code, does not erase the record of the others' case.
	 */
	static final String ERASE = """
			WITH target AS (
			    SELECT id, incident_id FROM report WHERE tracking_code = :code FOR UPDATE
			), contact AS (
			    DELETE FROM reporter_contact WHERE report_id IN (SELECT id FROM target) RETURNING email, phone
			), redacted AS (
			    UPDATE report SET description = '', address_label = NULL,
			                      location = ST_SnapToGrid(location, :grid), redacted_at = :now
			    WHERE id IN (SELECT id FROM target) AND redacted_at IS NULL
			    RETURNING 1
			), others AS (
			    SELECT EXISTS (SELECT 1 FROM report r JOIN target t ON r.incident_id IN (SELECT connected_incidents(t.incident_id))
			                   WHERE r.redacted_at IS NULL AND r.id <> t.id) AS remain
			), notes AS (
			    UPDATE incident_note SET text = '', redacted_at = :now
			    WHERE incident_id IN (SELECT case_incidents(incident_id) FROM target) AND redacted_at IS NULL
			      AND NOT (SELECT remain FROM others)
			    RETURNING 1
			), team_notes AS (
			    UPDATE assignment SET note = NULL, decline_reason = NULL
			    WHERE incident_id IN (SELECT case_incidents(incident_id) FROM target)
			      AND (note IS NOT NULL OR decline_reason IS NOT NULL) AND NOT (SELECT remain FROM others)
			    RETURNING 1
			), incident AS (
			    -- Redacted as by retention once no other report keeps the case open (its
			    -- triggers erase the teams' photos and the messages to the reporters).
			    UPDATE incident i
			    SET outcome_reason = CASE WHEN o.remain THEN i.outcome_reason END,
			        location = CASE WHEN o.remain THEN i.location ELSE ST_SnapToGrid(i.location, :grid) END,
			        referred_to = CASE WHEN o.remain THEN i.referred_to END,
			        redacted_at = CASE WHEN o.remain THEN i.redacted_at ELSE coalesce(i.redacted_at, :now) END
			    FROM others o
			    WHERE i.id IN (SELECT case_incidents(incident_id) FROM target)
			    RETURNING 1
			)
			SELECT (SELECT id FROM target) AS report_id, (SELECT incident_id FROM target) AS incident_id,
			       EXISTS (SELECT 1 FROM contact) AS contact_erased, EXISTS (SELECT 1 FROM redacted) AS report_redacted,
			       (SELECT email FROM contact) AS email, (SELECT phone FROM contact) AS phone,
			       (SELECT count(*) FROM notes) + (SELECT count(*) FROM team_notes) AS notes_redacted,
			       (SELECT remain FROM others) AS case_continues,
			       (SELECT count(*) FROM incident) AS incidents,
			       -- The board events' places, as the incident's (V132): the stream replays them.
			       CASE WHEN (SELECT remain FROM others) THEN 0
			            ELSE forget_board_event_places(ARRAY(SELECT case_incidents(incident_id) FROM target), :grid)
			       END AS board_events_coarsened
			""";

	private DataSubjectSql() {
	}

}
