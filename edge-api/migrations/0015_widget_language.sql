-- A widget's own language (issue 11): residents read it in this language
-- whatever the language of the page that shows it (WordPress installed in
-- English sets lang="en-US" around French questions). NULL: the city's
-- default language.
ALTER TABLE widgets ADD COLUMN lang TEXT CHECK (lang IS NULL OR lang IN ('fr', 'en'));
