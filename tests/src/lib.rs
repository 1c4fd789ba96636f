//! A small blocking client for the end-to-end API tests. The server is the
//! real Worker under `wrangler dev`, started by `cargo xtask test`, which
//! passes its address in `PARVIS_API_URL`.

use parvis_model::proof_of_work::{self, Proof};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{LazyLock, Mutex};

/// The API under test.
pub fn api_url() -> String {
    std::env::var("PARVIS_API_URL")
        .expect("PARVIS_API_URL is not set: run these tests with `cargo xtask test`")
}

/// Origin allowed for the demo city in the tests' database.
pub fn city_origin() -> String {
    std::env::var("PARVIS_CITY_ORIGIN").unwrap_or_else(|_| "http://127.0.0.1:8080".to_owned())
}

/// A parsed answer: status, the headers the tests look at, and the body.
#[derive(Debug)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`, empty when absent.
    pub content_type: String,
    /// `Access-Control-Allow-Origin`, when present.
    pub allow_origin: Option<String>,
    /// `Retry-After`, when present.
    pub retry_after: Option<String>,
    /// `Set-Cookie`, when present.
    pub set_cookie: Option<String>,
    /// `Content-Disposition`, when present.
    pub content_disposition: Option<String>,
    /// Every header, names in lowercase.
    pub headers: Vec<(String, String)>,
    /// The body as JSON, or `Value::Null` when it is empty or not JSON.
    pub json: Value,
    /// The body as text.
    pub text: String,
}

impl Reply {
    /// A header's value, by lowercase name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The problem `code` of an error answer.
    pub fn code(&self) -> &str {
        self.json["code"].as_str().unwrap_or("")
    }

    /// Asserts an RFC 9457 problem with this status and code.
    pub fn assert_problem(&self, status: u16, code: &str) {
        assert_eq!(
            self.status, status,
            "unexpected status, body: {}",
            self.json
        );
        assert_eq!(
            self.content_type, "application/problem+json",
            "{}",
            self.json
        );
        assert_eq!(self.code(), code, "{}", self.json);
        assert_eq!(self.json["status"], status);
        assert!(self.json["title"].is_string() && self.json["type"].is_string());
    }
}

/// A request to send: method, path, headers and an optional raw body.
pub struct Call {
    method: &'static str,
    path: String,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
    solve_proof: bool,
    chunked: bool,
}

impl Call {
    /// `GET path`.
    pub fn get(path: impl Into<String>) -> Call {
        Call::request("GET", path)
    }

    /// `POST path`, with no body yet.
    pub fn post(path: impl Into<String>) -> Call {
        Call::request("POST", path)
    }

    /// `OPTIONS path`.
    pub fn options(path: impl Into<String>) -> Call {
        Call::request("OPTIONS", path)
    }

    /// Any method on `path`.
    pub fn request(method: &'static str, path: impl Into<String>) -> Call {
        Call {
            method,
            path: path.into(),
            headers: Vec::new(),
            body: None,
            solve_proof: true,
            chunked: false,
        }
    }

    /// Sends a resident's write without solving its proof of work (the
    /// proof's own tests set `Parvis-Proof` themselves, or leave it out).
    pub fn without_proof(mut self) -> Call {
        self.solve_proof = false;
        self
    }

    /// Sends the body with `Transfer-Encoding: chunked`, with no
    /// `Content-Length`: the server learns its size only by reading it.
    pub fn chunked(mut self) -> Call {
        self.chunked = true;
        self
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Call {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Sets the `Origin` header to the demo city's allowed origin.
    pub fn from_city(self) -> Call {
        let origin = city_origin();
        self.header("Origin", &origin)
    }

    /// Sends the call as a signed-in staff member from the dashboard's origin.
    pub fn staff(self, session: &Session) -> Call {
        self.header("Origin", &api_url())
            .header("Cookie", &session.cookie)
    }

    /// Sets a JSON body (and its content type).
    pub fn json(self, body: &Value) -> Call {
        self.raw_json(body.to_string().into_bytes())
    }

    /// Sets raw bytes as a body declared as JSON.
    pub fn raw_json(mut self, body: Vec<u8>) -> Call {
        self.body = Some(body);
        self.header("Content-Type", "application/json")
    }

    /// Sends the call to the API under test. Unless the call sets one, a
    /// `CF-Connecting-IP` unique to the call is sent (as Cloudflare would
    /// for distinct residents), so per-IP limits only bite where a test
    /// wants them to.
    pub fn send(self) -> Reply {
        let url = format!("{}{}", api_url(), self.path);
        let mut headers = self.headers;
        if self.solve_proof
            && let Some(proof) = proof_for(self.method, &self.path, &headers)
        {
            headers.push((proof_of_work::HEADER.to_owned(), proof));
        }
        if !headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("CF-Connecting-IP"))
        {
            headers.push(("CF-Connecting-IP".to_owned(), unique_ip()));
        }
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut request = ureq::http::Request::builder().method(self.method).uri(&url);
        for (name, value) in &headers {
            request = request.header(name, value);
        }
        let body = self.body.unwrap_or_default();
        let mut reader = body.as_slice();
        let answer = if self.chunked {
            let body = ureq::SendBody::from_reader(&mut reader);
            agent.run(request.body(body).expect("a well-formed request"))
        } else {
            agent.run(
                request
                    .body(body.as_slice())
                    .expect("a well-formed request"),
            )
        };
        let mut response = answer.unwrap_or_else(|error| panic!("{} {url}: {error}", self.method));
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let content_type = header("content-type").unwrap_or_default();
        let allow_origin = header("access-control-allow-origin");
        let retry_after = header("retry-after");
        let set_cookie = header("set-cookie");
        let content_disposition = header("content-disposition");
        let all_headers = response
            .headers()
            .iter()
            .filter_map(|(name, value)| {
                Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned()))
            })
            .collect();
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_string()
            .unwrap_or_default();
        if status >= 500 {
            eprintln!("{} {url} answered {status}: {text}", self.method);
        }
        Reply {
            status,
            content_type,
            allow_origin,
            retry_after,
            set_cookie,
            content_disposition,
            headers: all_headers,
            json: serde_json::from_str(&text).unwrap_or(Value::Null),
            text,
        }
    }
}

