//! A client of the API a task started on 127.0.0.1, sending what a page of
//! the demo city would send. The crash test and the restart checks add
//! their own requests to it.

use crate::{Result, trust_bench};
use std::time::Duration;

/// The API at `base`, through one agent that reads every status as an answer.
pub struct LocalApi {
    pub agent: ureq::Agent,
    pub base: String,
}

impl LocalApi {
    /// The API on `port`; a request waits `timeout` at most.
    pub fn new(port: u16, timeout: Duration) -> LocalApi {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            .build()
            .into();
        LocalApi {
            agent,
            base: format!("http://127.0.0.1:{port}"),
        }
    }

    /// `GET path` from the demo city's page, as `voter` if given: the status
    /// and the JSON (null when the answer is not JSON).
    pub fn get(&self, path: &str, voter: Option<&str>) -> Result<(u16, serde_json::Value)> {
        let mut request = self
            .agent
            .get(format!("{}{path}", self.base))
            .header("Origin", trust_bench::CITY_ORIGIN);
        if let Some(voter) = voter {
            request = request.header("Parvis-Voter", voter);
        }
        let mut response = request.call()?;
        let text = response.body_mut().read_to_string()?;
        Ok((
            response.status().as_u16(),
            serde_json::from_str(&text).unwrap_or_default(),
        ))
    }

    /// A solved proof of work for `widget` and `voter`, as a widget makes it.
    pub fn proof(&self, widget: &str, voter: &str) -> Result<String> {
        trust_bench::solve(&self.agent, &self.base, widget, voter).map(|(proof, _)| proof)
    }
}
