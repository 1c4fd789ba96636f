//! Every string a resident reads, in French and English.

use parvis_model::FieldErrorCode;
pub use parvis_model::Lang;
use parvis_model::comments::ReportReason;
use parvis_model::ideas::IdeaStatus;
use parvis_model::role::Role;

/// The strings of a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// The strings of one language. Field names say where each shows.
pub struct Texts {
    pub loading: &'static str,
    pub load_failed: &'static str,
    /// Under the server's markup when the widget's code could not load.
    #[cfg_attr(not(feature = "ssr"), allow(dead_code))]
    pub participation_unavailable: &'static str,
    pub retry: &'static str,
    pub not_found: &'static str,
    pub sending: &'static str,
    pub send_failed: &'static str,
    pub preview_only: &'static str,
    pub rate_limited: &'static str,
    /// This network reached the widget's daily cap (`participation_cap_reached`).
    pub participation_cap: &'static str,
    pub origin_refused: &'static str,
    pub not_open_yet: &'static str,
    pub closed: &'static str,
    pub load_more: &'static str,
    pub read_more: &'static str,
    pub show_less: &'static str,
    pub optional: &'static str,
    pub display_name: &'static str,
    pub anonymous: &'static str,
    pub pending: &'static str,
    pub cancel: &'static str,
    // Polls.
    pub submit_vote: &'static str,
    pub choose_one: &'static str,
    pub code_level: &'static str,
    pub code_privacy: &'static str,
    pub verified_level: &'static str,
    pub verified_privacy: &'static str,
    pub invitation_code: &'static str,
    pub code_hint: &'static str,
    pub code_missing: &'static str,
    pub code_malformed: &'static str,
    pub code_invalid: &'static str,
    pub code_revoked: &'static str,
    pub code_used: &'static str,
    pub verification_required: &'static str,
    pub identity_verified: &'static str,
    // What the sign-in window's outcome says: read in the browser only.
    #[cfg_attr(not(feature = "csr"), allow(dead_code))]
    pub sign_in_waiting: &'static str,
    #[cfg_attr(not(feature = "csr"), allow(dead_code))]
    pub sign_in_opening: &'static str,
    #[cfg_attr(not(feature = "csr"), allow(dead_code))]
    pub sign_in_blocked: &'static str,
    pub open_consultation_page: &'static str,
    #[cfg_attr(not(feature = "csr"), allow(dead_code))]
    pub sign_in_cancelled: &'static str,
    #[cfg_attr(not(feature = "csr"), allow(dead_code))]
    pub sign_in_refused: &'static str,
    #[cfg_attr(not(feature = "csr"), allow(dead_code))]
    pub sign_in_unavailable: &'static str,
    pub verification_invalid: &'static str,
    pub identity_already_voted: &'static str,
    pub no_identity_provider: &'static str,
    pub city_identity_service: &'static str,
    pub code_too_many: &'static str,
    pub embed_ticket_expired: &'static str,
    pub vote_recorded: &'static str,
    pub you_voted: &'static str,
    pub results: &'static str,
    pub results_hidden: &'static str,
    pub total: &'static str,
    // Idea boxes.
    pub ideas: &'static str,
    pub sort_by: &'static str,
    pub sort_top: &'static str,
    pub sort_newest: &'static str,
    pub no_ideas: &'static str,
    pub propose: &'static str,
    pub idea_title: &'static str,
    pub idea_description: &'static str,
    pub submit_idea: &'static str,
    pub idea_published: &'static str,
    pub idea_pending: &'static str,
    pub support: &'static str,
    pub withdraw_support: &'static str,
    pub support_added: &'static str,
    pub support_withdrawn: &'static str,
    pub official_answer: &'static str,
    pub status: &'static str,
    // Comment threads.
    pub comments: &'static str,
    pub no_comments: &'static str,
    pub leave_comment: &'static str,
    pub your_comment: &'static str,
    pub your_reply: &'static str,
    pub publish: &'static str,
    pub reply: &'static str,
    pub comment_published: &'static str,
    pub comment_pending: &'static str,
    pub report: &'static str,
    pub report_reason: &'static str,
    pub report_details: &'static str,
    pub send_report: &'static str,
    pub report_sent: &'static str,
    pub reasons: [&'static str; 5],
    pub delete: &'static str,
    /// A comment deleted by its author, erased with their data, or by retention.
    pub deleted: &'static str,
    /// An idea whose text the city's retention period erased.
    pub erased: &'static str,
    pub comment_deleted: &'static str,
    pub replies: &'static str,
    // This device.
    pub this_device: &'static str,
    pub device_explained: &'static str,
    pub device_memory_only: &'static str,
    pub also_erase: &'static str,
    /// Under "also erase": what happens to a ballot in a closed poll.
    pub erase_closed_note: &'static str,
    pub forget_device: &'static str,
    pub device_forgotten: &'static str,
    pub erased_and_forgotten: &'static str,
}

/// The label of an idea's status.
pub fn idea_status(lang: Lang, status: IdeaStatus) -> &'static str {
    let (fr, en) = match status {
        IdeaStatus::Submitted => ("Déposée", "Submitted"),
        IdeaStatus::UnderReview => ("À l’étude", "Under review"),
        IdeaStatus::Accepted => ("Retenue", "Accepted"),
        IdeaStatus::InProgress => ("En cours", "In progress"),
        IdeaStatus::Done => ("Réalisée", "Done"),
        IdeaStatus::Rejected => ("Non retenue", "Not accepted"),
    };
    if lang == Lang::Fr { fr } else { en }
}

