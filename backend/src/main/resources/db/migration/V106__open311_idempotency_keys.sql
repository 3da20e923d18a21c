-- Open311 submissions keep their idempotency keys as 'open311/<app>/<key>' from now on, a form
-- a resident's Idempotency-Key cannot take (it has no '/'): as 'open311:<app>:<key>', a public
-- report could claim the key of a partner app's next submission. Keys stored so far move along,
-- so that an app's retry after the update is still recognised.
UPDATE idempotency_key
SET key = regexp_replace(key, '^open311:([0-9]+):', 'open311/\1/')
WHERE key ~ '^open311:[0-9]+:';
