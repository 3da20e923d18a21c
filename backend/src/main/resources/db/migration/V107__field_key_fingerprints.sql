-- A field step or photo sent again under its key is answered as the first only when it is
-- the same step or the same photo: the fingerprint (SHA-256 of the step as the server read
-- it, of the photo's bytes as uploaded) tells a retry from a different request under a
-- reused key, which is refused. Keys stored before this have none and stay answered as before.
ALTER TABLE field_step_key ADD COLUMN request_hash bytea;
ALTER TABLE photo ADD COLUMN upload_hash bytea;
