-- Erasure reaches stored answers too (issue 13, item 7): an idempotency
-- answer holds the resident's text as the API returned it, so it records
-- whose write it answered, and erasing that voter's data deletes it.
-- Rows stored before this migration have no voter; they expire within a day.
ALTER TABLE idempotency_keys ADD COLUMN voter_hash TEXT;
CREATE INDEX idempotency_keys_by_voter ON idempotency_keys (voter_hash)
  WHERE voter_hash IS NOT NULL;
