//! What Parvis' own pages say, in French and English.

use parvis_model::Lang;

/// The strings of the consultation and framed pages.
pub struct PageTexts {
    /// The consultation page's heading, after the city's name.
    pub consultation: &'static str,
    /// Said when JavaScript is off: the content can be read, not answered.
    pub needs_javascript: &'static str,
    /// The footer, before the city's name.
    pub offered_by: &'static str,
    /// The footer, after the city's name.
    pub with_parvis: &'static str,
    /// The privacy line of the footer.
    pub privacy: &'static str,
    /// The preview text when a widget has no description.
    pub default_description: &'static str,
    /// An error page's heading.
    pub not_available: &'static str,
    /// An error page's text for an unknown or withdrawn consultation.
    pub not_found: &'static str,
    /// An error page's text for a malformed address.
    pub bad_address: &'static str,
}

const FR: PageTexts = PageTexts {
    consultation: "consultation citoyenne",
    needs_javascript: "Pour participer, activez JavaScript. Vous pouvez lire la consultation ci-dessous.",
    offered_by: "Consultation proposée par",
    with_parvis: "avec Parvis",
    privacy: "Aucun cookie. Rien n’est enregistré dans votre navigateur avant que vous participiez.",
    default_description: "Donnez votre avis en ligne.",
    not_available: "Consultation indisponible",
    not_found: "Cette consultation n’existe pas ou n’est plus en ligne. Vérifiez l’adresse du lien.",
    bad_address: "Cette adresse n’est pas valide. Vérifiez le lien.",
};

const EN: PageTexts = PageTexts {
    consultation: "public consultation",
    needs_javascript: "To take part, turn on JavaScript. You can read the consultation below.",
    offered_by: "Consultation run by",
    with_parvis: "with Parvis",
    privacy: "No cookies. Nothing is stored in your browser until you take part.",
    default_description: "Have your say online.",
    not_available: "Consultation unavailable",
    not_found: "This consultation does not exist or is no longer online. Check the link's address.",
    bad_address: "This address is not valid. Check the link.",
};

/// The strings in a language.
pub fn texts(lang: Lang) -> &'static PageTexts {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// What the sign-in window's last page says.
pub struct SignInTexts {
    /// Heading once the identity is checked.
    pub verified: &'static str,
    /// Then.
    pub verified_text: &'static str,
    /// Heading when the resident cancelled at the provider.
    pub cancelled: &'static str,
    /// Then.
    pub cancelled_text: &'static str,
    /// Heading when no grant could be made.
    pub failed: &'static str,
    /// The provider's answer failed a check.
    pub refused: &'static str,
    /// The provider could not be reached.
    pub unavailable: &'static str,
    /// The sign-in is unknown, used already or too old.
    pub unknown: &'static str,
    /// The window lost its link to the consultation's page.
    pub no_opener: &'static str,
}

const SIGN_IN_FR: SignInTexts = SignInTexts {
    verified: "Identité vérifiée",
    verified_text: "Vous pouvez fermer cette fenêtre et revenir au vote.",
    cancelled: "Identification annulée",
    cancelled_text: "Vous n’êtes pas identifié. Fermez cette fenêtre : vous pourrez recommencer depuis la consultation.",
    failed: "Identification impossible",
    refused: "La réponse du service d’identification n’a pas pu être vérifiée. Fermez cette fenêtre et recommencez depuis la consultation.",
    unavailable: "Le service d’identification ne répond pas. Fermez cette fenêtre et réessayez dans quelques minutes.",
    unknown: "Cette identification est inconnue, expirée ou déjà utilisée. Fermez cette fenêtre et recommencez depuis la consultation.",
    no_opener: "Cette fenêtre ne peut pas prévenir la page de la consultation. Ouvrez la consultation par son lien de partage et recommencez.",
};

const SIGN_IN_EN: SignInTexts = SignInTexts {
    verified: "Identity verified",
    verified_text: "You can close this window and go back to the vote.",
    cancelled: "Sign-in cancelled",
    cancelled_text: "You are not signed in. Close this window: you can start again from the consultation.",
    failed: "Sign-in failed",
    refused: "The identity service's answer could not be checked. Close this window and start again from the consultation.",
    unavailable: "The identity service is not answering. Close this window and try again in a few minutes.",
    unknown: "This sign-in is unknown, expired or already used. Close this window and start again from the consultation.",
    no_opener: "This window cannot reach the consultation's page. Open the consultation from its share link and start again.",
};

/// The sign-in window's strings in a language.
pub fn sign_in_texts(lang: Lang) -> &'static SignInTexts {
    match lang {
        Lang::Fr => &SIGN_IN_FR,
        Lang::En => &SIGN_IN_EN,
    }
}
