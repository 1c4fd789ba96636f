-- Demo data for `cargo xtask demo` and the tests. Idempotent: running it
-- again changes nothing and never touches what residents added.
--
-- The demo admin's password is public on purpose (README): this file is for
-- local demos only and is never applied to a real deployment.
--   admin@ville-de-demo.fr / parvis-demo-2026
INSERT INTO cities (id, slug, name, default_lang, theme)
VALUES (1, 'ville-de-demo', 'Ville de Démo', 'fr', '{"accent":"#163d7a"}')
    ON CONFLICT (id) DO NOTHING;

INSERT INTO city_origins (city_id, origin) VALUES (1, 'http://127.0.0.1:8080')
    ON CONFLICT DO NOTHING;

INSERT INTO staff (id, city_id, email, display_name, role, password_hash, password_salt,
                   password_iterations)
VALUES (1, 1, 'admin@ville-de-demo.fr', 'Camille Martin', 'admin',
        '930f6272060e2324cda2052bce12c5a2ee3fd7048534380cc7cd27dd0ad2b5a3',
        '5eed5eed5eed5eed5eed5eed5eed5eed', 100000)
    ON CONFLICT (id) DO NOTHING;

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

INSERT INTO widgets (id, city_id, kind, title, description, status, moderation)
VALUES (
    'demo-ideas', 1, 'ideas',
    'Vos idées pour la place du Marché',
    'Proposez une idée, soutenez celles des autres : la mairie répond aux plus soutenues.',
    'open', 'after_publication'
) ON CONFLICT (id) DO NOTHING;

-- Seeded ideas and supports use fixed voter hashes that no token can produce.
INSERT INTO ideas (id, widget_id, voter_hash, title, description, display_name, status,
                   visibility, official_answer, answered_at, created_at)
VALUES
    (1, 'demo-ideas', 'seed-1', 'Une fontaine à boire près des jeux',
     'L’été, les enfants n’ont pas d’eau à proximité. Une fontaine serait bienvenue.',
     'Léa', 'accepted', 'published',
     'Bonne idée : une fontaine sera installée dans le projet, côté rue de la Halle.',
     1794300000, 1793900000),
    (2, 'demo-ideas', 'seed-2', 'Garder le marché du samedi pendant les travaux',
     'Les commerçants craignent de perdre leurs clients pendant neuf mois.',
     'Karim', 'under_review', 'published', NULL, NULL, 1794000000),
    (3, 'demo-ideas', 'seed-3', 'Des arceaux vélos couverts',
     '', NULL, 'submitted', 'published', NULL, NULL, 1794100000)
    ON CONFLICT (id) DO NOTHING;

INSERT INTO idea_supports (idea_id, voter_hash) VALUES
    (1, 'seed-2'), (1, 'seed-3'), (1, 'seed-4'), (2, 'seed-1'), (2, 'seed-4'), (3, 'seed-5')
    ON CONFLICT DO NOTHING;

INSERT INTO widgets (id, city_id, kind, title, description, status, moderation)
VALUES (
    'demo-comments', 1, 'comments',
    'Vos questions sur le projet',
    'Posez vos questions, l’équipe municipale y répond ici.',
    'open', 'after_publication'
) ON CONFLICT (id) DO NOTHING;

INSERT INTO comments (id, widget_id, parent_id, voter_hash, body, display_name, visibility,
                      created_at)
VALUES
    (1, 'demo-comments', NULL, 'seed-1',
     'Les places de stationnement seront-elles maintenues rue de la Halle ?', 'Jean',
     'published', 1793950000),
    (2, 'demo-comments', 1, 'seed-staff',
     'Bonjour Jean, 12 places sur 20 restent ; un parking vélo est ajouté.', 'Mairie',
     'published', 1793960000),
    (3, 'demo-comments', NULL, 'seed-2',
     'Merci de penser aux personnes à mobilité réduite pour les cheminements.', 'Sophie',
     'published', 1794050000)
    ON CONFLICT (id) DO NOTHING;
