-- The same ballots table and uniqueness as Parvis, nothing else.
CREATE TABLE ballots (
    id         INTEGER PRIMARY KEY,
    widget_id  TEXT NOT NULL,
    voter_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    UNIQUE (widget_id, voter_hash)
);