/// Beside a link whose text names another host than the one it leads to.
pub fn leads_to(lang: Lang, host: &str) -> String {
    match lang {
        Lang::Fr => format!("mène à {host}"),
        Lang::En => format!("leads to {host}"),
    }
}

/// The label of a report's reason, as residents chose it.
pub fn report_reason(lang: Lang, reason: ReportReason) -> &'static str {
    let index = match reason {
        ReportReason::Spam => 0,
        ReportReason::Abuse => 1,
        ReportReason::OffTopic => 2,
        ReportReason::PersonalData => 3,
        ReportReason::Other => 4,
    };
    texts(lang).reasons[index]
}

/// A field's error message.
pub fn field_error(lang: Lang, code: FieldErrorCode, limit: Option<usize>) -> String {
    let limit = limit.unwrap_or_default();
    match (lang, code) {
        (Lang::Fr, FieldErrorCode::Required) => "Ce champ est obligatoire.".to_owned(),
        (Lang::Fr, FieldErrorCode::TooLong) => format!("{limit} caractères au maximum."),
        (Lang::Fr, FieldErrorCode::InvalidCharacters) => {
            "Ce texte contient des caractères non autorisés.".to_owned()
        }
        (Lang::Fr, FieldErrorCode::Reserved) => {
            "Ce nom est réservé à la mairie : choisissez-en un autre.".to_owned()
        }
        (Lang::Fr, _) => "Cette valeur n’est pas acceptée.".to_owned(),
        (Lang::En, FieldErrorCode::Required) => "This field is required.".to_owned(),
        (Lang::En, FieldErrorCode::TooLong) => format!("{limit} characters at most."),
        (Lang::En, FieldErrorCode::InvalidCharacters) => {
            "This text contains characters that are not allowed.".to_owned()
        }
        (Lang::En, FieldErrorCode::Reserved) => {
            "This name is reserved for the city: choose another one.".to_owned()
        }
        (Lang::En, _) => "This value is not accepted.".to_owned(),
    }
}

/// "3 soutiens", "1 support"…
pub fn supports(lang: Lang, count: u64) -> String {
    match (lang, count) {
        (Lang::Fr, 0 | 1) => format!("{count} soutien"),
        (Lang::Fr, _) => format!("{count} soutiens"),
        (Lang::En, 1) => format!("{count} support"),
        (Lang::En, _) => format!("{count} supports"),
    }
}

