-- The language a lead wrote a public message in: the status page marks the message with it
-- (lang), so that a screen reader on a Farsi page reads a German message in German. Messages
-- written before this have none.
ALTER TABLE reporter_message ADD COLUMN language text CHECK (language ~ '^[a-z]{2}$');
