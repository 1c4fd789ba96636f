-- Migration 0009: what staff need to judge a consultation's integrity.

-- The network each ballot and idea came from (a keyed hash scoped to the
-- widget, as for reports), so staff see the busiest networks. Rows from
-- before this migration have none.
ALTER TABLE ballots ADD COLUMN network_hash TEXT;
ALTER TABLE ideas ADD COLUMN network_hash TEXT;
-- No index on it: staff read it rarely (through the widget's own index),
-- while every ballot would pay for maintaining one.

-- Writes refused per widget, day and reason (origin, proof of work, rate
-- limit, daily cap). Counted on the refusal path only: an honest write
-- never pays for it.
CREATE TABLE refusals (
    widget_id TEXT NOT NULL REFERENCES widgets (id) ON DELETE CASCADE,
    day       TEXT NOT NULL,
    reason    TEXT NOT NULL,
    count     INTEGER NOT NULL,
    PRIMARY KEY (widget_id, day, reason)
) WITHOUT ROWID;
