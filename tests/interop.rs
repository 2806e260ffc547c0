//! Exports loaded into the tools people use: GraphML into networkx, the Neo4j CSV files and
//! the Cypher script into Kùzu (an embedded Cypher database). Needs `pip install networkx
//! kuzu` (.ci/run does it); without them the test says so and, outside CI, passes.

use std::path::Path;
use std::process::Command;

use relgraph::export::formats;
use relgraph::import::ImportFormat;
use relgraph::Graph;

fn python_has(modules: &str) -> bool {
    let ok = Command::new("python3")
        .args(["-c", &format!("import {modules}")])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must `pip install networkx kuzu` (see .ci/run)"
        );
        eprintln!("note: python modules {modules} missing; skipping");
    }
    ok
}

fn python(script: &str, args: &[&Path]) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(script);
    let out = Command::new("python3")
        .arg(path)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "python failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The seed's graph plus names full of quotes, commas and backslashes.
fn sample_graph(dir: &Path) -> Graph {
    let g = Graph::open(dir.join("db")).unwrap();
    g.ingest_text(
        include_str!("../examples/seed-fr-musk-altman.txt"),
        "seed",
        None,
    )
    .unwrap();
    let csv = "source,relation,target,source_kind,target_kind\n\"O'Brien \\\\ \"\"Sons\"\"\",sued,\"Comma, Inc\",organization,organization\n";
    g.import_reader(
        csv.as_bytes(),
        ImportFormat::Csv,
        "hostile.csv",
        &mut |_, _| {},
    )
    .unwrap();
    g
}

#[test]
fn graphml_loads_into_networkx_with_typed_attributes() {
    if !python_has("networkx") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let g = sample_graph(dir.path());
    let sub = g.subgraph(&[], 0, &[], 1000).unwrap();
    let path = dir.path().join("g.graphml");
    std::fs::write(&path, formats::graphml(&sub)).unwrap();
    let v = python("networkx_load.py", &[&path]);
    assert_eq!(v["nodes"], sub.node_count());
    assert_eq!(v["edges"], sub.edge_count());
    let sued = v["sued"].to_string();
    assert!(sued.contains("[\"Elon Musk\",\"OpenAI\"]"), "{sued}");
    let names: Vec<String> = serde_json::from_value(v["names"].clone()).unwrap();
    assert!(
        names.contains(&"O'Brien \\\\ \"Sons\"".to_string()),
        "{names:?}"
    );
    assert!(v["kinds"].to_string().contains("product"));
}

#[test]
fn neo4j_files_and_cypher_script_load_into_kuzu() {
    if !python_has("kuzu") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let g = sample_graph(dir.path());
    let sub = g.subgraph(&[], 0, &[], 1000).unwrap();
    let neo = dir.path().join("neo4j");
    formats::neo4j(&sub, &neo).unwrap();
    let cypher = dir.path().join("g.cypher");
    std::fs::write(&cypher, formats::cypher(&sub)).unwrap();
    let v = python("kuzu_load.py", &[&neo, &cypher]);
    for part in ["bulk", "script"] {
        assert_eq!(v[part]["nodes"], sub.node_count(), "{part}");
        assert_eq!(v[part]["edges"], sub.edge_count(), "{part}");
    }
    assert_eq!(v["bulk"]["sued_openai"], "Elon Musk");
    assert_eq!(v["script"]["sued_comma"], "O'Brien \\\\ \"Sons\"");
}
