-- The schema of the notes service: users, their notes, and their access tokens.
-- Timestamps are set by the database; updated_at is maintained by a trigger, so it
-- changes on every UPDATE whoever issues it.

CREATE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    -- clock_timestamp(), not now(): two updates in one transaction still move it forward.
    NEW.updated_at := clock_timestamp();
    RETURN NEW;
END;
$$;

CREATE TABLE users (
    id            uuid         PRIMARY KEY,
    username      varchar(80)  NOT NULL
        CONSTRAINT users_username_format CHECK (username ~ '^[A-Za-z0-9._-]{3,80}$'),
    password_hash varchar(255) NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);

-- Usernames are unique regardless of case; lookups use lower(username) and hit this index.
CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username));

CREATE TRIGGER users_set_updated_at
    BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE notes (
    id         uuid         PRIMARY KEY,
    owner_id   uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title      varchar(200) NOT NULL
        CONSTRAINT notes_title_length CHECK (char_length(title) >= 1),
    body       text         NOT NULL DEFAULT ''
        CONSTRAINT notes_body_length CHECK (char_length(body) <= 100000),
    version    bigint       NOT NULL DEFAULT 0,
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now()
);

-- Serves the owner's newest-first listing and its keyset pagination (created_at, id).
CREATE INDEX notes_owner_created_idx ON notes (owner_id, created_at DESC, id DESC);

CREATE TRIGGER notes_set_updated_at
    BEFORE UPDATE ON notes
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Bearer tokens are stored only as their SHA-256 digest; the token itself never reaches the database.
CREATE TABLE access_tokens (
    token_hash bytea       PRIMARY KEY
        CONSTRAINT access_tokens_hash_length CHECK (octet_length(token_hash) = 32),
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);

CREATE INDEX access_tokens_user_idx ON access_tokens (user_id);
CREATE INDEX access_tokens_expires_idx ON access_tokens (expires_at);
