-- A field team's photo taken offline is queued on the phone and sent again until it arrives:
-- its Idempotency-Key makes a photo that arrives twice count once.
ALTER TABLE photo ADD COLUMN upload_key text;
CREATE UNIQUE INDEX photo_upload_key_idx ON photo (upload_key) WHERE upload_key IS NOT NULL;
