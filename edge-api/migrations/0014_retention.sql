-- Archiving, deletion and retention (issue 13, item 10).
-- A city keeps residents' text and voter hashes this many days after a
-- consultation closes; then a daily job erases them and only counts remain.
ALTER TABLE cities ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 365;
-- When staff closed the widget (a closing time set in advance counts too).
ALTER TABLE widgets ADD COLUMN closed_at INTEGER;
-- Archived: hidden from residents, read-only; the step before deletion.
ALTER TABLE widgets ADD COLUMN archived_at INTEGER;
-- When a complete export was last downloaded: deletion needs one since archiving.
ALTER TABLE widgets ADD COLUMN exported_at INTEGER;
-- When the retention job erased residents' text in it.
ALTER TABLE widgets ADD COLUMN purged_at INTEGER;
-- Consultations already over count from this migration, so deploying it
-- never erases anything at once: the retention period starts now for them.
UPDATE widgets SET closed_at = unixepoch()
WHERE status = 'closed' OR (closes_at IS NOT NULL AND closes_at <= unixepoch());
