//! Every string staff read, in French and English.

use parvis_model::Lang;

/// The strings of one language.
pub struct Texts {
    pub app: &'static str,
    pub sign_in: &'static str,
    pub sign_out: &'static str,
    pub email: &'static str,
    pub password: &'static str,
    pub wrong_credentials: &'static str,
    pub temporary_password_expired: &'static str,
    pub retention: &'static str,
    pub end_title: &'static str,
    pub archive_help: &'static str,
    pub archive: &'static str,
    pub archive_question: &'static str,
    pub archived_on: &'static str,
    pub delete_help: &'static str,
    pub delete_forever: &'static str,
    pub delete_question: &'static str,
    pub close_first: &'static str,
    pub export_first: &'static str,
    pub purged_on: &'static str,
    pub retention_help: &'static str,
    pub too_many_attempts: &'static str,
    pub network_error: &'static str,
    pub session_expired: &'static str,
    pub widgets: &'static str,
    pub moderation: &'static str,
    pub new_widget: &'static str,
    pub kind: &'static str,
    pub status: &'static str,
    pub all: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub participation: &'static str,
    pub last_activity: &'static str,
    pub none_yet: &'static str,
    pub kinds: [&'static str; 3],
    pub statuses: [&'static str; 3],
    pub save: &'static str,
    pub saved: &'static str,
    pub edit: &'static str,
    pub options: &'static str,
    pub option: &'static str,
    pub add_option: &'static str,
    pub remove: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub single_choice: &'static str,
    pub multiple_choice: &'static str,
    pub choice_mode: &'static str,
    pub min_choices: &'static str,
    pub max_choices: &'static str,
    pub opens_at: &'static str,
    pub closes_at: &'static str,
    pub results_visibility: &'static str,
    pub visibilities: [&'static str; 3],
    pub moderation_mode: &'static str,
    pub moderation_modes: [&'static str; 2],
    pub report_threshold: &'static str,
    pub network_daily_cap: &'static str,
    pub network_daily_cap_hint: &'static str,
    pub fix_errors: &'static str,
    pub embed: &'static str,
    pub embed_help: &'static str,
    pub wordpress: &'static str,
    pub drupal: &'static str,
    pub allowed_before: &'static str,
    pub allowed_after: &'static str,
    pub script_title: &'static str,
    pub script_when: &'static str,
    pub copy_script: &'static str,
    pub copied_script: &'static str,
    pub iframe_title: &'static str,
    pub iframe_when: &'static str,
    pub copy_iframe: &'static str,
    pub copied_iframe: &'static str,
    pub link_title: &'static str,
    pub link_when: &'static str,
    pub copy_link: &'static str,
    pub copied_link: &'static str,
    pub copy_failed: &'static str,
    pub qr_help: &'static str,
    pub download_qr: &'static str,
    pub open_page: &'static str,
    pub new_tab: &'static str,
    pub options_title: &'static str,
    pub options_script: &'static str,
    pub option_lang: &'static str,
    pub option_theme: &'static str,
    pub options_iframe: &'static str,
    pub check_title: &'static str,
    pub check_label: &'static str,
    pub check_help: &'static str,
    pub check_button: &'static str,
    pub checking: &'static str,
    pub check_empty: &'static str,
    pub check_not_address: &'static str,
    pub check_ask_admin: &'static str,
    pub check_add: &'static str,
    pub recipes_title: &'static str,
    pub widget_lang: &'static str,
    pub widget_lang_city: &'static str,
    pub widget_lang_hint: &'static str,
    pub results: &'static str,
    pub answer: &'static str,
    pub votes: &'static str,
    pub per_day: &'static str,
    pub day: &'static str,
    pub count: &'static str,
    pub top_ideas: &'static str,
    pub supports: &'static str,
    pub download: &'static str,
    pub csv_semicolon: &'static str,
    pub csv_comma: &'static str,
    pub json: &'static str,
    pub queue_empty: &'static str,
    pub approve: &'static str,
    pub reject: &'static str,
    pub hide: &'static str,
    pub selected: &'static str,
    pub select_item: &'static str,
    pub select_all: &'static str,
    pub publication: &'static str,
    pub by_author: &'static str,
    pub undo: &'static str,
    pub idea: &'static str,
    pub comment: &'static str,
    pub reports: &'static str,
    pub in_widget: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub switch_lang: &'static str,
    pub choose_password: &'static str,
    pub choose_password_help: &'static str,
    pub change_password: &'static str,
    pub my_password: &'static str,
    pub current_password: &'static str,
    pub new_password: &'static str,
    pub confirm_password: &'static str,
    pub password_too_short: &'static str,
    pub passwords_differ: &'static str,
    pub wrong_current_password: &'static str,
    pub password_changed: &'static str,
    pub colour_sample: &'static str,
    pub load_more: &'static str,
    pub remove_account_question: &'static str,
    pub account_created: &'static str,
    pub temporary_password_is: &'static str,
    pub password_once: &'static str,
    pub pair_buttons: &'static str,
    pub pair_background: &'static str,
    pub sample_button: &'static str,
    pub sample_link: &'static str,
    pub settings: &'static str,
    pub team: &'static str,
    pub admin_only: &'static str,
    pub city_name: &'static str,
    pub default_lang: &'static str,
    pub lang_names_fr: &'static str,
    pub lang_names_en: &'static str,
    pub origins: &'static str,
    pub origins_help: &'static str,
    pub colours: &'static str,
    pub colours_help: &'static str,
    pub accent: &'static str,
    pub accent_text: &'static str,
    pub radius: &'static str,
    pub preview: &'static str,
    pub preview_help: &'static str,
    pub accounts: &'static str,
    pub new_account: &'static str,
    pub display_name: &'static str,
    pub role: &'static str,
    pub create_account: &'static str,
    pub temporary_password: &'static str,
    pub you: &'static str,
    pub ideas_page: &'static str,
    pub city_replies_page: &'static str,
    pub city_replies_help: &'static str,
    pub reply_as_city: &'static str,
    pub publish_reply: &'static str,
    pub anonymous: &'static str,
    pub no_comments: &'static str,
    pub audit_log: &'static str,
    pub integrity: &'static str,
    pub integrity_help: &'static str,
    pub open_level: &'static str,
    pub refusals: &'static str,
    pub reason: &'static str,
    pub no_refusal: &'static str,
    pub busiest_networks: &'static str,
    pub network: &'static str,
    pub audit_help: &'static str,
    pub codes_log: &'static str,
    pub codes_log_help: &'static str,
    pub when: &'static str,
    pub who: &'static str,
    pub action: &'static str,
    pub details: &'static str,
    pub audit_actions: [&'static str; 11],
    pub no_ideas: &'static str,
    pub idea_status: &'static str,
    pub official_answer: &'static str,
    pub official_answer_help: &'static str,
    pub save_answer: &'static str,
    pub by: &'static str,
    pub roles: [&'static str; 2],
    pub item_visibilities: [&'static str; 4],
    pub who_can_vote: &'static str,
    pub participation_levels: [&'static str; 3],
    pub participation_hints: [&'static str; 3],
    pub verified_coming: &'static str,
    pub participation_locked: &'static str,
    pub code_set: &'static str,
    pub choose_code_set: &'static str,
    pub no_code_set_make: &'static str,
    pub no_code_set_ask: &'static str,
    pub code_sets: &'static str,
    pub codes_what: &'static str,
    pub codes_stored: &'static str,
    pub new_code_set: &'static str,
    pub code_set_name: &'static str,
    pub code_set_name_hint: &'static str,
    pub code_set_size: &'static str,
    pub create_code_set: &'static str,
    pub code_set_created: &'static str,
    pub code_sets_list: &'static str,
    pub no_code_sets: &'static str,
    pub download_codes: &'static str,
    pub code_to_revoke: &'static str,
    pub revoke_hint: &'static str,
    pub revoke: &'static str,
    pub revoke_empty: &'static str,
    pub revoke_malformed: &'static str,
    pub revoke_not_in_set: &'static str,
    pub ballots_by_level: &'static str,
    pub level: &'static str,
    pub ballots: &'static str,
    pub level_names: [&'static str; 3],
}

const FR: Texts = Texts {
    app: "Parvis – espace agents",
    sign_in: "Se connecter",
    sign_out: "Se déconnecter",
    email: "Adresse e-mail",
    password: "Mot de passe",
    wrong_credentials: "Adresse e-mail ou mot de passe incorrect.",
    retention: "Conservation après la clôture (jours)",
    end_title: "Fin de la consultation",
    archive_help: "Une fois close, archivez la consultation : elle disparaît des pages de la ville et ne peut plus être modifiée. Vous pourrez ensuite l’exporter puis la supprimer.",
    archive: "Archiver",
    archive_question: "Archiver la consultation ? Elle disparaîtra des pages de la ville et ne pourra plus être modifiée.",
    archived_on: "Archivée le",
    delete_help: "Téléchargez un export (ci-dessus) pour garder les résultats, puis supprimez la consultation avec tout ce que les habitants y ont écrit. La suppression reste consignée dans le journal des actions de la ville, qui ne s’efface jamais.",
    delete_forever: "Supprimer définitivement",
    delete_question: "Supprimer définitivement la consultation et tout ce que les habitants y ont écrit ?",
    close_first: "Fermez d’abord la consultation (statut « Close ») avant de l’archiver.",
    export_first: "Téléchargez d’abord un export de la consultation archivée, puis supprimez-la.",
    purged_on: "Textes des habitants effacés à la fin de la durée de conservation, le",
    retention_help: "Passé ce délai après la clôture d’une consultation, les textes des habitants et les traces de leurs appareils sont effacés ; seuls les décomptes restent. 365 jours par défaut, de 30 à 3 650. Exportez les résultats avant.",
    temporary_password_expired: "Ce mot de passe provisoire a expiré (il vaut 72 heures). Demandez à un administrateur de votre ville de recréer votre compte.",
    too_many_attempts: "Trop de tentatives. Réessayez dans quelques minutes.",
    network_error: "Le serveur ne répond pas. Réessayez.",
    session_expired: "Votre session a expiré : reconnectez-vous. Votre saisie est conservée.",
    widgets: "Consultations",
    moderation: "Modération",
    new_widget: "Nouvelle consultation",
    kind: "Type",
    status: "Statut",
    all: "Tous",
    title: "Titre",
    description: "Description",
    participation: "Participations",
    last_activity: "Dernière activité",
    none_yet: "Aucune consultation pour ces critères.",
    kinds: ["Sondage", "Boîte à idées", "Fil de commentaires"],
    statuses: ["Brouillon", "Ouverte", "Close"],
    save: "Enregistrer",
    saved: "Enregistré.",
    edit: "Modifier",
    options: "Réponses proposées",
    option: "Réponse",
    add_option: "Ajouter une réponse",
    remove: "Retirer",
    move_up: "Monter",
    move_down: "Descendre",
    single_choice: "Une seule réponse",
    multiple_choice: "Plusieurs réponses",
    choice_mode: "Mode de réponse",
    min_choices: "Minimum de réponses",
    max_choices: "Maximum de réponses",
    opens_at: "Ouverture (facultatif)",
    closes_at: "Clôture (facultatif)",
    results_visibility: "Affichage des résultats",
    visibilities: ["Toujours", "Après le vote", "Après la clôture"],
    moderation_mode: "Modération des contributions",
    moderation_modes: ["Avant publication", "Après publication"],
    report_threshold: "Signalements avant masquage",
    network_daily_cap: "Participations par réseau et par jour",
    network_daily_cap_hint: "Votes, idées ou signalements venant d’une même connexion (soutiens : cinq fois plus). Augmentez-le le temps d’une réunion publique sur le Wi-Fi de la mairie.",
    fix_errors: "Corrigez les champs signalés.",
    embed: "Intégrer sur votre site",
    embed_help: "Trois façons de montrer cette consultation : choisissez selon ce que votre site vous laisse coller.",
    wordpress: "WordPress : collez le lien de la consultation seul sur sa ligne, dans l’éditeur de blocs comme dans l’éditeur classique : la consultation s’affiche. Si vous avez le droit de coller des scripts, un bloc « HTML personnalisé » avec le code script convient aussi.",
    drupal: "Drupal : le format de texte « HTML simple » retire les balises <script> et <iframe>. Choisissez « HTML complet » pour coller le code script ou l’iframe, ou partagez simplement le lien.",
    allowed_before: "Le site doit figurer dans la liste",
    allowed_after: " : ailleurs, le code script et l’iframe ne s’affichent pas. Le lien, lui, fonctionne partout.",
    script_title: "Code script (le meilleur choix)",
    script_when: "La consultation prend les polices et les couleurs de la page, sans cadre autour. Il faut avoir le droit de coller des scripts dans la page.",
    copy_script: "Copier le code du script",
    copied_script: "Code du script copié.",
    iframe_title: "Code iframe",
    iframe_when: "Si vous pouvez coller une iframe mais pas de script (par exemple avec le format « HTML complet » de Drupal). Le cadre prend la hauteur de la consultation si la page charge aussi embed.js, ou sous WordPress ; sinon, il garde une hauteur fixe.",
    copy_iframe: "Copier le code de l’iframe",
    copied_iframe: "Code de l’iframe copié.",
    link_title: "Lien et QR code",
    link_when: "Pour une lettre d’information ou les réseaux sociaux. Sous WordPress, collez le lien seul sur sa ligne : la consultation s’affiche dans la page.",
    copy_link: "Copier le lien",
    copied_link: "Lien copié.",
    copy_failed: "La copie a échoué : sélectionnez le texte et copiez-le au clavier.",
    qr_help: "Pour une affiche en mairie : ce QR code ouvre la page de la consultation.",
    download_qr: "Télécharger le QR code (SVG)",
    open_page: "Ouvrir la page de la consultation",
    new_tab: "(nouvel onglet)",
    options_title: "Options : langue et thème",
    options_script: "Code script : ajoutez ces attributs à la balise <div>.",
    option_lang: " : la langue de la consultation, à la place de celle choisie pour elle ;",
    option_theme: " : thème clair, sombre, ou celui de l’appareil du visiteur.",
    options_iframe: "Iframe : les mêmes réglages se placent dans l’adresse du cadre (src), en paramètres lang et theme, par exemple :",
    check_title: "Vérifier une page",
    check_label: "Collez l’adresse de votre page",
    check_help: "Copiez-la depuis la barre d’adresse du navigateur, par exemple https://www.ville.fr/participer.",
    check_button: "Vérifier",
    checking: "Vérification…",
    check_empty: "Collez d’abord l’adresse d’une page.",
    check_not_address: "Ce n’est pas l’adresse d’une page web : copiez-la depuis la barre d’adresse (elle commence par https://).",
    check_ask_admin: "Demandez à un administrateur de la ville de l’ajouter aux sites autorisés.",
    check_add: "Ajouter ce site dans les réglages de la ville",
    recipes_title: "WordPress et Drupal",
    widget_lang: "Langue de la consultation",
    widget_lang_city: "Langue de la ville (par défaut)",
    widget_lang_hint: "Les habitants lisent la consultation dans cette langue, quelle que soit la langue de la page qui l’affiche (sauf si son code d’intégration en demande une autre avec data-lang).",
    results: "Résultats",
    answer: "Réponse",
    votes: "Votes",
    per_day: "Participation par jour",
    day: "Jour",
    count: "Nombre",
    top_ideas: "Idées les plus soutenues",
    supports: "Soutiens",
    download: "Télécharger",
    csv_semicolon: "CSV (point-virgule, Excel)",
    csv_comma: "CSV (virgule)",
    json: "JSON",
    queue_empty: "Rien à modérer.",
    approve: "Approuver",
    reject: "Refuser",
    hide: "Masquer",
    selected: "la sélection",
    select_item: "Sélectionner",
    select_all: "Tout sélectionner",
    publication: "Publication",
    by_author: "Signé :",
    undo: "Annuler cette décision",
    idea: "Idée",
    comment: "Commentaire",
    reports: "Signalements",
    in_widget: "dans",
    loading: "Chargement…",
    load_failed: "Le chargement a échoué.",
    switch_lang: "English",
    choose_password: "Choisissez votre mot de passe",
    choose_password_help: "Votre compte a un mot de passe temporaire. Choisissez-en un à vous pour continuer.",
    change_password: "Changer mon mot de passe",
    my_password: "Mon mot de passe",
    current_password: "Mot de passe actuel",
    new_password: "Nouveau mot de passe (12 caractères au moins)",
    confirm_password: "Confirmez le nouveau mot de passe",
    password_too_short: "Le nouveau mot de passe doit compter 12 caractères au moins.",
    passwords_differ: "Les deux saisies du nouveau mot de passe ne sont pas identiques.",
    wrong_current_password: "Le mot de passe actuel est incorrect.",
    password_changed: "Mot de passe changé.",
    colour_sample: "Exemple de bouton et de lien dans ces couleurs",
    load_more: "Afficher plus",
    remove_account_question: "Retirer le compte de",
    account_created: "Compte créé pour",
    temporary_password_is: "Mot de passe temporaire : ",
    password_once: "Transmettez-le de vive voix ou par un autre canal : il ne sera plus affiché, et devra être changé à la première connexion.",
    pair_buttons: "le texte des boutons et leur couleur",
    pair_background: "la couleur principale et le fond blanc",
    sample_button: "Voter",
    sample_link: "Lire la suite",
    settings: "Réglages de la ville",
    team: "Équipe",
    admin_only: "Cette page est réservée aux administrateurs de la ville.",
    city_name: "Nom de la ville",
    default_lang: "Langue des consultations quand la page n’en indique pas",
    lang_names_fr: "Français",
    lang_names_en: "Anglais",
    origins: "Sites autorisés à afficher les consultations",
    origins_help: "Une adresse par ligne, sans chemin : https://www.ville.fr",
    colours: "Couleurs et angles",
    colours_help: "Laissez vide pour garder les couleurs par défaut. Format : #1d4ed8.",
    accent: "Couleur principale (boutons, barres, liens)",
    accent_text: "Couleur du texte sur la couleur principale",
    radius: "Arrondi des angles, en pixels (0 à 24)",
    preview: "Aperçu",
    preview_help: "Ce que verront les habitants, avec la configuration en cours. Rien n’est envoyé depuis l’aperçu.",
    accounts: "Comptes",
    new_account: "Nouveau compte",
    display_name: "Nom affiché",
    role: "Rôle",
    create_account: "Créer le compte",
    temporary_password: "Mot de passe temporaire",
    you: "(vous)",
    ideas_page: "Répondre aux idées",
    city_replies_page: "Répondre au nom de la mairie",
    city_replies_help: "Vos réponses sont publiées aussitôt, marquées « Réponse de la mairie » avec votre rôle, et inscrites au journal des actions.",
    reply_as_city: "Réponse de la mairie",
    publish_reply: "Publier la réponse",
    anonymous: "Anonyme",
    no_comments: "Aucun commentaire publié pour l’instant.",
    audit_log: "Journal des actions",
    integrity: "Intégrité de la consultation",
    integrity_help: "Les réseaux sont des empreintes chiffrées (adresse IPv4, ou préfixe /64 en IPv6) : elles distinguent les réseaux sans permettre de les retrouver.",
    open_level: "Participation ouverte (anonyme)",
    refusals: "Envois refusés, par motif",
    reason: "Motif",
    no_refusal: "Aucun envoi refusé.",
    busiest_networks: "Réseaux les plus actifs",
    network: "Réseau (empreinte)",
    audit_help: "Chaque action de l’équipe qui change ce que voient les habitants ou ce qui est compté. Ce journal ne peut être ni modifié ni effacé.",
    codes_log: "Journal des codes",
    codes_log_help: "Séries créées, téléchargées, codes révoqués : qui, quand (les 200 dernières actions).",
    when: "Date",
    who: "Par",
    action: "Action",
    details: "Détails",
    audit_actions: [
        "Consultation créée",
        "Réglages modifiés",
        "Décision de modération",
        "Décision de modération annulée",
        "Idée : statut ou réponse",
        "Réponse de la mairie",
        "Consultation archivée",
        "Consultation supprimée",
        "Codes d’invitation créés",
        "Codes d’invitation téléchargés",
        "Code d’invitation révoqué",
    ],
    no_ideas: "Aucune idée pour l’instant.",
    idea_status: "Statut de l’idée",
    official_answer: "Réponse officielle de la ville",
    official_answer_help: "Visible par les habitants sous l’idée. Laissez vide pour ne rien afficher.",
    save_answer: "Enregistrer",
    by: "par",
    roles: [
        "Administrateur ou administratrice",
        "Modérateur ou modératrice",
    ],
    item_visibilities: ["En attente de modération", "Publiée", "Masquée", "Refusée"],
    who_can_vote: "Qui peut voter ?",
    participation_levels: [
        "Tout le monde",
        "Sur code d’invitation",
        "Identité vérifiée",
    ],
    participation_hints: [
        "Chacun vote une fois depuis son appareil, sans dire qui il est.",
        "Un vote par code, envoyé par courrier aux foyers ou remis à l’accueil de la mairie.",
        "Un vote par personne, une fois son identité vérifiée.",
    ],
    verified_coming: "Bientôt : il faut le fournisseur d’identité de la ville (FranceConnect…).",
    participation_locked: "Ce choix ne peut plus changer une fois des votes reçus.",
    code_set: "Série de codes",
    choose_code_set: "Choisissez une série",
    no_code_set_make: "La ville n’a pas encore de série de codes : créez-en une sur la page Codes d’invitation.",
    no_code_set_ask: "La ville n’a pas encore de série de codes : demandez à un administrateur de la ville d’en créer une.",
    code_sets: "Codes d’invitation",
    codes_what: "Un code d’invitation permet de voter une fois à chaque sondage qui utilise sa série : envoyez les codes par courrier aux foyers, ou remettez-les à l’accueil de la mairie. Plusieurs sondages d’une même consultation peuvent partager une série.",
    codes_stored: "Parvis ne conserve aucun code : seulement la taille de la série, et quels codes ont servi ou ont été révoqués. Téléchargez le fichier CSV au moment d’imprimer les courriers ; vous pourrez le télécharger de nouveau tant que la clé du service n’est pas changée.",
    new_code_set: "Nouvelle série de codes",
    code_set_name: "Nom de la série",
    code_set_name_hint: "Par exemple « Budget participatif 2027 – foyers ».",
    code_set_size: "Nombre de codes (1 à 200\u{202f}000)",
    create_code_set: "Créer la série",
    code_set_created: "Série créée : téléchargez ses codes ci-dessous.",
    code_sets_list: "Séries de codes",
    no_code_sets: "Aucune série de codes pour l’instant.",
    download_codes: "Télécharger les codes",
    code_to_revoke: "Code à révoquer",
    revoke_hint: "Un code perdu ou volé ne pourra plus voter ; un vote déjà fait avec lui reste compté.",
    revoke: "Révoquer",
    revoke_empty: "Saisissez le code à révoquer.",
    revoke_malformed: "Ce n’est pas un code d’invitation : 12 lettres et chiffres, comme ABCD-EFGH-JKMN.",
    revoke_not_in_set: "Ce code n’appartient pas à cette série : vérifiez la saisie.",
    ballots_by_level: "Bulletins par niveau",
    level: "Niveau",
    ballots: "Bulletins",
    level_names: ["Ouvert (anonyme)", "Code d’invitation", "Identité vérifiée"],
};

const EN: Texts = Texts {
    app: "Parvis – staff",
    sign_in: "Sign in",
    sign_out: "Sign out",
    email: "E-mail address",
    password: "Password",
    wrong_credentials: "Wrong e-mail address or password.",
    retention: "Kept after closing (days)",
    end_title: "End of the consultation",
    archive_help: "Once it is closed, archive the consultation: it leaves the city’s pages and can no longer be changed. You can then export it and delete it.",
    archive: "Archive",
    archive_question: "Archive the consultation? It will leave the city’s pages and can no longer be changed.",
    archived_on: "Archived on",
    delete_help: "Download an export (above) to keep the results, then delete the consultation with everything residents wrote in it. The deletion stays recorded in the city’s activity log, which is never erased.",
    delete_forever: "Delete for good",
    delete_question: "Delete the consultation for good, with everything residents wrote in it?",
    close_first: "Close the consultation first (status “Closed”), then archive it.",
    export_first: "Download an export of the archived consultation first, then delete it.",
    purged_on: "Residents’ texts erased at the end of the retention period, on",
    retention_help: "This long after a consultation closes, residents’ texts and the traces of their devices are erased; only the counts remain. 365 days by default, from 30 to 3,650. Export the results first.",
    temporary_password_expired: "This temporary password has expired (it lasts 72 hours). Ask an administrator of your city to create your account again.",
    too_many_attempts: "Too many attempts. Try again in a few minutes.",
    network_error: "The server does not answer. Try again.",
    session_expired: "Your session expired: sign in again. What you typed is kept.",
    widgets: "Consultations",
    moderation: "Moderation",
    new_widget: "New consultation",
    kind: "Kind",
    status: "Status",
    all: "All",
    title: "Title",
    description: "Description",
    participation: "Participation",
    last_activity: "Last activity",
    none_yet: "No consultation matches.",
    kinds: ["Poll", "Idea box", "Comment thread"],
    statuses: ["Draft", "Open", "Closed"],
    save: "Save",
    saved: "Saved.",
    edit: "Edit",
    options: "Answers",
    option: "Answer",
    add_option: "Add an answer",
    remove: "Remove",
    move_up: "Move up",
    move_down: "Move down",
    single_choice: "One answer",
    multiple_choice: "Several answers",
    choice_mode: "Answer mode",
    min_choices: "Fewest answers",
    max_choices: "Most answers",
    opens_at: "Opens (optional)",
    closes_at: "Closes (optional)",
    results_visibility: "Results shown",
    visibilities: ["Always", "After voting", "After closing"],
    moderation_mode: "Moderation of contributions",
    moderation_modes: ["Before publication", "After publication"],
    report_threshold: "Reports before hiding",
    network_daily_cap: "Contributions per network per day",
    network_daily_cap_hint: "Votes, ideas or reports from one connection (supports: five times as many). Raise it for a public meeting on the town hall's Wi-Fi.",
    fix_errors: "Fix the marked fields.",
    embed: "Embed on your site",
    embed_help: "Three ways to show this consultation: choose by what your site lets you paste.",
    wordpress: "WordPress: paste the consultation's link alone on its line, in the block editor or the classic editor: the consultation shows. If you may paste scripts, a “Custom HTML” block with the script snippet works too.",
    drupal: "Drupal: the “Basic HTML” text format strips <script> and <iframe> tags. Choose “Full HTML” to paste the script or the iframe, or simply share the link.",
    allowed_before: "The site must be in the list",
    allowed_after: ": elsewhere, the script and the iframe do not show. The link works anywhere.",
    script_title: "Script snippet (the best choice)",
    script_when: "The consultation takes on the page's fonts and colours, with no frame around it. You need the right to paste scripts into the page.",
    copy_script: "Copy the script snippet",
    copied_script: "Script snippet copied.",
    iframe_title: "Iframe snippet",
    iframe_when: "When you may paste an iframe but not a script (for example with Drupal's “Full HTML” format). The frame fits the consultation's height when the page also loads embed.js, or on WordPress; otherwise it keeps a fixed height.",
    copy_iframe: "Copy the iframe snippet",
    copied_iframe: "Iframe snippet copied.",
    link_title: "Link and QR code",
    link_when: "For a newsletter or social networks. On WordPress, paste the link alone on its line: the consultation shows in the page.",
    copy_link: "Copy the link",
    copied_link: "Link copied.",
    copy_failed: "Copying failed: select the text and copy it with the keyboard.",
    qr_help: "For a poster at the town hall: this QR code opens the consultation page.",
    download_qr: "Download the QR code (SVG)",
    open_page: "Open the consultation page",
    new_tab: "(new tab)",
    options_title: "Options: language and theme",
    options_script: "Script snippet: add these attributes to the <div> tag.",
    option_lang: ": the consultation's language, instead of the one chosen for it;",
    option_theme: ": light theme, dark theme, or the visitor's device setting.",
    options_iframe: "Iframe: the same settings go in the frame's address (src), as the lang and theme parameters, for example:",
    check_title: "Check a page",
    check_label: "Paste your page's address",
    check_help: "Copy it from the browser's address bar, for example https://www.city.example/take-part.",
    check_button: "Check",
    checking: "Checking…",
    check_empty: "Paste a page's address first.",
    check_not_address: "This is not a web page's address: copy it from the address bar (it starts with https://).",
    check_ask_admin: "Ask one of the city's administrators to add it to the allowed sites.",
    check_add: "Add this site in the city settings",
    recipes_title: "WordPress and Drupal",
    widget_lang: "Language of the consultation",
    widget_lang_city: "The city's language (default)",
    widget_lang_hint: "Residents read the consultation in this language, whatever the language of the page that shows it (unless its embed code asks for another with data-lang).",
    results: "Results",
    answer: "Answer",
    votes: "Votes",
    per_day: "Participation per day",
    day: "Day",
    count: "Count",
    top_ideas: "Most supported ideas",
    supports: "Supports",
    download: "Download",
    csv_semicolon: "CSV (semicolon, Excel)",
    csv_comma: "CSV (comma)",
    json: "JSON",
    queue_empty: "Nothing to moderate.",
    approve: "Approve",
    reject: "Reject",
    hide: "Hide",
    selected: "the selection",
    select_item: "Select",
    select_all: "Select all",
    publication: "Publication",
    by_author: "Signed:",
    undo: "Undo this decision",
    idea: "Idea",
    comment: "Comment",
    reports: "Reports",
    in_widget: "in",
    loading: "Loading…",
    load_failed: "Loading failed.",
    switch_lang: "Français",
    choose_password: "Choose your password",
    choose_password_help: "Your account has a temporary password. Choose your own to go on.",
    change_password: "Change my password",
    my_password: "My password",
    current_password: "Current password",
    new_password: "New password (at least 12 characters)",
    confirm_password: "Confirm the new password",
    password_too_short: "The new password needs at least 12 characters.",
    passwords_differ: "The two entries of the new password differ.",
    wrong_current_password: "The current password is wrong.",
    password_changed: "Password changed.",
    colour_sample: "A sample button and link in these colours",
    load_more: "Show more",
    remove_account_question: "Remove the account of",
    account_created: "Account created for",
    temporary_password_is: "Temporary password: ",
    password_once: "Pass it on in person or through another channel: it will not be shown again, and must be changed at first sign-in.",
    pair_buttons: "the buttons' text and colour",
    pair_background: "the main colour and the white background",
    sample_button: "Vote",
    sample_link: "Read more",
    settings: "City settings",
    team: "Staff accounts",
    admin_only: "Only the city's administrators can open this page.",
    city_name: "City name",
    default_lang: "Language of consultations when the page sets none",
    lang_names_fr: "French",
    lang_names_en: "English",
    origins: "Sites allowed to show consultations",
    origins_help: "One address per line, without a path: https://www.city.example",
    colours: "Colours and corners",
    colours_help: "Leave empty to keep the default colours. Format: #1d4ed8.",
    accent: "Main colour (buttons, bars, links)",
    accent_text: "Text colour on the main colour",
    radius: "Corner rounding, in pixels (0 to 24)",
    preview: "Preview",
    preview_help: "What residents will see with the current settings. Nothing is sent from the preview.",
    accounts: "Accounts",
    new_account: "New account",
    display_name: "Display name",
    role: "Role",
    create_account: "Create the account",
    temporary_password: "Temporary password",
    you: "(you)",
    ideas_page: "Answer ideas",
    city_replies_page: "Reply as the city",
    city_replies_help: "Your replies are published at once, marked “City reply” with your role, and written to the audit log.",
    reply_as_city: "City reply",
    publish_reply: "Publish the reply",
    anonymous: "Anonymous",
    no_comments: "No published comment yet.",
    audit_log: "Audit log",
    integrity: "Consultation integrity",
    integrity_help: "Networks are keyed fingerprints (an IPv4 address, or an IPv6 /64 prefix): they tell networks apart without a way to find them.",
    open_level: "Open (anonymous) participation",
    refusals: "Refused writes, by reason",
    reason: "Reason",
    no_refusal: "No refused write.",
    busiest_networks: "Busiest networks",
    network: "Network (fingerprint)",
    audit_help: "Every staff action that changes what residents see or what is counted. This log cannot be edited or erased.",
    codes_log: "Codes log",
    codes_log_help: "Sets made, downloaded, codes revoked: who and when (the last 200 actions).",
    when: "Date",
    who: "By",
    action: "Action",
    details: "Details",
    audit_actions: [
        "Consultation created",
        "Settings changed",
        "Moderation decision",
        "Moderation decision undone",
        "Idea: status or answer",
        "City reply",
        "Consultation archived",
        "Consultation deleted",
        "Invitation codes created",
        "Invitation codes downloaded",
        "Invitation code revoked",
    ],
    no_ideas: "No ideas yet.",
    idea_status: "Status of the idea",
    official_answer: "The city’s official answer",
    official_answer_help: "Residents see it under the idea. Leave empty to show nothing.",
    save_answer: "Save",
    by: "by",
    roles: ["Administrator", "Moderator"],
    item_visibilities: ["Awaiting moderation", "Published", "Hidden", "Rejected"],
    who_can_vote: "Who can vote?",
    participation_levels: ["Anyone", "With an invitation code", "Verified identity"],
    participation_hints: [
        "Each person votes once from their device, without saying who they are.",
        "One vote per code, sent by post to households or handed out at the town hall.",
        "One vote per person, once their identity is checked.",
    ],
    verified_coming: "Coming: needs the city's identity provider (FranceConnect…).",
    participation_locked: "This cannot change once votes were cast.",
    code_set: "Set of codes",
    choose_code_set: "Choose a set",
    no_code_set_make: "The city has no set of codes yet: make one on the Invitation codes page.",
    no_code_set_ask: "The city has no set of codes yet: ask one of the city's administrators to make one.",
    code_sets: "Invitation codes",
    codes_what: "An invitation code lets its holder vote once in each poll that uses its set: send the codes by post to households, or hand them out at the town hall's front desk. Several polls of one consultation can share a set.",
    codes_stored: "Parvis stores no code: only the set's size, and which codes were used or revoked. Download the CSV file when you print the letters; you can download it again as long as the service's key is not changed.",
    new_code_set: "New set of codes",
    code_set_name: "Name of the set",
    code_set_name_hint: "For example “Participatory budget 2027 – households”.",
    code_set_size: "Number of codes (1 to 200,000)",
    create_code_set: "Create the set",
    code_set_created: "Set created: download its codes below.",
    code_sets_list: "Sets of codes",
    no_code_sets: "No set of codes yet.",
    download_codes: "Download the codes",
    code_to_revoke: "Code to revoke",
    revoke_hint: "A lost or stolen code can no longer vote; a vote already cast with it stays counted.",
    revoke: "Revoke",
    revoke_empty: "Type the code to revoke.",
    revoke_malformed: "This is not an invitation code: 12 letters and digits, like ABCD-EFGH-JKMN.",
    revoke_not_in_set: "This code is not one of this set's: check what you typed.",
    ballots_by_level: "Ballots by level",
    level: "Level",
    ballots: "Ballots",
    level_names: ["Open (anonymous)", "Invitation code", "Verified identity"],
};

/// The strings of a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// The message for `field` among a form's errors, if it has one.
pub fn message_for(lang: Lang, errors: &[parvis_model::FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| field_message(lang, e))
}

/// A field error as staff read it.
pub fn field_message(lang: Lang, error: &parvis_model::FieldError) -> String {
    use parvis_model::FieldErrorCode::*;
    let limit = error.limit.unwrap_or_default();
    match (lang, error.code) {
        (Lang::Fr, Required) => "Ce champ est obligatoire.".to_owned(),
        (Lang::Fr, TooLong) => format!("{limit} au maximum."),
        (Lang::Fr, TooShort) => format!("{limit} au minimum."),
        (Lang::Fr, InvalidCharacters) => "Caractères non autorisés.".to_owned(),
        (Lang::Fr, InvalidFormat) => "Format non reconnu.".to_owned(),
        (Lang::Fr, OutOfRange) => "Valeur hors des limites.".to_owned(),
        (Lang::Fr, Duplicate) => "Cette valeur est déjà utilisée.".to_owned(),
        (Lang::Fr, Locked) => {
            "Impossible de modifier ceci maintenant (des votes existent).".to_owned()
        }
        (Lang::Fr, Reserved) => "Ce nom est réservé à la mairie.".to_owned(),
        (Lang::En, Required) => "This field is required.".to_owned(),
        (Lang::En, TooLong) => format!("{limit} at most."),
        (Lang::En, TooShort) => format!("{limit} at least."),
        (Lang::En, InvalidCharacters) => "Characters not allowed.".to_owned(),
        (Lang::En, InvalidFormat) => "Format not recognised.".to_owned(),
        (Lang::En, OutOfRange) => "Value out of range.".to_owned(),
        (Lang::En, Duplicate) => "This value is already used.".to_owned(),
        (Lang::En, Locked) => "This cannot change now (votes exist).".to_owned(),
        (Lang::En, Reserved) => "This name is reserved for the city.".to_owned(),
    }
}

/// A refusal reason in words.
pub fn refusal_reason(lang: Lang, reason: parvis_model::integrity::RefusalReason) -> &'static str {
    use parvis_model::integrity::RefusalReason::*;
    match (lang, reason) {
        (Lang::Fr, Origin) => "Hors des sites autorisés de la ville",
        (Lang::Fr, Proof) => "Sans preuve de travail valable",
        (Lang::Fr, RateLimited) => "Trop d’envois par minute",
        (Lang::Fr, DailyCap) => "Plafond quotidien du réseau atteint",
        (Lang::En, Origin) => "Not from one of the city's sites",
        (Lang::En, Proof) => "Without a valid proof of work",
        (Lang::En, RateLimited) => "Too many writes a minute",
        (Lang::En, DailyCap) => "Network's daily cap reached",
    }
}

/// The integrity verdict in plain words.
pub fn verdict_text(lang: Lang, verdict: parvis_model::integrity::Verdict) -> String {
    use parvis_model::integrity::{MIN_TO_JUDGE, Verdict};
    match (lang, verdict) {
        (Lang::Fr, Verdict::NotMeasured) => {
            "Les réseaux ne sont pas relevés pour les commentaires : voyez les refus ci-dessous."
                .to_owned()
        }
        (Lang::En, Verdict::NotMeasured) => {
            "Networks are not recorded for comments: see the refusals below.".to_owned()
        }
        (Lang::Fr, Verdict::TooFewToJudge) => {
            format!("Trop peu de participations pour juger (moins de {MIN_TO_JUDGE}).")
        }
        (Lang::Fr, Verdict::NoAnomaly) => "Aucune anomalie : aucun réseau ne domine.".to_owned(),
        (Lang::Fr, Verdict::OneNetwork { percent }) => format!(
            "Un seul réseau a apporté {percent} % des participations : vérifiez s’il s’agit d’une réunion publique."
        ),
        (Lang::En, Verdict::TooFewToJudge) => {
            format!("Too few contributions to judge (fewer than {MIN_TO_JUDGE}).")
        }
        (Lang::En, Verdict::NoAnomaly) => "No anomaly: no network dominates.".to_owned(),
        (Lang::En, Verdict::OneNetwork { percent }) => format!(
            "One network cast {percent} % of the contributions: check whether it was a public meeting."
        ),
    }
}

/// The question before rejecting several items at once.
pub fn reject_confirmation(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Fr => format!("Refuser ces {count} contributions ? Elles ne seront pas publiées."),
        Lang::En => format!("Reject these {count} contributions? They will not be published."),
    }
}

/// What the last decision did, next to its undo button.
pub fn decided(lang: Lang, decision: parvis_model::staff::Decision, count: usize) -> String {
    use parvis_model::staff::Decision::*;
    let plural = if count > 1 { "s" } else { "" };
    match (lang, decision) {
        (Lang::Fr, Approve) => format!("{count} contribution{plural} publiée{plural}."),
        (Lang::Fr, Reject) => format!("{count} contribution{plural} refusée{plural}."),
        (Lang::Fr, Hide) => format!("{count} contribution{plural} masquée{plural}."),
        (Lang::En, Approve) => format!("{count} contribution{plural} published."),
        (Lang::En, Reject) => format!("{count} contribution{plural} rejected."),
        (Lang::En, Hide) => format!("{count} contribution{plural} hidden."),
    }
}

/// Why an origin will never match a page, and what to write instead.
pub fn origin_hint(lang: Lang, line: usize, issue: parvis_model::origin::OriginIssue) -> String {
    use parvis_model::origin::OriginIssue::*;
    let (fr, en) = match issue {
        Scheme => (
            "commencez par https:// (ou http://).",
            "start with https:// (or http://).",
        ),
        Host => (
            "le nom du site n’est pas valide.",
            "the site name is not valid.",
        ),
        Port => (
            "le port doit être un nombre de 1 à 65535.",
            "the port must be a number from 1 to 65535.",
        ),
        HasPath => (
            "retirez tout ce qui suit le nom du site (même un / final) : un navigateur n’envoie que https://nom-du-site.",
            "remove everything after the site name (even a trailing /): browsers only send https://site-name.",
        ),
        DefaultPort => (
            "retirez :443 ou :80, que les navigateurs n’envoient pas.",
            "remove :443 or :80, which browsers never send.",
        ),
        Credentials => (
            "retirez l’identifiant avant @.",
            "remove the user name before @.",
        ),
    };
    on_line(lang, line, if lang == Lang::Fr { fr } else { en })
}

/// A message about one line of a multi-line field.
pub fn on_line(lang: Lang, line: usize, message: &str) -> String {
    match lang {
        Lang::Fr => format!("Ligne {line} : {message}"),
        Lang::En => format!("Line {line}: {message}"),
    }
}

/// A warning when two colours lack the contrast WCAG AA asks of text (4.5:1).
pub fn contrast_warning(lang: Lang, what: &str, ratio: f64) -> Option<String> {
    if ratio >= 4.5 {
        return None;
    }
    Some(match lang {
        Lang::Fr => format!(
            "Contraste insuffisant entre {what} : {} pour 1, il faut au moins 4,5 pour 1 pour que tout le monde puisse lire.",
            format!("{ratio:.1}").replace('.', ",")
        ),
        Lang::En => format!(
            "Contrast too low between {what}: {ratio:.1} to 1, at least 4.5 to 1 is needed for everyone to read.",
        ),
    })
}

/// A name in quotation marks, as each language writes them.
pub fn quoted(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("« {name} »"),
        Lang::En => format!("“{name}”"),
    }
}

/// The accessible name of a consultation link's QR code.
pub fn qr_name(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "QR code du lien vers la consultation {}",
            quoted(lang, title)
        ),
        Lang::En => format!(
            "QR code of the link to the consultation {}",
            quoted(lang, title)
        ),
    }
}

/// A page whose origin is one of the city's allowed sites.
pub fn check_allowed(lang: Lang, origin: &str) -> String {
    match lang {
        Lang::Fr => format!("Autorisé : {origin} figure dans les sites autorisés de la ville."),
        Lang::En => format!("Allowed: {origin} is one of the city's allowed sites."),
    }
}

/// A page whose origin is not one of the city's allowed sites.
pub fn check_not_listed(lang: Lang, origin: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "Pas autorisé : {origin} ne figure pas dans les sites autorisés de la ville. Le code script et l’iframe ne s’y afficheront pas."
        ),
        Lang::En => format!(
            "Not allowed: {origin} is not one of the city's allowed sites. The script and the iframe will not show there."
        ),
    }
}

/// A listed origin that looks meant for the page checked.
pub fn check_near(lang: Lang, near: &str) -> String {
    match lang {
        Lang::Fr => {
            format!("Vouliez-vous dire {near} ? C’est cette adresse qui figure dans la liste.")
        }
        Lang::En => format!("Did you mean {near}? That is the address in the list."),
    }
}

/// The message for a poll's participation fields (`participation`,
/// `code_set_id`) among a form's errors, in words about who can vote.
pub fn participation_message(
    lang: Lang,
    errors: &[parvis_model::FieldError],
    field: &str,
) -> Option<String> {
    use parvis_model::FieldErrorCode::*;
    let error = errors.iter().find(|e| e.field == field)?;
    let specific = match (lang, field, error.code) {
        (Lang::Fr, "participation", Locked) => {
            "Impossible de changer qui peut voter : des votes ont déjà été reçus."
        }
        (Lang::En, "participation", Locked) => {
            "Who can vote cannot change: votes were already cast."
        }
        (Lang::Fr, "participation", OutOfRange) => {
            "Ce choix n’est pas encore possible pour cette consultation."
        }
        (Lang::En, "participation", OutOfRange) => {
            "This choice is not available for this consultation yet."
        }
        (Lang::Fr, "code_set_id", Required) => "Choisissez une série de codes.",
        (Lang::En, "code_set_id", Required) => "Choose a set of codes.",
        (Lang::Fr, "code_set_id", OutOfRange) => "Cette série n’est pas une série de la ville.",
        (Lang::En, "code_set_id", OutOfRange) => "This set is not one of the city's.",
        _ => return Some(field_message(lang, error)),
    };
    Some(specific.to_owned())
}

/// A set of codes in the editor's list: its name and size ("codes" in
/// both languages).
pub fn code_set_choice(name: &str, size: u32) -> String {
    format!("{name} ({size} codes)")
}

/// A set's figures on the codes page: size, votes cast with its codes (all
/// polls together), codes revoked, date made.
pub fn code_set_figures(lang: Lang, set: &parvis_model::participation::CodeSet) -> String {
    let date = lang.date(&set.created_at);
    let (size, used, revoked) = (set.size, set.used, set.revoked);
    match lang {
        Lang::Fr => {
            let (votes, revoked_s) = (plural_fr(used), plural_fr(revoked));
            format!(
                "{size} codes · {used} vote{votes} exprimé{votes} · {revoked} révoqué{revoked_s} · créée le {date}"
            )
        }
        Lang::En => {
            let votes = if used == 1 { "vote" } else { "votes" };
            format!("{size} codes · {used} {votes} cast · {revoked} revoked · made on {date}")
        }
    }
}

/// The French plural's `s` (0 and 1 take none).
fn plural_fr(count: u32) -> &'static str {
    if count > 1 { "s" } else { "" }
}

/// What the status says once a code is revoked.
pub fn code_revoked(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Fr => format!("Code {code} révoqué : il ne peut plus voter."),
        Lang::En => format!("Code {code} revoked: it can no longer vote."),
    }
}
