//! Crash test: during a write load, `wrangler dev` (and its workerd) is
//! killed and started again on the same D1 state. Every write that got a
//! 2xx must still be there, and retries with the same `Idempotency-Key`
//! must never count twice.

use crate::process::{Service, free_port};
use crate::wrangler::{self, State};
use crate::{Result, paths};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// Ballots and ideas sent in each phase.
const WRITES: usize = 300;
/// Answers received before the crash.
const CRASH_AFTER: usize = 120;

struct Client {
    agent: ureq::Agent,
    base: String,
}

impl Client {
    fn new(port: u16) -> Client {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(10)))
            .build()
            .into();
        Client {
            agent,
            base: format!("http://127.0.0.1:{port}"),
        }
    }

    /// POSTs JSON as `voter` with an idempotency key; the status, or 0 when
    /// no answer came (the server died mid-request).
    fn post(&self, path: &str, voter: &str, key: &str, body: &str) -> u16 {
        self.agent
            .post(format!("{}{path}", self.base))
            .header("Content-Type", "application/json")
            .header("Parvis-Voter", voter)
            .header("Idempotency-Key", key)
            .header(
                "CF-Connecting-IP",
                &format!("198.18.{}.{}", voter.len() % 7, key.len() % 250),
            )
            .send(body)
            .map(|r| r.status().as_u16())
            .unwrap_or(0)
    }

    fn get_json(&self, path: &str, voter: Option<&str>) -> Result<serde_json::Value> {
        let mut request = self.agent.get(format!("{}{path}", self.base));
        if let Some(voter) = voter {
            request = request.header("Parvis-Voter", voter);
        }
        let mut response = request.call()?;
        Ok(serde_json::from_str(
            &response.body_mut().read_to_string()?,
        )?)
    }
}

fn voter(run: &str, i: usize) -> String {
    format!("{run}{i:024x}")
}

/// The write of request `i`: a ballot, or an idea with a unique title.
fn write(client: &Client, run: &str, i: usize) -> u16 {
    let voter = voter(run, i);
    if i.is_multiple_of(2) {
        client.post(
            "/v1/widgets/demo-poll/ballots",
            &voter,
            &format!("b{i}"),
            r#"{"choices":["bancs"]}"#,
        )
    } else {
        let body = format!(r#"{{"title":"Idée de crash {run} {i}"}}"#);
        client.post(
            "/v1/widgets/demo-ideas/ideas",
            &voter,
            &format!("i{i}"),
            &body,
        )
    }
}

/// Sends every write from 12 threads; `on_answer` runs after each answer.
fn send_all(client: &Client, run: &str, on_answer: &(dyn Fn(usize) + Sync)) -> Vec<u16> {
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
                    let status = write(client, run, i);
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
    let port = free_port()?;
    let client = Client::new(port);
    let run = format!("{:08x}", std::process::id());

    let server = std::sync::Mutex::new(Some(wrangler::start_dev(&state, port)?));
    let crash = |answers: usize| {
        let taken = if answers == CRASH_AFTER {
            server.lock().ok().and_then(|mut server| server.take())
        } else {
            None
        };
        if let Some(mut service) = taken {
            println!("crash test: killing wrangler dev after {answers} answers");
            service.crash();
        }
    };
    let first = send_all(&client, &run, &crash);
    drop(server);
    let acknowledged: Vec<usize> = (0..WRITES)
        .filter(|&i| (200..300).contains(&first[i]))
        .collect();
    println!(
        "crash test: {} writes acknowledged, {} without an answer",
        acknowledged.len(),
        first.iter().filter(|&&s| s == 0).count()
    );

    let _server: Service = wrangler::start_dev(&state, port)?;
    // Every acknowledged write survived the crash.
    for &i in &acknowledged {
        if i.is_multiple_of(2) {
            let view = client.get_json("/v1/widgets/demo-poll", Some(&voter(&run, i)))?;
            if view["has_voted"] != true {
                return Err(format!("acknowledged ballot {i} was lost").into());
            }
        }
    }
    // Claims cut by the crash become stale after 10 s; then retry everything.
    std::thread::sleep(Duration::from_secs(11));
    let retried = send_all(&client, &run, &|_| {});
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