/// The sign-in button: "S'identifier avec FranceConnect".
pub fn sign_in_with(lang: Lang, provider: &str) -> String {
    match lang {
        Lang::Fr => format!("S’identifier avec {provider}"),
        Lang::En => format!("Sign in with {provider}"),
    }
}

/// "Choisissez entre 2 et 3 réponses."
pub fn choose_between(lang: Lang, min: u32, max: u32) -> String {
    match lang {
        Lang::Fr if min == max => format!("Choisissez {min} réponses."),
        Lang::Fr => format!("Choisissez entre {min} et {max} réponses."),
        Lang::En if min == max => format!("Choose {min} answers."),
        Lang::En => format!("Choose between {min} and {max} answers."),
    }
}

/// "Ouverture le 1er décembre 2026."
pub fn opens_on(lang: Lang, date: &str) -> String {
    match lang {
        Lang::Fr => format!("Ouverture le {}.", lang.date(date)),
        Lang::En => format!("Opens on {}.", lang.date(date)),
    }
}

/// "Afficher 10 réponses de plus (sur 14 restantes)": the button under a
/// comment whose replies are not all shown.
pub fn more_replies(lang: Lang, remaining: u64) -> String {
    match (lang, remaining) {
        (Lang::Fr, 1) => "Afficher la dernière réponse".to_owned(),
        (Lang::Fr, _) => format!("Afficher les réponses suivantes ({remaining} restantes)"),
        (Lang::En, 1) => "Show the last reply".to_owned(),
        (Lang::En, _) => format!("Show more replies ({remaining} left)"),
    }
}

/// Said once more replies are shown: "3 réponses de plus affichées".
pub fn replies_shown(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::Fr, 0 | 1) => format!("{count} réponse de plus affichée"),
        (Lang::Fr, _) => format!("{count} réponses de plus affichées"),
        (Lang::En, 1) => format!("{count} more reply shown"),
        (Lang::En, _) => format!("{count} more replies shown"),
    }
}

/// "Répondre à Jean"
pub fn reply_to(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Répondre à {name}"),
        Lang::En => format!("Reply to {name}"),
    }
}

/// How the city's replies are signed: "Réponse de la mairie (modération)".
pub fn city_reply_label(lang: Lang, role: Role) -> String {
    match (lang, role) {
        (Lang::Fr, Role::Admin) => "Réponse de la mairie (administration)".to_owned(),
        (Lang::Fr, Role::Moderator) => "Réponse de la mairie (modération)".to_owned(),
        (Lang::En, Role::Admin) => "City reply (administrator)".to_owned(),
        (Lang::En, Role::Moderator) => "City reply (moderator)".to_owned(),
    }
}

