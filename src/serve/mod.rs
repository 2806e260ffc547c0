//! `relgraph serve`: the graph in a browser. An HTTP server (axum on tokio, feature `serve`)
//! over one open [`Graph`]: the page at `/`, its assets under `/assets/`, the JSON API under
//! `/api/` (README, "Exploring in a browser").
//!
//! sled gives the store to this one process, so while the server runs it also takes new
//! articles (`POST /api/ingest`, when allowed), and a server file beside the store
//! ([`crate::store::server_file`]) tells other commands where it is.

mod api;
mod assets;
mod guard;
pub mod view;

use std::future::Future;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

use crate::error::{Error, Result};
use crate::store::server_file::{ServerFile, ServerInfo};
use crate::Graph;

pub use api::MAX_NODES;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub bind: SocketAddr,
    /// Required when `bind` is not a loopback address.
    pub token: Option<String>,
    /// Whether `POST /api/ingest` stores articles (refused with 403 otherwise).
    pub allow_ingest: bool,
    /// The largest request body accepted.
    pub max_doc_bytes: u64,
}

impl ServeOptions {
    /// Loopback on relgraph's port, read-only, no token.
    pub fn local() -> ServeOptions {
        ServeOptions {
            bind: SocketAddr::from(([127, 0, 0, 1], 7878)),
            token: None,
            allow_ingest: false,
            max_doc_bytes: crate::extract::DEFAULT_MAX_DOC_BYTES,
        }
    }
}

/// `--bind` as users write it: `127.0.0.1:7878`, `[::1]:7878`, `localhost:7878`.
pub fn parse_bind(text: &str) -> Result<SocketAddr> {
    let bad = |why: String| {
        Error::Invalid(format!(
            "--bind `{text}`: {why}; use ADDRESS:PORT, e.g. 127.0.0.1:7878"
        ))
    };
    let mut addrs = text.to_socket_addrs().map_err(|e| bad(e.to_string()))?;
    addrs.next().ok_or_else(|| bad("names no address".into()))
}

pub(crate) struct AppState {
    graph: Graph,
    options: ServeOptions,
    /// Bound to a loopback address: requests must name a loopback host.
    loopback: bool,
}

/// A server bound to its address, with its server file written; [`Server::run`] serves.
pub struct Server {
    runtime: tokio::runtime::Runtime,
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    info: ServerInfo,
    file: ServerFile,
}

impl Server {
    /// Checks the options, listens, and writes the server file beside the store.
    pub fn bind(graph: Graph, options: ServeOptions) -> Result<Server> {
        let loopback = options.bind.ip().is_loopback();
        if let Some(t) = &options.token {
            if t.trim().is_empty() || t.trim() != t {
                return Err(Error::Invalid(
                    "--token is empty or has surrounding spaces; choose a random string".into(),
                ));
            }
        } else if !loopback {
            return Err(Error::Invalid(format!(
                "--bind {} is reachable from other machines: set --token (or RELGRAPH_TOKEN) so that only those who have it get in",
                options.bind
            )));
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|e| Error::Store(format!("cannot start the server's threads: {e}")))?;
        let cannot_listen = |e: std::io::Error| {
            Error::Invalid(format!(
                "cannot listen on {}: {e}; choose another --bind",
                options.bind
            ))
        };
        let std_listener = std::net::TcpListener::bind(options.bind).map_err(cannot_listen)?;
        std_listener.set_nonblocking(true).map_err(cannot_listen)?;
        let listener = {
            let _inside = runtime.enter();
            tokio::net::TcpListener::from_std(std_listener).map_err(cannot_listen)?
        };
        let address = listener.local_addr().map_err(cannot_listen)?;
        let info = ServerInfo {
            pid: std::process::id(),
            address: address.to_string(),
            url: format!("http://{}/", reachable(address)),
            started: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            token_required: options.token.is_some(),
            ingest_allowed: options.allow_ingest,
        };
        let file = ServerFile::create(graph.path(), &info)?;
        Ok(Server {
            runtime,
            listener,
            state: Arc::new(AppState {
                graph,
                options,
                loopback,
            }),
            info,
            file,
        })
    }

    /// Where it listens, as written in the server file.
    pub fn info(&self) -> &ServerInfo {
        &self.info
    }

    /// A server file found there before, left by a server that died.
    pub fn replaced_stale(&self) -> Option<&ServerInfo> {
        self.file.replaced_stale.as_ref()
    }

    /// Why the page cannot draw graphs, if this binary was built without its library.
    pub fn page_library_missing() -> Option<&'static str> {
        assets::vendor_missing()
    }

    /// Serves until `shutdown` completes, then flushes the store and removes the server file.
    pub fn run(self, shutdown: impl Future<Output = ()> + Send + 'static) -> Result<()> {
        let app = router(self.state.clone());
        let listener = self.listener;
        self.runtime
            .block_on(async move {
                axum::serve(listener, app)
                    .with_graceful_shutdown(shutdown)
                    .await
            })
            .map_err(|e| Error::Store(format!("the server stopped: {e}")))?;
        self.state.graph.flush()?;
        drop(self.file);
        Ok(())
    }

    /// Serves until Ctrl-C or SIGTERM.
    pub fn run_until_signal(self) -> Result<()> {
        self.run(async {
            #[cfg(unix)]
            {
                use tokio::signal::unix::{signal, SignalKind};
                match signal(SignalKind::terminate()) {
                    Ok(mut term) => {
                        tokio::select! {
                            _ = tokio::signal::ctrl_c() => {}
                            _ = term.recv() => {}
                        }
                    }
                    Err(_) => {
                        let _ = tokio::signal::ctrl_c().await;
                    }
                }
            }
            #[cfg(not(unix))]
            {
                let _ = tokio::signal::ctrl_c().await;
            }
        })
    }
}

/// The address to put in a URL: a wildcard bind is reached through loopback.
fn reachable(a: SocketAddr) -> SocketAddr {
    match a.ip() {
        std::net::IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::from(([127, 0, 0, 1], a.port()))
        }
        std::net::IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, a.port()))
        }
        _ => a,
    }
}

fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(assets::index))
        .route("/assets/app.js", get(assets::app_js))
        .route("/assets/app.css", get(assets::app_css))
        .route("/assets/vendor.js", get(assets::vendor_js))
        .route("/assets/licenses.txt", get(assets::licenses))
        .route("/api/entities", get(api::entities))
        .route("/api/neighbors", get(api::neighbors))
        .route("/api/path", get(api::path))
        .route("/api/evidence", get(api::evidence))
        .route("/api/stats", get(api::stats))
        .route("/api/style", get(api::style))
        .route("/api/ingest", post(api::ingest))
        .fallback(api::not_found)
        // The ingest handler reads its body under --max-doc-bytes itself.
        .layer(DefaultBodyLimit::disable())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::guard,
        ))
        .with_state(state)
}
