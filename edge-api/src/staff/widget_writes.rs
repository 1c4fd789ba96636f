//! `POST /v1/staff/widgets` and `PUT /v1/staff/widgets/{id}`: a widget
//! created or its configuration changed, once validated, with its poll
//! options and an audit entry in the same batch.

use crate::context::Ctx;
use crate::crypto::random_hex;
use crate::db::{Arg, is_foreign_key_violation, is_rule_violation, query};
use crate::error::ApiError;
use crate::reply::Reply;
use crate::staff::session::require;
use crate::staff::staff_widgets::load;
use crate::staff::{audit, participation};
use parvis_model::audit::AuditAction;
use parvis_model::limits::DEFAULT_NETWORK_DAILY_CAP;
use parvis_model::staff::StaffWidget;
use parvis_model::time::format_rfc3339;
use parvis_model::widget_config::{
    ValidWidgetConfig, WidgetConfig, slugify, validate_widget_config,
};
use parvis_model::wire::WireName;
use parvis_model::{FieldError, FieldErrorCode, Lang, PollOption, WidgetKind, WidgetStatus};

/// Option ids for new options: a slug of the label, unique in the poll.
fn new_option_id(label: &str, taken: &[String]) -> String {
    let base: String = slugify(label).chars().take(32).collect();
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

/// Statements that write a validated configuration's options; options that
/// exist keep their ids, those left out are deleted (the database refuses
/// if ballots chose them). Each writes only if the widget is `city_id`'s.
fn option_statements(
    ctx: &Ctx,
    id: &str,
    city_id: i64,
    config: &ValidWidgetConfig,
    existing: &[PollOption],
) -> Result<Vec<worker::D1PreparedStatement>, ApiError> {
    let mut taken: Vec<String> = existing.iter().map(|o| o.id.clone()).collect();
    let mut kept: Vec<String> = Vec::new();
    let mut statements = Vec::new();
    for (position, option) in config.options.iter().enumerate() {
        let option_id = match &option.id {
            Some(option_id) if taken.contains(option_id) => option_id.clone(),
            Some(_) => {
                let field = format!("options[{position}].id");
                return Err(FieldError::new(field, FieldErrorCode::InvalidFormat).into());
            }
            None => new_option_id(&option.label, &taken),
        };
        taken.push(option_id.clone());
        kept.push(option_id.clone());
        statements.push(query(
            &ctx.db,
            "INSERT INTO poll_options (widget_id, id, position, label) \
             SELECT ?1, ?2, ?3, ?4 WHERE EXISTS \
               (SELECT 1 FROM widgets WHERE id = ?1 AND city_id = ?5) \
             ON CONFLICT (widget_id, id) DO UPDATE SET position = ?3, label = ?4",
            &[
                Arg::Text(id),
                Arg::Text(&option_id),
                Arg::Int(position as i64 + 1),
                Arg::Text(&option.label),
                Arg::Int(city_id),
            ],
        )?);
    }
    let kept_json = serde_json::to_string(&kept).map_err(|e| ApiError::Internal(e.to_string()))?;
    statements.insert(
        0,
        query(
            &ctx.db,
            "DELETE FROM poll_options WHERE widget_id = ?1 \
             AND widget_id IN (SELECT id FROM widgets WHERE city_id = ?3) \
             AND id NOT IN (SELECT value FROM json_each(?2))",
            &[Arg::Text(id), Arg::Text(&kept_json), Arg::Int(city_id)],
        )?,
    );
    Ok(statements)
}

/// The columns a validated configuration sets, as `?1` to `?15` of the
/// INSERT and the UPDATE (`?11` is the time of the change).
fn config_args<'a>(config: &'a ValidWidgetConfig, now: i64) -> Vec<Arg<'a>> {
    vec![
        Arg::Text(&config.title),
        Arg::Text(&config.description),
        // Validation refuses `scheduled`: the stored status is draft, open or closed.
        Arg::Text(config.status.wire_name()),
        config.opens_at.into(),
        config.closes_at.into(),
        Arg::Text(config.results_visibility.wire_name()),
        Arg::Text(config.moderation.wire_name()),
        Arg::Int(i64::from(config.min_choices)),
        Arg::Int(i64::from(config.max_choices)),
        Arg::Int(i64::from(config.report_threshold)),
        Arg::Int(now),
        config.network_daily_cap.map(i64::from).into(),
        config.lang.map(Lang::tag).into(),
        Arg::Text(config.participation.wire_name()),
        config.code_set_id.into(),
    ]
}

