//! The shared scorer (../shared/eval/score.py) over relgraph's extractions: one prediction
//! file per article, the summary `score.py --json` prints.

use relgraph::extract::Extraction;
use std::path::Path;
use std::process::Command;

/// Scores `(id, extraction)` pairs against `gold` (one answer key, or a folder of them):
/// the JSON summary and the scorer's whole report.
pub fn score(gold: &Path, extractions: &[(String, Extraction)]) -> (serde_json::Value, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pred = tempfile::tempdir().unwrap();
    for (id, ex) in extractions {
        let mut lines = String::new();
        for e in ex.unique_edges() {
            let line = serde_json::json!({
                "source": ex.entities[e.source].name,
                "relation": e.relation.as_str(),
                "target": ex.entities[e.target].name,
            });
            lines.push_str(&line.to_string());
            lines.push('\n');
        }
        std::fs::write(pred.path().join(format!("{id}.jsonl")), lines).unwrap();
    }
    let out = Command::new("python3")
        .arg(root.join("../shared/eval/score.py"))
        .arg("--gold")
        .arg(gold)
        .arg("--pred")
        .arg(pred.path())
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let summary = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    (summary, stdout)
}
