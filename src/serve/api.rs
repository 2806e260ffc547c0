//! The JSON API under `/api/`. Every handler runs its store work on tokio's blocking pool
//! (sled calls block) and answers errors as `{"error": MESSAGE, "status": CODE, ...}`.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::view::{self, ViewFilter};
use super::AppState;
use crate::error::Error;
use crate::extract::{self, Lang};
use crate::model::{name_key, Date, Entity, EntityKind, RelationKind};
use crate::Graph;

/// The largest neighbourhood one answer carries, whatever `limit` asks.
pub const MAX_NODES: usize = 2_000;
const DEFAULT_NODES: usize = 300;
const MAX_DEPTH: usize = 4;

/// An error answer.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: Value,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        let message = message.into();
        ApiError {
            status,
            body: json!({ "error": message, "status": status.as_u16() }),
        }
    }

    fn bad(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        let status = match &e {
            Error::NotFound { .. } | Error::NoSuchDocument(_) => StatusCode::NOT_FOUND,
            Error::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            // Reading files is the CLI's business; here it can only be the machine's fault.
            Error::Io { .. } => StatusCode::INTERNAL_SERVER_ERROR,
            Error::Ambiguous { .. } => StatusCode::BAD_REQUEST,
            e if e.is_bad_input() => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let mut err = ApiError::new(status, e.to_string());
        match e {
            Error::NotFound { suggestions, .. } => err.body["did_you_mean"] = json!(suggestions),
            Error::Ambiguous { candidates, .. } => err.body["candidates"] = json!(candidates),
            _ => {}
        }
        err
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}

type ApiResult = Result<Response, ApiError>;

/// Runs store work off the async threads; a panic there is a 500, never a dropped connection.
async fn blocking<T: Send + 'static>(
    state: &Arc<AppState>,
    work: impl FnOnce(&Graph) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let state = state.clone();
    tokio::task::spawn_blocking(move || work(&state.graph))
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal error while answering; the server log says more",
            )
        })?
}

fn ok(v: Value) -> ApiResult {
    Ok(Json(v).into_response())
}

/// Query parameters, in order, repeated ones kept.
pub struct Params(Vec<(String, String)>);

impl Params {
    fn from_query(
        q: Result<Query<Vec<(String, String)>>, QueryRejection>,
    ) -> Result<Params, ApiError> {
        match q {
            Ok(Query(v)) => Ok(Params(v)),
            Err(e) => Err(ApiError::bad(format!(
                "bad query string: {}",
                e.body_text()
            ))),
        }
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    }

    fn required(&self, key: &str) -> Result<String, ApiError> {
        self.get(key)
            .map(str::to_string)
            .ok_or_else(|| ApiError::bad(format!("missing parameter `{key}`")))
    }

    fn number(&self, key: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => match v.trim().parse::<usize>() {
                Ok(n) if n <= max => Ok(n),
                Ok(_) => Err(ApiError::bad(format!("`{key}` is at most {max}"))),
                Err(_) => Err(ApiError::bad(format!(
                    "`{key}` must be a number, not `{v}`"
                ))),
            },
        }
    }

    /// `relation=sued,founded` or `relation=sued&relation=founded`.
    fn relations(&self) -> Result<Vec<RelationKind>, ApiError> {
        let mut out = Vec::new();
        for (k, v) in &self.0 {
            if k != "relation" {
                continue;
            }
            for name in v.split(',').filter(|s| !s.trim().is_empty()) {
                out.push(name.parse::<RelationKind>()?);
            }
        }
        Ok(out)
    }

    fn date(&self, key: &str) -> Result<Option<Date>, ApiError> {
        Ok(self.get(key).map(str::parse::<Date>).transpose()?)
    }

    fn filter(&self) -> Result<ViewFilter, ApiError> {
        Ok(ViewFilter {
            relations: self.relations()?,
            since: self.date("since")?,
            until: self.date("until")?,
        })
    }
}

/// A name as the CLI resolves it, and `#ID` for an entity by its id (how the page refers to
/// a node whatever its name).
fn resolve(g: &Graph, name: &str) -> Result<Entity, Error> {
    if let Some(id) = name.trim().strip_prefix('#').and_then(|n| n.parse().ok()) {
        return g.entity(id)?.ok_or_else(|| Error::NotFound {
            name: name.to_string(),
            suggestions: Vec::new(),
        });
    }
    g.resolve(name)
}

fn degree(g: &Graph, id: u64) -> Result<usize, Error> {
    let mut n = 0;
    g.for_each_neighbor(id, |_, _, _| n += 1)?;
    Ok(n)
}

