//! The widgets' styles, shared by the browser's mount and the Worker's
//! fragment: the base (tokens, light and dark), then each kind's own.

const BASE: &str = include_str!("base.css");

/// The class on a widget's root for the theme a placeholder asks for
/// (`data-theme`): light unless it says dark or auto.
pub fn theme_class(asked: Option<&str>) -> &'static str {
    match asked {
        Some("dark") => "theme-dark",
        Some("auto") => "theme-auto",
        _ => "theme-light",
    }
}

/// `css` without comments and indentation: the fragment and the bundles
/// carry what the browser reads, not what a person reads.
pub fn compact(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = match rest[start + 2..].find("*/") {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
    }
    out.push_str(rest);
    out.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The styles of one kind, as a fragment of that kind carries them.
#[cfg(feature = "ssr")]
pub fn for_kind(kind: parvis_model::WidgetKind) -> String {
    use parvis_model::WidgetKind;
    let own = match kind {
        #[cfg(feature = "poll")]
        WidgetKind::Poll => crate::poll::CSS,
        #[cfg(feature = "ideas")]
        WidgetKind::Ideas => crate::ideas::CSS,
        #[cfg(feature = "comments")]
        WidgetKind::Comments => crate::comments::CSS,
        #[allow(unreachable_patterns)]
        _ => "",
    };
    compact(&[BASE, own].concat())
}

/// The styles of every kind this build has.
#[cfg(feature = "csr")]
pub fn for_build() -> String {
    let kinds: [&str; 3] = [
        #[cfg(feature = "poll")]
        crate::poll::CSS,
        #[cfg(not(feature = "poll"))]
        "",
        #[cfg(feature = "ideas")]
        crate::ideas::CSS,
        #[cfg(not(feature = "ideas"))]
        "",
        #[cfg(feature = "comments")]
        crate::comments::CSS,
        #[cfg(not(feature = "comments"))]
        "",
    ];
    compact(&[BASE, &kinds.concat()].concat())
}

#[cfg(test)]
mod tests {
    use super::compact;

    #[test]
    fn compact_css_keeps_rules_and_drops_comments_and_indentation() {
        let css = "/* a\n comment */\n.a {\n  color: red; /* why */\n}\n\n.b { margin: 0 }\n";
        assert_eq!(compact(css), ".a {\ncolor: red;\n}\n.b { margin: 0 }");
    }
}