fn header_value<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

/// A resident's write needs a solved proof of work for its widget and voter
/// token, as the widget would solve it: fetched and solved once per pair,
/// then reused. `None` for any other call, or when the call brings its own.
fn proof_for(method: &str, path: &str, headers: &[(String, String)]) -> Option<String> {
    static SOLVED: LazyLock<Mutex<HashMap<(String, String), String>>> =
        LazyLock::new(Mutex::default);
    if method == "GET" || header_value(headers, proof_of_work::HEADER).is_some() {
        return None;
    }
    let widget = path
        .strip_prefix("/v1/widgets/")?
        .split(['/', '?'])
        .next()?;
    let voter = header_value(headers, "Parvis-Voter")?;
    let key = (widget.to_owned(), voter.to_owned());
    if let Some(proof) = SOLVED.lock().ok()?.get(&key) {
        return Some(proof.clone());
    }
    let proof = solve_challenge(widget, voter)?;
    SOLVED.lock().ok()?.insert(key, proof.clone());
    Some(proof)
}

/// Fetches a challenge for `widget` and `voter` and solves it; `None` when
/// the API gives none (an unknown widget, a malformed token: the write
/// itself then gets the answer under test).
pub fn solve_challenge(widget: &str, voter: &str) -> Option<String> {
    let challenge = Call::get(format!("/v1/widgets/{widget}/challenge"))
        .header("Parvis-Voter", voter)
        .send();
    if challenge.status != 200 {
        return None;
    }
    let text = challenge.json["challenge"].as_str()?;
    let bits = u32::try_from(challenge.json["bits"].as_u64()?).ok()?;
    Some(Proof::header_value(text, proof_of_work::solve(text, bits)))
}

/// A client address for one call, from the benchmarking range 198.18.0.0/15
/// (a header value only: no traffic goes there).
pub fn unique_ip() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(1);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed) + u64::from(std::process::id()) * 7919;
    format!("198.{}.{}.{}", 18 + (n >> 16) % 2, (n >> 8) % 256, n % 256)
}

/// A signed-in staff member's session cookie.
pub struct Session {
    /// `__Host-parvis_session=…`
    pub cookie: String,
}

/// The password of every staff account in `tests/fixtures/api.sql`.
pub const STAFF_PASSWORD: &str = "correct horse battery staple";

/// Signs in and keeps the session cookie.
pub fn sign_in(email: &str) -> Session {
    let reply = Call::post("/v1/staff/session")
        .header("Origin", &api_url())
        .json(&serde_json::json!({ "email": email, "password": STAFF_PASSWORD }))
        .send();
    assert_eq!(reply.status, 201, "sign-in of {email}: {}", reply.json);
    let set_cookie = reply.set_cookie.expect("a session cookie");
    let cookie = set_cookie.split(';').next().unwrap_or_default().to_owned();
    Session { cookie }
}

/// Runs `count` calls made by `make`, `threads` at a time, and returns the
/// statuses in call order.
pub fn concurrently(count: usize, threads: usize, make: impl Fn(usize) -> Call + Sync) -> Vec<u16> {
    let next = AtomicU64::new(0);
    let statuses = std::sync::Mutex::new(vec![0u16; count]);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed) as usize;
                    if index >= count {
                        break;
                    }
                    let status = make(index).send().status;
                    statuses.lock().expect("no poisoned lock")[index] = status;
                }
            });
        }
    });
    statuses.into_inner().expect("no poisoned lock")
}

/// How many of `statuses` equal `status`.
pub fn count_status(statuses: &[u16], status: u16) -> usize {
    statuses.iter().filter(|&&s| s == status).count()
}

/// A short text unique within this run and across runs, for names and e-mails.
pub fn unique_suffix() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{nanos:x}{}", COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// A fresh voter token, unique within this test run and across runs.
pub fn new_voter() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{nanos:032x}{:08x}{n:016x}", std::process::id())
}

/// The count of `option` in a widget view.
pub fn count_of(view: &Value, option: &str) -> u64 {
    view["options"]
        .as_array()
        .and_then(|options| options.iter().find(|o| o["id"] == option))
        .and_then(|o| o["count"].as_u64())
        .unwrap_or_else(|| panic!("no count for {option} in {view}"))
}