fn entity_json(g: &Graph, e: &Entity) -> Result<Value, Error> {
    Ok(json!({
        "id": e.id,
        "ref": format!("#{}", e.id),
        "name": e.name,
        "kind": e.kind,
        "aliases": e.aliases,
        "degree": degree(g, e.id)?,
    }))
}

pub async fn entities(
    State(state): State<Arc<AppState>>,
    q: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    let p = Params::from_query(q)?;
    let query = p.required("q")?;
    let limit = p.number("limit", 10, 100)?.max(1);
    let kind = p.get("kind").map(str::parse::<EntityKind>).transpose()?;
    blocking(&state, move |g| {
        let resolved = match resolve(g, &query) {
            Ok(e) if kind.is_none_or(|k| k == e.kind) => Some(e),
            Ok(_) | Err(Error::NotFound { .. }) | Err(Error::Ambiguous { .. }) => None,
            Err(e) => return Err(e.into()),
        };
        let key = name_key(&query);
        let mut matches = g.find_entities(kind, Some(&query))?;
        // The resolved entity first, then exact names, prefixes, shorter names.
        matches.sort_by_key(|e| {
            let k = name_key(&e.name);
            (
                resolved.as_ref().is_none_or(|r| r.id != e.id),
                k != key,
                !k.starts_with(&key),
                e.name.len(),
                e.name.clone(),
            )
        });
        if let Some(r) = &resolved {
            if !matches.iter().any(|e| e.id == r.id) {
                matches.insert(0, r.clone());
            }
        }
        matches.truncate(limit);
        if matches.is_empty() {
            return Err(Error::NotFound {
                name: query.clone(),
                suggestions: g.similar_names(&query, 5)?,
            }
            .into());
        }
        let did_you_mean = if resolved.is_none() {
            g.similar_names(&query, 5)?
        } else {
            Vec::new()
        };
        ok(json!({
            "query": query,
            "resolved": resolved.as_ref().map(|e| entity_json(g, e)).transpose()?,
            "matches": matches.iter().map(|e| entity_json(g, e)).collect::<Result<Vec<_>, _>>()?,
            "did_you_mean": did_you_mean,
        }))
    })
    .await
}

pub async fn neighbors(
    State(state): State<Arc<AppState>>,
    q: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    let p = Params::from_query(q)?;
    let name = p.required("name")?;
    let depth = p.number("depth", 1, MAX_DEPTH)?.max(1);
    let limit = p.number("limit", DEFAULT_NODES, MAX_NODES)?;
    let filter = p.filter()?;
    blocking(&state, move |g| {
        let focus = resolve(g, &name)?;
        let v = view::neighborhood(g, focus.id, depth, &filter, limit)?;
        let mut body = serde_json::to_value(&v).map_err(|e| Error::Invalid(e.to_string()))?;
        body["focus"] = entity_json(g, &focus)?;
        body["depth"] = json!(depth);
        ok(body)
    })
    .await
}

pub async fn path(
    State(state): State<Arc<AppState>>,
    q: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    let p = Params::from_query(q)?;
    let from = p.required("from")?;
    let to = p.required("to")?;
    let max_depth = p.number("max_depth", 6, 12)?;
    let filter = ViewFilter {
        relations: p.relations()?,
        ..Default::default()
    };
    blocking(&state, move |g| {
        let a = resolve(g, &from)?;
        let b = resolve(g, &to)?;
        let body = match view::path(g, a.id, b.id, max_depth, &filter)? {
            Some(v) => {
                let hops: Vec<Value> = v
                    .nodes
                    .windows(2)
                    .zip(&v.edges)
                    .map(|(pair, e)| {
                        let direction = if e.symmetric {
                            "--"
                        } else if e.source == pair[0].id {
                            "->"
                        } else {
                            "<-"
                        };
                        json!({"from": pair[0].name, "relation": e.relation, "to": pair[1].name, "direction": direction})
                    })
                    .collect();
                let mut body = serde_json::to_value(&v).map_err(|e| Error::Invalid(e.to_string()))?;
                body["found"] = json!(true);
                body["hops"] = json!(hops);
                body
            }
            None => json!({"found": false, "hops": [], "nodes": [], "edges": [], "max_depth": max_depth}),
        };
        ok(body)
    })
    .await
}

