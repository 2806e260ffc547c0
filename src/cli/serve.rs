//! `relgraph serve`: opens the store, starts the server and says where it is.

use std::io::Write;
use std::path::Path;

use relgraph::extract;
use relgraph::serve::{ServeOptions, Server};
use relgraph::{Error, Graph};

#[derive(clap::Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:7878")]
    bind: String,
    /// Every request must carry it (`Authorization: Bearer TOKEN`); required off loopback.
    #[arg(long, env = "RELGRAPH_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Take articles by POST /api/ingest.
    #[arg(long)]
    allow_ingest: bool,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = extract::DEFAULT_MAX_DOC_BYTES)]
    max_doc_bytes: u64,
    /// Open the page in the default browser.
    #[arg(long)]
    open: bool,
}

pub fn serve(db: &Path, a: ServeArgs) -> Result<i32, Error> {
    let options = ServeOptions {
        bind: relgraph::serve::parse_bind(&a.bind)?,
        token: a.token,
        allow_ingest: a.allow_ingest,
        max_doc_bytes: a.max_doc_bytes,
    };
    let open = a.open;
    // A server that may take articles can start on a new store; a read-only one needs data.
    let mut graph = if options.allow_ingest {
        Graph::open(db)?
    } else {
        super::open_existing(db)?
    };
    graph.set_max_doc_bytes(options.max_doc_bytes);
    let token = options.token.clone();
    let server = Server::bind(graph, options)?;
    let info = server.info().clone();
    if let Some(stale) = server.replaced_stale() {
        eprintln!(
            "note: replaced a stale server file left by process {} ({})",
            stale.pid, stale.url
        );
    }
    if let Some(why) = Server::page_library_missing() {
        eprintln!(
            "warning: this relgraph was built without the page's graph library ({why}); the JSON API works, the page cannot draw. Install Node.js and npm, then build again."
        );
    }
    let login = if info.token_required {
        format!("{}?token=TOKEN", info.url)
    } else {
        info.url.clone()
    };
    println!(
        "relgraph serve: {login} (store {}; {}; Ctrl-C stops it)",
        db.display(),
        if info.ingest_allowed {
            "POST /api/ingest takes articles"
        } else {
            "read-only"
        }
    );
    let _ = std::io::stdout().flush();
    if open {
        let url = match &token {
            Some(t) => format!("{}?token={}", info.url, url_escape(t)),
            None => info.url.clone(),
        };
        open_browser(&url);
    }
    server.run_until_signal()?;
    eprintln!("relgraph serve: stopped");
    Ok(0)
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        eprintln!("note: could not open a browser ({opener}: {e}); open {url} yourself");
    }
}

fn url_escape(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
