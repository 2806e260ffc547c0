//! `relgraph serve` end to end: the real binary on loopback, its JSON API on a store built
//! from the seed article and on a generated graph, the server file beside the store, and
//! who gets in.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::*;
use relgraph::store::server_file::{ServerInfo, SERVER_FILE};
use relgraph::Graph;
use serde_json::Value;

fn names(view: &Value) -> Vec<String> {
    let mut v: Vec<String> = view["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap().to_string())
        .collect();
    v.sort();
    v
}

fn relations(view: &Value) -> Vec<String> {
    view["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["relation"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_api_answers_the_seed_store_as_the_library_does() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed_store(dir.path());
    let (counts, musk, openai, sued_sentences, dated_2018) = {
        let g = Graph::open(&db).unwrap();
        let musk = g.resolve("Elon Musk").unwrap();
        let openai = g.resolve("OpenAI").unwrap();
        let mut dated: Vec<String> = g
            .edges(&relgraph::query::EdgeFilter {
                from: Some(musk.id),
                since: Some("2018-01-01".parse().unwrap()),
                until: Some("2018-12-31".parse().unwrap()),
                ..Default::default()
            })
            .unwrap()
            .iter()
            .map(|e| e.relation.to_string())
            .collect();
        dated.sort();
        let ev = g
            .evidence_for(musk.id, Some("sued".parse().unwrap()), Some(openai.id))
            .unwrap();
        (
            g.counts().unwrap(),
            musk,
            openai,
            ev.into_iter().map(|e| e.sentence).collect::<Vec<_>>(),
            dated,
        )
    };
    let s = Served::start(&db, &[]);

    // Search: an alias resolves, a typo gets "did you mean", nothing to search is a 400.
    let (st, r) = s.get("api/entities?q=Musk");
    assert_eq!(st, 200, "{r}");
    assert_eq!(r["resolved"]["name"], "Elon Musk");
    assert_eq!(r["matches"][0]["name"], "Elon Musk");
    assert_eq!(r["resolved"]["id"], musk.id);
    // A typo resolves to nothing but still finds the entity, and says "did you mean".
    let (st, r) = s.get("api/entities?q=Elon%20Muks");
    assert_eq!(st, 200, "{r}");
    assert!(r["resolved"].is_null());
    assert_eq!(r["matches"][0]["name"], "Elon Musk");
    assert_eq!(r["did_you_mean"][0], "Elon Musk");
    // A name close to nothing: 404, with the message the CLI prints.
    let (st, r) = s.get("api/entities?q=Zorglub%20Industries");
    assert_eq!(st, 404, "{r}");
    assert!(r["error"].as_str().unwrap().contains("no entity named"));
    let (st, r) = s.get("api/neighbors?name=Sam%20Altmn");
    assert_eq!(st, 404, "{r}");
    assert!(r["did_you_mean"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n == "Sam Altman"));
    assert!(r["error"].as_str().unwrap().contains("did you mean"));
    assert_eq!(s.get("api/entities").0, 400);

    // A neighbourhood: every edge among the entities, figures included.
    let (st, v) = s.get("api/neighbors?name=Elon%20Musk");
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["focus"]["name"], "Elon Musk");
    assert_eq!(v["more"], false);
    for n in ["OpenAI", "Sam Altman", "Tesla", "ChatGPT"] {
        assert!(names(&v).contains(&n.to_string()), "{n} missing: {v}");
    }
    let sued: Vec<&Value> = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["relation"] == "sued")
        .collect();
    assert_eq!(sued.len(), 1);
    assert_eq!(sued[0]["source"], musk.id);
    assert_eq!(sued[0]["target"], openai.id);
    assert_eq!(sued[0]["evidence_count"], sued_sentences.len());
    // By id, filtered by relation: only the sued edge and its ends.
    let (_, v) = s.get(&format!("api/neighbors?name=%23{}&relation=sued", musk.id));
    assert_eq!(names(&v), ["Elon Musk", "OpenAI"]);
    assert_eq!(relations(&v), ["sued"]);
    // Dates: only the edges stated in 2018, as `edges --since --until` lists them.
    let (_, v) = s.get("api/neighbors?name=Elon%20Musk&since=2018-01-01&until=2018-12-31");
    let mut rels = relations(&v);
    rels.sort();
    assert!(rels.contains(&"left".to_string()), "{v}");
    assert_eq!(rels, dated_2018);
    // Bad parameters are 400, unknown names 404, with a message.
    for bad in [
        "api/neighbors?name=Elon%20Musk&relation=likes",
        "api/neighbors?name=Elon%20Musk&depth=x",
        "api/neighbors?name=Elon%20Musk&depth=99",
        "api/neighbors?name=Elon%20Musk&since=March%202018",
        "api/neighbors",
    ] {
        let (st, r) = s.get(bad);
        assert_eq!(st, 400, "{bad}: {r}");
        assert!(r["error"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let (st, r) = s.get("api/neighbors?name=Nobody%20Here");
    assert_eq!(st, 404);
    assert_eq!(r["status"], 404);

    // The evidence of an edge: the seed's sentence, its document title.
    let (st, ev) = s.get("api/evidence?source=Elon%20Musk&relation=sued&target=OpenAI");
    assert_eq!(st, 200, "{ev}");
    let got: Vec<&str> = ev["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["sentence"].as_str().unwrap())
        .collect();
    assert_eq!(got, sued_sentences);
    assert!(SEED.contains(got[0]), "{}", got[0]);
    assert_eq!(
        ev["evidence"][0]["title"],
        "Sam Altman a fini de bien jouer avec Elon Musk"
    );

    // A path, hop by hop, with what the page needs to draw it.
    let (st, p) = s.get("api/path?from=Tesla&to=Microsoft");
    assert_eq!(st, 200, "{p}");
    assert_eq!(p["found"], true);
    let hops = p["hops"].as_array().unwrap();
    assert_eq!(hops[0]["from"], "Tesla");
    assert_eq!(hops.last().unwrap()["to"], "Microsoft");
    for w in hops.windows(2) {
        assert_eq!(w[0]["to"], w[1]["from"]);
    }
    assert_eq!(p["nodes"].as_array().unwrap().len(), hops.len() + 1);
    assert_eq!(s.get("api/path?from=Tesla&to=Nobody%20Here").0, 404);

    // Stats, and the DOT export's colours for the page.
    let (_, st) = s.get("api/stats");
    assert_eq!(st["entities"], counts.entities);
    assert_eq!(st["edges"], counts.edges);
    assert_eq!(st["documents"], counts.documents);
    assert_eq!(st["ingest_allowed"], false);
    let (_, style) = s.get("api/style");
    for r in relgraph::RelationKind::ALL {
        let found = style["relations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["name"] == r.as_str())
            .unwrap();
        assert_eq!(found["color"], relgraph::export::dot::relation_color(r));
    }

    // Not an endpoint: JSON 404. Writes refused on a read-only server.
    let (st, r) = s.get("api/nothing");
    assert_eq!(st, 404);
    assert!(r["error"].is_string());
    let (st, r) = post(
        &format!("{}api/ingest", s.url),
        "Acme Corp a racheté Zenith Labs.".as_bytes(),
        &[],
    );
    assert_eq!(st, 403, "{r}");
    assert!(r["error"].as_str().unwrap().contains("--allow-ingest"));
}

#[test]
fn the_page_and_its_assets_come_from_the_binary_without_cors() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed_store(dir.path());
    let s = Served::start(&db, &[]);
    let mut page = agent()
        .get(&s.url)
        .header("Origin", "https://elsewhere.example")
        .call()
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(page.headers().get("access-control-allow-origin").is_none());
    let html = page.body_mut().read_to_string().unwrap();
    // Every script and stylesheet is served here: no other host is named.
    for src in ["/assets/vendor.js", "/assets/app.js", "/assets/app.css"] {
        assert!(html.contains(src), "{src}");
        let mut r = agent()
            .get(format!("{}{}", s.url, &src[1..]))
            .call()
            .unwrap();
        assert_eq!(r.status().as_u16(), 200, "{src}");
        assert!(!r.body_mut().read_to_string().unwrap().is_empty());
    }
    assert!(!html.contains("http://") && !html.contains("https://"));
    let mut r = agent()
        .get(format!("{}api/stats", s.url))
        .header("Origin", "https://elsewhere.example")
        .call()
        .unwrap();
    assert!(r.headers().get("access-control-allow-origin").is_none());
    r.body_mut().read_to_string().unwrap();
    let vendor = agent()
        .get(format!("{}assets/vendor.js", s.url))
        .call()
        .unwrap()
        .body_mut()
        .read_to_string()
        .unwrap();
    if vendor.contains("RELGRAPH_VENDOR_MISSING") {
        assert!(
            std::env::var_os("CI").is_none(),
            "built without the page's graph library under CI: {vendor}"
        );
        eprintln!("note: this build has no graph library (npm missing at build time)");
    } else {
        assert!(vendor.contains("cytoscape") && vendor.contains("fcose"));
        let licenses = agent()
            .get(format!("{}assets/licenses.txt", s.url))
            .call()
            .unwrap()
            .body_mut()
            .read_to_string()
            .unwrap();
        assert!(licenses.contains("cytoscape 3.34.4") && licenses.contains("MIT"));
    }
}

#[test]
fn other_commands_name_the_server_holding_the_store_and_stale_files_are_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed_store(dir.path());
    let s = Served::start(&db, &[]);
    let started = Instant::now();
    let o = relgraph(&db, &["stats"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(err.contains(&s.url), "{err}");
    assert!(err.contains("relgraph serve"), "{err}");
    // Said at once, not after the wait for a store that is about to be released.
    assert!(started.elapsed() < Duration::from_secs(5));
    let file = s.db.join(SERVER_FILE);
    assert!(file.exists());
    let (status, _) = s.stop();
    assert!(status.success());
    assert!(!file.exists(), "the server file outlived the server");
    assert!(relgraph(&db, &["stats"]).status.success());

    // A file left by a server that died: commands ignore it, the next server replaces it.
    let mut dead = Command::new("true").spawn().unwrap();
    let dead_pid = dead.id();
    dead.wait().unwrap();
    let stale = ServerInfo {
        pid: dead_pid,
        address: "127.0.0.1:1".into(),
        url: "http://127.0.0.1:1/".into(),
        started: 0,
        token_required: false,
        ingest_allowed: false,
    };
    std::fs::write(&file, serde_json::to_vec(&stale).unwrap()).unwrap();
    assert!(relgraph(&db, &["stats"]).status.success());
    {
        // Another process (this one) holds the store: "in use", not the dead server's URL.
        let _held = Graph::open(&db).unwrap();
        let o = relgraph(&db, &["stats"]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(3));
        assert!(err.contains("in use by another process"), "{err}");
        assert!(!err.contains("127.0.0.1:1"), "{err}");
    }
    let s = Served::start(&db, &[]);
    assert_ne!(ServerInfo::read(&db).unwrap().pid, dead_pid);
    let (_, err) = s.stop();
    assert!(err.contains("stale server file"), "{err}");
}

#[test]
fn only_token_holders_get_in_and_writes_need_allow_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed_store(dir.path());

    // Reachable from the network without a token: refused before listening.
    let o = relgraph(&db, &["serve", "--bind", "0.0.0.0:0"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--token"));

    let token = "t0k3n-for-tests";
    let s = Served::start(
        &db,
        &[
            "--token",
            token,
            "--allow-ingest",
            "--max-doc-bytes",
            "2000",
        ],
    );
    for path in ["api/stats", "", "assets/app.js", "api/entities?q=Musk"] {
        let mut r = agent().get(format!("{}{path}", s.url)).call().unwrap();
        assert_eq!(r.status().as_u16(), 401, "/{path}");
        assert!(r.body_mut().read_to_string().unwrap().contains("token"));
    }
    let wrong = agent()
        .get(format!("{}api/stats", s.url))
        .header("Authorization", "Bearer wrong")
        .call()
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 401);
    let bearer = format!("Bearer {token}");
    let (st, stats) = call(
        agent()
            .get(format!("{}api/stats", s.url))
            .header("Authorization", &bearer),
    );
    assert_eq!(st, 200);
    assert_eq!(stats["ingest_allowed"], true);
    // The page: /?token= once, then a same-site cookie.
    let login = agent()
        .get(format!("{}?token={token}&focus=OpenAI", s.url))
        .call()
        .unwrap();
    assert!(login.status().is_redirection());
    assert_eq!(login.headers()["location"], "/?focus=OpenAI");
    let cookie = login.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    let pair = cookie.split(';').next().unwrap();
    let page = agent().get(&s.url).header("Cookie", pair).call().unwrap();
    assert_eq!(page.status().as_u16(), 200);

    // Ingest: one article in, its edges queryable at once; the same text again is a no-op.
    let url = format!("{}api/ingest?title=Acme%20news&source=wire", s.url);
    let article = "Acme Corp a racheté Zenith Labs en 2021.".as_bytes();
    let (st, r) = post(&url, article, &[("Authorization", &bearer)]);
    assert_eq!(st, 201, "{r}");
    assert_eq!(r["new"], true);
    assert_eq!(r["title"], "Acme news");
    assert_eq!(r["edges"][0]["relation"], "acquired");
    let (_, v) = call(
        agent()
            .get(format!("{}api/neighbors?name=Acme%20Corp", s.url))
            .header("Authorization", &bearer),
    );
    assert_eq!(names(&v), ["Acme Corp", "Zenith Labs"]);
    assert_eq!(v["edges"][0]["first_date"], "2021");
    let (_, ev) = call(
        agent()
            .get(format!(
                "{}api/evidence?source=Acme%20Corp&relation=acquired",
                s.url
            ))
            .header("Authorization", &bearer),
    );
    assert_eq!(ev["evidence"][0]["title"], "Acme news");
    let (st, r) = post(&url, article, &[("Authorization", &bearer)]);
    assert_eq!((st, &r["new"]), (200, &Value::Bool(false)));
    // The date parameter is the document's date: "last year" in its sentence is read from it.
    let dated = format!("{}api/ingest?date=2024-03-05", s.url);
    let (st, r) = post(
        &dated,
        b"Acme Corp sued Globex Inc last year.",
        &[("Authorization", &bearer)],
    );
    assert_eq!(st, 201, "{r}");
    assert_eq!(r["date"], "2024-03-05");
    let (_, v) = call(
        agent()
            .get(format!(
                "{}api/neighbors?name=Acme%20Corp&relation=sued",
                s.url
            ))
            .header("Authorization", &bearer),
    );
    assert_eq!(v["edges"][0]["first_date"], "2023", "{v}");
    let bad_date = format!("{}api/ingest?date=2024-02-30", s.url);
    let (st, r) = post(
        &bad_date,
        b"Acme Corp sued Initech.",
        &[("Authorization", &bearer)],
    );
    assert_eq!(st, 400, "{r}");
    // Too large, not text, empty, from another site's page, without the token.
    let (st, r) = post(&url, &[b'a'; 3000], &[("Authorization", &bearer)]);
    assert_eq!(st, 413, "{r}");
    let (st, _) = post(
        &url,
        &[0u8, 159, 146, 150, 0, 1, 2],
        &[("Authorization", &bearer)],
    );
    assert_eq!(st, 400);
    let (st, _) = post(&url, b"", &[("Authorization", &bearer)]);
    assert_eq!(st, 400);
    let (st, _) = post(
        &url,
        "Globex a racheté Initech.".as_bytes(),
        &[
            ("Authorization", &bearer),
            ("Origin", "https://news.example"),
        ],
    );
    assert_eq!(st, 403);
    let (st, _) = post(&url, "Globex a racheté Initech.".as_bytes(), &[]);
    assert_eq!(st, 401);
    let (_, stats) = call(
        agent()
            .get(format!("{}api/stats", s.url))
            .header("Authorization", &bearer),
    );
    assert_eq!(stats["documents"], 3);
    drop(s);
    // What the server took is in the store once it stopped.
    let g = Graph::open(&db).unwrap();
    assert!(g.resolve("Zenith Labs").is_ok());
}

#[test]
fn a_loopback_server_refuses_requests_addressed_to_another_host() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let db = seed_store(dir.path());
    let s = Served::start(&db, &[]);
    let addr = ServerInfo::read(&db).unwrap().address;
    let ask = |host: &str| {
        let mut c = std::net::TcpStream::connect(&addr).unwrap();
        write!(
            c,
            "GET /api/stats HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut out = String::new();
        c.read_to_string(&mut out).unwrap();
        out
    };
    // A DNS name rebound to 127.0.0.1 by a web page: refused.
    assert!(ask("attacker.example:7878").starts_with("HTTP/1.1 403"));
    assert!(ask(&addr).starts_with("HTTP/1.1 200"));
    assert!(ask("localhost").starts_with("HTTP/1.1 200"));
    drop(s);
}

#[test]
fn a_large_neighbourhood_is_cut_at_the_limit_with_a_marker() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("generated");
    // A hub with 2,500 members, a chain of 30 hops, and dated edges around one company.
    let mut csv = String::from("source,relation,target,source_kind,target_kind\n");
    for i in 0..2_500 {
        csv.push_str(&format!(
            "Member {i:04},member_of,Hub Corp,person,organization\n"
        ));
    }
    for i in 0..30 {
        csv.push_str(&format!(
            "Link {i},partnered,Link {},organization,organization\n",
            i + 1
        ));
    }
    {
        let g = Graph::open(&db).unwrap();
        g.import_reader(
            csv.as_bytes(),
            relgraph::import::ImportFormat::Csv,
            "generated.csv",
            &mut |_, _| {},
        )
        .unwrap();
        g.ingest_text(
            "Acme Corp acquired Zenith Labs in 2019. Acme Corp sued Globex Inc in 2021.",
            "dated.txt",
            None,
        )
        .unwrap();
    }
    let s = Served::start(&db, &[]);
    let (st, v) = s.get("api/neighbors?name=Hub%20Corp");
    assert_eq!(st, 200);
    let nodes = v["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 300);
    assert_eq!(v["more"], true);
    assert_eq!(v["omitted"], 2_501 - 300);
    assert_eq!(nodes[0]["name"], "Hub Corp");
    assert_eq!(nodes[0]["degree"], 2_500);
    assert_eq!(v["edges"].as_array().unwrap().len(), 299);
    let (_, v) = s.get(&format!(
        "api/neighbors?name=Hub%20Corp&limit={}",
        relgraph::serve::MAX_NODES
    ));
    assert_eq!(
        v["nodes"].as_array().unwrap().len(),
        relgraph::serve::MAX_NODES
    );
    assert_eq!(s.get("api/neighbors?name=Hub%20Corp&limit=100000").0, 400);
    // Depth walks the chain; a path across it is found within its length only.
    let (_, v) = s.get("api/neighbors?name=Link%200&depth=3");
    assert_eq!(names(&v), ["Link 0", "Link 1", "Link 2", "Link 3"]);
    let (_, p) = s.get("api/path?from=Link%200&to=Link%2010&max_depth=12");
    assert_eq!(p["hops"].as_array().unwrap().len(), 10);
    assert!(p["hops"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["direction"] == "--"));
    let (st, p) = s.get("api/path?from=Link%200&to=Link%2030&max_depth=12");
    assert_eq!((st, &p["found"]), (200, &Value::Bool(false)));
    // Dates: the 2019 acquisition without the 2021 lawsuit.
    let (_, v) = s.get("api/neighbors?name=Acme%20Corp&until=2020");
    assert_eq!(relations(&v), ["acquired"], "{v}");
    let (_, v) = s.get("api/neighbors?name=Acme%20Corp&since=2020-06");
    assert_eq!(relations(&v), ["sued"], "{v}");
}

#[test]
fn the_demo_prints_the_serve_command_that_explores_its_store() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("demo");
    let o = Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .args(["demo", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout);
    let line = text
        .lines()
        .find(|l| l.contains(" serve"))
        .unwrap_or_else(|| panic!("no serve command in: {text}"));
    let db = out.join("store");
    assert!(
        line.contains(&format!("--db {} serve", db.display())),
        "{line}"
    );
    // The command it names serves that store.
    let s = Served::start(&db, &[]);
    let (st, v) = s.get("api/neighbors?name=Elon%20Musk");
    assert_eq!(st, 200);
    assert!(names(&v).contains(&"OpenAI".to_string()));
    let help = Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("Example:") && help.contains("--token") && help.contains("--allow-ingest")
    );
}
