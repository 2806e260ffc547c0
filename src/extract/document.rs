//! Stage 6: the document. Pattern matches of every sentence become the document's edges:
//! an entity whose kind was only guessed takes the kind its relations need, edges whose
//! ends cannot hold the relation are dropped, negated and unrealized ones give no edge,
//! each edge gets its evidence (sentence, span, stated date, pattern, confidence).

use super::dates::{self, Stated};
use super::names::{Cluster, LineKind, Names};
use super::patterns::{Match, Patterns};
use super::text::Token;
use crate::model::{EntityKind, RelationKind};

/// An edge of the document between two clusters, before entities are numbered.
#[derive(Debug, Clone)]
pub struct RawEdge {
    pub source: usize,
    pub relation: RelationKind,
    pub target: usize,
    pub sentence: usize,
    pub rule: Rule,
    pub confidence: f32,
    /// The date the clause states, resolved against the document date later.
    pub date: Option<Stated>,
    /// The text denies or negates it: counter-evidence, not an edge.
    pub negated: bool,
}

/// What made an edge: a pattern (by its line in the language's pattern file) or a name's
/// prefix. Written out ("fr:12") only in the evidence: a string per edge was a heap
/// allocation per sentence of a repetitive document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Pattern(u32),
    NamePrefix,
}

impl Rule {
    pub fn text(self, lang: &str) -> String {
        match self {
            Rule::Pattern(line) => format!("{lang}:{line}"),
            Rule::NamePrefix => format!("{lang}:name-prefix"),
        }
    }
}

/// Type constraints of each relation (SCHEMA.md): who can found, lead, own...
pub fn kinds_fit(rel: RelationKind, s: EntityKind, t: EntityKind) -> bool {
    use EntityKind::*;
    let org_like = |k: EntityKind| matches!(k, Organization | Media | Group);
    match rel {
        RelationKind::Founded | RelationKind::Left => {
            org_like(t) && matches!(s, Person | Organization | Group | Media)
        }
        RelationKind::Leads | RelationKind::MemberOf => {
            matches!(s, Person | Organization | Media)
                && org_like(t)
                && (s == Person || rel == RelationKind::MemberOf)
        }
        RelationKind::Owns | RelationKind::Acquired | RelationKind::InvestedIn => {
            !matches!(s, Product | Place) && t != Person && t != Place
        }
        RelationKind::Sued => !matches!(s, Product | Place) && !matches!(t, Product | Place),
        RelationKind::Criticized | RelationKind::Praised => {
            !matches!(s, Product | Place) && t != Place
        }
        RelationKind::Partnered | RelationKind::CompetesWith => {
            !matches!(s, Place | Product) && !matches!(t, Place | Product)
        }
    }
}

/// A guessed kind takes what a relation needs: the subject of "a rejoint" is a person even
/// when it looks like a company; the object of "a racheté" an organization.
pub fn coerce_kinds(edges: &[RawEdge], clusters: &mut [Cluster]) {
    for e in edges {
        let (sk, tk) = (clusters[e.source].kind, clusters[e.target].kind);
        if e.source == e.target || kinds_fit(e.relation, sk, tk) {
            continue;
        }
        for (side, is_source) in [(e.target, false), (e.source, true)] {
            if clusters[side].kind_sure {
                continue;
            }
            let (sk, tk) = (clusters[e.source].kind, clusters[e.target].kind);
            for k in [EntityKind::Organization, EntityKind::Person] {
                let fits = if is_source {
                    kinds_fit(e.relation, k, tk)
                } else {
                    kinds_fit(e.relation, sk, k)
                };
                if fits {
                    clusters[side].kind = k;
                    clusters[side].kind_sure = true;
                    break;
                }
            }
        }
    }
}

/// Base confidence of a pattern by what triggers it: verbs and roles state a relation,
/// nouns and judgements infer one.
fn base_confidence(text: &str) -> f32 {
    let trigger = text.split_whitespace().nth(1).unwrap_or("");
    if trigger.starts_with("q:") {
        0.55
    } else if trigger.starts_with("n:role") {
        0.75
    } else if trigger.starts_with("n:") {
        0.65
    } else {
        0.8
    }
}

