-- Throttling: failed logins per username and per source address, registrations per source
-- address. What is counted is stored only as a SHA-256 digest (a typed username may be a
-- password). A row past expires_at counts as absent; the service deletes such rows as it writes.
CREATE TABLE attempt_counters (
    key_hash        bytea       PRIMARY KEY
        CONSTRAINT attempt_counters_key_length CHECK (octet_length(key_hash) = 32),
    attempts        integer     NOT NULL
        CONSTRAINT attempt_counters_attempts_positive CHECK (attempts >= 0),
    last_attempt_at timestamptz NOT NULL,
    blocked_until   timestamptz,
    expires_at      timestamptz NOT NULL
);

CREATE INDEX attempt_counters_expires_idx ON attempt_counters (expires_at);
