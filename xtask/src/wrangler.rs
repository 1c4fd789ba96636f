//! Driving `wrangler` for the local D1 database and `wrangler dev`.

use crate::process::{Service, exec, wait_for_http};
use crate::{Result, paths};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The D1 database name in `wrangler.toml`.
const DATABASE: &str = "parvis";

/// Where local state lives: wrangler's default folder, or a folder of its own.
#[derive(Clone)]
pub enum State {
    /// `edge-api/.wrangler/state`, kept between demo runs.
    Default,
    /// A throwaway folder (the tests start from a fresh one).
    At(PathBuf),
}

/// `wrangler ARGS… [--persist-to DIR]` in `edge-api/`, with telemetry and
/// network look-ups turned off.
fn wrangler(state: &State, args: &[&str]) -> Command {
    let mut cmd = Command::new(paths::node_bin("wrangler"));
    cmd.args(args)
        .current_dir(paths::edge_api())
        .env("WRANGLER_SEND_METRICS", "false")
        .env("WRANGLER_SEND_ERROR_REPORTS", "false")
        .env("CLOUDFLARE_CF_FETCH_ENABLED", "false")
        .env("CI", "true");
    if let State::At(dir) = state {
        cmd.arg("--persist-to").arg(dir);
    }
    cmd
}

/// Makes `edge-api/.dev.vars` with a random voter-hash key, once. The key
/// never leaves this machine; production sets its own with `wrangler secret put`.
pub fn ensure_dev_vars() -> Result {
    let path = paths::edge_api().join(".dev.vars");
    if path.exists() {
        // Checked at start, as in production: a short key is never used.
        let vars = std::fs::read_to_string(&path)?;
        let key = vars
            .lines()
            .find_map(|line| line.strip_prefix("VOTER_HASH_KEY="))
            .ok_or("edge-api/.dev.vars has no VOTER_HASH_KEY (delete the file to make one)")?;
        parvis_model::secret_key::SecretKey::parse(key)
            .map_err(|error| format!("VOTER_HASH_KEY in edge-api/.dev.vars: {error}"))?;
        return Ok(());
    }
    std::fs::write(&path, format!("VOTER_HASH_KEY={}\n", random_hex(32)?))?;
    Ok(())
}

/// `bytes` random bytes from the system, as hex: keys for local Workers.
pub fn random_hex(bytes: usize) -> Result<String> {
    let mut key = vec![0u8; bytes];
    std::io::Read::read_exact(&mut std::fs::File::open("/dev/urandom")?, &mut key)?;
    Ok(key.iter().map(|b| format!("{b:02x}")).collect())
}

/// Applies every migration not yet applied to the local database.
pub fn migrate(state: &State) -> Result {
    exec(&mut wrangler(
        state,
        &["d1", "migrations", "apply", DATABASE, "--local"],
    ))
}

/// Runs a SQL file against the local database.
pub fn execute_file(state: &State, file: &Path) -> Result {
    let file = file.to_string_lossy();
    exec(&mut wrangler(
        state,
        &["d1", "execute", DATABASE, "--local", "--file", &file],
    ))
}

/// Runs SQL against the local database, or the deployed one with `remote`.
pub fn execute_sql(state: &State, sql: &str, remote: bool) -> Result {
    let target = if remote { "--remote" } else { "--local" };
    exec(&mut wrangler(
        state,
        &["d1", "execute", DATABASE, target, "--command", sql],
    ))
}

/// The rows a read-only query returns from the local database, as JSON.
pub fn query_json(state: &State, sql: &str) -> Result<serde_json::Value> {
    let text = crate::process::output(&mut wrangler(
        state,
        &[
            "d1",
            "execute",
            DATABASE,
            "--local",
            "--json",
            "--command",
            sql,
        ],
    ))
    .ok_or_else(|| format!("`wrangler d1 execute` failed for {sql}"))?;
    let answer: serde_json::Value = serde_json::from_str(&text)?;
    Ok(answer[0]["results"].clone())
}

/// Loads the demo city and its poll (idempotent).
pub fn seed(state: &State) -> Result {
    execute_file(state, &paths::edge_api().join("seed").join("demo.sql"))
}

/// Worker variables for the test stacks: the proof of work at 10 bits
/// instead of 17, so thousands of test residents solve theirs in
/// milliseconds. The puzzle is the same protocol; the demo and the bench run
/// at the real difficulty.
pub const TEST_VARS: &[(&str, &str)] = &[("PROOF_OF_WORK_BITS", "10")];

/// Starts `wrangler dev` on 127.0.0.1:`port` with these Worker variables
/// and waits until it serves. `GET /__scheduled` runs the Cron Trigger (the
/// retention job) on demand, as `--test-scheduled` allows locally.
pub fn start_dev(state: &State, port: u16, vars: &[(&str, &str)]) -> Result<Service> {
    let mut dev = wrangler(
        state,
        &[
            "dev",
            "--local",
            "--ip",
            "127.0.0.1",
            "--port",
            &port.to_string(),
            "--show-interactive-dev-session=false",
            "--test-scheduled",
        ],
    );
    for (name, value) in vars {
        dev.arg("--var").arg(format!("{name}:{value}"));
    }
    let mut service = Service::start("wrangler dev", &mut dev)?;
    let address = format!("127.0.0.1:{port}");
    wait_for_http(&mut service, &address, "/embed.js", Duration::from_secs(90))?;
    Ok(service)
}
