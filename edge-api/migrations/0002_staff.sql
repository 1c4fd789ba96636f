-- Migration 0002: staff accounts and their sessions.

-- Passwords are PBKDF2-HMAC-SHA256 (WebCrypto) with a per-account salt; the
-- iteration count is stored so it can be raised later without a flag day.
CREATE TABLE staff (
    id                   INTEGER PRIMARY KEY,
    city_id              INTEGER NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    email                TEXT NOT NULL UNIQUE,
    display_name         TEXT NOT NULL,
    role                 TEXT NOT NULL CHECK (role IN ('admin', 'moderator')),
    password_hash        TEXT NOT NULL,
    password_salt        TEXT NOT NULL,
    password_iterations  INTEGER NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    created_at           INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX staff_by_city ON staff (city_id);

-- Server-side sessions. Only a SHA-256 of the cookie's random token is kept,
-- so a copy of the database cannot be used to sign in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    staff_id   INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX sessions_by_staff ON sessions (staff_id);

-- Failed sign-ins, keyed by a keyed hash of the e-mail or of the client IP,
-- for throttling. Old rows are pruned as new ones arrive.
CREATE TABLE sign_in_failures (
    key_hash TEXT NOT NULL,
    at       INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_by_key ON sign_in_failures (key_hash, at);
