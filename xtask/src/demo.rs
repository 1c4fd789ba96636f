//! `cargo xtask demo`: everything built, migrated, seeded and served.

use crate::oidc_provider::OidcProvider;
use crate::process::{Interrupt, http_status};
use crate::wrangler::{self, State};
use crate::{Result, build, paths, static_server, tools};
use parvis_model::identity_provider::secret_name;

/// The API's port, which the demo page's snippet is served with.
const API_PORT: u16 = 8787;
/// The demo city's port: a different origin, as a real city site would be.
const CITY_PORT: u16 = 8080;

/// Builds, migrates, seeds, serves both origins, and stops both on Ctrl-C.
pub fn run() -> Result {
    for port in [API_PORT, CITY_PORT] {
        if http_status(&format!("127.0.0.1:{port}"), "/").is_some() {
            return Err(
                format!("port {port} is already in use: stop what runs there first").into(),
            );
        }
    }
    tools::ensure_build_tools()?;
    build::run()?;
    wrangler::ensure_dev_vars()?;
    wrangler::migrate(&State::Default)?;
    wrangler::seed(&State::Default)?;

    let interrupt = Interrupt::catch()?;
    // The demo city's identity provider: the tests' OpenID provider, so the
    // budget page's verified vote can be tried with any login.
    let provider = OidcProvider::start(&format!("http://127.0.0.1:{API_PORT}/oidc/callback"))?;
    wrangler::execute_sql(&State::Default, &verified_demo(&provider), false)?;
    let secret = secret_name(1);
    let mut api = wrangler::start_dev(
        &State::Default,
        API_PORT,
        &[(secret.as_str(), provider.client_secret.as_str())],
    )?;
    static_server::serve(
        vec![("/", paths::root().join("examples").join("demo-city"))],
        CITY_PORT,
        static_server::api_origin(format!("http://127.0.0.1:{API_PORT}")),
    )?;

    println!();
    println!("  Parvis API and widget files: http://127.0.0.1:{API_PORT}");
    println!("  Demo city page:              http://127.0.0.1:{CITY_PORT}/");
    println!(
        "  A vote for verified residents: http://127.0.0.1:{CITY_PORT}/budget-participatif.html \
         (test identity provider {}: any login)",
        provider.issuer
    );
    println!();
    println!("Press Ctrl-C to stop both.");
    interrupt.wait(|| {
        api.has_exited()
            .then_some("wrangler dev stopped unexpectedly")
    })
}

/// The demo city's identity provider (this run's, with fresh keys) and
/// its budget vote for verified residents, idempotent.
fn verified_demo(provider: &OidcProvider) -> String {
    provider.city_sql(1, &provider.client_id, true)
        + "INSERT OR IGNORE INTO widgets (id, city_id, kind, title, description, status, \
           results_visibility, participation) VALUES ('demo-verified-poll', 1, 'poll', \
           'Quel projet pour le budget participatif 2027 ?', \
           'Un vote par habitant, identité vérifiée.', 'open', 'always', 'verified'); \
         INSERT OR IGNORE INTO poll_options (widget_id, id, position, label) VALUES \
           ('demo-verified-poll', 'jardin', 1, 'Un jardin partagé'), \
           ('demo-verified-poll', 'pistes', 2, 'Des pistes cyclables'), \
           ('demo-verified-poll', 'preau', 3, 'Un préau pour l’école');"
}
