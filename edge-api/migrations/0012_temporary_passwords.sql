-- Temporary passwords expire (issue 13, item 2): when an account's password
-- was set, so a temporary one (must_change_password = 1) is refused once
-- older than the Worker's limit (72 hours unless TEMPORARY_PASSWORD_SECONDS
-- says otherwise). Existing accounts count from this migration; rows written
-- without it (test fixtures) never expire.
ALTER TABLE staff ADD COLUMN password_set_at INTEGER;
UPDATE staff SET password_set_at = unixepoch();
