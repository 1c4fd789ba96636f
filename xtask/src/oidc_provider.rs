//! A real OpenID provider on loopback for the tests of verified
//! participation: panva's `oidc-provider` (the library FranceConnect's own
//! core is built on) run by `tests/oidc/provider.mjs` with one client, as a
//! [`Service`] on a free 127.0.0.1 port. It speaks the protocol as
//! FranceConnect's integration platform does wherever a relying party can
//! tell (code flow with `client_secret_post`, `acr` `eidas1`, the same token
//! lifetimes), so the Worker's relying party is tested against a provider it
//! did not write, not against a stub that agrees with it by construction.
//!
//! Its state lives in the Node process only (a fresh signing key, no users
//! and no sessions at each start), and it listens on loopback only, with a
//! test endpoint that spoils the next ID token on demand
//! (`POST /__test/next-id-token`, called by `verified-identity.spec.mjs`).

use crate::process::{Interrupt, Service, start_on_free_port, wait_for_http};
use crate::wrangler::random_hex;
use crate::{Result, paths};
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

/// Where the Worker's callback is when it runs as `cargo xtask demo` does.
const DEFAULT_REDIRECT_URI: &str = "http://127.0.0.1:8787/oidc/callback";
/// How long Node may take to load the provider and answer.
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// An OpenID provider on 127.0.0.1 with one registered client, stopped when
/// dropped.
pub struct OidcProvider {
    service: Service,
    /// The issuer, `http://127.0.0.1:PORT`; its discovery document is at
    /// `{issuer}/.well-known/openid-configuration`.
    pub issuer: String,
    /// The client's identifier (64 hex digits, like FranceConnect's).
    pub client_id: String,
    /// The client's secret, sent to the token endpoint as `client_secret_post`.
    pub client_secret: String,
    /// A second client, set up as FranceConnect's core sets up a service
    /// provider: ID tokens signed with HS256 under its secret, PKCE refused.
    pub franceconnect_client_id: String,
    /// Its secret.
    pub franceconnect_client_secret: String,
}

impl OidcProvider {
    /// Starts the provider on a free loopback port for one client whose
    /// redirect URI is `redirect_uri`, with a random client id and secret.
    pub fn start(redirect_uri: &str) -> Result<OidcProvider> {
        let script = script();
        if !paths::root()
            .join("node_modules/oidc-provider/package.json")
            .exists()
        {
            return Err(
                "the npm package oidc-provider is missing: run `cargo xtask build` \
                        (or `npm ci`) first"
                    .into(),
            );
        }
        let client_id = random_hex(32)?;
        let client_secret = random_hex(32)?;
        let franceconnect_client_id = random_hex(32)?;
        let franceconnect_client_secret = random_hex(32)?;
        let (service, port) = start_on_free_port(|port| {
            // The secret goes through the environment, not the command line
            // that `Service::start` prints.
            let mut service = Service::start(
                "OpenID provider",
                Command::new("node")
                    .arg(&script)
                    .env("PORT", port.to_string())
                    .env("CLIENT_ID", &client_id)
                    .env("CLIENT_SECRET", &client_secret)
                    .env("FRANCECONNECT_CLIENT_ID", &franceconnect_client_id)
                    .env("FRANCECONNECT_CLIENT_SECRET", &franceconnect_client_secret)
                    .env("REDIRECT_URI", redirect_uri),
            )?;
            wait_for_http(
                &mut service,
                &format!("127.0.0.1:{port}"),
                "/__test/health",
                START_TIMEOUT,
            )?;
            Ok(service)
        })?;
        Ok(OidcProvider {
            service,
            issuer: format!("http://127.0.0.1:{port}"),
            client_id,
            client_secret,
            franceconnect_client_id,
            franceconnect_client_secret,
        })
    }

    /// The SQL that makes this provider city `city_id`'s, with client
    /// `client_id` (PKCE on or off), as an admin would in the dashboard:
    /// idempotent, and its endpoints and keys fetched again at the first
    /// sign-in (each start has fresh keys).
    pub fn city_sql(&self, city_id: i64, client_id: &str, pkce: bool) -> String {
        format!(
            "INSERT INTO identity_providers (city_id, issuer, client_id, display_name, pkce, \
               acr_values, updated_at) VALUES ({city_id}, '{issuer}', '{client_id}', \
               'FranceConnect', {pkce}, 'eidas1', 0) ON CONFLICT (city_id) DO UPDATE SET \
               issuer = '{issuer}', client_id = '{client_id}', pkce = {pkce}, \
               authorization_endpoint = NULL, token_endpoint = NULL, jwks_uri = NULL, \
               jwks = NULL, fetched_at = NULL;",
            issuer = self.issuer,
            pkce = u8::from(pkce),
        )
    }

    /// Whether the provider has stopped.
    fn has_stopped(&mut self) -> bool {
        self.service.has_exited()
    }
}

/// The provider's script.
fn script() -> PathBuf {
    paths::root()
        .join("tests")
        .join("oidc")
        .join("provider.mjs")
}

/// `cargo xtask oidc-provider [REDIRECT_URI]`: a provider to sign in through
/// by hand, until Ctrl-C.
pub fn run(redirect_uri: Option<&str>) -> Result {
    let redirect_uri = redirect_uri.unwrap_or(DEFAULT_REDIRECT_URI);
    let interrupt = Interrupt::catch()?;
    let mut provider = OidcProvider::start(redirect_uri)?;

    println!();
    println!("  Issuer:         {}", provider.issuer);
    println!(
        "  Discovery:      {}/.well-known/openid-configuration",
        provider.issuer
    );
    println!("  Client id:      {}", provider.client_id);
    println!("  Client secret:  {}", provider.client_secret);
    println!(
        "  FranceConnect-like client (HS256, no PKCE): {} / {}",
        provider.franceconnect_client_id, provider.franceconnect_client_secret
    );
    println!("  Redirect URI:   {redirect_uri}");
    println!("  Sign in with any identifiant (e.g. resident-7); acr_values=eidas1.");
    println!(
        "  Spoil the next ID token: POST {}/__test/next-id-token {{\"mutation\": \"expired\"}}",
        provider.issuer
    );
    println!();
    println!("Press Ctrl-C to stop it.");
    interrupt.wait(|| {
        provider
            .has_stopped()
            .then_some("the OpenID provider stopped unexpectedly")
    })
}
