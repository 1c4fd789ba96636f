-- Migration 0004: rate limits and idempotent retries.

-- Write counters per bucket (a keyed hash of a voter token or of a client IP)
-- and per minute. Rows older than an hour are pruned as new ones arrive.
CREATE TABLE rate_counters (
    bucket TEXT NOT NULL,
    minute INTEGER NOT NULL,
    hits   INTEGER NOT NULL,
    PRIMARY KEY (bucket, minute)
) WITHOUT ROWID;
CREATE INDEX rate_counters_by_minute ON rate_counters (minute);

-- Responses to writes sent with an Idempotency-Key, so a retry gets the same
-- answer and changes nothing. status 0 means the first request is still
-- being handled. key_hash covers the voter, the method, the path and the key;
-- request_hash is the body's SHA-256, to refuse a reused key with another body.
CREATE TABLE idempotency_keys (
    key_hash     TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    status       INTEGER NOT NULL DEFAULT 0,
    content_type TEXT,
    body         TEXT,
    created_at   INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
