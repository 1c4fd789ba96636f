-- Browsers a staff member has signed in from (issue 13, item 2). Sign-ins
-- from such a browser are counted under its own key, so an attacker's
-- guesses at the e-mail cannot lock the real person out. Only a hash of the
-- browser's random cookie is kept.
CREATE TABLE known_devices (
    device_hash TEXT NOT NULL,
    staff_id    INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    -- One browser may serve several accounts (a shared office computer).
    PRIMARY KEY (device_hash, staff_id)
);
CREATE INDEX known_devices_by_staff ON known_devices (staff_id);
