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
