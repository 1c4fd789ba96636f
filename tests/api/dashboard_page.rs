//! The staff dashboard's page and files (issue 13, item 3): a strict
//! Content-Security-Policy with no inline script, never framed, no referrer
//! across origins, no MIME sniffing, and no `Access-Control-Allow-Origin: *`
//! (that header is for the widgets' files only).

use parvis_tests::Call;

#[test]
fn the_dashboard_is_served_with_a_strict_policy_and_is_never_framed() {
    for path in ["/admin/", "/admin/start.js", "/admin/dashboard.css"] {
        let reply = Call::get(path).send();
        assert_eq!(reply.status, 200, "{path}");
        let csp = reply.header("content-security-policy").unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        let script_src = csp
            .split(';')
            .map(str::trim)
            .find(|directive| directive.starts_with("script-src"))
            .unwrap_or_default();
        assert!(
            script_src.starts_with("script-src 'self'") && !script_src.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert_eq!(reply.header("x-frame-options"), Some("DENY"), "{path}");
        assert_eq!(
            reply.header("referrer-policy"),
            Some("same-origin"),
            "{path}"
        );
        assert_eq!(
            reply.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(reply.allow_origin, None, "{path}");
    }
    // The page has no inline script left for the policy to refuse.
    let page = Call::get("/admin/").send();
    assert!(
        page.text
            .contains(r#"<script type="module" src="/admin/start.js">"#)
    );
    assert!(!page.text.contains("import init"));
}

#[test]
fn the_widgets_files_stay_readable_from_any_city_page() {
    let reply = Call::get("/embed.js").send();
    assert_eq!(reply.status, 200);
    assert_eq!(reply.allow_origin.as_deref(), Some("*"));
    assert_eq!(reply.header("x-frame-options"), None);
}
