-- Demo data for `cargo xtask demo` and the tests. Idempotent: running it again
-- changes nothing, and never touches ballots.
INSERT INTO cities (id, slug, name) VALUES (1, 'ville-de-demo', 'Ville de Démo')
    ON CONFLICT (id) DO NOTHING;

INSERT INTO city_origins (city_id, origin) VALUES (1, 'http://127.0.0.1:8080')
    ON CONFLICT DO NOTHING;

INSERT INTO widgets (id, city_id, kind, title, description, status, results_visibility)
VALUES (
    'demo-poll', 1, 'poll',
    'Que souhaitez-vous en priorité sur la place du Marché ?',
    'La place du Marché sera réaménagée en 2027. Dites-nous ce qui compte le plus pour vous.',
    'open', 'always'
) ON CONFLICT (id) DO NOTHING;

INSERT INTO poll_options (widget_id, id, position, label) VALUES
    ('demo-poll', 'arbres', 1, 'Plus d’arbres et d’ombre'),
    ('demo-poll', 'marche', 2, 'Un marché couvert'),
    ('demo-poll', 'bancs', 3, 'Des bancs et des jeux pour enfants'),
    ('demo-poll', 'velos', 4, 'Des places pour les vélos')
    ON CONFLICT DO NOTHING;
