//! Issue 13, item 9: every staff UPDATE and DELETE names the session's city
//! in its SQL, so a handler that forgot its own check still cannot touch
//! another city's rows. Checked on the handlers' source text.

/// Every staff handler module's source.
const SOURCES: [(&str, &str); 22] = [
    ("accounts.rs", include_str!("accounts.rs")),
    ("audit.rs", include_str!("audit.rs")),
    ("city.rs", include_str!("city.rs")),
    ("city_replies.rs", include_str!("city_replies.rs")),
    ("city_view.rs", include_str!("city_view.rs")),
    ("code_sets.rs", include_str!("code_sets.rs")),
    ("embed_check.rs", include_str!("embed_check.rs")),
    ("identity_provider.rs", include_str!("identity_provider.rs")),
    ("participation.rs", include_str!("participation.rs")),
    ("exports.rs", include_str!("exports.rs")),
    ("guessing.rs", include_str!("guessing.rs")),
    ("integrity.rs", include_str!("integrity.rs")),
    ("lifecycle.rs", include_str!("lifecycle.rs")),
    ("member.rs", include_str!("member.rs")),
    ("export_pages.rs", include_str!("export_pages.rs")),
    ("moderation.rs", include_str!("moderation.rs")),
    ("session.rs", include_str!("session.rs")),
    ("staff_ideas.rs", include_str!("staff_ideas.rs")),
    ("staff_widgets.rs", include_str!("staff_widgets.rs")),
    ("widget_results.rs", include_str!("widget_results.rs")),
    ("widget_writes.rs", include_str!("widget_writes.rs")),
    ("mod.rs", include_str!("mod.rs")),
];

/// Tables whose rows belong to a sign-in, not to a city's content: their
/// statements are scoped by the session's own keys (a token's hash, the
/// staff member's id). `cities` is scoped by its id, which is the city.
const SESSION_TABLES: [&str; 4] = ["sessions", "sign_in_failures", "known_devices", "cities"];

/// The SQL statements in `source` that change rows: from each `UPDATE ` or
/// `DELETE FROM ` up to the end of its string literal.
fn writes(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for keyword in ["UPDATE ", "DELETE FROM "] {
        for (start, _) in source.match_indices(keyword) {
            // Only SQL: inside a string literal that is code, not a comment.
            let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
            let line = &source[line_start..start];
            // An upsert's `DO UPDATE` belongs to its INSERT, which is
            // scoped by the rows it selects.
            if line.trim_start().starts_with("//") || line.ends_with("DO ") {
                continue;
            }
            let rest = &source[start..];
            let end = rest
                .find("\",")
                .into_iter()
                .chain(rest.find("\")"))
                .min()
                .unwrap_or(rest.len());
            found.push(rest[..end].to_owned());
        }
    }
    found
}

fn scoped(statement: &str) -> bool {
    let table = statement
        .trim_start_matches("UPDATE OR IGNORE ")
        .trim_start_matches("UPDATE ")
        .trim_start_matches("DELETE FROM ")
        .split_whitespace()
        .next()
        .unwrap_or_default();
    statement.contains("city_id")
        || statement.contains("{IN_CITY}")
        || SESSION_TABLES.contains(&table)
}

#[test]
fn hardening_9_every_staff_update_and_delete_names_the_city() {
    let mut unscoped = Vec::new();
    let mut seen = 0;
    for (file, source) in SOURCES {
        for statement in writes(source) {
            seen += 1;
            if !scoped(&statement) {
                unscoped.push(format!("{file}: {statement}"));
            }
        }
    }
    assert!(seen >= 10, "the scan found only {seen} statements");
    assert!(
        unscoped.is_empty(),
        "not scoped to a city:\n{}",
        unscoped.join("\n")
    );
}

#[test]
fn the_scan_reads_every_staff_module() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/staff");
    let mut on_disk: Vec<String> = std::fs::read_dir(&folder)
        .expect("the staff folder")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".rs") && name != "city_scope.rs")
        .collect();
    on_disk.sort();
    let mut scanned: Vec<String> = SOURCES.iter().map(|(name, _)| (*name).to_owned()).collect();
    scanned.sort();
    assert_eq!(scanned, on_disk, "list each staff module in SOURCES");
}

#[test]
fn the_scan_catches_an_unscoped_statement() {
    let source = "query(&ctx.db, \"DELETE FROM poll_options WHERE widget_id = ?1\", &args)";
    let statements = writes(source);
    assert_eq!(statements.len(), 1);
    assert!(!scoped(&statements[0]));
}
