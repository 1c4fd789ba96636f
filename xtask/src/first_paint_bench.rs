//! The first-paint figures of `cargo xtask bench` (issue 10): one widget
//! alone on a page per kind, on the mobile profile (`bench/first-paint.mjs`),
//! beside the bare page and a peer, Isso 0.14's comment embed served by its
//! own server; the fragment's latency from the Worker, cache miss and hit;
//! and the size of each resident bundle.

use crate::bench::summary;
use crate::process::{Service, exec, run_tee, start_on_free_port, wait_for_http};
use crate::{Result, paths};
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Loads per page, for the medians.
const RUNS: &str = "5";

/// The demo widget of each kind.
const KINDS: [(&str, &str); 3] = [
    ("poll", "demo-poll"),
    ("ideas", "demo-ideas"),
    ("comments", "demo-comments"),
];

/// A city page holding one placeholder (or none), text above and below.
/// Placeholders are written as the dashboard's snippet writes them.
fn page(title: &str, embed: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"icon\" href=\"data:,\"></head>\
         <body><h1>Ville de Démo</h1><p>La place du Marché sera réaménagée en 2027.</p>\
         {embed}<footer><p>Mairie de Démo · 1 place de l’Hôtel de Ville</p></footer></body></html>\n"
    )
}

/// Writes the pages into `site` (served at `/bench/`); returns their names
/// and URLs for the browser run.
fn write_pages(site: &Path, city_url: &str, isso: Option<u16>) -> Result<Value> {
    let mut pages = serde_json::Map::new();
    std::fs::write(site.join("bare.html"), page("Bare", ""))?;
    pages.insert(
        "bare page".into(),
        json!({ "url": format!("{city_url}/bench/bare.html"), "kind": "bare" }),
    );
    for (kind, id) in KINDS {
        let embed = format!(
            "<div data-parvis-widget=\"{id}\" data-parvis-kind=\"{kind}\"></div>\
             <script src=\"{{{{PARVIS_ORIGIN}}}}/embed.js\" async></script>"
        );
        std::fs::write(site.join(format!("{kind}.html")), page(kind, &embed))?;
        pages.insert(
            kind.into(),
            json!({ "url": format!("{city_url}/bench/{kind}.html"), "kind": "parvis" }),
        );
    }
    if let Some(port) = isso {
        let embed = format!(
            "<script data-isso=\"http://127.0.0.1:{port}/\" \
             src=\"http://127.0.0.1:{port}/js/embed.min.js\"></script>\
             <section id=\"isso-thread\"></section>"
        );
        std::fs::write(site.join("isso.html"), page("Isso", &embed))?;
        pages.insert(
            "peer: Isso 0.14 comments".into(),
            json!({ "url": format!("{city_url}/bench/isso.html"), "kind": "isso" }),
        );
    }
    Ok(Value::Object(pages))
}

/// Isso in its own virtualenv under `target/`, installed from PyPI once.
fn isso_bin() -> Result<std::path::PathBuf> {
    let venv = paths::target().join("isso-venv");
    let bin = venv.join("bin").join("isso");
    if !bin.exists() {
        exec(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
        exec(Command::new(venv.join("bin").join("pip")).args([
            "install",
            "--quiet",
            "isso==0.14.0",
        ]))?;
    }
    Ok(bin)
}

/// Starts Isso for the city page's origin, with two comments on the
/// peer's page so it has a thread to show.
fn start_isso(city_url: &str, port: u16) -> Result<Service> {
    let dir = paths::target().join("bench-isso");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let config = dir.join("isso.cfg");
    std::fs::write(
        &config,
        format!(
            "[general]\ndbpath = {}\nhost = {city_url}/\n[server]\nlisten = http://127.0.0.1:{port}/\n\
             [guard]\nenabled = false\n",
            dir.join("comments.db").display()
        ),
    )?;
    let mut isso = Command::new(isso_bin()?);
    isso.arg("-c").arg(&config).arg("run");
    let mut service = Service::start("isso", &mut isso)?;
    wait_for_http(
        &mut service,
        &format!("127.0.0.1:{port}"),
        "/js/embed.min.js",
        Duration::from_secs(30),
    )?;
    for text in [
        "Les places de stationnement seront-elles maintenues ?",
        "Merci de penser aux personnes à mobilité réduite.",
    ] {
        ureq::post(format!(
            "http://127.0.0.1:{port}/new?uri=%2Fbench%2Fisso.html"
        ))
        .header("Origin", city_url)
        .header("Content-Type", "application/json")
        .send(json!({ "text": text, "author": "Résident", "title": "Isso" }).to_string())?;
    }
    Ok(service)
}

/// The fragment's latency from the Worker, per kind: each of its six
/// variants once on a fresh state (cache misses: D1 reads and the render),
/// then one variant again and again (cache hits).
fn fragment_latency(api: &str) -> Result<Value> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut figures = serde_json::Map::new();
    for (kind, id) in KINDS {
        let time = |lang: &str, theme: &str| -> Result<(f64, String)> {
            let begun = Instant::now();
            let reply = agent
                .get(format!(
                    "{api}/v1/widgets/{id}/fragment?lang={lang}&theme={theme}"
                ))
                .header("Accept-Encoding", "identity")
                .call()?;
            let cache = reply
                .headers()
                .get("parvis-fragment-cache")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned();
            let _ = reply.into_body().read_to_vec()?;
            Ok((begun.elapsed().as_secs_f64() * 1000.0, cache))
        };
        let (mut misses, mut hits) = (Vec::new(), Vec::new());
        for lang in ["fr", "en"] {
            for theme in ["light", "dark", "auto"] {
                let (ms, cache) = time(lang, theme)?;
                if cache == "miss" {
                    misses.push(ms);
                }
            }
        }
        for _ in 0..20 {
            let (ms, cache) = time("fr", "light")?;
            if cache == "hit" {
                hits.push(ms);
            }
        }
        figures.insert(
            kind.into(),
            json!({ "miss": summary(misses), "hit": summary(hits) }),
        );
    }
    Ok(Value::Object(figures))
}