pub async fn evidence(
    State(state): State<Arc<AppState>>,
    q: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    let p = Params::from_query(q)?;
    let source = p.required("source")?;
    let relation = p
        .get("relation")
        .map(str::parse::<RelationKind>)
        .transpose()?;
    let target = p.get("target").map(str::to_string);
    blocking(&state, move |g| {
        let a = resolve(g, &source)?;
        let b = target.as_deref().map(|t| resolve(g, t)).transpose()?;
        let rows = g.evidence_for(a.id, relation, b.as_ref().map(|b| b.id))?;
        ok(json!({
            "source": a.name,
            "relation": relation,
            "target": b.map(|b| b.name),
            "evidence": rows,
        }))
    })
    .await
}

pub async fn stats(State(state): State<Arc<AppState>>) -> ApiResult {
    let ingest_allowed = state.options.allow_ingest;
    blocking(&state, move |g| {
        let c = g.counts()?;
        ok(json!({
            "entities": c.entities,
            "edges": c.edges,
            "documents": c.documents,
            "ingest_allowed": ingest_allowed,
            "version": env!("CARGO_PKG_VERSION"),
        }))
    })
    .await
}

/// The colours and shapes of the DOT export, so that the page draws the same picture.
pub async fn style() -> Response {
    use crate::export::dot::{kind_style, relation_color};
    let kinds: serde_json::Map<String, Value> = EntityKind::ALL
        .iter()
        .map(|k| {
            let (shape, fill) = kind_style(*k);
            (
                k.as_str().to_string(),
                json!({"dot_shape": shape, "shape": web_shape(shape), "color": fill}),
            )
        })
        .collect();
    let relations: Vec<Value> = RelationKind::ALL
        .iter()
        .map(|r| json!({"name": r.as_str(), "color": relation_color(*r), "symmetric": r.is_symmetric(), "core": r.is_core()}))
        .collect();
    Json(json!({"kinds": kinds, "relations": relations})).into_response()
}

/// The Cytoscape.js shape nearest to a Graphviz one.
fn web_shape(dot: &str) -> &'static str {
    match dot {
        "ellipse" => "ellipse",
        "box" => "rectangle",
        "hexagon" => "hexagon",
        "note" => "cut-rectangle",
        "octagon" => "octagon",
        "box3d" => "barrel",
        _ => "round-rectangle",
    }
}

/// `POST /api/ingest?title=&date=&lang=&source=`, the body an article: one transaction, as
/// the CLI's ingest; durable when it answers.
pub async fn ingest(
    State(state): State<Arc<AppState>>,
    q: Result<Query<Vec<(String, String)>>, QueryRejection>,
    body: Body,
) -> ApiResult {
    if !state.options.allow_ingest {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "this server does not take articles; start it with --allow-ingest",
        ));
    }
    let p = Params::from_query(q)?;
    let title = p.get("title").map(|t| t.trim().to_string());
    let source = p.get("source").unwrap_or("api").to_string();
    let date = p.date("date")?;
    let lang = match p.get("lang").unwrap_or("auto") {
        "auto" => None,
        "fr" => Some(Lang::Fr),
        "en" => Some(Lang::En),
        other => {
            return Err(ApiError::bad(format!(
                "unknown language `{other}`; use fr, en or auto"
            )))
        }
    };
    let limit = state.options.max_doc_bytes;
    let bytes = axum::body::to_bytes(body, usize::try_from(limit).unwrap_or(usize::MAX))
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "the article is over the limit of {limit} bytes (the server's --max-doc-bytes)"
                ),
            )
        })?;
    blocking(&state, move |g| {
        let mut opts = g.extract_options(lang)?;
        opts.max_doc_bytes = limit;
        opts.date = date;
        let mut ex = extract::extract_bytes(&bytes, "the request body", &opts)?;
        if let Some(t) = title.filter(|t| !t.is_empty()) {
            ex.title = t;
        }
        let outcome = g.ingest_extraction(&ex, &source)?;
        g.flush()?;
        let edges: Vec<Value> = ex
            .unique_edges()
            .iter()
            .map(|e| {
                json!({
                    "source": ex.entities[e.source].name,
                    "relation": e.relation,
                    "target": ex.entities[e.target].name,
                    "evidence": e.evidence.sentence,
                    "confidence": e.evidence.confidence,
                })
            })
            .collect();
        let status = if outcome.new {
            StatusCode::CREATED
        } else {
            StatusCode::OK
        };
        let body = json!({
            "document": format!("{:016x}", outcome.doc),
            "new": outcome.new,
            "title": ex.title,
            "date": ex.date,
            "entities_added": outcome.entities_added,
            "edges_added": outcome.edges_added,
            "evidence_added": outcome.evidence_added,
            "edges": edges,
        });
        Ok((status, Json(body)).into_response())
    })
    .await
}

pub async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "no such endpoint; see the API in relgraph's README (entities, neighbors, path, evidence, stats, ingest)",
    )
}
