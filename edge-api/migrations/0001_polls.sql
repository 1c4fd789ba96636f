-- Migration 0001: cities, widgets and polls.
-- Never edit an applied migration: add a new numbered file instead.
-- Times are INTEGER seconds since the Unix epoch (UTC) throughout.

-- A city is the tenant: every widget and staff account belongs to exactly one.
-- theme holds the brand tokens as JSON (see model::staff::Theme).
CREATE TABLE cities (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    default_lang TEXT NOT NULL DEFAULT 'fr' CHECK (default_lang IN ('fr', 'en')),
    theme        TEXT NOT NULL DEFAULT '{}',
    created_at   INTEGER NOT NULL DEFAULT (unixepoch())
);

-- The exact origins (scheme://host[:port]) of the pages allowed to embed the
-- city's widgets. Only these get CORS headers and may write.
CREATE TABLE city_origins (
    city_id INTEGER NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    origin  TEXT NOT NULL,
    PRIMARY KEY (city_id, origin)
);

-- A widget's id is public (webmasters paste it), so it is a readable text id
-- rather than a guessable integer sequence.
CREATE TABLE widgets (
    id                 TEXT PRIMARY KEY,
    city_id            INTEGER NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    kind               TEXT NOT NULL CHECK (kind IN ('poll', 'ideas', 'comments')),
    title              TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL DEFAULT 'draft'
                       CHECK (status IN ('draft', 'open', 'closed')),
    opens_at           INTEGER,
    closes_at          INTEGER,
    results_visibility TEXT NOT NULL DEFAULT 'always'
                       CHECK (results_visibility IN ('always', 'after_voting', 'after_closing')),
    moderation         TEXT NOT NULL DEFAULT 'after_publication'
                       CHECK (moderation IN ('before_publication', 'after_publication')),
    min_choices        INTEGER NOT NULL DEFAULT 1 CHECK (min_choices >= 1),
    max_choices        INTEGER NOT NULL DEFAULT 1 CHECK (max_choices >= min_choices),
    report_threshold   INTEGER NOT NULL DEFAULT 3 CHECK (report_threshold >= 1),
    created_at         INTEGER NOT NULL DEFAULT (unixepoch()),
    updated_at         INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX widgets_by_city ON widgets (city_id);

CREATE TABLE poll_options (
    widget_id TEXT NOT NULL REFERENCES widgets (id) ON DELETE CASCADE,
    id        TEXT NOT NULL,
    position  INTEGER NOT NULL,
    label     TEXT NOT NULL,
    PRIMARY KEY (widget_id, id)
);

-- One ballot per voter per poll, enforced here rather than in code, so that
-- concurrent requests from one voter cannot both succeed. voter_hash is an
-- HMAC of the voter token: the token itself is never stored.
CREATE TABLE ballots (
    id         INTEGER PRIMARY KEY,
    widget_id  TEXT NOT NULL REFERENCES widgets (id) ON DELETE CASCADE,
    voter_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    UNIQUE (widget_id, voter_hash)
);
CREATE INDEX ballots_by_voter ON ballots (voter_hash);

-- The options a ballot chose; a separate table so that multiple-choice polls
-- and per-option tallies need no JSON parsing.
CREATE TABLE ballot_choices (
    ballot_id INTEGER NOT NULL REFERENCES ballots (id) ON DELETE CASCADE,
    widget_id TEXT NOT NULL,
    option_id TEXT NOT NULL,
    PRIMARY KEY (ballot_id, option_id),
    FOREIGN KEY (widget_id, option_id) REFERENCES poll_options (widget_id, id)
);
CREATE INDEX ballot_choices_by_option ON ballot_choices (widget_id, option_id);
