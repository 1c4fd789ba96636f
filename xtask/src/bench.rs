//! `cargo xtask bench`: bundle sizes, widget start in Chromium, vote and
//! read loads against a minimal JavaScript Worker doing the same D1 work,
//! and the Worker's size against the platform limit. Prints a table, writes
//! `target/bench.json`, and adds a dated summary to `docs/benchmarks.md`.

use crate::process::{Service, exec, output, run_tee, start_on_free_port, wait_for_http};
use crate::wrangler::{self, State};
use crate::{Result, build, first_paint_bench, paths, static_server, tools, trust_bench};
use serde_json::{Value, json};
use std::io::Write;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Requests per load run, and clients at once.
const REQUESTS: usize = 2_000;
const CLIENTS: usize = 16;
/// Cloudflare's published Worker size limits (compressed): Free and Paid plans.
const WORKER_LIMIT_FREE: u64 = 3 * 1024 * 1024;
const WORKER_LIMIT_PAID: u64 = 10 * 1024 * 1024;

/// Raw, gzip -9 and brotli -q 11 sizes of a file.
fn sizes(path: &std::path::Path) -> Result<Value> {
    let bytes = std::fs::read(path)?;
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(9));
    gzip.write_all(&bytes)?;
    let gzip = gzip.finish()?.len();
    let mut brotli = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut bytes.as_slice(), &mut brotli, &params)?;
    Ok(json!({ "raw": bytes.len(), "gzip": gzip, "brotli": brotli.len() }))
}

/// Percentile (nearest rank) of sorted milliseconds.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Median, min, p90 and max of millisecond samples.
pub fn summary(mut samples: Vec<f64>) -> Value {
    samples.sort_by(f64::total_cmp);
    json!({
        "n": samples.len(),
        "median_ms": percentile(&samples, 50.0),
        "min_ms": samples.first().copied().unwrap_or(0.0),
        "p90_ms": percentile(&samples, 90.0),
        "max_ms": samples.last().copied().unwrap_or(0.0),
    })
}

/// Runs `REQUESTS` requests from `CLIENTS` threads; latency percentiles and throughput.
fn load(base: &str, make: &(dyn Fn(&ureq::Agent, &str, usize) -> u16 + Sync)) -> Value {
    let next = AtomicUsize::new(0);
    let latencies = std::sync::Mutex::new(Vec::with_capacity(REQUESTS));
    let failures = AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..CLIENTS {
            scope.spawn(|| {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .timeout_global(Some(Duration::from_secs(30)))
                    .build()
                    .into();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= REQUESTS {
                        break;
                    }
                    let begun = Instant::now();
                    let status = make(&agent, base, i);
                    let ms = begun.elapsed().as_secs_f64() * 1000.0;
                    if !(200..300).contains(&status) {
                        failures.fetch_add(1, Ordering::Relaxed);
                    }
                    if let Ok(mut all) = latencies.lock() {
                        all.push(ms);
                    }
                }
            });
        }
    });
    let seconds = started.elapsed().as_secs_f64();
    let mut all = latencies.into_inner().unwrap_or_default();
    all.sort_by(f64::total_cmp);
    json!({
        "requests": REQUESTS,
        "clients": CLIENTS,
        "failed": failures.load(Ordering::Relaxed),
        "per_second": (REQUESTS as f64 / seconds).round(),
        "p50_ms": percentile(&all, 50.0),
        "p95_ms": percentile(&all, 95.0),
        "p99_ms": percentile(&all, 99.0),
    })
}

