//! Reading the API's answers, already parsed by the browser's `JSON.parse`,
//! into the model's types. Written by hand because serde's generic
//! deserializers were about a tenth of the widgets' bundle; the enums' names
//! come from `parvis_model::wire`, checked against serde there. A field that
//! is missing or of the wrong shape makes the whole answer unreadable
//! (`None`), except where the API documents a default.

use js_sys::{Array, Reflect};
use parvis_model::city::Theme;
use parvis_model::comments::{CommentView, ReplyPage};
use parvis_model::ideas::{IdeaView, SupportState};
use parvis_model::paging::Page;
use parvis_model::participation::ParticipationLevel;
use parvis_model::proof_of_work::ProofChallenge;
use parvis_model::role::Role;
use parvis_model::voter_data::VoterDataDeleted;
use parvis_model::wire::WireName;
use parvis_model::{FieldError, Lang, PollOption, Problem, WidgetView};
use wasm_bindgen::JsValue;

/// A type the widgets read from the API.
pub trait Decode: Sized {
    /// The value, if `json` has its shape.
    fn decode(json: &JsValue) -> Option<Self>;
}

/// One JSON object's fields.
struct Fields<'a>(&'a JsValue);

impl Fields<'_> {
    fn of(json: &JsValue) -> Option<Fields<'_>> {
        (json.is_object() && !Array::is_array(json)).then_some(Fields(json))
    }

    /// The field, `None` when absent or null.
    fn get(&self, name: &str) -> Option<JsValue> {
        Reflect::get(self.0, &JsValue::from_str(name))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    fn string(&self, name: &str) -> Option<String> {
        self.get(name)?.as_string()
    }

    /// An optional string: absent is `Some(None)`, not a string is `None`.
    fn optional_string(&self, name: &str) -> Option<Option<String>> {
        match self.get(name) {
            None => Some(None),
            Some(value) => value.as_string().map(Some),
        }
    }

    fn boolean(&self, name: &str) -> Option<bool> {
        self.get(name)?.as_bool()
    }

    /// A whole number from 0 to 2^53 (JSON numbers are doubles).
    fn count(&self, name: &str) -> Option<u64> {
        whole(&self.get(name)?).and_then(|n| u64::try_from(n).ok())
    }

    fn id(&self, name: &str) -> Option<i64> {
        whole(&self.get(name)?)
    }

    fn optional<T>(&self, name: &str, read: impl Fn(&JsValue) -> Option<T>) -> Option<Option<T>> {
        match self.get(name) {
            None => Some(None),
            Some(value) => read(&value).map(Some),
        }
    }

    fn name<T: WireName>(&self, name: &str) -> Option<T> {
        T::from_wire_name(&self.string(name)?)
    }

    fn list<T: Decode>(&self, name: &str) -> Option<Vec<T>> {
        list(&self.get(name)?)
    }

    /// A list the API may leave out when empty.
    fn list_or_empty<T: Decode>(&self, name: &str) -> Option<Vec<T>> {
        match self.get(name) {
            None => Some(Vec::new()),
            Some(value) => list(&value),
        }
    }
}

/// A JSON number that is a whole number a double holds exactly.
fn whole(value: &JsValue) -> Option<i64> {
    const LIMIT: f64 = 9_007_199_254_740_992.0;
    let number = value.as_f64()?;
    (number.fract() == 0.0 && number.abs() <= LIMIT).then_some(number as i64)
}

fn list<T: Decode>(value: &JsValue) -> Option<Vec<T>> {
    if !Array::is_array(value) {
        return None;
    }
    Array::from(value)
        .iter()
        .map(|item| T::decode(&item))
        .collect()
}

/// Answers whose body the widgets do not read.
impl Decode for () {
    fn decode(_: &JsValue) -> Option<()> {
        Some(())
    }
}

impl Decode for String {
    fn decode(json: &JsValue) -> Option<String> {
        json.as_string()
    }
}

impl Decode for ProofChallenge {
    fn decode(json: &JsValue) -> Option<ProofChallenge> {
        let f = Fields::of(json)?;
        Some(ProofChallenge {
            challenge: f.string("challenge")?,
            bits: u32::try_from(f.count("bits")?).ok()?,
            expires_at: f.string("expires_at")?,
        })
    }
}

impl Decode for parvis_model::verification::VerificationStart {
    fn decode(json: &JsValue) -> Option<Self> {
        let f = Fields::of(json)?;
        Some(Self {
            authorize_url: f.string("authorize_url")?,
        })
    }
}

impl Decode for VoterDataDeleted {
    fn decode(json: &JsValue) -> Option<VoterDataDeleted> {
        let f = Fields::of(json)?;
        Some(VoterDataDeleted {
            ballots: f.count("ballots")?,
            detached_ballots: f.count("detached_ballots")?,
            ideas: f.count("ideas")?,
            comments: f.count("comments")?,
            marks: f.count("marks")?,
        })
    }
}

impl Decode for PollOption {
    fn decode(json: &JsValue) -> Option<PollOption> {
        let f = Fields::of(json)?;
        Some(PollOption {
            id: f.string("id")?,
            label: f.string("label")?,
            count: f.optional("count", |v| whole(v).and_then(|n| u64::try_from(n).ok()))?,
        })
    }
}

