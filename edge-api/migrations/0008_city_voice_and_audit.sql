-- Migration 0008: the city's own voice in comment threads, and an
-- append-only log of what staff change.

-- A reply written by staff in the dashboard is the city's: staff_role says
-- so (residents' rows have NULL), and no resident can set it. staff_id is
-- kept for the audit trail without a foreign key, so removing an account
-- leaves the city's replies in place.
ALTER TABLE comments ADD COLUMN staff_role TEXT
    CHECK (staff_role IS NULL OR staff_role IN ('admin', 'moderator'));
ALTER TABLE comments ADD COLUMN staff_id INTEGER;

-- Every staff action that changes what residents see or what is counted:
-- who (name and role as they were), what, on which widget, when. Rows are
-- written in the same batch as the change they record; the triggers below
-- refuse any edit or deletion, whatever sends it.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    city_id     INTEGER NOT NULL REFERENCES cities (id),
    widget_id   TEXT,
    staff_id    INTEGER NOT NULL,
    staff_name  TEXT NOT NULL,
    staff_role  TEXT NOT NULL,
    action      TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT '',
    at          INTEGER NOT NULL
);
CREATE INDEX audit_log_by_widget ON audit_log (widget_id, id);
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