const FR: Texts = Texts {
    loading: "Chargement…",
    load_failed: "Le contenu n’a pas pu être chargé.",
    participation_unavailable: "Participer n’est pas possible pour le moment : le module n’a pas pu se charger. Le contenu reste lisible.",
    retry: "Réessayer",
    not_found: "Cette consultation n’existe pas ou n’est plus publiée.",
    sending: "Envoi…",
    send_failed: "L’envoi a échoué. Votre saisie est conservée : réessayez.",
    preview_only: "Aperçu : rien n’est envoyé.",
    rate_limited: "Trop d’envois en peu de temps. Patientez une minute puis réessayez.",
    participation_cap: "Votre réseau a atteint le nombre de participations possibles aujourd’hui pour cette consultation. Réessayez demain ou depuis une autre connexion.",
    origin_refused: "Ce site n’est pas autorisé à recueillir des participations pour cette consultation.",
    not_open_yet: "Cette consultation n’est pas encore ouverte.",
    closed: "Cette consultation est close.",
    load_more: "Afficher plus",
    read_more: "Lire la suite",
    show_less: "Réduire",
    optional: "facultatif",
    display_name: "Nom affiché",
    anonymous: "Anonyme",
    pending: "En attente de modération",
    cancel: "Annuler",
    submit_vote: "Voter",
    choose_one: "Choisissez une réponse avant de voter.",
    code_level: "Vote sur invitation : un bulletin par code d’invitation, reçu par courrier ou à l’accueil de la mairie.",
    code_privacy: "Votre vote n’est pas relié à votre code : Parvis retient seulement que ce code a servi pour ce vote.",
    verified_level: "Vote réservé aux habitants dont l’identité est vérifiée : un bulletin par personne.",
    verified_privacy: "Vous vous identifiez dans une fenêtre à part. Parvis ne reçoit ni votre nom, ni votre date de naissance, ni votre adresse e-mail : il garde seulement un pseudonyme propre à cette ville, non relié à votre vote, pour qu’une personne ne vote qu’une fois. Il est effacé à la fin de la durée de conservation de la consultation.",
    invitation_code: "Code d’invitation",
    code_hint: "16 lettres et chiffres, comme ABCD-EFGH-JKMN-PQRS ; tirets facultatifs.",
    code_missing: "Saisissez votre code d’invitation pour voter.",
    code_malformed: "Ce code n’a pas la forme d’un code d’invitation : 16 lettres et chiffres.",
    code_invalid: "Ce code n’est pas un code d’invitation de ce vote. Vérifiez ce que vous avez saisi.",
    code_revoked: "Ce code d’invitation a été annulé par la ville. Adressez-vous à la mairie.",
    code_used: "Ce code d’invitation a déjà servi pour ce vote.",
    verification_required: "Ce vote demande de vérifier votre identité avant de voter.",
    identity_verified: "Identité vérifiée : vous pouvez voter. La vérification vaut 30 minutes, dans cette page seulement.",
    sign_in_waiting: "Identifiez-vous dans la fenêtre qui vient de s’ouvrir.",
    sign_in_opening: "Ouverture du service d’identification…",
    sign_in_blocked: "Votre navigateur a bloqué la fenêtre d’identification. Autorisez les fenêtres pour ce site, ou ouvrez la page de la consultation.",
    open_consultation_page: "Ouvrir la page de la consultation (nouvel onglet)",
    sign_in_cancelled: "Identification annulée. Vous pouvez recommencer.",
    sign_in_refused: "L’identification n’a pas pu être vérifiée. Recommencez.",
    sign_in_unavailable: "Le service d’identification ne répond pas. Réessayez dans quelques minutes.",
    verification_invalid: "Votre vérification n’est plus valable (elle dure 30 minutes) : identifiez-vous à nouveau.",
    identity_already_voted: "Cette personne a déjà voté dans ce sondage, depuis un autre appareil ou navigateur.",
    no_identity_provider: "La ville n’a pas fini de configurer son service d’identification : ce vote n’est pas encore possible.",
    city_identity_service: "le service d’identification de la ville",
    code_too_many: "Trop de codes erronés depuis cette connexion. Réessayez dans une heure.",
    embed_ticket_expired: "Cette page est ouverte depuis longtemps, ou votre connexion a changé : rechargez la page pour participer.",
    vote_recorded: "Merci, votre vote est enregistré.",
    you_voted: "Vous avez voté.",
    results: "Résultats",
    results_hidden: "Les résultats seront publiés plus tard.",
    total: "Total\u{a0}:",
    ideas: "Idées proposées",
    sort_by: "Trier par",
    sort_top: "Les plus soutenues",
    sort_newest: "Les plus récentes",
    no_ideas: "Aucune idée pour l’instant. Proposez la première !",
    propose: "Proposer une idée",
    idea_title: "Titre de votre idée",
    idea_description: "Description",
    submit_idea: "Envoyer mon idée",
    idea_published: "Merci, votre idée est publiée.",
    idea_pending: "Merci ! Votre idée sera publiée après relecture par la mairie.",
    support: "Soutenir",
    withdraw_support: "Retirer mon soutien",
    support_added: "Votre soutien est enregistré.",
    support_withdrawn: "Votre soutien est retiré.",
    official_answer: "Réponse de la mairie",
    status: "Statut\u{a0}:",
    comments: "Commentaires",
    no_comments: "Aucun commentaire pour l’instant.",
    leave_comment: "Laisser un commentaire",
    your_comment: "Votre commentaire",
    your_reply: "Votre réponse",
    publish: "Publier",
    reply: "Répondre",
    comment_published: "Votre commentaire est publié.",
    comment_pending: "Merci ! Votre commentaire sera publié après relecture.",
    report: "Signaler",
    report_reason: "Motif du signalement",
    report_details: "Précisions",
    send_report: "Envoyer le signalement",
    report_sent: "Merci, votre signalement a été transmis.",
    reasons: [
        "Publicité ou messages répétés",
        "Propos injurieux ou haineux",
        "Hors sujet",
        "Données personnelles",
        "Autre motif",
    ],
    delete: "Supprimer",
    deleted: "Commentaire supprimé.",
    erased: "Texte effacé à la fin de la durée de conservation.",
    comment_deleted: "Votre commentaire est supprimé.",
    replies: "Réponses",
    this_device: "Cet appareil",
    device_memory_only: "Ici, votre navigateur ne garde rien : si vous rechargez la page, ce widget ne saura plus que vous avez participé. Votre participation reste comptée.",
    device_explained: "Depuis votre première participation, ce navigateur garde un code tiré au hasard : il permet de reconnaître votre vote et vos textes sur ce site. Il ne contient ni nom ni adresse.",
    also_erase: "Effacer aussi tout ce que j’ai écrit avec cet appareil dans les consultations de la ville",
    erase_closed_note: "Dans une consultation close, ou un vote sur invitation, votre vote reste compté, mais il n’est plus relié à cet appareil.",
    forget_device: "Oublier cet appareil",
    device_forgotten: "Cet appareil est oublié. Vos contributions restent publiées.",
    erased_and_forgotten: "Vos contributions sont effacées et cet appareil est oublié.",
};