/// Ballot `i` of the vote load, from the demo city's page with its voter's
/// proof of work solved beforehand (the baseline Worker ignores both).
fn ballot(agent: &ureq::Agent, base: &str, i: usize, voters: &[String], proofs: &[String]) -> u16 {
    agent
        .post(format!("{base}/v1/widgets/demo-poll/ballots"))
        .header("Content-Type", "application/json")
        .header("Origin", trust_bench::CITY_ORIGIN)
        .header("Parvis-Voter", &voters[i])
        .header(parvis_model::proof_of_work::HEADER, &proofs[i])
        .header(
            "CF-Connecting-IP",
            &format!("198.18.{}.{}", i / 250 % 250, i % 250),
        )
        .send(r#"{"choices":["arbres"]}"#)
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}

fn read(agent: &ureq::Agent, base: &str) -> u16 {
    agent
        .get(format!("{base}/v1/widgets/demo-poll"))
        .call()
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}

/// The baseline Worker's folder and its throwaway D1 state.
fn baseline_dirs() -> (std::path::PathBuf, std::path::PathBuf) {
    (
        paths::root().join("bench").join("baseline-worker"),
        paths::target().join("bench-baseline-state"),
    )
}

/// `wrangler` in the baseline Worker's folder, quiet and offline.
fn baseline_wrangler() -> Command {
    let mut cmd = Command::new(paths::node_bin("wrangler"));
    cmd.current_dir(baseline_dirs().0)
        .env("WRANGLER_SEND_METRICS", "false")
        .env("CLOUDFLARE_CF_FETCH_ENABLED", "false")
        .env("CI", "true");
    cmd
}

/// Gives the baseline Worker a fresh, migrated D1 state.
fn prepare_baseline() -> Result {
    let state = baseline_dirs().1;
    let _ = std::fs::remove_dir_all(&state);
    exec(
        baseline_wrangler()
            .args([
                "d1",
                "migrations",
                "apply",
                "baseline",
                "--local",
                "--persist-to",
            ])
            .arg(&state),
    )
}

/// Starts the baseline JavaScript Worker on its prepared state.
fn start_baseline(port: u16) -> Result<Service> {
    let mut dev = baseline_wrangler();
    dev.args([
        "dev",
        "--local",
        "--ip",
        "127.0.0.1",
        "--port",
        &port.to_string(),
    ])
    .args(["--show-interactive-dev-session=false", "--persist-to"])
    .arg(baseline_dirs().1);
    let mut service = Service::start("baseline worker", &mut dev)?;
    wait_for_http(
        &mut service,
        &format!("127.0.0.1:{port}"),
        "/v1/widgets/demo-poll",
        Duration::from_secs(90),
    )?;
    Ok(service)
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let memory = output(Command::new("free").arg("-g"))
        .and_then(|f| {
            f.lines()
                .nth(1)
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_owned))
        })
        .unwrap_or_default();
    format!("{cores} cores ({cpu}), {memory} GiB RAM")
}

