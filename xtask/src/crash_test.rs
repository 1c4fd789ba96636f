//! Crash test: during a write load, `wrangler dev` (and its workerd) is
//! killed and started again on the same D1 state. Every write that got a
//! 2xx must still be there, and retries with the same `Idempotency-Key`
//! must never count twice.

use crate::local_api::LocalApi;
use crate::process::{Service, start_on_free_port};
use crate::wrangler::{self, State};
use crate::{Result, paths, trust_bench};
use parvis_model::limits::STALE_CLAIM_SECONDS;
use parvis_model::proof_of_work;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Ballots and ideas sent in each phase.
const WRITES: usize = 300;
/// Answers received before the crash.
const CRASH_AFTER: usize = 120;

impl LocalApi {
    /// Sends a resident's write from the demo city's page; the status, or 0
    /// when no answer came (the server died mid-request).
    fn post(&self, write: &Write) -> u16 {
        self.agent
            .post(format!("{}{}", self.base, write.path))
            .header("Content-Type", "application/json")
            .header("Origin", trust_bench::CITY_ORIGIN)
            .header("Parvis-Voter", &write.voter)
            .header(proof_of_work::HEADER, &write.proof)
            .header("Idempotency-Key", &write.key)
            .header("CF-Connecting-IP", &write.ip)
            .send(&write.body)
            .map(|r| r.status().as_u16())
            .unwrap_or(0)
    }

    /// The JSON of `GET path` (see [`LocalApi::get`]).
    fn get_json(&self, path: &str, voter: Option<&str>) -> Result<serde_json::Value> {
        self.get(path, voter).map(|(_, json)| json)
    }
}

fn voter(run: &str, i: usize) -> String {
    format!("{run}{i:024x}")
}

fn idea_title(run: &str, i: usize) -> String {
    format!("Idée de crash {run} {i}")
}

/// Write `i`, ready to send (and to send again): a ballot for even `i`, an
/// idea with a unique title for odd `i`, each from its own resident.
struct Write {
    path: &'static str,
    voter: String,
    proof: String,
    key: String,
    ip: String,
    body: String,
}

/// Every write, with its proof of work solved before the load starts.
fn prepare(client: &LocalApi, run: &str) -> Result<Vec<Write>> {
    (0..WRITES)
        .map(|i| {
            let voter = voter(run, i);
            let (widget, path, key, body) = if i.is_multiple_of(2) {
                let body = r#"{"choices":["bancs"]}"#.to_owned();
                (
                    "demo-poll",
                    "/v1/widgets/demo-poll/ballots",
                    format!("b{i}"),
                    body,
                )
            } else {
                let body = format!(r#"{{"title":"{}"}}"#, idea_title(run, i));
                (
                    "demo-ideas",
                    "/v1/widgets/demo-ideas/ideas",
                    format!("i{i}"),
                    body,
                )
            };
            Ok(Write {
                path,
                proof: client.proof(widget, &voter)?,
                voter,
                key,
                ip: format!("198.18.{}.{}", i / 256, i % 256),
                body,
            })
        })
        .collect()
}

/// Sends every write from 12 threads; `on_answer` runs after each answer.
fn send_all(client: &LocalApi, writes: &[Write], on_answer: &(dyn Fn(usize) + Sync)) -> Vec<u16> {
    let next = AtomicUsize::new(0);
    let answers = AtomicUsize::new(0);
    let statuses = std::sync::Mutex::new(vec![0u16; WRITES]);
    std::thread::scope(|scope| {
        for _ in 0..12 {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= WRITES {
                        break;
                    }
                    let status = client.post(&writes[i]);
                    if let Ok(mut all) = statuses.lock() {
                        all[i] = status;
                    }
                    on_answer(answers.fetch_add(1, Ordering::Relaxed) + 1);
                }
            });
        }
    });
    statuses.into_inner().unwrap_or_default()
}

