-- Migration 0007: daily participation caps per network, and reports that
-- hide a comment only when they come from distinct networks.

-- Per widget: how many ballots, ideas and reports one network may bring in
-- a day (supports: five times as many). NULL is the default,
-- model::limits::DEFAULT_NETWORK_DAILY_CAP, so the default can change
-- without touching rows. Staff raise it for a public meeting.
ALTER TABLE widgets ADD COLUMN network_daily_cap INTEGER
    CHECK (network_daily_cap IS NULL OR network_daily_cap BETWEEN 1 AND 100000);

-- The reporter's network, as a keyed hash scoped to the widget (IPv4 /32,
-- IPv6 /64). Reports made before this migration have none and count by
-- voter, as they did.
ALTER TABLE comment_reports ADD COLUMN network_hash TEXT;

-- Three fresh tokens from one address used to hide any comment. Now the
-- threshold counts distinct networks; `reports` still counts every report,
-- for moderators.
DROP TRIGGER comment_report_added;
CREATE TRIGGER comment_report_added AFTER INSERT ON comment_reports BEGIN
    UPDATE comments SET reports = reports + 1 WHERE id = NEW.comment_id;
    UPDATE comments SET visibility = 'hidden'
    WHERE id = NEW.comment_id
      AND visibility = 'published'
      AND reviewed = 0
      AND (SELECT COUNT(DISTINCT COALESCE(r.network_hash, r.voter_hash))
             FROM comment_reports r WHERE r.comment_id = NEW.comment_id)
          >= (SELECT report_threshold FROM widgets WHERE widgets.id = comments.widget_id);
END;