/// Runs every benchmark.
pub fn run() -> Result {
    tools::ensure_build_tools()?;
    tools::ensure_chromium()?;
    build::run()?;
    let public = paths::assets();
    let mut report = json!({
        "date": output(Command::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"])).unwrap_or_default().trim(),
        "machine": machine(),
        "bundle": {
            "embed.js": sizes(&public.join("embed.js"))?,
            "dashboard.js": sizes(&public.join("admin").join("pkg").join("parvis_dashboard.js"))?,
            "dashboard.wasm": sizes(&public.join("admin").join("pkg").join("parvis_dashboard_bg.wasm"))?,
        },
    });
    let worker = sizes(&paths::edge_api().join("build").join("index_bg.wasm"))?;
    report["worker"] = json!({
        "wasm": worker,
        "limit_free_gzip": WORKER_LIMIT_FREE,
        "limit_paid_gzip": WORKER_LIMIT_PAID,
    });

    // Servers: Parvis on a fresh state, the demo city, the baseline Worker.
    let state_dir = paths::target().join("bench-state");
    let _ = std::fs::remove_dir_all(&state_dir);
    let state = State::At(state_dir);
    wrangler::ensure_dev_vars()?;
    wrangler::migrate(&state)?;
    wrangler::seed(&state)?;
    // The floor: the demo page itself with the snippet and placeholders taken out.
    let floor_dir = paths::target().join("bench-site");
    std::fs::create_dir_all(&floor_dir)?;
    let demo = std::fs::read_to_string(
        paths::root()
            .join("examples")
            .join("demo-city")
            .join("index.html"),
    )?;
    let floor: String = demo
        .lines()
        .filter(|line| !line.contains("embed.js") && !line.contains("data-parvis-widget"))
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(floor_dir.join("floor.html"), floor)?;
    // The city site first, on a port it binds itself, so its origin is
    // allowed before the API starts.
    let api_origin = static_server::ApiOrigin::default();
    let city_port = static_server::serve(
        vec![
            ("/bench/", floor_dir),
            ("/", paths::root().join("examples").join("demo-city")),
        ],
        0,
        api_origin.clone(),
    )?;
    let city_url = format!("http://127.0.0.1:{city_port}");
    wrangler::execute_sql(
        &state,
        &format!("INSERT INTO city_origins (city_id, origin) VALUES (1, '{city_url}')"),
        false,
    )?;
    wrangler::execute_sql(&state, trust_bench::ATTACKED_POLL_SQL, false)?;
    let (_api, api_port) = start_on_free_port(|port| wrangler::start_dev(&state, port, &[]))?;
    prepare_baseline()?;
    let (_baseline, baseline_port) = start_on_free_port(start_baseline)?;
    let api = format!("http://127.0.0.1:{api_port}");
    api_origin
        .set(api.clone())
        .map_err(|_| "the API origin was set twice")?;

    // First paint on the mobile profile, on a fresh fragment cache.
    report["first_paint"] =
        first_paint_bench::run(&api, &city_url, &paths::target().join("bench-site"), &sizes)?;

    // Widget start.
    let (ok, out) = run_tee(
        Command::new("node")
            .arg("bench/start.mjs")
            .current_dir(paths::root())
            .env("PARVIS_CITY_URL", &city_url),
    )?;
    if !ok {
        return Err("the start benchmark failed".into());
    }
    let samples: Value = serde_json::from_str(out.lines().last().unwrap_or("{}"))?;
    let numbers = |v: &Value| -> Vec<f64> {
        v.as_array()
            .map(|a| a.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default()
    };
    let mut start = json!({ "floor_page_load": summary(numbers(&samples["floor"])) });
    if let Some(widgets) = samples["widgets"].as_object() {
        for (id, values) in widgets {
            start[id] = summary(numbers(values));
        }
    }
    report["start"] = start;

    // The honest resident's puzzle, in Chromium with the CPU slowed 4×.
    let (ok, out) = run_tee(
        Command::new("node")
            .arg("bench/puzzle.mjs")
            .current_dir(paths::root())
            .env("PARVIS_CITY_URL", &city_url),
    )?;
    if !ok {
        return Err("the puzzle benchmark failed".into());
    }
    let puzzle: Value = serde_json::from_str(out.lines().last().unwrap_or("{}"))?;
    report["puzzle_mobile_cpu"] = summary(numbers(&puzzle["puzzle_ms"]));

    // Loads: Parvis against the baseline, same requests.
    let baseline = format!("http://127.0.0.1:{baseline_port}");
    let run = format!("{:08x}", std::process::id());
    let voters: Vec<String> = (0..REQUESTS).map(|i| format!("{run}{i:024x}")).collect();
    let (proofs, native_solves) = trust_bench::prepare_votes(&api, &voters)?;
    report["puzzle_native"] = summary(native_solves);
    let votes = load(&api, &|agent, base, i| {
        ballot(agent, base, i, &voters, &proofs)
    });
    let baseline_votes = load(&baseline, &|agent, base, i| {
        ballot(agent, base, i, &voters, &proofs)
    });
    let reads = load(&api, &|agent, base, _| read(agent, base));
    let baseline_reads = load(&baseline, &|agent, base, _| read(agent, base));
    let ratio = |ours: &Value, theirs: &Value, key: &str| {
        let (a, b) = (
            ours[key].as_f64().unwrap_or(0.0),
            theirs[key].as_f64().unwrap_or(1.0),
        );
        (a / b.max(f64::EPSILON) * 100.0).round() / 100.0
    };
    report["votes"] = json!({
        "parvis": votes, "baseline_js": baseline_votes,
        "throughput_ratio": ratio(&votes, &baseline_votes, "per_second"),
        "p50_ratio": ratio(&votes, &baseline_votes, "p50_ms"),
    });
    report["reads"] = json!({
        "parvis": reads, "baseline_js": baseline_reads,
        "throughput_ratio": ratio(&reads, &baseline_reads, "per_second"),
        "p50_ratio": ratio(&reads, &baseline_reads, "p50_ms"),
    });

    report["attacker"] = trust_bench::attack(&api, &run)?;
    report["invitation_codes"] = trust_bench::invitation_codes(&api)?;

    let text = serde_json::to_string_pretty(&report)?;
    std::fs::write(paths::target().join("bench.json"), &text)?;
    let table = table(&report);
    println!("\n{table}");
    let docs = paths::root().join("docs").join("benchmarks.md");
    if !docs.exists() {
        std::fs::create_dir_all(paths::root().join("docs"))?;
        std::fs::write(&docs, HEADER)?;
    }
    let mut file = std::fs::OpenOptions::new().append(true).open(&docs)?;
    writeln!(
        file,
        "\n## {} — {}\n\n{table}",
        report["date"].as_str().unwrap_or(""),
        report["machine"].as_str().unwrap_or("")
    )?;
    println!("figures: target/bench.json; summary added to docs/benchmarks.md");
    Ok(())
}

/// The top of `docs/benchmarks.md`; each run appends a dated section.
const HEADER: &str = "# Benchmarks\n\nDated runs of `cargo xtask bench` (newest last). Each run \
measures its baseline in the same run: the page without widgets for start times, and a minimal \
JavaScript Worker doing the same single D1 insert (or count) for the loads. Sizes are in kB \
(1,000 bytes). Loads run against local `wrangler dev` (workerd + a local D1 SQLite file) on the \
same machine as the load generator, so they compare designs, not production capacity.\n";

/// The Markdown table printed and kept in `docs/benchmarks.md`.
fn table(report: &Value) -> String {
    let kb = |v: &Value| format!("{:.1} kB", v.as_f64().unwrap_or(0.0) / 1000.0);
    let mut lines = vec!["| Measure | Figure |".to_owned(), "|---|---|".to_owned()];
    let embed = &report["bundle"]["embed.js"];
    lines.push(format!(
        "| embed.js raw / gzip -9 / brotli -q 11 | {} / {} / {} |",
        kb(&embed["raw"]),
        kb(&embed["gzip"]),
        kb(&embed["brotli"])
    ));
    if let Some(bundles) = report["first_paint"]["bundles"].as_object() {
        for (name, files) in bundles {
            let brotli = |ext: &str| files[ext]["brotli"].as_f64().unwrap_or(0.0);
            lines.push(format!(
                "| Resident bundle `{name}`: glue + wasm, brotli -q 11 | {:.1} kB ({:.1} + {:.1}) |",
                (brotli("js") + brotli("wasm")) / 1000.0,
                brotli("js") / 1000.0,
                brotli("wasm") / 1000.0
            ));
        }
    }
    lines.extend(first_paint_bench::rows(&report["first_paint"]));
    for name in ["dashboard.js", "dashboard.wasm"] {
        let s = &report["bundle"][name];
        lines.push(format!(
            "| {name} raw / gzip -9 / brotli -q 11 | {} / {} / {} |",
            kb(&s["raw"]),
            kb(&s["gzip"]),
            kb(&s["brotli"])
        ));
    }
    let worker = &report["worker"]["wasm"];
    let share = worker["gzip"].as_f64().unwrap_or(0.0) / WORKER_LIMIT_FREE as f64 * 100.0;
    lines.push(format!(
        "| Worker wasm gzip (Free limit 3 MB / Paid 10 MB) | {} ({share:.1} % of Free) |",
        kb(&worker["gzip"])
    ));
    if let Some(start) = report["start"].as_object() {
        for (id, s) in start {
            lines.push(format!(
                "| Start: {id} (median, min–max over {}) | {:.0} ms ({:.0}–{:.0}) |",
                s["n"],
                s["median_ms"].as_f64().unwrap_or(0.0),
                s["min_ms"].as_f64().unwrap_or(0.0),
                s["max_ms"].as_f64().unwrap_or(0.0)
            ));
        }
    }
    for (name, key) in [("Votes", "votes"), ("Reads", "reads")] {
        for side in ["parvis", "baseline_js"] {
            let s = &report[key][side];
            lines.push(format!(
                "| {name} {side}: {} req, {} clients | {} req/s, p50 {:.1} / p95 {:.1} / p99 {:.1} ms, {} failed |",
                s["requests"], s["clients"], s["per_second"], s["p50_ms"].as_f64().unwrap_or(0.0),
                s["p95_ms"].as_f64().unwrap_or(0.0), s["p99_ms"].as_f64().unwrap_or(0.0), s["failed"]
            ));
        }
        lines.push(format!(
            "| {name}: Parvis / baseline throughput, p50 | ×{} , ×{} |",
            report[key]["throughput_ratio"], report[key]["p50_ratio"]
        ));
    }
    let ms = |v: &Value| v.as_f64().unwrap_or(0.0);
    for (name, key) in [
        (
            "Proof of work, resident: Chromium, CPU ×4",
            "puzzle_mobile_cpu",
        ),
        ("Proof of work, script: native, one core", "puzzle_native"),
    ] {
        let s = &report[key];
        lines.push(format!(
            "| {name} (median, p90 over {}) | {:.0} ms, {:.0} ms |",
            s["n"],
            ms(&s["median_ms"]),
            ms(&s["p90_ms"])
        ));
    }
    let attacker = &report["attacker"];
    lines.push(format!(
        "| Attacker: one address, new token and solved puzzle per ballot | {} of {} accepted in {} s ({} refused by the daily cap): at most the cap per widget per day, was ≈ 18,000 an hour |",
        attacker["accepted"], attacker["attempts"], attacker["seconds"], attacker["refused_by_cap"]
    ));
    let codes = &report["invitation_codes"];
    lines.push(format!(
        "| Invitation codes derived and downloaded as CSV (median of 3, local workerd) | 10,000: {} ms; 200,000: {} ms |",
        codes["10000"]["median_ms"], codes["200000"]["median_ms"]
    ));
    lines.join("\n")
}
