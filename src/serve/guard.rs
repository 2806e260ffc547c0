//! Who gets in, and what a response promises the browser.
//!
//! - With a token (required off loopback), a request needs `Authorization: Bearer TOKEN`, or
//!   the same-site cookie that opening the page once as `/?token=TOKEN` sets (Jupyter's way:
//!   a browser cannot add a header to the page it navigates to). Anything else gets 401.
//! - Bound to loopback, a request must also name the server by a loopback host, so a web
//!   page cannot reach it through a DNS name rebound to 127.0.0.1.
//! - A write must not come from another site's page (its `Origin` names another host).
//! - No CORS header is ever sent: other origins cannot read any answer.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use super::api::ApiError;
use super::AppState;

const COOKIE: &str = "relgraph_token";

pub async fn guard(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    if state.loopback && !host_is_loopback(req.headers()) {
        return ApiError::new(
            StatusCode::FORBIDDEN,
            "this server answers only requests addressed to a loopback host (localhost, 127.0.0.1, [::1])",
        )
        .into_response();
    }
    if let Some(token) = &state.options.token {
        if let Some(resp) = page_login(&req, token) {
            return resp;
        }
        if !authorized(req.headers(), token) {
            let mut resp = ApiError::new(
                StatusCode::UNAUTHORIZED,
                "this server needs its token: send `Authorization: Bearer TOKEN`, or open the page once as /?token=TOKEN",
            )
            .into_response();
            resp.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"relgraph\""),
            );
            return resp;
        }
    }
    if !matches!(*req.method(), Method::GET | Method::HEAD) && cross_site(req.headers()) {
        return ApiError::new(
            StatusCode::FORBIDDEN,
            "a write from another site's page is refused",
        )
        .into_response();
    }
    let is_api = req.uri().path().starts_with("/api/");
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if is_api {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    resp
}

/// `GET /?token=T` with the right token: set the cookie and drop the token from the URL.
fn page_login(req: &Request, token: &str) -> Option<Response> {
    if req.method() != Method::GET || req.uri().path() != "/" {
        return None;
    }
    let query = req.uri().query()?;
    let mut rest = Vec::new();
    let mut given = None;
    for pair in query.split('&') {
        match pair.strip_prefix("token=") {
            Some(t) => given = Some(percent_decode(t)),
            None => rest.push(pair),
        }
    }
    if !same(given?.as_bytes(), token.as_bytes()) {
        return None;
    }
    let target = if rest.is_empty() {
        "/".to_string()
    } else {
        format!("/?{}", rest.join("&"))
    };
    let mut resp = Redirect::to(&target).into_response();
    let cookie = format!(
        "{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/",
        cookie_safe(token)
    );
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        resp.headers_mut().insert(header::SET_COOKIE, v);
    }
    Some(resp)
}

fn authorized(headers: &HeaderMap, token: &str) -> bool {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .is_some_and(|t| same(t.trim().as_bytes(), token.as_bytes()));
    let cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().strip_prefix(COOKIE)?.strip_prefix('='))
        .any(|t| same(t.as_bytes(), cookie_safe(token).as_bytes()));
    bearer || cookie
}

/// Compares without stopping at the first difference, so timing tells nothing.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The token as a cookie value: characters a cookie cannot hold are hex-escaped.
fn cookie_safe(token: &str) -> String {
    token
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| s.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (escaped, bytes[i]) {
            (Some(b), _) => {
                out.push(b);
                i += 3;
                continue;
            }
            (None, b'+') => out.push(b' '),
            (None, b) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The host a request names, without its port.
fn host_of(headers: &HeaderMap) -> Option<String> {
    let host = headers.get(header::HOST)?.to_str().ok()?.trim();
    let name = if let Some(v6) = host.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        host.rsplit_once(':').map_or(host, |(h, _)| h)
    };
    Some(name.to_ascii_lowercase())
}

fn host_is_loopback(headers: &HeaderMap) -> bool {
    match host_of(headers) {
        // HTTP/1.0 clients may send none; browsers always do.
        None => headers.get(header::HOST).is_none(),
        Some(h) => h == "localhost" || h.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback()),
    }
}

/// True when the request carries an `Origin` whose host:port is not the one it was sent to.
fn cross_site(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let origin_host = origin.split_once("://").map_or(origin, |(_, rest)| rest);
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    !origin_host.eq_ignore_ascii_case(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(k.clone(), HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn loopback_hosts_and_others() {
        for ok in [
            "127.0.0.1:7878",
            "localhost:80",
            "[::1]:7878",
            "LOCALHOST",
            "127.5.0.1",
        ] {
            assert!(host_is_loopback(&headers(&[(header::HOST, ok)])), "{ok}");
        }
        for bad in ["evil.example:7878", "192.168.1.2:7878", "[fe80::1]:80"] {
            assert!(!host_is_loopback(&headers(&[(header::HOST, bad)])), "{bad}");
        }
    }

    #[test]
    fn tokens_from_a_header_or_the_cookie() {
        let t = "s3cret/+=";
        assert!(authorized(
            &headers(&[(header::AUTHORIZATION, "Bearer s3cret/+=")]),
            t
        ));
        assert!(!authorized(
            &headers(&[(header::AUTHORIZATION, "Bearer s3cret")]),
            t
        ));
        assert!(!authorized(
            &headers(&[(header::AUTHORIZATION, "Basic s3cret/+=")]),
            t
        ));
        let cookie = format!("a=b; {COOKIE}={}", cookie_safe(t));
        assert!(authorized(&headers(&[(header::COOKIE, &cookie)]), t));
        assert!(!authorized(
            &headers(&[(header::COOKIE, "relgraph_token=x")]),
            t
        ));
        assert_eq!(percent_decode("s3cret%2F%2B%3D"), t);
    }

    #[test]
    fn writes_from_another_origin() {
        let same_site = headers(&[
            (header::HOST, "127.0.0.1:7878"),
            (header::ORIGIN, "http://127.0.0.1:7878"),
        ]);
        assert!(!cross_site(&same_site));
        let other = headers(&[
            (header::HOST, "127.0.0.1:7878"),
            (header::ORIGIN, "https://news.example"),
        ]);
        assert!(cross_site(&other));
        assert!(!cross_site(&headers(&[(header::HOST, "127.0.0.1:7878")])));
    }
}
