//! Checks that need the API started with other settings, each on a D1 state
//! of its own:
//! - rotating `VOTER_HASH_KEY` across restarts (issue 13, item 7): a voter
//!   who comes back during the window keeps their ballot under the new key;
//! - a key too short is refused rather than used;
//! - a temporary password past its lifetime is refused (issue 13, item 2),
//!   with the lifetime shortened to two seconds for the check;
//! - the retention job (the Cron Trigger, run through `/__scheduled`)
//!   erases residents' text in a consultation closed longer than its city's
//!   retention period, keeps the counts, and leaves a recent one alone
//!   (issue 13, item 10); the closing dates are set in the past in SQL.

use crate::local_api::LocalApi;
use crate::process::{Service, start_on_free_port};
use crate::wrangler::{self, State};
use crate::{Result, admin, paths, trust_bench};
use parvis_model::proof_of_work;
use std::time::Duration;

/// Runs every check; the first failure names what broke.
pub fn run() -> Result {
    key_rotation()?;
    short_key_is_refused()?;
    temporary_password_expires()?;
    retention_erases_old_consultations()?;
    println!("restart checks: key rotation, short key, temporary password, retention: ok");
    Ok(())
}

/// A fresh, migrated and seeded D1 state named `name`.
fn fresh_state(name: &str) -> Result<State> {
    let dir = paths::target()
        .join("restart-checks")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let state = State::At(dir);
    wrangler::ensure_dev_vars()?;
    wrangler::migrate(&state)?;
    wrangler::seed(&state)?;
    Ok(state)
}

/// The API on `state` with the tests' variables and `extra` ones.
fn start(state: &State, extra: &[(&str, &str)]) -> Result<(Service, LocalApi)> {
    let vars: Vec<(&str, &str)> = wrangler::TEST_VARS.iter().chain(extra).copied().collect();
    let (service, port) = start_on_free_port(|port| wrangler::start_dev(state, port, &vars))?;
    Ok((service, LocalApi::new(port, Duration::from_secs(20))))
}

/// A random key of `version`: `v<N>.<64 hex>`.
fn random_key(version: u32) -> Result<String> {
    Ok(format!("v{version}.{}", wrangler::random_hex(32)?))
}

impl LocalApi {
    /// A ballot from the demo city's page, with its proof of work.
    fn vote(&self, voter: &str, choice: &str) -> Result<u16> {
        let proof = self.proof("demo-poll", voter)?;
        let body = format!("{{\"choices\":[\"{choice}\"]}}");
        let request = self
            .agent
            .post(format!("{}/v1/widgets/demo-poll/ballots", self.base))
            .header("Content-Type", "application/json")
            .header("Origin", trust_bench::CITY_ORIGIN)
            .header("Parvis-Voter", voter)
            .header(proof_of_work::HEADER, &proof);
        Ok(request.send(body.as_bytes())?.status().as_u16())
    }

    /// Signs in from the dashboard's own origin: the status and problem code.
    fn sign_in(&self, email: &str, password: &str) -> Result<(u16, String)> {
        let body = serde_json::json!({ "email": email, "password": password }).to_string();
        let mut response = self
            .agent
            .post(format!("{}/v1/staff/session", self.base))
            .header("Content-Type", "application/json")
            .header("Origin", &self.base)
            .header("Sec-Fetch-Site", "same-origin")
            .send(body.as_bytes())?;
        let text = response.body_mut().read_to_string()?;
        let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let code = json["code"].as_str().unwrap_or_default().to_owned();
        Ok((response.status().as_u16(), code))
    }

    fn has_voted(&self, voter: &str) -> Result<bool> {
        let (_, view) = self.get("/v1/widgets/demo-poll", Some(voter))?;
        view["has_voted"]
            .as_bool()
            .ok_or_else(|| format!("no has_voted in {view}").into())
    }
}

fn expect(what: &str, holds: bool) -> Result {
    if holds {
        Ok(())
    } else {
        Err(format!("restart checks: {what}").into())
    }
}

/// Key A, then key B with A as the previous one, then B alone.
fn key_rotation() -> Result {
    let state = fresh_state("rotation")?;
    let (old, new) = (random_key(1)?, random_key(2)?);
    let returning = format!("{:032x}", 0x5e7u128 << 64 | u128::from(std::process::id()));
    let absent = format!("{:032x}", 0xab5u128 << 64 | u128::from(std::process::id()));
    {
        let (_api, client) = start(&state, &[("VOTER_HASH_KEY", &old)])?;
        expect(
            "a ballot under the old key",
            client.vote(&returning, "velos")? == 201,
        )?;
        expect(
            "a second ballot under the old key",
            client.vote(&absent, "arbres")? == 201,
        )?;
    }
    {
        let window = [
            ("VOTER_HASH_KEY", new.as_str()),
            ("VOTER_HASH_KEY_PREVIOUS", old.as_str()),
        ];
        let (_api, client) = start(&state, &window)?;
        expect(
            "during the window, a returning voter is known by the new key",
            client.has_voted(&returning)?,
        )?;
        expect(
            "during the window, a returning voter cannot vote again",
            client.vote(&returning, "arbres")? == 409,
        )?;
        let (status, data) = client.get("/v1/widgets/demo-poll/voter-data", Some(&returning))?;
        expect(
            "during the window, a returning voter reads their ballot",
            status == 200 && data["ballots"].as_array().is_some_and(|b| b.len() == 1),
        )?;
    }
    let (_api, client) = start(&state, &[("VOTER_HASH_KEY", &new)])?;
    expect(
        "after the window, the voter who came back is still known",
        client.has_voted(&returning)?,
    )?;
    expect(
        "after the window, a voter who never came back is no longer recognised",
        !client.has_voted(&absent)?,
    )?;
    let (_, view) = client.get("/v1/widgets/demo-poll", None)?;
    expect(
        "both ballots still count",
        view["total_ballots"].as_u64() == Some(2),
    )
}