const EN: Texts = Texts {
    loading: "Loading…",
    load_failed: "The content could not be loaded.",
    participation_unavailable: "Taking part is not possible right now: the widget could not load. The content stays readable.",
    retry: "Try again",
    not_found: "This consultation does not exist or is no longer published.",
    sending: "Sending…",
    send_failed: "Sending failed. What you typed is kept: try again.",
    preview_only: "Preview: nothing is sent.",
    rate_limited: "Too many sends in a short time. Wait a minute and try again.",
    participation_cap: "Your network has reached today’s number of contributions for this consultation. Try again tomorrow or from another connection.",
    origin_refused: "This site is not allowed to collect participation for this consultation.",
    not_open_yet: "This consultation is not open yet.",
    closed: "This consultation is closed.",
    load_more: "Show more",
    read_more: "Read more",
    show_less: "Show less",
    optional: "optional",
    display_name: "Display name",
    anonymous: "Anonymous",
    pending: "Awaiting moderation",
    cancel: "Cancel",
    submit_vote: "Vote",
    choose_one: "Choose an answer before voting.",
    code_level: "Vote by invitation: one ballot per invitation code, sent by post or given at the town hall.",
    code_privacy: "Your vote is not linked to your code: Parvis only keeps that the code was used for this vote.",
    verified_level: "Only residents with a verified identity can vote: one ballot per person.",
    verified_privacy: "You sign in in a separate window. Parvis receives neither your name, nor your date of birth, nor your e-mail address: it keeps only a pseudonym of its own for this city, not linked to your vote, so that each person votes once. It is erased at the end of the consultation's retention period.",
    invitation_code: "Invitation code",
    code_hint: "16 letters and digits, like ABCD-EFGH-JKMN-PQRS; dashes are optional.",
    code_missing: "Enter your invitation code to vote.",
    code_malformed: "This does not look like an invitation code: 16 letters and digits.",
    code_invalid: "This is not one of this vote's invitation codes. Check what you typed.",
    code_revoked: "The city cancelled this invitation code. Please contact the town hall.",
    code_used: "This invitation code has already been used for this vote.",
    verification_required: "This vote asks you to verify your identity before voting.",
    identity_verified: "Identity verified: you can vote. The check lasts 30 minutes, in this page only.",
    sign_in_waiting: "Sign in in the window that just opened.",
    sign_in_opening: "Opening the identity service…",
    sign_in_blocked: "Your browser blocked the sign-in window. Allow pop-ups for this site, or open the consultation's page.",
    open_consultation_page: "Open the consultation's page (new tab)",
    sign_in_cancelled: "Sign-in cancelled. You can start again.",
    sign_in_refused: "The sign-in could not be checked. Please start again.",
    sign_in_unavailable: "The identity service is not answering. Try again in a few minutes.",
    verification_invalid: "Your identity check is no longer valid (it lasts 30 minutes): please sign in again.",
    identity_already_voted: "This person has already voted in this poll, from another device or browser.",
    no_identity_provider: "The city has not finished setting up its identity service: this vote is not possible yet.",
    city_identity_service: "the city's identity service",
    code_too_many: "Too many wrong codes from this connection. Try again in an hour.",
    embed_ticket_expired: "This page has been open a long time, or your connection changed: reload the page to take part.",
    vote_recorded: "Thank you, your vote is recorded.",
    you_voted: "You voted.",
    results: "Results",
    results_hidden: "Results will be published later.",
    total: "Total:",
    ideas: "Ideas",
    sort_by: "Sort by",
    sort_top: "Most supported",
    sort_newest: "Newest",
    no_ideas: "No ideas yet. Propose the first one!",
    propose: "Propose an idea",
    idea_title: "Title of your idea",
    idea_description: "Description",
    submit_idea: "Send my idea",
    idea_published: "Thank you, your idea is published.",
    idea_pending: "Thank you! Your idea will be published once the city has reviewed it.",
    support: "Support",
    withdraw_support: "Withdraw my support",
    support_added: "Your support is recorded.",
    support_withdrawn: "Your support is withdrawn.",
    official_answer: "The city’s answer",
    status: "Status:",
    comments: "Comments",
    no_comments: "No comments yet.",
    leave_comment: "Leave a comment",
    your_comment: "Your comment",
    your_reply: "Your reply",
    publish: "Publish",
    reply: "Reply",
    comment_published: "Your comment is published.",
    comment_pending: "Thank you! Your comment will be published once reviewed.",
    report: "Report",
    report_reason: "Reason for reporting",
    report_details: "Details",
    send_report: "Send the report",
    report_sent: "Thank you, your report was sent.",
    reasons: [
        "Advertising or repeated messages",
        "Abusive or hateful content",
        "Off topic",
        "Personal data",
        "Other reason",
    ],
    delete: "Delete",
    deleted: "Comment deleted.",
    erased: "Text erased at the end of the retention period.",
    comment_deleted: "Your comment is deleted.",
    replies: "Replies",
    this_device: "This device",
    device_memory_only: "Here your browser keeps nothing: if you reload the page, this widget will no longer know that you took part. Your participation still counts.",
    device_explained: "Since you first took part, this browser keeps a random code that recognises your vote and your texts on this site. It holds no name and no address.",
    also_erase: "Also erase everything I wrote with this device in the city’s consultations",
    erase_closed_note: "In a closed consultation, or a vote by invitation, your vote stays counted, but it is no longer linked to this device.",
    forget_device: "Forget this device",
    device_forgotten: "This device is forgotten. Your contributions stay published.",
    erased_and_forgotten: "Your contributions are erased and this device is forgotten.",
};
