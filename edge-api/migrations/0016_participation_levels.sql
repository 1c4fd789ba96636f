-- Participation levels (issue 14): a poll is open to anonymous voters, or
-- counts one ballot per invitation code, or one per verified person.
--
-- Invitation codes are not stored: a code is its number in its set and a
-- keyed MAC of both (see model/src/participation.rs). The database keeps
-- each set's size, the codes revoked and the codes used, by number.

CREATE TABLE code_sets (
    id         INTEGER PRIMARY KEY,
    city_id    INTEGER NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    size       INTEGER NOT NULL CHECK (size BETWEEN 1 AND 200000),
    created_at INTEGER NOT NULL
);
CREATE INDEX code_sets_by_city ON code_sets (city_id, id);

CREATE TABLE revoked_codes (
    set_id     INTEGER NOT NULL REFERENCES code_sets (id) ON DELETE CASCADE,
    code_index INTEGER NOT NULL,
    revoked_at INTEGER NOT NULL,
    PRIMARY KEY (set_id, code_index)
) WITHOUT ROWID;

-- One ballot per code per poll. Neither the voter nor the time is kept, and
-- a WITHOUT ROWID table keeps no order of insertion: a code's use cannot be
-- matched with its ballot (so a mailing list cannot reveal a household's vote).
CREATE TABLE used_codes (
    widget_id  TEXT NOT NULL REFERENCES widgets (id) ON DELETE CASCADE,
    set_id     INTEGER NOT NULL REFERENCES code_sets (id),
    code_index INTEGER NOT NULL,
    PRIMARY KEY (widget_id, set_id, code_index)
) WITHOUT ROWID;
CREATE INDEX used_codes_by_set ON used_codes (set_id);

ALTER TABLE widgets ADD COLUMN participation TEXT NOT NULL DEFAULT 'open'
    CHECK (participation IN ('open', 'code', 'verified'));
ALTER TABLE widgets ADD COLUMN code_set_id INTEGER REFERENCES code_sets (id);

-- Each ballot says at which level it was cast, for results a council can read.
ALTER TABLE ballots ADD COLUMN level TEXT NOT NULL DEFAULT 'open'
    CHECK (level IN ('open', 'code', 'verified'));

-- A ballot is cast at its poll's level, even when staff change the level
-- while the ballot is in flight (the Worker read the widget before).
CREATE TRIGGER ballot_at_poll_level BEFORE INSERT ON ballots
WHEN NEW.level != (SELECT participation FROM widgets WHERE id = NEW.widget_id)
BEGIN
    SELECT RAISE(ABORT, 'ballot_level_changed');
END;

-- A poll's level and code set are fixed once it has ballots: a result
-- counts every ballot under the same rule.
CREATE TRIGGER participation_fixed_after_ballots
BEFORE UPDATE OF participation, code_set_id ON widgets
WHEN OLD.ballots > 0
  AND (NEW.participation != OLD.participation OR NEW.code_set_id IS NOT OLD.code_set_id)
BEGIN
    SELECT RAISE(ABORT, 'participation_fixed');
END;
