-- Verified participation (issue 14): a city's OpenID Connect provider, the
-- sign-ins under way, and one ballot per verified person and poll.

-- The city's provider as staff set it, and what its discovery document and
-- JWKS said when last fetched (refetched after an hour, or at once for a
-- signing key it does not list: a rotation). The client secret is a Worker
-- secret, never here.
CREATE TABLE identity_providers (
    city_id                INTEGER PRIMARY KEY REFERENCES cities (id) ON DELETE CASCADE,
    issuer                 TEXT NOT NULL,
    client_id              TEXT NOT NULL,
    display_name           TEXT NOT NULL,
    pkce                   INTEGER NOT NULL DEFAULT 1 CHECK (pkce IN (0, 1)),
    acr_values             TEXT NOT NULL DEFAULT '',
    authorization_endpoint TEXT,
    token_endpoint         TEXT,
    jwks_uri               TEXT,
    jwks                   TEXT,
    fetched_at             INTEGER,
    updated_at             INTEGER NOT NULL
);

-- A sign-in between the widget's button and the provider's callback, found
-- by its state's hash and deleted by the callback that uses it (a replayed
-- callback finds nothing). Ten minutes at most; the callback also deletes
-- older ones.
CREATE TABLE sign_ins (
    state_hash    TEXT PRIMARY KEY,
    widget_id     TEXT NOT NULL REFERENCES widgets (id) ON DELETE CASCADE,
    voter_hash    TEXT NOT NULL,
    nonce         TEXT NOT NULL,
    code_verifier TEXT,
    opener_origin TEXT NOT NULL,
    lang          TEXT NOT NULL,
    created_at    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sign_ins_by_age ON sign_ins (created_at);

-- One ballot per verified person and poll: the subject's keyed hash for the
-- city, without voter, time or order of insertion, so a person cannot be
-- matched with their ballot. The retention job deletes these rows with the
-- other hashes of a closed consultation.
CREATE TABLE verified_uses (
    widget_id    TEXT NOT NULL REFERENCES widgets (id) ON DELETE CASCADE,
    subject_hash TEXT NOT NULL,
    PRIMARY KEY (widget_id, subject_hash)
) WITHOUT ROWID;

-- The assurance level the provider stated for a verified ballot (`eidas1`).
ALTER TABLE ballots ADD COLUMN acr TEXT;
