//! ARCHITECTURE.md, "Boundaries": no two modules of the Worker use each
//! other, however indirectly. Read from the sources: every `crate::…` and
//! `super::…` path outside comments names the module it reaches.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its module path (`staff::city`;
/// `mod.rs` is its folder's module, `lib.rs` the crate's root, "").
fn modules(dir: &Path, prefix: &[String], found: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            let mut inner = prefix.to_vec();
            inner.push(name);
            modules(&path, &inner, found);
        } else if let Some(stem) = name.strip_suffix(".rs") {
            let mut segments = prefix.to_vec();
            if stem != "mod" && stem != "lib" {
                segments.push(stem.to_owned());
            }
            found.push((segments.join("::"), path));
        }
    }
}

/// The module a path names: its longest prefix that is a module.
fn resolve(path: &[String], known: &BTreeSet<String>) -> Option<String> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|candidate| known.contains(candidate))
}

/// The paths a source file uses: `crate::a::b`, `super::c`, with one level
/// of `{x, y::z}` groups expanded.
fn paths_in(source: &str, module: &str) -> Vec<Vec<String>> {
    let code: String = source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let parent: Vec<String> = {
        let mut segments: Vec<String> = module.split("::").map(str::to_owned).collect();
        segments.pop();
        segments
    };
    let mut found = Vec::new();
    for (root, base) in [("crate::", Vec::new()), ("super::", parent)] {
        let mut rest = code.as_str();
        while let Some(at) = rest.find(root) {
            let before = rest[..at].chars().last();
            rest = &rest[at + root.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            let mut head = base.clone();
            head.extend(
                rest[..end]
                    .split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
            );
            if rest[end..].starts_with('{') {
                let close = rest[end..].find('}').map_or(rest.len(), |c| end + c);
                for item in rest[end + 1..close].split(',') {
                    let mut path = head.clone();
                    path.extend(
                        item.trim()
                            .split("::")
                            .filter(|s| !s.is_empty() && *s != "self")
                            .map(str::to_owned),
                    );
                    found.push(path);
                }
            }
            found.push(head);
        }
    }
    found
}

/// The module graph: each module and the modules it uses (itself excluded).
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    modules(&src, &[], &mut files);
    let known: BTreeSet<String> = files.iter().map(|(m, _)| m.clone()).collect();
    let mut graph = BTreeMap::new();
    for (module, path) in &files {
        let source = std::fs::read_to_string(path).unwrap_or_default();
        let uses: BTreeSet<String> = paths_in(&source, module)
            .iter()
            .filter_map(|path| resolve(path, &known))
            // A module's own items, its parent's and the crate root's are
            // not dependencies between siblings.
            .filter(|used| used != module && !module.starts_with(&format!("{used}::")))
            .filter(|used| !used.is_empty())
            .collect();
        graph.insert(module.clone(), uses);
    }
    graph
}

/// A cycle through `start`, if there is one.
fn cycle_from(start: &str, graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_owned(), vec![start.to_owned()])];
    let mut seen = BTreeSet::new();
    while let Some((at, path)) = stack.pop() {
        for next in graph.get(&at).into_iter().flatten() {
            if next == start {
                return Some(path.clone());
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

#[test]
fn no_module_uses_one_that_uses_it() {
    let graph = graph();
    // The reader sees the edges it must: a few known ones, and many.
    for (from, to) in [
        ("context", "staff::member"),
        ("staff::accounts", "db"),
        ("public::ballots", "public::verification"),
        ("pages::sign_in_callback", "pages::texts"),
    ] {
        assert!(
            graph.get(from).is_some_and(|uses| uses.contains(to)),
            "{from} → {to} not seen"
        );
    }
    let edges: usize = graph.values().map(BTreeSet::len).sum();
    assert!(
        graph.len() > 40 && edges > 200,
        "read {} modules, {edges} edges",
        graph.len()
    );
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|module| cycle_from(module, &graph))
        .map(|cycle| cycle.join(" → "))
        .collect();
    assert!(
        cycles.is_empty(),
        "modules in a cycle:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn no_path_the_reader_cannot_follow() {
    // Re-exports and glob imports would hide edges from the reader.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    modules(&src, &[], &mut files);
    // (This file names the patterns it looks for.)
    for (module, path) in files.into_iter().filter(|(m, _)| m != "module_cycles") {
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        for pattern in [
            "pub use crate::",
            "pub use super::",
            "use super::*;",
            "use crate::*;",
        ] {
            // At file level (a test module's `use super::*` is its own file).
            assert!(
                !source.lines().any(|line| line.starts_with(pattern)),
                "{module} has `{pattern}`: name the module used instead"
            );
        }
    }
}

#[test]
fn the_reader_finds_grouped_and_relative_paths() {
    let source = "use crate::db::{Arg, query};\n// use crate::router;\n\
                  use crate::public::{invitation_codes, verification};\nuse super::texts::x;";
    let paths: Vec<String> = paths_in(source, "pages::consultation")
        .iter()
        .map(|p| p.join("::"))
        .collect();
    assert!(paths.contains(&"db::Arg".to_owned()));
    assert!(paths.contains(&"public::verification".to_owned()));
    assert!(paths.contains(&"pages::texts::x".to_owned()));
    assert!(!paths.iter().any(|p| p.starts_with("router")));
}
