//! `GET /v1/staff/widgets/{id}/integrity`: refused writes by reason (as
//! `abuse::refusals` counts them), the busiest networks and a verdict, for
//! staff to judge a consultation.

use crate::context::Ctx;
use crate::db::{Arg, query};
use crate::error::ApiError;
use crate::reply::Reply;
use crate::staff::session::require;
use crate::staff::staff_widgets::load;
use parvis_model::WidgetKind;
use parvis_model::integrity::{
    IntegrityReport, NetworkShare, RefusalCount, RefusalReason, Verdict, share, verdict,
};
use serde::Deserialize;

#[derive(Deserialize)]
struct Refused {
    reason: RefusalReason,
    count: u64,
}

#[derive(Deserialize)]
struct Network {
    network: Option<String>,
    count: u64,
}

#[derive(Deserialize)]
struct Total {
    total: u64,
    open: u64,
}

/// `GET …/integrity`.
pub async fn report(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    let widget = load(ctx, &staff, ctx.param("id")).await?;
    let table = match widget.kind {
        WidgetKind::Poll => "ballots",
        WidgetKind::Ideas => "ideas",
        WidgetKind::Comments => "comments",
    };
    let results = ctx
        .db
        .batch(vec![
            query(
                &ctx.db,
                "SELECT reason, SUM(count) AS count FROM refusals WHERE widget_id = ?1 \
                 GROUP BY reason ORDER BY reason",
                &[Arg::Text(&widget.id)],
            )?,
            query(
                &ctx.db,
                // The city's own replies are not residents' participation.
                &format!(
                    "SELECT COUNT(*) AS total, {open} AS open FROM {table} WHERE widget_id = ?1{residents}",
                    // Ballots by invitation code or verified identity are not anonymous.
                    open = if widget.kind == WidgetKind::Poll {
                        "COALESCE(SUM(level = 'open'), 0)"
                    } else {
                        "COUNT(*)"
                    },
                    residents = if widget.kind == WidgetKind::Comments {
                        " AND staff_role IS NULL"
                    } else {
                        ""
                    }
                ),
                &[Arg::Text(&widget.id)],
            )?,
            query(
                &ctx.db,
                &if widget.kind == WidgetKind::Comments {
                    // Comments keep no network: nothing to group (and no
                    // column to name).
                    "SELECT '' AS network, 0 AS count WHERE ?1 IS NULL".to_owned()
                } else {
                    format!(
                        "SELECT network_hash AS network, COUNT(*) AS count FROM {table} \
                         WHERE widget_id = ?1 AND network_hash IS NOT NULL \
                         GROUP BY network_hash ORDER BY count DESC LIMIT 5"
                    )
                },
                &[Arg::Text(&widget.id)],
            )?,
        ])
        .await?;
    let rows = |index: usize| {
        results
            .get(index)
            .ok_or_else(|| ApiError::Internal("integrity reads missing from the batch".into()))
    };
    let refused: Vec<Refused> = rows(0)?.results()?;
    let totals = rows(1)?.results::<Total>()?;
    let total = totals.first().map_or(0, |t| t.total);
    let open_level = totals.first().map_or(0, |t| t.open);
    let networks: Vec<Network> = rows(2)?.results()?;
    let busiest = networks.first().map_or(0, |n| n.count);
    Reply::json(
        200,
        &IntegrityReport {
            participation: total,
            open_level,
            refusals: refused
                .into_iter()
                .map(|r| RefusalCount {
                    reason: r.reason,
                    count: r.count,
                })
                .collect(),
            busiest_networks: networks
                .into_iter()
                .map(|n| NetworkShare {
                    network: n.network.unwrap_or_default().chars().take(8).collect(),
                    count: n.count,
                    percent: share(n.count, total),
                })
                .collect(),
            verdict: if widget.kind == WidgetKind::Comments {
                Verdict::NotMeasured
            } else {
                verdict(total, busiest)
            },
        },
    )
}
