-- Migration 0003: idea boxes and comment threads.
-- visibility: pending (awaiting moderation), published, hidden, rejected.

CREATE TABLE ideas (
    id              INTEGER PRIMARY KEY,
    widget_id       TEXT NOT NULL REFERENCES widgets (id) ON DELETE CASCADE,
    voter_hash      TEXT NOT NULL,
    title           TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    display_name    TEXT,
    status          TEXT NOT NULL DEFAULT 'submitted'
                    CHECK (status IN ('submitted', 'under_review', 'accepted',
                                      'in_progress', 'done', 'rejected')),
    visibility      TEXT NOT NULL CHECK (visibility IN ('pending', 'published', 'hidden', 'rejected')),
    supports        INTEGER NOT NULL DEFAULT 0,
    official_answer TEXT,
    answered_at     INTEGER,
    created_at      INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX ideas_top ON ideas (widget_id, visibility, supports DESC, id DESC);
CREATE INDEX ideas_newest ON ideas (widget_id, visibility, id DESC);
CREATE INDEX ideas_by_voter ON ideas (voter_hash);

-- One support per voter per idea. The count on ideas is kept by triggers in
-- the same statement, so it can never drift from the rows.
CREATE TABLE idea_supports (
    idea_id    INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    voter_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    PRIMARY KEY (idea_id, voter_hash)
);
CREATE INDEX idea_supports_by_voter ON idea_supports (voter_hash);
CREATE TRIGGER idea_support_added AFTER INSERT ON idea_supports BEGIN
    UPDATE ideas SET supports = supports + 1 WHERE id = NEW.idea_id;
END;
CREATE TRIGGER idea_support_removed AFTER DELETE ON idea_supports BEGIN
    UPDATE ideas SET supports = supports - 1 WHERE id = OLD.idea_id;
END;

-- Comments. A reply's parent is always a top-level comment (threads are one
-- level deep). A comment its author deletes keeps its row with the text
-- erased, so that replies keep their place.
CREATE TABLE comments (
    id           INTEGER PRIMARY KEY,
    widget_id    TEXT NOT NULL REFERENCES widgets (id) ON DELETE CASCADE,
    parent_id    INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    voter_hash   TEXT NOT NULL,
    body         TEXT NOT NULL,
    display_name TEXT,
    visibility   TEXT NOT NULL CHECK (visibility IN ('pending', 'published', 'hidden', 'rejected')),
    deleted      INTEGER NOT NULL DEFAULT 0,
    supports     INTEGER NOT NULL DEFAULT 0,
    reports      INTEGER NOT NULL DEFAULT 0,
    -- Set when a moderator decides on the comment: reports no longer hide it.
    reviewed     INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX comments_by_widget ON comments (widget_id, parent_id, visibility, id);
CREATE INDEX comments_by_voter ON comments (voter_hash);

CREATE TABLE comment_supports (
    comment_id INTEGER NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    voter_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    PRIMARY KEY (comment_id, voter_hash)
);
CREATE INDEX comment_supports_by_voter ON comment_supports (voter_hash);
CREATE TRIGGER comment_support_added AFTER INSERT ON comment_supports BEGIN
    UPDATE comments SET supports = supports + 1 WHERE id = NEW.comment_id;
END;
CREATE TRIGGER comment_support_removed AFTER DELETE ON comment_supports BEGIN
    UPDATE comments SET supports = supports - 1 WHERE id = OLD.comment_id;
END;

-- One report per voter per comment. Reaching the widget's threshold of
-- distinct reporters hides a published comment until a moderator decides;
-- the trigger does it in the same transaction as the report.
CREATE TABLE comment_reports (
    comment_id INTEGER NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    voter_hash TEXT NOT NULL,
    reason     TEXT NOT NULL CHECK (reason IN ('spam', 'abuse', 'off_topic', 'personal_data', 'other')),
    details    TEXT,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    PRIMARY KEY (comment_id, voter_hash)
);
CREATE INDEX comment_reports_by_voter ON comment_reports (voter_hash);
CREATE TRIGGER comment_report_added AFTER INSERT ON comment_reports BEGIN
    UPDATE comments SET reports = reports + 1 WHERE id = NEW.comment_id;
    UPDATE comments SET visibility = 'hidden'
    WHERE id = NEW.comment_id
      AND visibility = 'published'
      AND reviewed = 0
      AND reports >= (SELECT report_threshold FROM widgets WHERE widgets.id = comments.widget_id);
END;
CREATE TRIGGER comment_report_removed AFTER DELETE ON comment_reports BEGIN
    UPDATE comments SET reports = reports - 1 WHERE id = OLD.comment_id;
END;
