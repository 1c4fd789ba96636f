//! Paginated lists: `?page=N&per_page=M` in, `Page<T>` out.

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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
