//! A QR code drawn in SVG by the dashboard itself: the `qrcodegen` crate
//! gives the module matrix, and one path draws the dark modules on a white square
//! with the quiet zone the standard asks for.

use leptos::prelude::*;
use parvis_model::embed::escape_attribute;
use qrcodegen::{QrCode as Matrix, QrCodeEcc};
use std::fmt::Write;

/// Light modules around the code, on each side (ISO/IEC 18004 asks for 4).
const QUIET_ZONE: usize = 4;

/// The code's side in modules, quiet zone included, and the path of its
/// dark modules (one rectangle per horizontal run); `None` when `text` is
/// too long for a QR code.
fn draw(text: &str) -> Option<(usize, String)> {
    // Medium correction survives a poster's scuffs; the crate raises it
    // when that costs no extra size.
    let code = Matrix::encode_binary(text.as_bytes(), QrCodeEcc::Medium).ok()?;
    let width = usize::try_from(code.size()).ok()?;
    let dark = |x: usize, y: usize| code.get_module(x as i32, y as i32);
    let mut path = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            let start = x;
            while x < width && dark(x, y) {
                x += 1;
            }
            if x > start {
                let run = x - start;
                let _ = write!(
                    path,
                    "M{} {}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                );
            } else {
                x += 1;
            }
        }
    }
    Some((width + 2 * QUIET_ZONE, path))
}

/// The same drawing as an SVG file, for printing.
fn svg_file(side: usize, path: &str, title: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
         shape-rendering=\"crispEdges\"><title>{}</title>\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
         <path d=\"{path}\" fill=\"#000\"/></svg>\n",
        escape_attribute(title)
    )
}

/// The QR code of `text`, shown as an image with an accessible name, and a
/// link that downloads it as an SVG file.
#[component]
pub fn QrCode(
    /// What the code holds (an address).
    text: String,
    /// Its accessible name, also the SVG file's title.
    name: String,
    /// The downloaded file's name.
    file_name: String,
    /// The download link's text.
    download_label: &'static str,
) -> impl IntoView {
    draw(&text).map(|(side, path)| {
        let file = svg_file(side, &path, &name);
        let href = format!(
            "data:image/svg+xml;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(&file))
        );
        let view_box = format!("0 0 {side} {side}");
        view! {
            <svg class="qr" role="img" aria-labelledby="embed-qr-title" width="176" height="176"
                viewBox=view_box shape-rendering="crispEdges">
                <title id="embed-qr-title">{name}</title>
                <rect width=side height=side fill="#fff"></rect>
                <path d=path fill="#000"></path>
            </svg>
            <p><a href=href download=file_name>{download_label}</a></p>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dark modules, as `(x, y)` pairs, read back from a path.
    fn dark_modules(path: &str) -> Vec<(usize, usize)> {
        path.split('M')
            .filter(|run| !run.is_empty())
            .flat_map(|run| {
                let (at, rest) = run.split_once('h').expect("a run");
                let (x, y) = at.split_once(' ').expect("x y");
                let (x, y): (usize, usize) = (x.parse().expect("x"), y.parse().expect("y"));
                let length: usize = rest.split('v').next().expect("length").parse().expect("n");
                (x..x + length).map(move |x| (x, y))
            })
            .collect()
    }

    #[test]
    fn the_code_has_its_three_finder_patterns_and_a_quiet_zone() {
        let (side, path) = draw("https://parvis.example/c/budget-participatif-2027").expect("fits");
        let width = side - 2 * QUIET_ZONE;
        assert!(
            (21..=177).contains(&width) && (width - 17).is_multiple_of(4),
            "{width}"
        );
        let dark = dark_modules(&path);
        let is_dark = |x: usize, y: usize| dark.contains(&(x + QUIET_ZONE, y + QUIET_ZONE));
        // A finder pattern: a dark 7×7 ring, a light ring, a dark 3×3 centre.
        let finder_at = |left: usize, top: usize| {
            (0..7).all(|dy| {
                (0..7).all(|dx| {
                    let ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
                    let centre = (2..=4).contains(&dx) && (2..=4).contains(&dy);
                    is_dark(left + dx, top + dy) == (ring || centre)
                })
            })
        };
        assert!(finder_at(0, 0), "top left");
        assert!(finder_at(width - 7, 0), "top right");
        assert!(finder_at(0, width - 7), "bottom left");
        assert!(!finder_at(width - 7, width - 7), "none bottom right");
        assert!(dark.iter().all(|&(x, y)| {
            (QUIET_ZONE..QUIET_ZONE + width).contains(&x)
                && (QUIET_ZONE..QUIET_ZONE + width).contains(&y)
        }));
    }

    #[test]
    fn the_file_escapes_its_title() {
        let file = svg_file(29, "M4 4h1v1h-1z", "Budget <2027> & \"vous\"");
        assert!(file.contains("<title>Budget &lt;2027&gt; &amp; &quot;vous&quot;</title>"));
        assert!(
            file.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\"")
        );
    }
}
