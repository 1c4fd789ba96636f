-- Poll counts are kept as ballots come and go (issue 13, item 5), so a
-- view reads one row per option and one per widget instead of counting
-- every ballot. The triggers run in the statement that adds or removes a
-- ballot: the counts can never disagree with the ballots.
ALTER TABLE poll_options ADD COLUMN votes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE widgets ADD COLUMN ballots INTEGER NOT NULL DEFAULT 0;

UPDATE poll_options SET votes = (
  SELECT COUNT(*) FROM ballot_choices c
  WHERE c.widget_id = poll_options.widget_id AND c.option_id = poll_options.id);
UPDATE widgets SET ballots = (SELECT COUNT(*) FROM ballots b WHERE b.widget_id = widgets.id);

CREATE TRIGGER ballot_choice_counted AFTER INSERT ON ballot_choices BEGIN
  UPDATE poll_options SET votes = votes + 1
  WHERE widget_id = NEW.widget_id AND id = NEW.option_id;
END;

CREATE TRIGGER ballot_counted AFTER INSERT ON ballots BEGIN
  UPDATE widgets SET ballots = ballots + 1 WHERE id = NEW.widget_id;
END;

-- Before the ballot goes, while its choices (deleted with it by the foreign
-- key) can still be read.
CREATE TRIGGER ballot_uncounted BEFORE DELETE ON ballots BEGIN
  UPDATE poll_options SET votes = votes - 1
  WHERE widget_id = OLD.widget_id
    AND id IN (SELECT option_id FROM ballot_choices WHERE ballot_id = OLD.id);
  UPDATE widgets SET ballots = ballots - 1 WHERE id = OLD.widget_id;
END;
