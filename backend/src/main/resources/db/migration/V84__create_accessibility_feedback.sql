-- Feedback on the accessibility statement (BITV 2.0 § 7: a feedback mechanism that reaches the
-- administrators and is answered).
CREATE TABLE accessibility_feedback (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message     text NOT NULL CHECK (length(message) BETWEEN 1 AND 4000),
    page        text CHECK (length(page) <= 300),
    -- Optional: where the answer can go. Erased with the feedback after a year (retention).
    email       text CHECK (length(email) <= 254),
    language    text NOT NULL CHECK (language IN ('de', 'en', 'ar', 'fa', 'tr', 'uk', 'ro', 'bg')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    answer      text CHECK (length(answer) <= 4000),
    answered_by text,
    answered_at timestamptz
);
CREATE INDEX accessibility_feedback_open_idx ON accessibility_feedback (created_at) WHERE answered_at IS NULL;
