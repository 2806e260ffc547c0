//! The page and everything it loads, inside the binary: nothing is fetched from elsewhere.
//! The graph library comes from npm through build.rs (see web/package-lock.json).

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

include!(concat!(env!("OUT_DIR"), "/web_vendor.rs"));

const INDEX: &str = include_str!("page/index.html");
const APP_JS: &str = include_str!("page/app.js");
const APP_CSS: &str = include_str!("page/app.css");

/// Scripts only from this server; styles may be set inline by the graph library.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                   img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; \
                   base-uri 'none'; form-action 'self'";

/// Why the page cannot draw, when this binary was built without the graph library.
pub fn vendor_missing() -> Option<&'static str> {
    VENDOR_JS.is_none().then_some(VENDOR_MISSING)
}

fn asset(content_type: &'static str, body: impl Into<axum::body::Body>) -> Response {
    let mut resp = Response::new(body.into());
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    resp
}

pub async fn index() -> Response {
    let mut resp = asset("text/html; charset=utf-8", INDEX);
    resp.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    resp
}

pub async fn app_js() -> Response {
    asset("text/javascript; charset=utf-8", APP_JS)
}

pub async fn app_css() -> Response {
    asset("text/css; charset=utf-8", APP_CSS)
}

pub async fn vendor_js() -> Response {
    match VENDOR_JS {
        Some(js) => asset("text/javascript; charset=utf-8", js),
        // The page shows this instead of a graph.
        None => asset(
            "text/javascript; charset=utf-8",
            format!(
                "window.RELGRAPH_VENDOR_MISSING = {};",
                serde_json::to_string(VENDOR_MISSING).unwrap_or_default()
            ),
        ),
    }
}

pub async fn licenses() -> Response {
    asset("text/plain; charset=utf-8", VENDOR_LICENSES).into_response()
}