/// A key shorter than 32 characters is never used to hash: the request fails
/// with a problem document, and nothing is counted.
fn short_key_is_refused() -> Result {
    let state = fresh_state("short-key")?;
    let (_api, client) = start(&state, &[("VOTER_HASH_KEY", "v3.too-short")])?;
    let (status, problem) = client.get("/v1/widgets/demo-poll", Some(&format!("{:032x}", 7)))?;
    expect(
        &format!("a short key gives a server error, not a hash ({status} {problem})"),
        status == 500 && problem["code"].is_string(),
    )?;
    let (status, view) = client.get("/v1/widgets/demo-poll", None)?;
    expect(
        &format!("reads without a voter still work ({status})"),
        status == 200 && view["id"] == "demo-poll",
    )
}

/// A new admin's temporary password works at once, and no more once older
/// than its lifetime; only someone who typed it right learns it expired.
fn temporary_password_expires() -> Result {
    let state = fresh_state("temporary")?;
    let email = "temporaire@ville.example";
    let args: Vec<String> = [
        "--city-slug",
        "ville-temporaire",
        "--city-name",
        "Ville Temporaire",
        "--email",
        email,
        "--name",
        "Nouvelle Admin",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let password = admin::create(&args, &state)?;
    let (_api, client) = start(&state, &[("TEMPORARY_PASSWORD_SECONDS", "2")])?;
    let (status, code) = client.sign_in(email, &password)?;
    expect(
        &format!("a fresh temporary password signs in ({status} {code})"),
        status == 201,
    )?;
    std::thread::sleep(Duration::from_millis(3_500));
    let (status, code) = client.sign_in(email, &password)?;
    expect(
        &format!("an old temporary password is refused ({status} {code})"),
        status == 401 && code == "temporary_password_expired",
    )?;
    let (status, code) = client.sign_in(email, "not the password at all")?;
    expect(
        &format!("a wrong password learns nothing about expiry ({status} {code})"),
        status == 401 && code == "invalid_credentials",
    )
}

/// The seeded idea box closed 400 days ago (past the default 365), the
/// seeded thread 100 days ago: one run of the job erases the first only.
fn retention_erases_old_consultations() -> Result {
    let state = fresh_state("retention")?;
    wrangler::execute_sql(
        &state,
        "UPDATE widgets SET status = 'closed', closed_at = unixepoch() - 400 * 86400 \
           WHERE id = 'demo-ideas'; \
         UPDATE widgets SET status = 'closed', closed_at = unixepoch() - 100 * 86400 \
           WHERE id = 'demo-comments';",
        false,
    )?;
    let (_api, client) = start(&state, &[])?;
    let ideas = |client: &LocalApi| -> Result<Vec<(String, u64)>> {
        let (_, page) = client.get("/v1/widgets/demo-ideas/ideas?per_page=50", None)?;
        Ok(page["items"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .map(|i| {
                        let title = i["title"].as_str().unwrap_or("?").to_owned();
                        (title, i["supports"].as_u64().unwrap_or(0))
                    })
                    .collect()
            })
            .unwrap_or_default())
    };
    let before = ideas(&client)?;
    expect(
        &format!("seeded ideas have titles before the job ({before:?})"),
        !before.is_empty() && before.iter().all(|(title, _)| !title.is_empty()),
    )?;
    let (status, _) = client.get("/__scheduled?cron=17+3+*+*+*", None)?;
    expect(&format!("the job runs ({status})"), status == 200)?;
    let after = ideas(&client)?;
    expect(
        &format!("titles erased, supports kept ({after:?})"),
        after.len() == before.len()
            && after.iter().all(|(title, _)| title.is_empty())
            && after.iter().map(|(_, s)| s).sum::<u64>()
                == before.iter().map(|(_, s)| s).sum::<u64>(),
    )?;
    let (_, thread) = client.get("/v1/widgets/demo-comments/comments", None)?;
    let bodies: Vec<&str> = thread["items"]
        .as_array()
        .map(|items| items.iter().filter_map(|c| c["body"].as_str()).collect())
        .unwrap_or_default();
    expect(
        &format!("a thread closed 100 days ago keeps its text ({bodies:?})"),
        !bodies.is_empty() && bodies.iter().all(|body| !body.is_empty()),
    )
}
