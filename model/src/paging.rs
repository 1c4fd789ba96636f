//! Paginated lists: `?page=N&per_page=M` or `?after=CURSOR&per_page=M` in,
//! `Page<T>` out. A page number costs an offset that grows with depth; a
//! cursor (the sort key of the last item shown) costs the same at any depth,
//! so the widgets follow cursors and page numbers stay for the first page.

use serde::{Deserialize, Serialize};

/// Items per page when the query does not say.
pub const DEFAULT_PER_PAGE: u32 = 20;
/// Most items one page may hold.
pub const MAX_PER_PAGE: u32 = 50;
/// Highest page number accepted (keeps offsets bounded).
pub const MAX_PAGE: u32 = 10_000;

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// The next page's number, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page: Option<u32>,
    /// Total number of items over all pages.
    pub total: u64,
    /// Where the next page starts (`?after=`), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_after: Option<String>,
}

/// Where a list continues: the sort key of the last item shown, `id` or
/// `rank.id` (a list ranked by supports, ties by id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    /// The rank of the last item, for ranked lists.
    pub rank: Option<i64>,
    /// Its id.
    pub id: i64,
}

impl Cursor {
    /// Reads `id` or `rank.id`: whole numbers from 0 to 2^53.
    pub fn parse(text: &str) -> Option<Cursor> {
        let number = |part: &str| {
            part.parse::<i64>()
                .ok()
                .filter(|n| (0..1 << 53).contains(n))
        };
        match text.split_once('.') {
            Some((rank, id)) => Some(Cursor {
                rank: Some(number(rank)?),
                id: number(id)?,
            }),
            None => Some(Cursor {
                rank: None,
                id: number(text)?,
            }),
        }
    }

    /// As `?after=` takes it.
    pub fn format(self) -> String {
        match self.rank {
            Some(rank) => format!("{rank}.{}", self.id),
            None => self.id.to_string(),
        }
    }
}

/// Which slice of a list a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageWindow {
    /// 1-based page number.
    pub page: u32,
    /// Items per page.
    pub per_page: u32,
}

impl PageWindow {
    /// Parses the query values; errors name the bad parameter.
    pub fn parse(page: Option<&str>, per_page: Option<&str>) -> Result<PageWindow, String> {
        let number = |name: &str, value: Option<&str>, default: u32, max: u32| match value {
            None => Ok(default),
            Some(text) => text
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=max).contains(n))
                .ok_or_else(|| format!("{name} must be a whole number from 1 to {max}")),
        };
        Ok(PageWindow {
            page: number("page", page, 1, MAX_PAGE)?,
            per_page: number("per_page", per_page, DEFAULT_PER_PAGE, MAX_PER_PAGE)?,
        })
    }

    /// Rows to skip.
    pub fn offset(self) -> u64 {
        u64::from(self.page - 1) * u64::from(self.per_page)
    }

    /// Wraps this page's items, saying whether another page follows.
    pub fn wrap<T>(self, items: Vec<T>, total: u64) -> Page<T> {
        let seen = self.offset() + items.len() as u64;
        let next_page = (seen < total && self.page < MAX_PAGE).then_some(self.page + 1);
        Page {
            items,
            next_page,
            total,
            next_after: None,
        }
    }
}

/// What a list request asks for: a page by number (`?page=`), or the page
/// after a cursor (`?after=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slice {
    /// `?page=N` (1 when absent).
    Numbered(PageWindow),
    /// `?after=CURSOR`.
    After {
        /// The last item already shown.
        cursor: Cursor,
        /// Items per page.
        per_page: u32,
    },
}

impl Slice {
    /// Parses the query values; errors name the bad parameter.
    pub fn parse(
        page: Option<&str>,
        per_page: Option<&str>,
        after: Option<&str>,
    ) -> Result<Slice, String> {
        let window = PageWindow::parse(page, per_page)?;
        match after {
            None => Ok(Slice::Numbered(window)),
            Some(_) if page.is_some() => Err("use page or after, not both".to_owned()),
            Some(text) => Ok(Slice::After {
                cursor: Cursor::parse(text)
                    .ok_or_else(|| "after must be a next_after value".to_owned())?,
                per_page: window.per_page,
            }),
        }
    }

