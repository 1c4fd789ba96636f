-- Migration 0006: rate-limit windows that start at a bucket's first write.
--
-- 0004 counted writes per calendar minute, so a burst could straddle a
-- minute boundary and pass twice the limit, and a test's loop could be split
-- so that neither half reached it. A window now opens at the bucket's first
-- write and lasts a fixed time (one minute for the per-minute limits); the
-- next write after it opens a new one. Buckets are keyed hashes, as before.
DROP TABLE rate_counters;

CREATE TABLE rate_windows (
    bucket     TEXT PRIMARY KEY,
    -- Unix seconds when this window opened.
    opened_at  INTEGER NOT NULL,
    -- When it closes (opened_at + its length); pruned some time after.
    closes_at  INTEGER NOT NULL,
    -- Writes counted in this window.
    hits       INTEGER NOT NULL,
    -- Whether the last write was refused by a capped count. A capped count
    -- does not count refused writes, and the Worker gives back the place of
    -- a write that added nothing, so raising a cap lets that many more in.
    refused    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX rate_windows_by_close ON rate_windows (closes_at);
