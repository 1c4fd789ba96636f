//! A database constraint violation, read from SQLite's message as D1 passes
//! it on (`D1_ERROR: UNIQUE constraint failed: ballots.widget_id,
//! ballots.voter_hash: SQLITE_CONSTRAINT`), so handlers match the exact
//! constraint they expect (a table's key, a trigger's named rule) rather
//! than a substring that another constraint's message could also contain.

const UNIQUE: &str = "UNIQUE constraint failed: ";

/// Which constraint a statement broke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    /// A UNIQUE or PRIMARY KEY constraint: its table and columns, in the
    /// order SQLite names them.
    Unique {
        /// The table.
        table: String,
        /// The key's columns.
        columns: Vec<String>,
    },
    /// A FOREIGN KEY constraint (SQLite does not say which).
    ForeignKey,
    /// A trigger's `RAISE(ABORT, 'rule')`: the migrations name each rule.
    Rule(String),
}

impl Violation {
    /// Reads a D1 error message; `None` when it is not a constraint
    /// violation (a network failure, a syntax error…).
    pub fn parse(message: &str) -> Option<Violation> {
        // SQLite's own words come before the first `: SQLITE_…` code,
        // wrapped in whatever the runtime adds (`D1_ERROR: `, `D1: D1Error {
        // cause: JsValue(Error: `…).
        let end = message.find(": SQLITE_");
        let head = &message[..end.unwrap_or(message.len())];
        if let Some(at) = head.find(UNIQUE) {
            let key = head[at + UNIQUE.len()..].lines().next()?;
            // An expression index is named, not its columns.
            if let Some(index) = key.strip_prefix("index ") {
                return Some(Violation::Unique {
                    table: String::new(),
                    columns: vec![index.trim_matches('\'').to_owned()],
                });
            }
            let columns: Vec<(&str, &str)> = key
                .split(", ")
                .map(|column| column.split_once('.'))
                .collect::<Option<_>>()?;
            let table = columns.first()?.0;
            if columns.iter().any(|(t, _)| *t != table) {
                return None;
            }
            return Some(Violation::Unique {
                table: table.to_owned(),
                columns: columns.iter().map(|(_, c)| (*c).to_owned()).collect(),
            });
        }
        if head.contains("FOREIGN KEY constraint failed") {
            return Some(Violation::ForeignKey);
        }
        // A trigger's rule: the last word before `: SQLITE_CONSTRAINT`.
        let code = &message[end?..];
        let rule = head.rsplit([' ', '(', '\n']).next()?;
        let is_rule_name = !rule.is_empty()
            && rule
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        (code.starts_with(": SQLITE_CONSTRAINT") && is_rule_name)
            .then(|| Violation::Rule(rule.to_owned()))
    }

    /// Whether this is the UNIQUE or PRIMARY KEY constraint of `table` on
    /// exactly `columns`.
    pub fn is_key(&self, table: &str, columns: &[&str]) -> bool {
        matches!(self, Violation::Unique { table: t, columns: c } if t == table && c == columns)
    }

    /// Whether this is the trigger rule `name`.
    pub fn is_rule(&self, name: &str) -> bool {
        matches!(self, Violation::Rule(rule) if rule == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unique_key_is_read_with_its_table_and_columns() {
        let violation = Violation::parse(
            "D1_ERROR: UNIQUE constraint failed: used_codes.widget_id, used_codes.set_id, \
             used_codes.code_index: SQLITE_CONSTRAINT",
        )
        .expect("a violation");
        assert!(violation.is_key("used_codes", &["widget_id", "set_id", "code_index"]));
        assert!(!violation.is_key("used_codes", &["widget_id"]));
        assert!(!violation.is_key("codes", &["widget_id", "set_id", "code_index"]));
        let plain =
            Violation::parse("UNIQUE constraint failed: ballots.widget_id, ballots.voter_hash");
        assert_eq!(
            plain,
            Some(Violation::Unique {
                table: "ballots".to_owned(),
                columns: vec!["widget_id".to_owned(), "voter_hash".to_owned()],
            })
        );
    }

    #[test]
    fn rules_and_foreign_keys_are_named_and_nothing_else_is_a_violation() {
        let rule = Violation::parse(
            "Error: D1_ERROR: ballot_level_changed: SQLITE_CONSTRAINT (extended: \
             SQLITE_CONSTRAINT_TRIGGER)",
        )
        .expect("a rule");
        assert!(rule.is_rule("ballot_level_changed"));
        let wrapped = Violation::parse(
            "D1: D1Error {\n      cause: JsValue(Error: participation_fixed: SQLITE_CONSTRAINT \
             (extended: SQLITE_CONSTRAINT_TRIGGER)",
        );
        assert_eq!(
            wrapped,
            Some(Violation::Rule("participation_fixed".to_owned()))
        );
        assert!(!rule.is_rule("ballot_level"));
        assert_eq!(
            Violation::parse("D1_ERROR: FOREIGN KEY constraint failed: SQLITE_CONSTRAINT"),
            Some(Violation::ForeignKey)
        );
        for other in [
            "D1_ERROR: no such table: ballots: SQLITE_ERROR",
            "Network connection lost.",
            "D1_ERROR: participation_fixed: SQLITE_ERROR",
            "",
        ] {
            assert_eq!(Violation::parse(other), None, "{other}");
        }
    }
}