    /// Items per page.
    pub fn per_page(self) -> u32 {
        match self {
            Slice::Numbered(window) => window.per_page,
            Slice::After { per_page, .. } => per_page,
        }
    }

    /// Rows to read: one more than a page, to know whether more follow.
    pub fn limit(self) -> i64 {
        i64::from(self.per_page()) + 1
    }

    /// Rows to skip (none after a cursor: the query starts there).
    pub fn offset(self) -> u64 {
        match self {
            Slice::Numbered(window) => window.offset(),
            Slice::After { .. } => 0,
        }
    }

    /// The cursor the query starts after, if any.
    pub fn cursor(self) -> Option<Cursor> {
        match self {
            Slice::Numbered(_) => None,
            Slice::After { cursor, .. } => Some(cursor),
        }
    }

    /// The page from the rows read (up to [`Slice::limit`]): the extra row
    /// only says that more follow, and where they start.
    pub fn wrap<T>(
        self,
        mut items: Vec<T>,
        total: u64,
        cursor_of: impl Fn(&T) -> Cursor,
    ) -> Page<T> {
        let more = items.len() > self.per_page() as usize;
        items.truncate(self.per_page() as usize);
        let next_after = more
            .then(|| items.last().map(|last| cursor_of(last).format()))
            .flatten();
        let mut page = match self {
            Slice::Numbered(window) => window.wrap(items, total),
            Slice::After { .. } => Page {
                items,
                next_page: None,
                total,
                next_after: None,
            },
        };
        page.next_after = next_after;
        page
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices() {
        assert_eq!(
            Slice::parse(None, Some("2"), Some("9")),
            Ok(Slice::After {
                cursor: Cursor { rank: None, id: 9 },
                per_page: 2
            })
        );
        assert!(Slice::parse(Some("2"), None, Some("9")).is_err());
        assert!(Slice::parse(None, None, Some("x")).is_err());
        let after = Slice::parse(None, Some("2"), Some("9")).expect("valid");
        let page = after.wrap(vec![8, 7, 6], 10, |id| Cursor {
            rank: None,
            id: *id,
        });
        assert_eq!(page.items, [8, 7]);
        assert_eq!(page.next_after.as_deref(), Some("7"));
        assert_eq!(page.next_page, None);
        let last = after.wrap(vec![2], 10, |id| Cursor {
            rank: None,
            id: *id,
        });
        assert_eq!(last.next_after, None);
        let first = Slice::parse(None, Some("2"), None).expect("valid");
        let page = first.wrap(vec![9, 8, 7], 3, |id| Cursor {
            rank: None,
            id: *id,
        });
        assert_eq!(
            (page.next_page, page.next_after.as_deref()),
            (Some(2), Some("8"))
        );
    }

    #[test]
    fn cursors() {
        assert_eq!(Cursor::parse("42"), Some(Cursor { rank: None, id: 42 }));
        let ranked = Cursor {
            rank: Some(3),
            id: 17,
        };
        assert_eq!(Cursor::parse("3.17"), Some(ranked));
        assert_eq!(Cursor::parse(&ranked.format()), Some(ranked));
        for bad in ["", "-1", "a", "1.", ".1", "1.2.3", "9007199254740992"] {
            assert_eq!(Cursor::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn parsing() {
        assert_eq!(
            PageWindow::parse(None, None),
            Ok(PageWindow {
                page: 1,
                per_page: 20
            })
        );
        assert_eq!(
            PageWindow::parse(Some("3"), Some("50")),
            Ok(PageWindow {
                page: 3,
                per_page: 50
            })
        );
        for (page, per_page) in [
            (Some("0"), None),
            (Some("-1"), None),
            (None, Some("51")),
            (Some("x"), None),
            (Some("10001"), None),
        ] {
            assert!(
                PageWindow::parse(page, per_page).is_err(),
                "{page:?} {per_page:?}"
            );
        }
    }

    #[test]
    fn next_pages() {
        let window = PageWindow {
            page: 2,
            per_page: 10,
        };
        assert_eq!(window.offset(), 10);
        assert_eq!(window.wrap(vec![0; 10], 25).next_page, Some(3));
        assert_eq!(window.wrap(vec![0; 10], 20).next_page, None);
        assert_eq!(window.wrap(Vec::<u8>::new(), 0).next_page, None);
    }
}