/// Raw and brotli sizes of each resident bundle (glue and wasm), by name.
fn bundle_sizes(sizes: &dyn Fn(&Path) -> Result<Value>) -> Result<Value> {
    let pkg = paths::assets().join("pkg");
    let mut bundles = serde_json::Map::new();
    for entry in std::fs::read_dir(&pkg)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        // parvis-poll.0123456789ab.wasm → poll, wasm
        let mut parts = name.trim_start_matches("parvis-").split('.');
        let (Some(bundle), Some(_), Some(ext)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let entry = bundles
            .entry(bundle.to_owned())
            .or_insert_with(|| json!({}));
        entry[ext] = sizes(&path)?;
    }
    Ok(Value::Object(bundles))
}

/// Every first-paint figure. `site` is served at `{city_url}/bench/`.
pub fn run(
    api: &str,
    city_url: &str,
    site: &Path,
    sizes: &dyn Fn(&Path) -> Result<Value>,
) -> Result<Value> {
    let bundles = bundle_sizes(sizes)?;
    let latency = fragment_latency(api)?;
    let isso = match start_on_free_port(|port| start_isso(city_url, port)) {
        Ok(started) => Some(started),
        Err(error) => {
            eprintln!("the peer (Isso) could not start, measured without it: {error}");
            None
        }
    };
    let pages = write_pages(site, city_url, isso.as_ref().map(|(_, port)| *port))?;
    let (ok, out) = run_tee(
        Command::new("node")
            .arg("bench/first-paint.mjs")
            .current_dir(paths::root())
            .env("PAGES", pages.to_string())
            .env("RUNS", RUNS),
    )?;
    drop(isso);
    if !ok {
        return Err("the first-paint benchmark failed".into());
    }
    let samples: Value = serde_json::from_str(out.lines().last().unwrap_or("{}"))?;
    let mut figures = serde_json::Map::new();
    let bare_load = median(&samples["bare page"], "load");
    for (name, runs) in samples.as_object().into_iter().flatten() {
        let mut page = json!({ "page_load": summary(values(runs, "load")) });
        if name != "bare page" {
            let after = |key: &str| {
                values(runs, key)
                    .into_iter()
                    .map(|ms| ms - bare_load)
                    .collect()
            };
            page["content_after_page"] = summary(after("content"));
            page["ready_after_page"] = summary(after("ready"));
            page["bytes_content"] = json!(median(runs, "bytes_content"));
            page["bytes_ready"] = json!(median(runs, "bytes_ready"));
            page["shift_takeover"] = json!(max(runs, "shift_takeover"));
        }
        figures.insert(name.clone(), page);
    }
    Ok(json!({
        "profile": "CPU ×4, 150 ms RTT, 1.6 Mbps down, 750 kbps up, cache disabled, one widget alone",
        "runs": RUNS,
        "pages": figures,
        "fragment_latency": latency,
        "bundles": bundles,
    }))
}

fn values(runs: &Value, key: &str) -> Vec<f64> {
    runs.as_array()
        .into_iter()
        .flatten()
        .filter_map(|run| run[key].as_f64())
        .collect()
}

fn median(runs: &Value, key: &str) -> f64 {
    summary(values(runs, key))["median_ms"]
        .as_f64()
        .unwrap_or(0.0)
}

fn max(runs: &Value, key: &str) -> f64 {
    values(runs, key).into_iter().fold(0.0, f64::max)
}

/// The table rows for these figures.
pub fn rows(figures: &Value) -> Vec<String> {
    let ms = |v: &Value| v["median_ms"].as_f64().unwrap_or(0.0);
    let kb = |v: &Value| v.as_f64().unwrap_or(0.0) / 1000.0;
    let mut rows = Vec::new();
    if let Some(pages) = figures["pages"].as_object() {
        for (name, page) in pages {
            if name == "bare page" {
                rows.push(format!(
                    "| First paint, mobile profile: bare page load (median of {}) | {:.0} ms |",
                    page["page_load"]["n"],
                    ms(&page["page_load"])
                ));
                continue;
            }
            rows.push(format!(
                "| First paint, mobile profile, {name}: first content / ready after the page (median) | {:.0} ms / {:.0} ms |",
                ms(&page["content_after_page"]),
                ms(&page["ready_after_page"])
            ));
            rows.push(format!(
                "| First paint, mobile profile, {name}: bytes before first content / before ready | {:.1} kB / {:.1} kB |",
                kb(&page["bytes_content"]),
                kb(&page["bytes_ready"])
            ));
            rows.push(format!(
                "| First paint, mobile profile, {name}: layout shift at takeover (worst run) | {:.4} |",
                page["shift_takeover"].as_f64().unwrap_or(0.0)
            ));
        }
    }
    if let Some(latency) = figures["fragment_latency"].as_object() {
        for (kind, figures) in latency {
            rows.push(format!(
                "| Fragment from the Worker, {kind}: cache miss (D1 + render) / hit, median | {:.1} ms / {:.1} ms |",
                ms(&figures["miss"]),
                ms(&figures["hit"])
            ));
        }
    }
    rows
}