/// Checks that acknowledged write `i` is stored: the ballot counts for its
/// voter, the idea is among its voter's data.
fn check_acknowledged(client: &LocalApi, run: &str, i: usize) -> Result {
    let voter = voter(run, i);
    if i.is_multiple_of(2) {
        let view = client.get_json("/v1/widgets/demo-poll", Some(&voter))?;
        if view["has_voted"] != true {
            return Err(format!("acknowledged ballot {i} was lost").into());
        }
    } else {
        let data = client.get_json("/v1/widgets/demo-ideas/voter-data", Some(&voter))?;
        let title = idea_title(run, i);
        let stored = data["ideas"]
            .as_array()
            .is_some_and(|ideas| ideas.iter().any(|idea| idea["text"] == title.as_str()));
        if !stored {
            return Err(format!("acknowledged idea {i} was lost: {data}").into());
        }
    }
    Ok(())
}

/// Runs the crash scenario; an error names what was lost or doubled.
pub fn run() -> Result {
    let state_dir = paths::target()
        .join("crash-state")
        .join(std::process::id().to_string());
    let _ = std::fs::remove_dir_all(&state_dir);
    let state = State::At(state_dir);
    wrangler::ensure_dev_vars()?;
    wrangler::migrate(&state)?;
    wrangler::seed(&state)?;
    let run = format!("{:08x}", std::process::id());

    let (server, port) =
        start_on_free_port(|port| wrangler::start_dev(&state, port, wrangler::TEST_VARS))?;
    let client = LocalApi::new(port, Duration::from_secs(10));
    let writes = prepare(&client, &run)?;
    let server = std::sync::Mutex::new(Some(server));
    let crashed_at = std::sync::Mutex::new(None);
    let crash = |answers: usize| {
        let taken = if answers == CRASH_AFTER {
            server.lock().ok().and_then(|mut server| server.take())
        } else {
            None
        };
        if let Some(mut service) = taken {
            println!("crash test: killing wrangler dev after {answers} answers");
            service.crash();
            if let Ok(mut at) = crashed_at.lock() {
                *at = Some(Instant::now());
            }
        }
    };
    let first = send_all(&client, &writes, &crash);
    drop(server);
    let acknowledged: Vec<usize> = (0..WRITES)
        .filter(|&i| (200..300).contains(&first[i]))
        .collect();
    println!(
        "crash test: {} writes acknowledged, {} without an answer",
        acknowledged.len(),
        first.iter().filter(|&&s| s == 0).count()
    );

    // The same state on whatever port is free now.
    let (_server, port): (Service, u16) =
        start_on_free_port(|port| wrangler::start_dev(&state, port, wrangler::TEST_VARS))?;
    let client = LocalApi::new(port, Duration::from_secs(10));
    // Every acknowledged write of every kind survived the crash, checked
    // before any retry could write it again.
    for &i in &acknowledged {
        check_acknowledged(&client, &run, i)?;
    }
    // Claims cut by the crash are taken over once stale; wait just past that.
    let stale_after = Duration::from_secs(STALE_CLAIM_SECONDS as u64 + 1);
    let crashed_at = crashed_at.into_inner().ok().flatten();
    let waited = crashed_at.map_or(Duration::ZERO, |at| at.elapsed());
    std::thread::sleep(stale_after.saturating_sub(waited));
    let retried = send_all(&client, &writes, &|_| {});
    if let Some(i) = (0..WRITES).find(|&i| !(200..300).contains(&retried[i])) {
        return Err(format!("retry of write {i} answered {}", retried[i]).into());
    }
    let poll = client.get_json("/v1/widgets/demo-poll", None)?;
    let ballots = poll["total_ballots"].as_u64().unwrap_or(0);
    let ideas = client.get_json("/v1/widgets/demo-ideas/ideas?sort=newest&per_page=50", None)?;
    let idea_total = ideas["total"].as_u64().unwrap_or(0);
    let expected_ideas = (WRITES / 2) as u64 + 3; // plus the three seeded ideas
    println!("crash test: {ballots} ballots and {idea_total} ideas after retries");
    if ballots != (WRITES / 2) as u64 || idea_total != expected_ideas {
        return Err(format!(
            "expected {} ballots and {expected_ideas} ideas, found {ballots} and {idea_total}",
            WRITES / 2
        )
        .into());
    }
    Ok(())
}