/// Turns one sentence's pattern matches into edges, appended to `out`. Run sentence by
/// sentence, so that no sentence's matches or tokens outlive it; `finish` then fits kinds
/// over the whole document.
#[allow(clippy::too_many_arguments)]
pub fn sentence_edges(
    text: &str,
    toks: &[Token],
    line: LineKind,
    si: usize,
    ms: &[Match],
    hedged: bool,
    clause_spans: &[(usize, usize)],
    pats: &Patterns,
    out: &mut Vec<RawEdge>,
) {
    if matches!(line, LineKind::Byline | LineKind::Credit) {
        return;
    }
    // "Le PDG de Maravel, Sophie Arnaud, a annoncé le rachat de Quantix": a deal its
    // head announces is the company's.
    let heads: Vec<(usize, usize)> = ms
        .iter()
        .filter(|m| m.relation == RelationKind::Leads && !m.negated)
        .map(|m| (m.source, m.target))
        .collect();
    for m in ms {
        let p = &pats.patterns[m.pattern];
        let nominal_deal = matches!(
            m.relation,
            RelationKind::Acquired | RelationKind::InvestedIn | RelationKind::Partnered
        ) && p
            .text
            .split_whitespace()
            .nth(1)
            .is_some_and(|t| t.starts_with("n:"));
        let source = match heads.iter().find(|(person, _)| *person == m.source) {
            Some(&(_, org)) if nominal_deal && org != m.target => org,
            _ => m.source,
        };
        let (lo, hi) = m
            .clause
            .and_then(|c| clause_spans.get(c).copied())
            .unwrap_or((0, toks.len()));
        let window = lo.min(m.at.0.saturating_sub(6))..hi.max(m.at.1);
        let date = dates::stated_near(text, toks, m.at.0, window, |_| false);
        let mut confidence = base_confidence(&p.text);
        if hedged {
            confidence *= 0.75;
        }
        if m.unrealized {
            continue;
        }
        out.push(RawEdge {
            source,
            relation: m.relation,
            target: m.target,
            sentence: si,
            rule: Rule::Pattern(p.line.min(u32::MAX as usize) as u32),
            confidence,
            date,
            negated: m.negated,
        });
    }
}

/// The document's edges once every sentence gave its own: guessed kinds fitted to the
/// relations, edges whose ends cannot hold their relation dropped.
pub fn finish(out: &mut Vec<RawEdge>, names: &mut Names) {
    coerce_kinds(out, &mut names.clusters);
    out.retain(|e| {
        e.source != e.target
            && kinds_fit(
                e.relation,
                names.clusters[e.source].kind,
                names.clusters[e.target].kind,
            )
    });
    // A relation stated and denied in the same document keeps only the statement's edges;
    // the denials stay counter-evidence.
}

/// "Apple Watch", "Google Play", "TF1 Séries Films": a name made of an organization's name
/// and more words (no company word, no place) is something that organization owns.
pub fn owned_by_prefix(clusters: &[Cluster], lex: &super::lexicon::Lexicon) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (a, ca) in clusters.iter().enumerate() {
        if ca.mentions == 0
            || !matches!(ca.kind, EntityKind::Organization | EntityKind::Media)
            || ca.name.contains(' ')
        {
            continue;
        }
        let prefix = format!("{} ", ca.name);
        for (b, cb) in clusters.iter().enumerate() {
            if a == b
                || cb.mentions == 0
                || cb.kind == EntityKind::Person
                || cb.kind == EntityKind::Place
            {
                continue;
            }
            let Some(rest) = cb.name.strip_prefix(&prefix) else {
                continue;
            };
            let company_words = rest.split_whitespace().any(|w| {
                let f = super::text::fold(w);
                lex.has("org_suffixes", &f) || super::known::place(w).is_some()
            });
            if !company_words {
                out.push((a, b));
            }
        }
    }
    out
}
