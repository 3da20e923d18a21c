-- A resident's export lists when a partner read the contact details of a referral made from
-- their case (recipients, Art. 15 (1) c DSGVO); those reads are audited by referral, not by
-- report. Found by that without reading the whole audit log.
CREATE INDEX audit_log_referral_contact_read_idx ON audit_log ((details ->> 'referral'))
    WHERE action = 'REFERRAL_CONTACT_READ';