/// What an update changes that residents see or that is counted, as
/// `field: before → after` for the audit log ("" when nothing).
fn changes(current: &StaffWidget, valid: &ValidWidgetConfig) -> String {
    let time = |t: Option<i64>| t.map(format_rfc3339).unwrap_or_else(|| "–".to_owned());
    let before_after = [
        ("title", current.title.clone(), valid.title.clone()),
        (
            "description",
            current.description.clone(),
            valid.description.clone(),
        ),
        (
            "min_choices",
            current.min_choices.to_string(),
            valid.min_choices.to_string(),
        ),
        (
            "max_choices",
            current.max_choices.to_string(),
            valid.max_choices.to_string(),
        ),
        (
            "status",
            current.status.wire_name().to_owned(),
            valid.status.wire_name().to_owned(),
        ),
        (
            "opens_at",
            current.opens_at.clone().unwrap_or_else(|| "–".to_owned()),
            time(valid.opens_at),
        ),
        (
            "closes_at",
            current.closes_at.clone().unwrap_or_else(|| "–".to_owned()),
            time(valid.closes_at),
        ),
        (
            "results_visibility",
            current.results_visibility.wire_name().to_owned(),
            valid.results_visibility.wire_name().to_owned(),
        ),
        (
            "moderation",
            current.moderation.wire_name().to_owned(),
            valid.moderation.wire_name().to_owned(),
        ),
        (
            "report_threshold",
            current.report_threshold.to_string(),
            valid.report_threshold.to_string(),
        ),
        (
            "network_daily_cap",
            current.network_daily_cap.to_string(),
            valid
                .network_daily_cap
                .unwrap_or(DEFAULT_NETWORK_DAILY_CAP)
                .to_string(),
        ),
        (
            "lang",
            current.lang.map_or("city", Lang::tag).to_owned(),
            valid.lang.map_or("city", Lang::tag).to_owned(),
        ),
        (
            "participation",
            current.participation.wire_name().to_owned(),
            valid.participation.wire_name().to_owned(),
        ),
        (
            "code_set_id",
            current
                .code_set_id
                .map_or("–".to_owned(), |set| set.to_string()),
            valid
                .code_set_id
                .map_or("–".to_owned(), |set| set.to_string()),
        ),
    ];
    let mut lines: Vec<String> = before_after
        .into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(field, before, after)| format!("{field}: {before} → {after}"))
        .collect();
    let labels = |options: Vec<&str>| options.join(" | ");
    let before: Vec<&str> = current.options.iter().map(|o| o.label.as_str()).collect();
    let after: Vec<&str> = valid.options.iter().map(|o| o.label.as_str()).collect();
    if valid.kind == WidgetKind::Poll && before != after {
        lines.push(format!("options: {} → {}", labels(before), labels(after)));
    }
    lines.join("; ")
}

/// `POST /v1/staff/widgets`: 201 with the widget and its generated id.
pub async fn create(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    let config: WidgetConfig = ctx.json()?;
    let valid = validate_widget_config(&config)?;
    participation::check(ctx, &staff, &valid, None).await?;
    let id = format!("{}-{}", slugify(&valid.title), random_hex(3)?);
    let mut args = config_args(&valid, ctx.now);
    args.extend([
        Arg::Text(&id),
        Arg::Int(staff.city_id),
        Arg::Text(valid.kind.wire_name()),
    ]);
    let mut statements = vec![query(
        &ctx.db,
        "INSERT INTO widgets (title, description, status, opens_at, closes_at, \
           results_visibility, moderation, min_choices, max_choices, report_threshold, \
           created_at, updated_at, network_daily_cap, lang, participation, code_set_id, id, \
           city_id, kind, closed_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
           ?18, \
           CASE WHEN ?3 = 'closed' THEN ?11 END)",
        &args,
    )?];
    statements.extend(option_statements(ctx, &id, staff.city_id, &valid, &[])?);
    let detail = format!("{}: {}", valid.kind.wire_name(), valid.title);
    statements.push(audit::record(
        ctx,
        &staff,
        &id,
        AuditAction::WidgetCreated,
        &detail,
    )?);
    ctx.db.batch(statements).await?;
    Reply::json(201, &load(ctx, &staff, &id).await?)
}

/// `PUT /v1/staff/widgets/{id}`: the whole configuration, kind unchanged.
/// Options chosen in ballots cannot be removed.
pub async fn update(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    let id = ctx.param("id").to_owned();
    let current = load(ctx, &staff, &id).await?;
    let config: WidgetConfig = ctx.json()?;
    let valid = validate_widget_config(&config)?;
    if current.archived_at.is_some() {
        return Err(ApiError::Conflict("an archived widget cannot be changed"));
    }
    if current.purged_at.is_some() && valid.status != WidgetStatus::Closed {
        return Err(ApiError::Conflict(
            "residents' text was erased at the end of the retention period: it cannot reopen",
        ));
    }
    if valid.kind != current.kind {
        return Err(FieldError::new("kind", FieldErrorCode::Locked).into());
    }
    participation::check(ctx, &staff, &valid, Some(&current)).await?;
    let mut args = config_args(&valid, ctx.now);
    args.extend([Arg::Text(&id), Arg::Int(staff.city_id)]);
    let mut statements = vec![query(
        &ctx.db,
        "UPDATE widgets SET title = ?1, description = ?2, status = ?3, opens_at = ?4, \
           closes_at = ?5, results_visibility = ?6, moderation = ?7, min_choices = ?8, \
           max_choices = ?9, report_threshold = ?10, updated_at = ?11, \
           network_daily_cap = ?12, lang = ?13, participation = ?14, code_set_id = ?15, \
           closed_at = CASE WHEN ?3 = 'closed' THEN COALESCE(closed_at, ?11) ELSE NULL END \
         WHERE id = ?16 AND city_id = ?17 AND archived_at IS NULL",
        &args,
    )?];
    if valid.kind == WidgetKind::Poll {
        statements.extend(option_statements(
            ctx,
            &id,
            staff.city_id,
            &valid,
            &current.options,
        )?);
    }
    let changes = changes(&current, &valid);
    if !changes.is_empty() {
        statements.push(audit::record(
            ctx,
            &staff,
            &id,
            AuditAction::WidgetChanged,
            &changes,
        )?);
    }
    if let Err(error) = ctx.db.batch(statements).await {
        if is_foreign_key_violation(&error) {
            return Err(FieldError::new("options", FieldErrorCode::Locked).into());
        }
        // A ballot arrived since the check above (migration 0016's trigger).
        if is_rule_violation(&error, "participation_fixed") {
            return Err(FieldError::new("participation", FieldErrorCode::Locked).into());
        }
        return Err(error.into());
    }
    // Residents see the change at once, not after the fragments' TTL.
    crate::public::fragment_cache::purge(ctx, &[&id]).await;
    Reply::json(200, &load(ctx, &staff, &id).await?)
}