impl Decode for Theme {
    fn decode(json: &JsValue) -> Option<Theme> {
        let f = Fields::of(json)?;
        Some(Theme {
            accent: f.optional_string("accent")?,
            accent_text: f.optional_string("accent_text")?,
            radius_px: f.optional("radius_px", |v| whole(v).and_then(|n| u8::try_from(n).ok()))?,
        })
    }
}

impl Decode for WidgetView {
    fn decode(json: &JsValue) -> Option<WidgetView> {
        let f = Fields::of(json)?;
        Some(WidgetView {
            id: f.string("id")?,
            kind: f.name("kind")?,
            title: f.string("title")?,
            description: f.optional_string("description")?.unwrap_or_default(),
            status: f.name("status")?,
            opens_at: f.optional_string("opens_at")?,
            closes_at: f.optional_string("closes_at")?,
            moderation: f.name("moderation")?,
            min_choices: u32::try_from(f.count("min_choices")?).ok()?,
            max_choices: u32::try_from(f.count("max_choices")?).ok()?,
            results_visibility: f.name("results_visibility")?,
            has_voted: f.optional("has_voted", JsValue::as_bool)?.unwrap_or(false),
            total_ballots: f.optional("total_ballots", |v| {
                whole(v).and_then(|n| u64::try_from(n).ok())
            })?,
            options: f.list_or_empty("options")?,
            participation: f
                .optional("participation", |v| {
                    v.as_string()
                        .and_then(|name| ParticipationLevel::from_wire_name(&name))
                })?
                .unwrap_or_default(),
            identity_provider: f.optional_string("identity_provider")?,
            lang: f
                .optional_string("lang")?
                .map(|tag| Lang::from_tag(&tag))
                .unwrap_or_default(),
            theme: f.optional("theme", Theme::decode)?,
        })
    }
}

impl Decode for IdeaView {
    fn decode(json: &JsValue) -> Option<IdeaView> {
        let f = Fields::of(json)?;
        Some(IdeaView {
            id: f.id("id")?,
            title: f.string("title")?,
            description: f.string("description")?,
            display_name: f.optional_string("display_name")?,
            status: f.name("status")?,
            visibility: f.name("visibility")?,
            supports: f.count("supports")?,
            supported_by_me: f.boolean("supported_by_me")?,
            mine: f.boolean("mine")?,
            official_answer: f.optional_string("official_answer")?,
            created_at: f.string("created_at")?,
        })
    }
}

impl Decode for CommentView {
    fn decode(json: &JsValue) -> Option<CommentView> {
        let f = Fields::of(json)?;
        Some(CommentView {
            id: f.id("id")?,
            parent_id: f.optional("parent_id", whole)?,
            body: f.string("body")?,
            display_name: f.optional_string("display_name")?,
            city_reply: f.optional("city_reply", |v| Role::from_wire_name(&v.as_string()?))?,
            visibility: f.name("visibility")?,
            deleted: f.boolean("deleted")?,
            supports: f.count("supports")?,
            supported_by_me: f.boolean("supported_by_me")?,
            mine: f.boolean("mine")?,
            created_at: f.string("created_at")?,
            replies: f.list_or_empty("replies")?,
            // Documented default: no count means no replies beyond those listed.
            reply_count: f.count("reply_count").unwrap_or(0),
        })
    }
}

impl Decode for ReplyPage {
    fn decode(json: &JsValue) -> Option<ReplyPage> {
        let f = Fields::of(json)?;
        Some(ReplyPage {
            items: f.list_or_empty("items")?,
            more: f.boolean("more")?,
        })
    }
}

impl Decode for SupportState {
    fn decode(json: &JsValue) -> Option<SupportState> {
        let f = Fields::of(json)?;
        Some(SupportState {
            supports: f.count("supports")?,
            supported_by_me: f.boolean("supported_by_me")?,
        })
    }
}

impl<T: Decode> Decode for Page<T> {
    fn decode(json: &JsValue) -> Option<Page<T>> {
        let f = Fields::of(json)?;
        Some(Page {
            items: f.list("items")?,
            next_page: f.optional("next_page", |v| {
                whole(v).and_then(|n| u32::try_from(n).ok())
            })?,
            total: f.count("total")?,
            next_after: f.optional_string("next_after")?,
        })
    }
}

impl Decode for FieldError {
    fn decode(json: &JsValue) -> Option<FieldError> {
        let f = Fields::of(json)?;
        Some(FieldError {
            field: f.string("field")?,
            code: f.name("code")?,
            limit: f.optional("limit", |v| whole(v).and_then(|n| usize::try_from(n).ok()))?,
        })
    }
}

impl Decode for Problem {
    fn decode(json: &JsValue) -> Option<Problem> {
        let f = Fields::of(json)?;
        Some(Problem {
            type_uri: f.string("type")?,
            title: f.string("title")?,
            status: u16::try_from(f.count("status")?).ok()?,
            detail: f.string("detail")?,
            code: f.name("code")?,
            choices: f.optional("choices", list)?,
            errors: f.optional("errors", list)?,
        })
    }
}
