//! The widgets' one path to the Parvis API.

use gloo_net::http::{Request, Response};
use parvis_model::{BallotRequest, Problem, ProblemCode, WidgetView};

/// Why an API call did not give the expected answer.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiFailure {
    /// No answer: offline, DNS, CORS refusal, aborted…
    Network,
    /// The API answered with a problem document.
    Problem(Problem),
    /// The API answered something unexpected (status only).
    Unexpected(u16),
}

impl ApiFailure {
    /// The problem code, when the API sent one.
    pub fn code(&self) -> Option<ProblemCode> {
        match self {
            ApiFailure::Problem(problem) => Some(problem.code),
            _ => None,
        }
    }
}

/// Where the API lives: the origin `embed.js` was loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiClient {
    origin: String,
}

impl ApiClient {
    /// A client for the API at `origin` (`scheme://host[:port]`).
    pub fn new(origin: String) -> ApiClient {
        ApiClient { origin }
    }

    fn widget_url(&self, id: &str) -> String {
        format!("{}/v1/widgets/{}", self.origin, encode_segment(id))
    }

    /// `GET /v1/widgets/{id}`, telling the API who asks when a voter token exists.
    pub async fn fetch_widget(
        &self,
        id: &str,
        voter: Option<String>,
    ) -> Result<WidgetView, ApiFailure> {
        let mut request = Request::get(&self.widget_url(id));
        if let Some(token) = voter {
            request = request.header("Parvis-Voter", &token);
        }
        let response = request.send().await.map_err(|_| ApiFailure::Network)?;
        read_view(response, 200).await
    }

    /// `POST /v1/widgets/{id}/ballots`.
    pub async fn cast_ballot(
        &self,
        id: &str,
        voter: &str,
        choices: Vec<String>,
    ) -> Result<WidgetView, ApiFailure> {
        let url = format!("{}/ballots", self.widget_url(id));
        let response = Request::post(&url)
            .header("Parvis-Voter", voter)
            .json(&BallotRequest { choices })
            .map_err(|_| ApiFailure::Network)?
            .send()
            .await
            .map_err(|_| ApiFailure::Network)?;
        read_view(response, 201).await
    }
}

async fn read_view(response: Response, expected: u16) -> Result<WidgetView, ApiFailure> {
    let status = response.status();
    if status == expected {
        return response
            .json::<WidgetView>()
            .await
            .map_err(|_| ApiFailure::Unexpected(status));
    }
    match response.json::<Problem>().await {
        Ok(problem) => Err(ApiFailure::Problem(problem)),
        Err(_) => Err(ApiFailure::Unexpected(status)),
    }
}

/// Percent-encodes a path segment: a widget id comes from the host page.
fn encode_segment(segment: &str) -> String {
    String::from(js_sys::encode_uri_component(segment))
}
