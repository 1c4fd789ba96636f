//! The Worker as an OpenID Connect relying party, for polls that count one
//! ballot per verified person (issue 14). The pure half (the authorization
//! request, the ID token's form and claims, the grant) is
//! `parvis_model::{oidc, verification}`; here is what talks to the world:
//! the city's provider and its keys (`provider`), the code exchange
//! (`token`) and the signature check with WebCrypto (`signature`).
//!
//! The flow: the widget's button opens a window and asks
//! `POST /v1/widgets/{id}/verification` (`public/verification.rs`) for the
//! provider's address, with a fresh `state`, `nonce` and PKCE verifier kept
//! in `sign_ins`; the provider sends the window back to `GET /oidc/callback`
//! (`pages/sign_in_callback.rs`), which uses the `state` once, exchanges the
//! code, checks the ID token and posts a grant to the widget's page.

pub mod provider;
pub mod signature;
pub mod token;
