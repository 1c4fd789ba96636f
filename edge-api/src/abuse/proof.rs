//! The proof of work before residents' writes (see
//! `parvis_model::proof_of_work`): challenges are issued signed, and checked
//! from the request alone, with no database read.

use crate::context::Ctx;
use crate::crypto::{constant_time_eq, keyed_hash, random_hex};
use crate::error::ApiError;
use crate::reply::Reply;
use parvis_model::proof_of_work::{
    Challenge, DEFAULT_BITS, HEADER, MAX_BITS, Proof, ProofChallenge, VALID_SECONDS,
};
use parvis_model::time::format_rfc3339;

/// The difficulty: `PROOF_OF_WORK_BITS` when set (a test run lowers it),
/// else the default.
fn bits(ctx: &Ctx) -> u32 {
    ctx.number_var("PROOF_OF_WORK_BITS")
        .filter(|bits| *bits <= MAX_BITS)
        .unwrap_or(DEFAULT_BITS)
}

/// The signature binding a challenge to this widget and this voter.
fn signature(ctx: &Ctx, expires: i64, bits: u32, salt: &str) -> Result<String, ApiError> {
    let text = Challenge::signed_text(expires, bits, salt, &ctx.widget()?.id, ctx.voter()?);
    keyed_hash(&ctx.env, "proof-of-work", &text)
}

/// `GET /v1/widgets/{id}/challenge`: a puzzle for this widget and the
/// voter token sent with the request.
pub async fn issue(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let bits = bits(ctx);
    let expires = ctx.now + VALID_SECONDS;
    let salt = random_hex(12)?;
    let signature = signature(ctx, expires, bits, &salt)?;
    let challenge = ProofChallenge {
        challenge: Challenge::format(expires, bits, &salt, &signature),
        bits,
        expires_at: format_rfc3339(expires),
    };
    Reply::json(200, &challenge)
}

/// Refuses a write without a solved, unexpired proof made for this widget
/// and this voter token.
pub fn check(ctx: &Ctx) -> Result<(), ApiError> {
    let header = ctx.header(HEADER).ok_or(ApiError::ProofRequired(
        "send a solved challenge in Parvis-Proof",
    ))?;
    let proof = Proof::parse(&header).ok_or(ApiError::ProofRequired("malformed Parvis-Proof"))?;
    let challenge =
        Challenge::parse(proof.challenge).ok_or(ApiError::ProofRequired("malformed challenge"))?;
    if challenge.expires <= ctx.now {
        return Err(ApiError::ProofRequired("the challenge has expired"));
    }
    let expected = signature(ctx, challenge.expires, challenge.bits, challenge.salt)?;
    if !constant_time_eq(&expected, challenge.signature) {
        return Err(ApiError::ProofRequired(
            "the challenge was not issued for this widget and voter token",
        ));
    }
    if challenge.bits < bits(ctx) {
        return Err(ApiError::ProofRequired("the challenge is too easy"));
    }
    if !proof.is_solved(challenge.bits) {
        return Err(ApiError::ProofRequired(
            "the nonce does not solve the challenge",
        ));
    }
    Ok(())
}
