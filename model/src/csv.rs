//! CSV exports for spreadsheet software: UTF-8 with a byte-order mark, the
//! separator of the staff's choice (`;` for French-language Excel).

/// Field separators staff can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    /// `,`
    Comma,
    /// `;`
    Semicolon,
}

impl Separator {
    /// The separator's character.
    pub fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
        }
    }
}

/// Writes a header row and data rows as CSV text starting with a BOM.
/// Cells are quoted when they hold either separator, a tab, a quote or a
/// line break, whatever the chosen separator: a spreadsheet that guesses
/// another separator still reads one cell.
/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is
/// prefixed with `'`, so exported resident text can never execute.
pub fn to_csv(separator: Separator, header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = start(separator, header);
    out.push_str(&rows_text(separator, rows));
    out
}

/// The start of a CSV export written in pieces: the BOM and the header row.
pub fn start(separator: Separator, header: &[&str]) -> String {
    let mut out = String::from('\u{feff}');
    push_row(&mut out, separator, &mut header.iter().copied());
    out
}

/// Data rows, to follow [`start`] (or earlier rows).
pub fn rows_text(separator: Separator, rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        push_row(&mut out, separator, &mut row.iter().map(String::as_str));
    }
    out
}

fn push_row(out: &mut String, separator: Separator, cells: &mut dyn Iterator<Item = &str>) {
    for (index, cell) in cells.enumerate() {
        if index > 0 {
            out.push(separator.char());
        }
        push_cell(out, cell);
    }
    out.push_str("\r\n");
}

fn push_cell(out: &mut String, cell: &str) {
    let guarded;
    let cell = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err()
    {
        guarded = format!("'{cell}");
        guarded.as_str()
    } else {
        cell
    };
    if cell.contains([',', ';', '\t', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_and_separators() {
        let rows = vec![
            vec!["1".into(), "Plus d’arbres; d’ombre".into()],
            vec!["2".into(), "Il a dit \"oui\"\net puis".into()],
            vec!["-3".into(), "=HYPERLINK(\"x\")".into()],
        ];
        let csv = to_csv(Separator::Semicolon, &["id", "label"], &rows);
        assert_eq!(
            csv,
            "\u{feff}id;label\r\n1;\"Plus d’arbres; d’ombre\"\r\n2;\"Il a dit \"\"oui\"\"\net puis\"\r\n-3;\"'=HYPERLINK(\"\"x\"\")\"\r\n"
        );
        // Written in pieces, the same text.
        let pieces = start(Separator::Semicolon, &["id", "label"])
            + &rows_text(Separator::Semicolon, &rows[..1])
            + &rows_text(Separator::Semicolon, &rows[1..]);
        assert_eq!(pieces, csv);
        // Either separator and a tab are quoted whatever the separator.
        let comma = to_csv(
            Separator::Comma,
            &["a", "b", "c"],
            &[vec!["x;y".into(), "tab\there".into(), "a,b".into()]],
        );
        assert_eq!(comma, "\u{feff}a,b,c\r\n\"x;y\",\"tab\there\",\"a,b\"\r\n");
        let semicolon = to_csv(Separator::Semicolon, &["a"], &[vec!["1,5".into()]]);
        assert_eq!(semicolon, "\u{feff}a\r\n\"1,5\"\r\n");
    }
}
