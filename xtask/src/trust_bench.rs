//! The trust figures of `cargo xtask bench`: what the proof of work costs
//! honest residents and attackers, and what a token-rotating script on one
//! address still gets through the daily cap per network.

use crate::Result;
use parvis_model::proof_of_work::{self, Proof};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// The demo city's page, allowed by the demo seed.
pub const CITY_ORIGIN: &str = "http://127.0.0.1:8080";
/// The poll the attacker aims at, added to the bench's state.
pub const ATTACKED_POLL_SQL: &str = "INSERT INTO widgets (id, city_id, kind, title, status) \
     VALUES ('bench-attacked-poll', 1, 'poll', 'Cible', 'open'); \
     INSERT INTO poll_options (widget_id, id, position, label) \
     VALUES ('bench-attacked-poll', 'a', 1, 'A'), ('bench-attacked-poll', 'b', 2, 'B');";
/// Ballots the attacker tries.
const ATTEMPTS: usize = 80;

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// Fetches a challenge for `widget` and `voter`, solves it natively, and
/// returns the `Parvis-Proof` value with the time the solving took.
pub fn solve(agent: &ureq::Agent, api: &str, widget: &str, voter: &str) -> Result<(String, f64)> {
    let mut response = agent
        .get(format!("{api}/v1/widgets/{widget}/challenge"))
        .header("Parvis-Voter", voter)
        .call()?;
    let challenge: Value = serde_json::from_str(&response.body_mut().read_to_string()?)?;
    let text = challenge["challenge"]
        .as_str()
        .ok_or_else(|| format!("no challenge: {challenge}"))?;
    let bits = challenge["bits"].as_u64().unwrap_or(0) as u32;
    let started = Instant::now();
    let nonce = proof_of_work::solve(text, bits);
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    Ok((Proof::header_value(text, nonce), ms))
}

/// Solves one proof per voter of the vote load before it starts, on two
/// threads; the proofs in voter order and every solve time.
pub fn prepare_votes(api: &str, voters: &[String]) -> Result<(Vec<String>, Vec<f64>)> {
    let halves: Vec<Result<Vec<(String, f64)>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = voters
            .chunks(voters.len().div_ceil(2).max(1))
            .map(|chunk| {
                scope.spawn(move || {
                    let agent = agent();
                    chunk
                        .iter()
                        .map(|voter| solve(&agent, api, "demo-poll", voter))
                        .collect::<Result<Vec<_>>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a solver thread panicked".into()))
            })
            .collect()
    });
    let mut proofs = Vec::with_capacity(voters.len());
    let mut times = Vec::with_capacity(voters.len());
    for half in halves {
        for (proof, ms) in half? {
            proofs.push(proof);
            times.push(ms);
        }
    }
    Ok((proofs, times))
}

/// The attacker: knows the protocol, solves every puzzle natively, a new
/// voter token per ballot, every ballot from one address.
pub fn attack(api: &str, run: &str) -> Result<Value> {
    let agent = agent();
    let started = Instant::now();
    let (mut accepted, mut capped, mut other) = (0, 0, 0);
    let mut solve_ms = Vec::new();
    for i in 0..ATTEMPTS {
        let voter = format!("{run}a{i:023x}");
        let (proof, ms) = solve(&agent, api, "bench-attacked-poll", &voter)?;
        solve_ms.push(ms);
        let status = agent
            .post(format!("{api}/v1/widgets/bench-attacked-poll/ballots"))
            .header("Content-Type", "application/json")
            .header("Origin", CITY_ORIGIN)
            .header("Parvis-Voter", &voter)
            .header(proof_of_work::HEADER, &proof)
            .header("CF-Connecting-IP", "203.0.113.250")
            .send(r#"{"choices":["a"]}"#)
            .map(|r| r.status().as_u16())
            .unwrap_or(0);
        match status {
            201 => accepted += 1,
            429 => capped += 1,
            _ => other += 1,
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    Ok(json!({
        "attempts": ATTEMPTS,
        "accepted": accepted,
        "refused_by_cap": capped,
        "other": other,
        "seconds": (seconds * 10.0).round() / 10.0,
        "solve": crate::bench::summary(solve_ms),
    }))
}

/// How long the Worker takes to derive and send a set's invitation codes
/// (HMAC per code, one CSV), for 10,000 and 200,000 codes: the median of
/// three downloads each, in milliseconds, on local workerd.
pub fn invitation_codes(api: &str) -> Result<Value> {
    let agent = agent();
    let mut signed_in = agent
        .post(format!("{api}/v1/staff/session"))
        .header("Origin", api)
        .header("Content-Type", "application/json")
        .send(
            json!({ "email": "admin@ville-de-demo.fr", "password": "parvis-demo-2026" })
                .to_string(),
        )?;
    if signed_in.status() != 201 {
        let body = signed_in.body_mut().read_to_string()?;
        return Err(format!("bench sign-in refused: {body}").into());
    }
    let cookie = signed_in
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .ok_or("no session cookie")?
        .to_owned();
    let mut figures = serde_json::Map::new();
    for size in [10_000u32, 200_000] {
        let mut created = agent
            .post(format!("{api}/v1/staff/code-sets"))
            .header("Origin", api)
            .header("Cookie", &cookie)
            .header("Content-Type", "application/json")
            .send(json!({ "name": format!("bench {size}"), "size": size }).to_string())?;
        let set: Value = serde_json::from_str(&created.body_mut().read_to_string()?)?;
        let id = set["id"].as_i64().ok_or_else(|| format!("no set: {set}"))?;
        let mut times = Vec::new();
        for _ in 0..3 {
            let started = Instant::now();
            let mut response = agent
                .get(format!("{api}/v1/staff/code-sets/{id}/codes"))
                .header("Origin", api)
                .header("Cookie", &cookie)
                .call()?;
            let lines = response
                .body_mut()
                .with_config()
                .limit(64 << 20)
                .read_to_string()?
                .lines()
                .count();
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            if lines != size as usize + 1 {
                return Err(format!("{size} codes gave {lines} lines").into());
            }
        }
        times.sort_by(f64::total_cmp);
        figures.insert(size.to_string(), json!({ "median_ms": times[1].round() }));
    }
    Ok(Value::Object(figures))
}
