//! Every string a resident reads, in French and English.

pub use parvis_model::Lang;

/// The strings of a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// The strings of one language.
pub struct Texts {
    /// Shown while the widget loads.
    pub loading: &'static str,
    /// Shown when the widget could not be loaded.
    pub load_failed: &'static str,
    /// The retry button.
    pub retry: &'static str,
    /// Shown when the widget id names no widget.
    pub not_found: &'static str,
    /// The vote button.
    pub submit_vote: &'static str,
    /// The vote button while the ballot is sent.
    pub sending: &'static str,
    /// Asked when the form is sent with nothing chosen.
    pub choose_one: &'static str,
    /// Announced once the vote is stored.
    pub vote_recorded: &'static str,
    /// Shown above the results of a voter.
    pub you_voted: &'static str,
    /// Shown when the vote could not be sent.
    pub vote_failed: &'static str,
    /// Shown when the page is not allowed to embed the widget.
    pub origin_refused: &'static str,
    /// Heading of the results.
    pub results: &'static str,
    /// Shown when the poll is closed.
    pub poll_closed: &'static str,
    /// Shown when results stay hidden for now.
    pub results_hidden: &'static str,
    /// Label of the total under the results, with its colon.
    pub total: &'static str,
}

const FR: Texts = Texts {
    loading: "Chargement de la consultation…",
    load_failed: "La consultation n’a pas pu être chargée.",
    retry: "Réessayer",
    not_found: "Cette consultation n’existe pas ou n’est plus publiée.",
    submit_vote: "Voter",
    sending: "Envoi…",
    choose_one: "Choisissez une réponse avant de voter.",
    vote_recorded: "Merci, votre vote est enregistré.",
    you_voted: "Vous avez voté.",
    vote_failed: "Votre vote n’a pas pu être envoyé. Votre choix est conservé : réessayez.",
    origin_refused: "Ce site n’est pas autorisé à recueillir des votes pour cette consultation.",
    results: "Résultats",
    poll_closed: "Cette consultation est close.",
    results_hidden: "Les résultats seront publiés plus tard.",
    total: "Total\u{a0}:",
};

const EN: Texts = Texts {
    loading: "Loading the consultation…",
    load_failed: "The consultation could not be loaded.",
    retry: "Try again",
    not_found: "This consultation does not exist or is no longer published.",
    submit_vote: "Vote",
    sending: "Sending…",
    choose_one: "Choose an answer before voting.",
    vote_recorded: "Thank you, your vote is recorded.",
    you_voted: "You voted.",
    vote_failed: "Your vote could not be sent. Your choice is kept: try again.",
    origin_refused: "This site is not allowed to collect votes for this consultation.",
    results: "Results",
    poll_closed: "This consultation is closed.",
    results_hidden: "Results will be published later.",
    total: "Total:",
};
