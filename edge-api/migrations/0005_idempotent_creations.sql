-- Migration 0005: ideas and comments remember the idempotency key that
-- created them, so a retry after a crash between the insert and the stored
-- answer finds the row instead of inserting it twice. The key is the same
-- SHA-256 scope hash as in idempotency_keys (voter, method, path, key).
ALTER TABLE ideas ADD COLUMN client_key TEXT;
CREATE UNIQUE INDEX ideas_by_client_key ON ideas (client_key) WHERE client_key IS NOT NULL;

ALTER TABLE comments ADD COLUMN client_key TEXT;
CREATE UNIQUE INDEX comments_by_client_key ON comments (client_key) WHERE client_key IS NOT NULL;
