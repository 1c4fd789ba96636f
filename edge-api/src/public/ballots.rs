//! `POST /v1/widgets/{id}/ballots`: one ballot per voter per poll, in a
//! poll by invitation one per code, and in a verified poll one per person.

use crate::context::Ctx;
use crate::db::{Arg, all, is_key_violation, is_rule_violation, is_unique_violation, query};
use crate::error::ApiError;
use crate::public::widgets::{poll_reads, view, view_from_poll_reads};
use crate::public::{invitation_codes, verification};
use crate::reply::Reply;
use parvis_model::ballot::ChoiceRules;
use parvis_model::participation::ParticipationLevel;
use parvis_model::wire::WireName;
use parvis_model::{BallotRequest, WidgetKind, validate_choices};
use serde::Deserialize;

/// Checks the ballot against the poll's rules, then stores it and its
/// choices in one transaction. Answers 201 with the updated view.
pub async fn cast(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let widget = ctx.widget()?;
    widget.require_kind(WidgetKind::Poll)?;
    let ballot: BallotRequest = ctx.json()?;
    widget.require_open(ctx.now)?;
    let option_ids = widget.option_ids();
    let rules = ChoiceRules {
        min: widget.min_choices as usize,
        max: widget.max_choices as usize,
    };
    let choices = validate_choices(&ballot.choices, &option_ids, rules)?;
    let level = widget.participation;
    let (code, verified) = match level {
        ParticipationLevel::Open => (None, None),
        ParticipationLevel::Code => (
            Some(invitation_codes::admit(ctx, ballot.code.as_deref()).await?),
            None,
        ),
        ParticipationLevel::Verified => (
            None,
            Some(verification::admit(ctx, ballot.verification.as_deref())?),
        ),
    };
    let widget = ctx.widget()?;
    let voter = ctx.voter()?;
    let (id, now) = (widget.id.as_str(), ctx.now);
    let network = ctx.network_hash()?;

    let mut statements = Vec::new();
    if let Some(code) = &code {
        // First in the transaction: a code used in this poll fails here
        // (primary key), and nothing of the ballot is written.
        statements.push(query(
            &ctx.db,
            "INSERT INTO used_codes (widget_id, set_id, code_index) VALUES (?1, ?2, ?3)",
            &[
                Arg::Text(id),
                Arg::Int(code.set_id),
                Arg::Int(i64::from(code.index)),
            ],
        )?);
    }
    if let Some(person) = &verified {
        // First too: a person who voted in this poll (from any device)
        // fails here, and nothing of the ballot is written.
        statements.push(query(
            &ctx.db,
            "INSERT INTO verified_uses (widget_id, subject_hash) VALUES (?1, ?2)",
            &[Arg::Text(id), Arg::Text(&person.subject_hash)],
        )?);
    }
    let acr = verified.as_ref().map(|person| person.acr.as_str());
    statements.push(query(
        &ctx.db,
        "INSERT INTO ballots (widget_id, voter_hash, created_at, network_hash, level, acr) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &[
            Arg::Text(id),
            Arg::Text(voter),
            Arg::Int(now),
            Arg::Text(&network),
            Arg::Text(level.wire_name()),
            acr.map_or(Arg::Null, Arg::Text),
        ],
    )?);
    for choice in &choices {
        statements.push(query(
            &ctx.db,
            "INSERT INTO ballot_choices (ballot_id, widget_id, option_id) \
             SELECT id, widget_id, ?3 FROM ballots WHERE widget_id = ?1 AND voter_hash = ?2",
            &[Arg::Text(id), Arg::Text(voter), Arg::Text(choice)],
        )?);
    }
    // The answer's reads ride in the same batch: one round trip to D1.
    statements.extend(poll_reads(ctx, id)?);
    // D1 runs a batch as one transaction: a repeat voter's ballot fails on
    // the UNIQUE (widget_id, voter_hash) constraint and nothing is written.
    match ctx.db.batch(statements).await {
        Ok(results) => Reply::json(201, &view_from_poll_reads(ctx, &results)?),
        Err(error) if is_rule_violation(&error, "ballot_level_changed") => Err(ApiError::Conflict(
            "this poll's participation rules changed while you voted: reload the page",
        )),
        Err(error) if is_unique_violation(&error) => {
            let recorded = recorded_choices(ctx).await?;
            // A retry (same Idempotency-Key) of a ballot stored before a crash
            // cut its answer is the same ballot, so the same success.
            if ctx.idempotency_key.is_some() && !recorded.is_empty() && recorded == choices {
                return Reply::json(201, &view(ctx).await?);
            }
            if is_key_violation(&error, "used_codes", &["widget_id", "set_id", "code_index"])
                && recorded.is_empty()
            {
                return Err(ApiError::CodeAlreadyUsed);
            }
            if is_key_violation(&error, "verified_uses", &["widget_id", "subject_hash"])
                && recorded.is_empty()
            {
                return Err(ApiError::IdentityAlreadyVoted);
            }
            Err(ApiError::AlreadyVoted(recorded))
        }
        Err(error) => Err(error.into()),
    }
}

/// The options this voter chose in their stored ballot.
async fn recorded_choices(ctx: &Ctx) -> Result<Vec<String>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        option_id: String,
    }
    let rows: Vec<Row> = all(query(
        &ctx.db,
        "SELECT c.option_id FROM ballot_choices c JOIN ballots b ON b.id = c.ballot_id \
         JOIN poll_options o ON o.widget_id = c.widget_id AND o.id = c.option_id \
         WHERE b.widget_id = ?1 AND b.voter_hash = ?2 ORDER BY o.position",
        &[Arg::Text(&ctx.widget()?.id), Arg::Text(ctx.voter()?)],
    )?)
    .await?;
    Ok(rows.into_iter().map(|row| row.option_id).collect())
}
