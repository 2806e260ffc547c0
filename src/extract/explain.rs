//! The `--explain` view: what each stage saw in each sentence — the phrases, the clauses
//! with their roles and referents, the edges with the pattern that made them, and for each
//! trigger that made nothing, why.

use std::fmt;

use serde::Serialize;

use super::clauses::Structure;
use super::lexicon::Lexicon;
use super::names::{Cluster, LineKind};
use super::patterns::{Match, Miss, Patterns};
use super::phrases::{ChunkKind, Phrases};
use super::reference::Referents;
use super::text::Sentence;
use crate::model::RelationKind;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Explanation {
    pub lang: String,
    pub sentences: Vec<SentenceView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SentenceView {
    pub index: usize,
    pub text: String,
    /// text, heading, byline or credit.
    pub line: String,
    /// Bracketed chunks: `[NG the CEO (role_lead)]`, `[VG has resigned (resign)]`, ...
    pub phrases: Vec<String>,
    pub clauses: Vec<ClauseView>,
    pub speaker: Vec<String>,
    pub edges: Vec<EdgeView>,
    pub misses: Vec<MissView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClauseView {
    pub kind: String,
    pub verb: String,
    pub class: Option<String>,
    pub voice: String,
    pub doubt: Vec<String>,
    pub roles: Vec<(String, String)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EdgeView {
    pub source: String,
    pub relation: String,
    pub target: String,
    pub pattern: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MissView {
    pub trigger: String,
    pub reason: String,
}

impl Explanation {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn push_sentence(
        &mut self,
        text: &str,
        s: &Sentence,
        line: LineKind,
        p: &Phrases,
        st: &Structure,
        refs: &Referents,
        clusters: &[Cluster],
        lex: &Lexicon,
        pats: &Patterns,
        matches: &[Match],
        misses: &[Miss],
    ) {
        let toks = &s.tokens;
        let span = |a: usize, b: usize| -> String {
            if a >= b || a >= toks.len() {
                return String::new();
            }
            text[toks[a].start..toks[b.min(toks.len()) - 1].end].to_string()
        };
        let class = |t: Option<u16>| t.map(|t| lex.tag_name(t).to_string());
        let referent = |n: usize| -> String {
            let names: Vec<&str> = refs[n].iter().map(|&c| clusters[c].name.as_str()).collect();
            if names.is_empty() {
                "?".to_string()
            } else {
                names.join(" + ")
            }
        };
        let noun = |n: usize| {
            format!(
                "{} → {}",
                span(p.nouns[n].start, p.nouns[n].end),
                referent(n)
            )
        };
        let group = |g: &[usize]| g.iter().map(|&n| noun(n)).collect::<Vec<_>>().join("; ");
        let phrases = p
            .chunks
            .iter()
            .map(|c| match c.kind {
                ChunkKind::Noun(n) => {
                    let g = &p.nouns[n];
                    let mut tags = Vec::new();
                    if let Some(h) = class(g.head_class) {
                        tags.push(h);
                    }
                    if g.former {
                        tags.push("former".into());
                    }
                    if g.possessor.is_some() {
                        tags.push("possessed".into());
                    }
                    if let Some(a) = st.apposition[n] {
                        tags.push(format!(
                            "apposition of {}",
                            span(p.nouns[a].start, p.nouns[a].end)
                        ));
                    }
                    let extra = if tags.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", tags.join(", "))
                    };
                    format!("[NG {}{}]", span(c.start, c.end), extra)
                }
                ChunkKind::Verb(v) => {
                    let g = &p.verbs[v];
                    let extra = class(g.class)
                        .map(|c| format!(" ({c})"))
                        .unwrap_or_default();
                    format!("[VG {}{}]", span(c.start, c.end), extra)
                }
                ChunkKind::Prep(t) => format!("[P {} ({})]", span(c.start, c.end), lex.tag_name(t)),
                _ => span(c.start, c.end),
            })
            .collect();
        let clauses = st
            .clauses
            .iter()
            .map(|c| {
                let v = &p.verbs[c.verb];
                let mut roles = Vec::new();
                if !c.subject.is_empty() {
                    roles.push(("subject".to_string(), group(&c.subject)));
                }
                if !c.object.is_empty() {
                    roles.push(("object".to_string(), group(&c.object)));
                }
                if !c.agent.is_empty() {
                    roles.push(("agent".to_string(), group(&c.agent)));
                }
                for (t, g) in &c.preps {
                    roles.push((lex.tag_name(*t).to_string(), group(g)));
                }
                let mut doubt = Vec::new();
                if v.negated {
                    doubt.push("negated".to_string());
                }
                if let Some(m) = v.modal {
                    doubt.push(lex.tag_name(m).to_string());
                }
                ClauseView {
                    kind: format!("{:?}", c.kind).to_lowercase(),
                    verb: span(v.start, v.end),
                    class: class(v.class),
                    voice: if c.passive { "passive" } else { "active" }.to_string(),
                    doubt,
                    roles,
                }
            })
            .collect();
        let edges = matches
            .iter()
            .map(|m| EdgeView {
                source: clusters[m.source].name.clone(),
                relation: m.relation.to_string(),
                target: clusters[m.target].name.clone(),
                pattern: pats.patterns[m.pattern].text.clone(),
                note: if m.unrealized {
                    Some("a plan or attempt: no edge".into())
                } else if m.negated {
                    Some("negated or denied: counter-evidence".into())
                } else {
                    None
                },
            })
            .collect();
        let misses = misses
            .iter()
            .map(|m| MissView {
                trigger: span(m.at.0, m.at.1),
                reason: m.reason.clone(),
            })
            .collect();
        let speaker = st.speaker.iter().map(|&n| noun(n)).collect();
        self.sentences.push(SentenceView {
            index: self.sentences.len(),
            text: text[s.start..s.end].to_string(),
            line: format!("{line:?}").to_lowercase(),
            phrases,
            clauses,
            speaker,
            edges,
            misses,
        });
    }
}

impl Explanation {
    /// An edge the document stage made or moved (a name prefix, a deal given to its head,
    /// a kind coerced) is listed in its sentence, so that every kept edge is explained.
    pub(crate) fn note_document_edge(
        &mut self,
        sentence: usize,
        source: String,
        relation: RelationKind,
        target: String,
        rule: &str,
    ) {
        let Some(view) = self.sentences.get_mut(sentence) else {
            return;
        };
        let relation_name = relation.to_string();
        let same = |v: &EdgeView| {
            v.relation == relation_name
                && ((v.source == source && v.target == target)
                    || (relation.is_symmetric() && v.source == target && v.target == source))
        };
        if view.edges.iter().any(|v| same(v) && v.note.is_none()) {
            return;
        }
        view.edges.push(EdgeView {
            source,
            relation: relation_name,
            target,
            pattern: rule.to_string(),
            note: Some("made by the document stage".into()),
        });
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for s in &self.sentences {
            writeln!(f, "[{}] {}", s.index, s.text)?;
            if s.line != "text" {
                writeln!(f, "  line: {}", s.line)?;
            }
            writeln!(f, "  phrases: {}", s.phrases.join(" "))?;
            for c in &s.clauses {
                let class = c
                    .class
                    .as_deref()
                    .map(|x| format!(" ({x})"))
                    .unwrap_or_default();
                let doubt = if c.doubt.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", c.doubt.join(", "))
                };
                writeln!(
                    f,
                    "  clause {} {}: \"{}\"{}{}",
                    c.kind, c.voice, c.verb, class, doubt
                )?;
                for (r, v) in &c.roles {
                    writeln!(f, "      {r}: {v}")?;
                }
            }
            if !s.speaker.is_empty() {
                writeln!(f, "  speaker: {}", s.speaker.join("; "))?;
            }
            for e in &s.edges {
                let note = e
                    .note
                    .as_deref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default();
                writeln!(
                    f,
                    "  edge: {} -{}-> {}   by `{}`{}",
                    e.source, e.relation, e.target, e.pattern, note
                )?;
            }
            for m in &s.misses {
                writeln!(f, "  no edge from \"{}\": {}", m.trigger, m.reason)?;
            }
        }
        Ok(())
    }
}
