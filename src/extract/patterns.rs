//! Stage 5: relation patterns. Patterns are data (`patterns/{fr,en}.pat`), one a line:
//!
//! ```text
//! # relation  trigger        conditions       source              target
//! sued        v:sue          active           subj                obj
//! sued        n:lawsuit      host=file        host.subj           pp:against|host.pp:against
//! leads       n:role_lead    !former          self                org
//! criticized  q:negative     -                speaker             judged
//! ```
//!
//! A trigger is a verb class (`v:`), a noun class (`n:`) of the lexicon, or a judgement in
//! quoted or reported words (`q:positive`, `q:negative`). Conditions narrow it (voice,
//! the object's class, a legal context, a former role ...). Source and target are roles,
//! `|` giving alternatives tried in order: the grammatical roles of a verb's clause
//! (`subj`, `obj`, `agent`, `pp:CLASS`, `obj.pp:CLASS`, `obj.poss`, `obj.org`,
//! `subj.org`, `comp.subj`, `group`), or of a noun group (`self`, `org`, `poss`, `qual`,
//! `pp:CLASS`, `pair`, `incl`, `host.subj`, `host.obj`, `host.pp:CLASS`). A pattern never
//! names a person, a company or a phrase: it names roles and classes.

use super::clauses::{Clause, ClauseKind, Structure};
use super::lexicon::{Lexicon, Tag};
use super::phrases::{ChunkKind, Det, Phrases, Pronoun, Tags};
use super::reference::Referents;
use super::text::Token;
use crate::model::RelationKind;

#[derive(Debug, Clone, PartialEq)]
enum Trigger {
    Verb(Vec<Tag>),
    Noun(Vec<Tag>),
    /// A judgement in quoted or reported words: `true` for praise.
    Judgement(bool),
}

#[derive(Debug, Clone, PartialEq)]
enum Cond {
    Active,
    Passive,
    Reflexive,
    NoObject,
    Legal(bool),
    /// The sentence states a grievance ("alleging", "for defamation", "pour contrefaçon"):
    /// a lawsuit that says what the defendant did wrong is also a criticism.
    Grievance,
    ObjectClass(Vec<Tag>),
    /// The subject's head class: "le procès intenté par X" is a lawsuit filed.
    SubjectClass(Vec<Tag>),
    HostClass(Vec<Tag>),
    Via(Tag),
    Former(bool),
    /// A modifier of the noun group ("recently acquired", "majority-owned").
    Modifier(Tag),
    Plural,
    /// A judgement word in the clause: `true` positive.
    Judged(bool),
    /// The target is of this kind (`t:product`): checked on each pair.
    TargetKind(crate::model::EntityKind),
    /// The noun group holds a name ("Dana Whitfield's logistics company Morrow Freight").
    Named,
    /// A role of a department ("head of global sales at Corvane"): membership, not lead.
    Department,
    /// The subject or agent is a financial backer (a fund, "X Capital").
    Financial(Step),
    Not(Box<Cond>),
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Subj,
    Obj,
    Agent,
    Pp(Tag),
    Poss,
    Org,
    Qual,
    SelfRef,
    Pair,
    Incl,
    Group,
    Speaker,
    Judged,
    /// `comp.`: the complement clause governed by this one.
    Comp,
    /// `host.`: the clause a noun group is an argument of.
    Host,
    /// `main`: the subject of the sentence's first main clause ("rivals such as X" are the
    /// rivals of what the sentence is about).
    Main,
}

/// A role path: `obj.pp:against` is [Obj, Pp(against)].
type Role = Vec<Step>;

#[derive(Debug, Clone)]
pub struct Pattern {
    pub relation: RelationKind,
    trigger: Trigger,
    conds: Vec<Cond>,
    source: Vec<Role>,
    target: Vec<Role>,
    /// The pattern's line, for `--explain` and the evidence's rule.
    pub text: String,
    pub line: usize,
}

/// The patterns of one language.
#[derive(Debug, Clone, Default)]
pub struct Patterns {
    pub patterns: Vec<Pattern>,
    /// Classes some pattern triggers on, for `--explain` ("a trigger that produced nothing").
    verb_triggers: Vec<Tag>,
}

/// A pattern line that does not parse: a bug in the data files, caught by the tests.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternError {
    pub line: usize,
    pub message: String,
}

impl Patterns {
    pub fn parse(source: &str, lex: &Lexicon) -> Result<Patterns, PatternError> {
        let mut out = Patterns::default();
        for (i, raw) in source.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |m: String| PatternError {
                line: i + 1,
                message: m,
            };
            let fields: Vec<&str> = line.split_whitespace().collect();
            let [rel, trig, conds, src, tgt] = fields[..] else {
                return Err(err(format!("expected 5 fields, found {}", fields.len())));
            };
            let relation: RelationKind = rel
                .parse()
                .map_err(|_| err(format!("unknown relation `{rel}`")))?;
            let tag = |name: &str| {
                lex.tag(name)
                    .ok_or_else(|| err(format!("unknown lexicon class `{name}`")))
            };
            let tags = |list: &str| list.split('|').map(tag).collect::<Result<Vec<Tag>, _>>();
            let trigger = if let Some(c) = trig.strip_prefix("v:") {
                Trigger::Verb(tags(c)?)
            } else if let Some(c) = trig.strip_prefix("n:") {
                Trigger::Noun(tags(c)?)
            } else if trig == "q:positive" {
                Trigger::Judgement(true)
            } else if trig == "q:negative" {
                Trigger::Judgement(false)
            } else {
                return Err(err(format!("unknown trigger `{trig}`")));
            };
            let mut cs = Vec::new();
            if conds != "-" {
                for c in conds.split(',') {
                    // "!cond" negates any condition.
                    let (negate, c) = match c.strip_prefix('!') {
                        Some(rest) => (true, rest),
                        None => (false, c),
                    };
                    let cond = match c {
                        "active" => Cond::Active,
                        "passive" => Cond::Passive,
                        "reflexive" => Cond::Reflexive,
                        "noobj" => Cond::NoObject,
                        "legal" => Cond::Legal(true),
                        "grievance" => Cond::Grievance,
                        "former" => Cond::Former(true),
                        "dept" => Cond::Department,
                        "named" => Cond::Named,
                        "fin:subj" => Cond::Financial(Step::Subj),
                        "fin:agent" => Cond::Financial(Step::Agent),
                        "plural" => Cond::Plural,
                        "positive" => Cond::Judged(true),
                        "negative" => Cond::Judged(false),
                        _ => {
                            if let Some(v) = c.strip_prefix("obj=") {
                                Cond::ObjectClass(tags(v)?)
                            } else if let Some(v) = c.strip_prefix("subj=") {
                                Cond::SubjectClass(tags(v)?)
                            } else if let Some(v) = c.strip_prefix("host=") {
                                Cond::HostClass(tags(v)?)
                            } else if let Some(v) = c.strip_prefix("mod=") {
                                Cond::Modifier(tag(v)?)
                            } else if let Some(v) = c.strip_prefix("t:") {
                                Cond::TargetKind(
                                    v.parse().map_err(|_| err(format!("unknown kind `{v}`")))?,
                                )
                            } else if let Some(v) = c.strip_prefix("via=") {
                                Cond::Via(tag(v)?)
                            } else {
                                return Err(err(format!("unknown condition `{c}`")));
                            }
                        }
                    };
                    cs.push(if negate {
                        Cond::Not(Box::new(cond))
                    } else {
                        cond
                    });
                }
            }
            let roles = |spec: &str| -> Result<Vec<Role>, PatternError> {
                spec.split('|')
                    .map(|alt| {
                        alt.split('.')
                            .map(|s| {
                                Ok(match s {
                                    "subj" => Step::Subj,
                                    "obj" => Step::Obj,
                                    "agent" => Step::Agent,
                                    "poss" => Step::Poss,
                                    "org" => Step::Org,
                                    "qual" => Step::Qual,
                                    "self" => Step::SelfRef,
                                    "pair" => Step::Pair,
                                    "incl" => Step::Incl,
                                    "group" => Step::Group,
                                    "speaker" => Step::Speaker,
                                    "judged" => Step::Judged,
                                    "comp" => Step::Comp,
                                    "host" => Step::Host,
                                    "main" => Step::Main,
                                    _ => match s.strip_prefix("pp:") {
                                        Some(p) => Step::Pp(tag(p)?),
                                        None => return Err(err(format!("unknown role `{s}`"))),
                                    },
                                })
                            })
                            .collect()
                    })
                    .collect()
            };
            let p = Pattern {
                relation,
                trigger,
                conds: cs,
                source: roles(src)?,
                target: roles(tgt)?,
                text: line.split_whitespace().collect::<Vec<_>>().join(" "),
                line: i + 1,
            };
            match &p.trigger {
                Trigger::Verb(v) => out.verb_triggers.extend(v),
                Trigger::Noun(_) | Trigger::Judgement(_) => {}
            }
            out.patterns.push(p);
        }
        Ok(out)
    }

    pub fn triggers_verb(&self, class: Tag) -> bool {
        self.verb_triggers.contains(&class)
    }
}

/// A relation found by a pattern, between two entities of the document.
#[derive(Debug, Clone)]
pub struct Match {
    pub relation: RelationKind,
    pub source: usize,
    pub target: usize,
    /// Index of the pattern in `Patterns::patterns`.
    pub pattern: usize,
    /// The trigger is negated or denied ("n'a jamais fondé", "denied that it had sued").
    pub negated: bool,
    /// A plan or an attempt ("plans to buy", "envisage de racheter"): nothing happened.
    pub unrealized: bool,
    /// The clause of the trigger, for the stated date and the evidence.
    pub clause: Option<usize>,
    /// Token span of the trigger.
    pub at: (usize, usize),
}

/// Why a trigger gave nothing, for `--explain`.
#[derive(Debug, Clone)]
pub struct Miss {
    pub at: (usize, usize),
    pub reason: String,
}

/// What one sentence is made of, as the patterns see it.
pub struct Sentence<'a> {
    pub tokens: &'a [Token],
    pub p: &'a Phrases,
    pub st: &'a Structure,
    pub refs: &'a Referents,
    pub lex: &'a Lexicon,
    pub tags: Tags,
    /// Who speaks quotes left open by an earlier sentence.
    pub carried_speaker: &'a [usize],
    /// The cluster of each of the sentence's names (qualifiers head no group of their own).
    pub name_clusters: &'a [usize],
    /// Cluster → it is surely a place (a country, a region, a large city, a name no word shares).
    pub place: &'a [bool],
    /// Cluster → a person, an organization, a medium or a group.
    pub actor: &'a [bool],
    /// Cluster → an organization or a medium.
    pub org_like: &'a [bool],
    /// Cluster → its kind as known so far.
    pub kinds: &'a [crate::model::EntityKind],
    /// The organization the document is about (named most often, ahead of any other).
    pub main_org: Option<usize>,
}

/// Where a role is looked up from: a clause (verb trigger) or a noun group (noun trigger).
#[derive(Clone, Copy)]
enum Ctx {
    Clause(usize),
    Noun(usize),
}

impl<'a> Sentence<'a> {
    fn clause(&self, i: usize) -> &'a Clause {
        &self.st.clauses[i]
    }

    fn refs_of(&self, nouns: &[usize]) -> Vec<usize> {
        let mut out = Vec::new();
        for &n in nouns {
            for &c in &self.refs[n] {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
        out
    }

    /// Noun groups whose referents count for `n`: itself, or the members it lists ("rivals
    /// such as X", "ses jeux phares comme A ou B").
    fn stand_ins(&self, n: usize) -> Vec<usize> {
        if !self.refs[n].is_empty() {
            return vec![n];
        }
        let listed = self.incl(n);
        if listed.is_empty() {
            vec![n]
        } else {
            listed
        }
    }

    fn incl(&self, n: usize) -> Vec<usize> {
        self.st.listed[n].clone()
    }

    fn noun_chunk(&self, n: usize) -> usize {
        let start = self.p.nouns[n].start;
        self.p
            .chunks
            .iter()
            .position(|c| c.start == start && matches!(c.kind, ChunkKind::Noun(k) if k == n))
            .unwrap_or(0)
    }

    /// The organization a role or description names: its possessor, its qualifier, its
    /// "of/de/at/for" complement, a possessive determiner's referent.
    fn org_of(&self, n: usize) -> Vec<usize> {
        let mut r = self.org_of_any(n);
        // A known place employs nobody; a word that is also a small town ("directeur général
        // d'Orange") is the organization the role says it is.
        r.retain(|&c| !self.place[c]);
        r
    }

    fn org_of_any(&self, n: usize) -> Vec<usize> {
        let g = &self.p.nouns[n];
        // A name's role in apposition says its organization: "Kevin Walsh, the chief
        // executive of Marlow Foods, resigned".
        if g.name.is_some() {
            for (m, a) in self.st.apposition.iter().enumerate() {
                if *a == Some(n) && m != n {
                    let r = self.org_of_any(m);
                    if !r.is_empty() {
                        return r;
                    }
                }
            }
            // "Stan Deal, who leads Boeing's commercial division, will retire": the organization
            // a relative clause says the name leads.
            let r = self.org_led_in_relative(n);
            if !r.is_empty() {
                return r;
            }
            if g.qualifier.is_none() && g.possessor.is_none() && g.head_class.is_none() {
                return Vec::new();
            }
        }
        if let Some(q) = g.possessor {
            let r = self.refs_of(&self.stand_ins(q));
            if !r.is_empty() {
                return r;
            }
        }
        if matches!(g.det, Det::Possessive | Det::PluralPossessive) {
            // "son produit phare": products, channels and subsidiaries belong to organizations.
            let owned_thing = g.head_class.is_some_and(|t| {
                matches!(
                    self.lex.tag_name(t),
                    "product" | "media" | "subsidiary" | "rival" | "partner" | "parent"
                )
            });
            let r = if owned_thing {
                self.possessive_org(n)
            } else {
                self.possessive_det(n)
            };
            if !r.is_empty() {
                return r;
            }
        }
        // "Taiwan chip designer MediaTek": a place qualifies, it employs nobody.
        if let Some(c) = g.qualifier.and_then(|q| self.name_cluster(q)) {
            return if self.kinds[c] == crate::model::EntityKind::Place {
                Vec::new()
            } else {
                vec![c]
            };
        }
        for (t, grp) in &self.st.pps[n] {
            if [self.tags.of, self.tags.at, self.tags.for_].contains(&Some(*t)) {
                let r = self.refs_of(grp);
                if !r.is_empty() {
                    return r;
                }
                // "head of wealth management at Credit Suisse", "directeur de la
                // communication de Renault": a unit named by no entity, then its organization.
                for &m in grp {
                    for (t2, inner) in &self.st.pps[m] {
                        if [self.tags.of, self.tags.at].contains(&Some(*t2)) {
                            let r: Vec<usize> = self
                                .refs_of(inner)
                                .into_iter()
                                .filter(|&c| self.org_like[c])
                                .collect();
                            if !r.is_empty() {
                                return r;
                            }
                        }
                    }
                }
            }
        }
        Vec::new()
    }

    /// "co-founder Greg Brockman", "Former CEO Howard Schultz", "X, founder and CTO,": a role
    /// only an organization confers, in title position or in apposition, with no organization
    /// named, is a role at the organization the document is about.
    fn implicit_org(&self, n: usize) -> Vec<usize> {
        let g = &self.p.nouns[n];
        let Some(org) = self.main_org else {
            return Vec::new();
        };
        let corporate = (g.start..g.end).any(|k| {
            self.lex
                .section("corporate_roles")
                .match_at(|j| self.tokens.get(k + j).map(|t| t.low.as_str()))
                .is_some()
        });
        let person = self.refs[n]
            .iter()
            .all(|&c| self.actor[c] && !self.org_like[c]);
        if g.det != Det::None || !corporate || self.refs[n].is_empty() || !person {
            return Vec::new();
        }
        // With another organization in the sentence ("officials at Arista, including CEO X"),
        // the role may be there: leave it.
        let named = self.refs.iter().flatten().chain(self.name_clusters);
        let other_org = named
            .into_iter()
            .any(|&c| c != org && (self.org_like[c] || self.place[c]));
        if g.qualifier.is_some() || g.possessor.is_some() {
            return Vec::new();
        }
        if other_org {
            return Vec::new();
        }
        vec![org]
    }

    fn org_led_in_relative(&self, n: usize) -> Vec<usize> {
        let lead = self.lex.tag("lead");
        for c in &self.st.clauses {
            let leads = lead.is_some() && self.p.verbs[c.verb].class == lead;
            if c.kind != ClauseKind::Relative || !leads || !c.subject.contains(&n) {
                continue;
            }
            for &o in &c.object {
                // A unit of an organization ("Boeing's commercial division") is the
                // organization's.
                let owner = self.p.nouns[o]
                    .possessor
                    .filter(|_| self.refs[o].is_empty());
                let r = self.refs_of(&self.stand_ins(owner.unwrap_or(o)));
                let r: Vec<usize> = r.into_iter().filter(|&x| self.org_like[x]).collect();
                if !r.is_empty() {
                    return r;
                }
            }
        }
        Vec::new()
    }

    /// The cluster of the sentence's name `k`.
    fn name_cluster(&self, k: usize) -> Option<usize> {
        self.name_clusters.get(k).copied()
    }

    /// "its", "son", "leur": the entity the possessive stands for — the subject of the
    /// clause, else the nearest entity before.
    /// The nearest organization before `n`: the subject first, then the groups before.
    fn possessive_org(&self, n: usize) -> Vec<usize> {
        // "Skyra, its main rival": the possessor is not the group itself.
        let own: Vec<usize> = self.refs[n].clone();
        let org = |c: &usize| self.org_like[*c] && !own.contains(c);
        let cl = self
            .st
            .clauses
            .iter()
            .find(|c| c.subject.first().is_some_and(|&s| s != n) && self.clause_spans(c, n));
        if let Some(c) = cl {
            let r: Vec<usize> = self.refs_of(&c.subject).into_iter().filter(org).collect();
            if !r.is_empty() {
                return r;
            }
        }
        for m in (0..n).rev() {
            let r: Vec<usize> = self.refs[m].iter().copied().filter(org).collect();
            if !r.is_empty() {
                return r;
            }
        }
        Vec::new()
    }

    fn possessive_det(&self, n: usize) -> Vec<usize> {
        // "en critiquant son partenariat": what one criticizes or praises is someone else's.
        let judging = [
            self.lex.tag("criticize"),
            self.lex.tag("praise"),
            self.lex.tag("accuse"),
        ];
        let exclude: Vec<usize> = self
            .st
            .clauses
            .iter()
            .filter(|c| c.object.contains(&n) && judging.contains(&self.p.verbs[c.verb].class))
            .flat_map(|c| self.refs_of(&c.subject))
            .collect();
        self.possessive_det_excluding(n, &exclude)
    }

    /// The same, passing over `exclude`: "he respected his decision" judges someone else's.
    fn possessive_det_excluding(&self, n: usize, exclude: &[usize]) -> Vec<usize> {
        // "leurs boutiques respectives": "their" goes with the last coordination before.
        if self.p.nouns[n].det == Det::PluralPossessive {
            for m in (0..n).rev() {
                let g = &self.st.groups[m];
                if g.len() >= 2 && g[0] == m {
                    let r = self.refs_of(g);
                    if r.len() >= 2 {
                        return r;
                    }
                }
            }
        }
        let cl = self
            .st
            .clauses
            .iter()
            .find(|c| c.subject.first().is_some_and(|&s| s != n) && self.clause_spans(c, n));
        if let Some(c) = cl {
            let mut r = self.refs_of(&c.subject);
            r.retain(|x| !exclude.contains(x));
            if !r.is_empty() && !c.subject.contains(&n) {
                return r;
            }
        }
        for m in (0..n).rev() {
            if self.refs[m].is_empty()
                || self.p.nouns[m].pronoun == Some(Pronoun::Relative)
                || self.refs[m].iter().any(|x| exclude.contains(x))
            {
                continue;
            }
            return self.refs[m].clone();
        }
        Vec::new()
    }

    fn clause_spans(&self, c: &Clause, n: usize) -> bool {
        let nc = self.noun_chunk(n);
        let subj_c = c
            .subject
            .first()
            .map(|&s| self.noun_chunk(s))
            .unwrap_or(c.chunks.0);
        subj_c.min(c.chunks.0) <= nc && nc < c.chunks.1.max(c.chunks.0 + 1)
    }

    /// The clause a noun group is an argument of (object, subject or complement), with the
    /// preposition it comes under.
    fn host(&self, n: usize) -> Option<(usize, Option<Tag>)> {
        let root = self.st.groups[n][0];
        for (i, c) in self.st.clauses.iter().enumerate() {
            if c.object.contains(&n) || c.object.contains(&root) {
                return Some((i, None));
            }
        }
        // The nearest clause before the group that holds it as a complement.
        let nc = self.noun_chunk(n);
        let mut best: Option<(usize, Option<Tag>, usize)> = None;
        for (i, c) in self.st.clauses.iter().enumerate() {
            for (t, g) in &c.preps {
                if g.contains(&n)
                    && c.chunks.0 < nc
                    && best.is_none_or(|(_, _, at)| c.chunks.0 > at)
                {
                    best = Some((i, Some(*t), c.chunks.0));
                }
            }
        }
        if let Some((i, t, _)) = best {
            return Some((i, t));
        }
        // "le dépôt d'une plainte": the complement of a host's object.
        for (o, pps) in self.st.pps.iter().enumerate() {
            if pps
                .iter()
                .any(|(t, g)| Some(*t) == self.tags.of && g.contains(&n))
            {
                if let Some(h) = self.host(o) {
                    return Some(h);
                }
            }
        }
        for (i, c) in self.st.clauses.iter().enumerate() {
            if c.subject.contains(&n) {
                return Some((i, None));
            }
        }
        None
    }

    fn pp_of(&self, pps: &[(Tag, Vec<usize>)], t: Tag) -> Vec<usize> {
        pps.iter()
            .filter(|(p, _)| *p == t)
            .flat_map(|(_, g)| g.iter().flat_map(|&m| self.stand_ins(m)))
            .collect()
    }

    /// The entities a role path gives, from a context.
    fn eval(&self, ctx: Ctx, role: &[Step]) -> Vec<Vec<usize>> {
        let Some((first, rest)) = role.split_first() else {
            return Vec::new();
        };
        // Noun groups reached by the first step.
        let nouns: Vec<usize> = match (ctx, first) {
            (Ctx::Clause(c), Step::Subj) => self
                .clause(c)
                .subject
                .iter()
                .flat_map(|&m| self.stand_ins(m))
                .collect(),
            (Ctx::Clause(c), Step::Obj) if rest == [Step::Poss] => {
                // "condemned Ratcliffe's remarks", "respected his decision": the owner of the
                // object, someone else than the subject when a pronoun says "his".
                let subject = self.refs_of(&self.clause(c).subject);
                let mut out = Vec::new();
                for &o in &self.clause(c).object {
                    let g = &self.p.nouns[o];
                    let r = match g.possessor {
                        Some(q) => self.refs_of(&self.stand_ins(q)),
                        None if matches!(g.det, Det::Possessive | Det::PluralPossessive) => {
                            self.possessive_det_excluding(o, &subject)
                        }
                        None => Vec::new(),
                    };
                    out.extend(r);
                }
                return if out.is_empty() {
                    Vec::new()
                } else {
                    vec![out]
                };
            }
            (Ctx::Clause(c), Step::Obj) => self
                .clause(c)
                .object
                .iter()
                .flat_map(|&m| self.stand_ins(m))
                .collect(),
            (Ctx::Clause(c), Step::Agent) => self
                .clause(c)
                .agent
                .iter()
                .flat_map(|&m| self.stand_ins(m))
                .collect(),
            (Ctx::Clause(c), Step::Pp(t)) => self.pp_of(&self.clause(c).preps, *t),
            (Ctx::Clause(c), Step::Group) => {
                let s = self.refs_of(&self.clause(c).subject);
                return if s.len() >= 2 { vec![s] } else { Vec::new() };
            }
            (Ctx::Clause(c), Step::Comp) => {
                let comp: Vec<usize> = self
                    .st
                    .clauses
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| x.governor == Some(c) && x.kind == ClauseKind::Complement)
                    .map(|(i, _)| i)
                    .collect();
                return comp
                    .into_iter()
                    .flat_map(|i| self.eval(Ctx::Clause(i), rest))
                    .collect();
            }
            (Ctx::Noun(n), Step::SelfRef) => self.stand_ins(n),
            (Ctx::Noun(n), Step::Org) => {
                let r = self.org_of(n);
                return vec![if r.is_empty() {
                    self.implicit_org(n)
                } else {
                    r
                }];
            }
            (Ctx::Noun(n), Step::Poss) => {
                let g = &self.p.nouns[n];
                match g.possessor {
                    Some(q) => self.stand_ins(q),
                    None if matches!(g.det, Det::Possessive | Det::PluralPossessive) => {
                        return vec![self.possessive_det(n)]
                    }
                    None => Vec::new(),
                }
            }
            (Ctx::Noun(n), Step::Qual) => {
                return self.p.nouns[n]
                    .qualifier
                    .and_then(|q| self.name_cluster(q))
                    .map(|c| vec![vec![c]])
                    .unwrap_or_default();
            }
            (Ctx::Noun(n), Step::Pp(t)) => self.pp_of(&self.st.pps[n], *t),
            (Ctx::Noun(n), Step::Incl) => self.incl(n),
            (Ctx::Noun(n), Step::Pair) => {
                // "between X and Y", "the merger of X and Y", "l'accord entre X et Y".
                for (t, g) in &self.st.pps[n] {
                    if (Some(*t) == self.tags.between || Some(*t) == self.tags.of) && g.len() >= 2 {
                        let r = self.refs_of(g);
                        if r.len() >= 2 {
                            return vec![r];
                        }
                    }
                }
                return Vec::new();
            }
            (_, Step::Main) => {
                let main =
                    self.st.clauses.iter().find(|c| {
                        c.kind == ClauseKind::Main && !c.in_quote && !c.subject.is_empty()
                    });
                return main
                    .map(|c| vec![self.refs_of(&c.subject)])
                    .filter(|r| !r[0].is_empty())
                    .unwrap_or_default();
            }
            (Ctx::Noun(n), Step::Host) => {
                let Some((h, _)) = self.host(n) else {
                    return Vec::new();
                };
                return self.eval(Ctx::Clause(h), rest);
            }
            _ => return Vec::new(),
        };
        if rest.is_empty() {
            let r = self.refs_of(&nouns);
            return if r.is_empty() { Vec::new() } else { vec![r] };
        }
        nouns
            .into_iter()
            .flat_map(|m| self.eval(Ctx::Noun(m), rest))
            .collect()
    }

    fn first_alternative(&self, ctx: Ctx, alts: &[Role]) -> Vec<usize> {
        self.first_alternative_besides(ctx, alts, &[])
    }

    /// A pattern's target. A departure's first alternative may give the one leaving again:
    /// "le départ de X, PDG de Y" names X, then Y as what X leaves.
    fn target_of(&self, pat: &Pattern, ctx: Ctx, source: &[usize]) -> Vec<usize> {
        if pat.relation == RelationKind::Left {
            self.first_alternative_besides(ctx, &pat.target, source)
        } else {
            self.first_alternative(ctx, &pat.target)
        }
    }

    /// The first alternative that gives someone else than `source`.
    fn first_alternative_besides(&self, ctx: Ctx, alts: &[Role], source: &[usize]) -> Vec<usize> {
        for alt in alts {
            let r: Vec<usize> = self.eval(ctx, alt).into_iter().flatten().collect();
            if !r.is_empty() && !r.iter().all(|c| source.contains(c)) {
                return r;
            }
        }
        Vec::new()
    }

    /// The chunks a clause's words span for judgement: from its subject to the next verb
    /// group, quoted words included.
    fn extent(&self, i: usize) -> (usize, usize) {
        let c = self.clause(i);
        let next_verb = self
            .st
            .clauses
            .iter()
            .map(|x| x.chunks.0)
            .filter(|&v| v > c.chunks.0)
            .min()
            .unwrap_or(self.p.chunks.len());
        let from = c.chunks.0.saturating_sub(1).min(
            c.subject
                .first()
                .map(|&n| self.noun_chunk(n))
                .unwrap_or(c.chunks.0),
        );
        (from, next_verb.max(c.chunks.1))
    }

    /// Judgement words in chunks `a..b`: positive minus negative, a negator just before a
    /// word turning it around.
    pub fn judgement(&self, a: usize, b: usize) -> i32 {
        let (Some(pos), Some(neg)) = (self.lex.tag("positive"), self.lex.tag("negative")) else {
            return 0;
        };
        let sec = self.lex.section("judgement");
        let toks = self.tokens;
        let (ta, tb) = (
            self.p.chunks.get(a).map(|c| c.start).unwrap_or(toks.len()),
            self.p
                .chunks
                .get(b.saturating_sub(1))
                .map(|c| c.end)
                .unwrap_or(toks.len()),
        );
        let mut score = 0;
        let mut i = ta;
        while i < tb {
            if let Some((Some(tag), n)) = sec.match_at(|k| {
                toks.get(i + k)
                    .filter(|_| i + k < tb)
                    .map(|t| t.low.as_str())
            }) {
                let negated = (i.saturating_sub(3)..i)
                    .any(|k| self.lex.has("judgement_negators", &toks[k].low));
                let v = if tag == pos {
                    1
                } else if tag == neg {
                    -1
                } else {
                    0
                };
                score += if negated { -v } else { v };
                i += n;
            } else {
                i += 1;
            }
        }
        score
    }

    fn clause_has_legal(&self, c: &Clause) -> bool {
        let toks = self.tokens;
        let (ta, tb) = (
            self.p.chunks.get(c.chunks.0).map(|x| x.start).unwrap_or(0),
            self.p
                .chunks
                .get(c.chunks.1.saturating_sub(1))
                .map(|x| x.end)
                .unwrap_or(toks.len())
                .max(self.p.verbs[c.verb].end),
        );
        let sec = self.lex.section("legal");
        (ta..tb.min(toks.len())).any(|i| {
            sec.match_at(|k| toks.get(i + k).map(|t| t.low.as_str()))
                .is_some()
        })
    }

    fn conds_hold(&self, ctx: Ctx, conds: &[Cond]) -> bool {
        conds.iter().all(|c| self.cond_holds(ctx, c))
    }

    /// A noun group or a name of a financial backer.
    fn financial(&self, nouns: &[usize]) -> bool {
        nouns.iter().any(|&n| {
            let g = &self.p.nouns[n];
            let fund_noun = g.head_class.is_some_and(|t| self.lex.tag_name(t) == "fund");
            let fin_name = g.name.is_some()
                && self
                    .tokens
                    .get(g.end.saturating_sub(1))
                    .is_some_and(|t| self.lex.has("fin_words", &t.low));
            fund_noun || fin_name
        })
    }

    fn cond_holds(&self, ctx: Ctx, c: &Cond) -> bool {
        match (ctx, c) {
            (_, Cond::Not(inner)) => !self.cond_holds(ctx, inner),
            (_, Cond::TargetKind(_)) => true,
            (Ctx::Clause(i), Cond::Financial(Step::Subj)) => {
                self.financial(&self.clause(i).subject)
            }
            (Ctx::Clause(i), Cond::Financial(_)) => self.financial(&self.clause(i).agent),
            (Ctx::Noun(n), Cond::Named) => self.p.nouns[n].name.is_some(),
            (Ctx::Noun(n), Cond::Department) => {
                // An "of" complement without entity (a department) and an organization after.
                // The role may be the name's apposition: "X, the head of sales at Y".
                let roles = std::iter::once(n).chain(
                    self.st
                        .apposition
                        .iter()
                        .enumerate()
                        .filter(|&(m, a)| *a == Some(n) && m != n)
                        .map(|(m, _)| m),
                );
                let dept = roles.flat_map(|r| self.st.pps[r].iter()).any(|(t, g)| {
                    // "wealth management", "la communication": a unit, even when the
                    // reference stage lets it speak for the organization after it.
                    let unit = |m: usize| {
                        self.refs[m].is_empty()
                            || self.p.nouns[m]
                                .head_class
                                .is_some_and(|h| self.lex.tag_name(h) == "group")
                    };
                    Some(*t) == self.tags.of
                        && g.iter().all(|&m| self.p.nouns[m].name.is_none() && unit(m))
                });
                dept && !self.org_of(n).is_empty()
            }
            (Ctx::Clause(i), Cond::Active) => !self.clause(i).passive,
            (Ctx::Clause(i), Cond::Passive) => self.clause(i).passive,
            (Ctx::Clause(i), Cond::Reflexive) => self.p.verbs[self.clause(i).verb].reflexive,
            (Ctx::Clause(i), Cond::NoObject) => {
                let c = self.clause(i);
                self.refs_of(&c.object).is_empty()
                    && self
                        .pp_of(&c.preps, self.tags.with.unwrap_or(u16::MAX))
                        .iter()
                        .all(|&m| self.refs[m].is_empty())
            }
            (_, Cond::Grievance) => {
                let sec = self.lex.section("grievances");
                (0..self.tokens.len()).any(|i| {
                    sec.match_at(|k| self.tokens.get(i + k).map(|t| t.low.as_str()))
                        .is_some()
                })
            }
            (Ctx::Clause(i), Cond::Legal(want)) => self.clause_has_legal(self.clause(i)) == *want,
            (Ctx::Clause(i), Cond::ObjectClass(cls)) => self
                .clause(i)
                .object
                .iter()
                .any(|&o| self.p.nouns[o].head_class.is_some_and(|h| cls.contains(&h))),
            (Ctx::Clause(i), Cond::SubjectClass(cls)) => self
                .clause(i)
                .subject
                .iter()
                .any(|&o| self.p.nouns[o].head_class.is_some_and(|h| cls.contains(&h))),
            (Ctx::Clause(i), Cond::Plural) => self.refs_of(&self.clause(i).subject).len() >= 2,
            (Ctx::Clause(i), Cond::Judged(pos)) => {
                let (a, b) = self.extent(i);
                let s = self.judgement(a, b);
                if *pos {
                    s > 0
                } else {
                    s < 0
                }
            }
            (Ctx::Noun(n), Cond::HostClass(cls)) => self.host(n).is_some_and(|(h, _)| {
                self.p.verbs[self.clause(h).verb]
                    .class
                    .is_some_and(|v| cls.contains(&v))
            }),
            (Ctx::Noun(n), Cond::Via(t)) => self.st.governed_by[n] == Some(*t),
            (Ctx::Noun(n), Cond::Former(want)) => self.p.nouns[n].former == *want,
            (Ctx::Noun(n), Cond::Modifier(t)) => self.p.nouns[n].modifiers.contains(t),
            (Ctx::Noun(n), Cond::Legal(want)) => {
                self.host(n)
                    .is_some_and(|(h, _)| self.clause_has_legal(self.clause(h)))
                    == *want
            }
            _ => false,
        }
    }

    /// The verb-level doubt of a clause: negated, denied, a plan.
    fn doubt(&self, i: usize) -> (bool, bool) {
        let c = self.clause(i);
        let v = &self.p.verbs[c.verb];
        let deny = self.lex.tag("deny");
        let mut negated = v.negated;
        let mut unrealized = v.modal.is_some();
        // "denied that it had sued": the complement of a denial; a plan governs too.
        let mut g = c.governor;
        let mut hops = 0;
        while let Some(j) = g {
            let gv = &self.p.verbs[self.clause(j).verb];
            if gv.class.is_some() && gv.class == deny {
                negated = !negated;
            }
            if gv.modal.is_some() && self.clause(i).kind == ClauseKind::Infinitive {
                unrealized = true;
            }
            g = self.clause(j).governor;
            hops += 1;
            if hops > 4 {
                break;
            }
        }
        (negated, unrealized)
    }
}

/// Runs every pattern over one sentence.
pub fn run(pats: &Patterns, s: &Sentence, out: &mut Vec<Match>, misses: &mut Vec<Miss>) {
    let before = out.len();
    for (pi, pat) in pats.patterns.iter().enumerate() {
        match &pat.trigger {
            Trigger::Verb(classes) => {
                for (ci, c) in s.st.clauses.iter().enumerate() {
                    let v = &s.p.verbs[c.verb];
                    if !v.class.is_some_and(|k| classes.contains(&k))
                        || !s.conds_hold(Ctx::Clause(ci), &pat.conds)
                    {
                        continue;
                    }
                    let src = s.first_alternative(Ctx::Clause(ci), &pat.source);
                    let tgt = s.target_of(pat, Ctx::Clause(ci), &src);
                    let (negated, unrealized) = s.doubt(ci);
                    emit(
                        s,
                        pat,
                        pi,
                        &src,
                        &tgt,
                        negated,
                        unrealized,
                        Some(ci),
                        (v.head, v.end),
                        out,
                    );
                }
            }
            Trigger::Noun(classes) => {
                for (n, g) in s.p.nouns.iter().enumerate() {
                    if !g.head_class.is_some_and(|k| classes.contains(&k))
                        || !s.conds_hold(Ctx::Noun(n), &pat.conds)
                    {
                        continue;
                    }
                    let src = s.first_alternative(Ctx::Noun(n), &pat.source);
                    let tgt = s.target_of(pat, Ctx::Noun(n), &src);
                    let host = s.host(n).map(|(h, _)| h);
                    let (mut negated, unrealized) =
                        host.map(|h| s.doubt(h)).unwrap_or((false, false));
                    // "X a démenti tout partenariat avec Y", "denied any deal": the noun is
                    // what the host verb denies.
                    let deny = s.lex.tag("deny");
                    if host.is_some_and(|h| {
                        deny.is_some() && s.p.verbs[s.clause(h).verb].class == deny
                    }) {
                        negated = !negated;
                    }
                    // "leurs boutiques respectives (App Store et Google Play)": each its own.
                    let respective = (g.start..g.end + 4).any(|k| {
                        s.tokens
                            .get(k)
                            .is_some_and(|t| t.low.starts_with("respecti"))
                    });
                    if respective && src.len() == tgt.len() && src.len() > 1 {
                        for (x, y) in src.iter().zip(tgt.iter()) {
                            emit(
                                s,
                                pat,
                                pi,
                                &[*x],
                                &[*y],
                                negated,
                                unrealized,
                                host,
                                (g.start, g.end),
                                out,
                            );
                        }
                        continue;
                    }
                    emit(
                        s,
                        pat,
                        pi,
                        &src,
                        &tgt,
                        negated,
                        unrealized,
                        host,
                        (g.start, g.end),
                        out,
                    );
                }
            }
            Trigger::Judgement(positive) => judgements(pat, pi, *positive, s, out),
        }
    }
    // Triggers that gave nothing, and why.
    for c in &s.st.clauses {
        let v = &s.p.verbs[c.verb];
        let Some(class) = v.class else { continue };
        if !pats.triggers_verb(class) || out[before..].iter().any(|m| m.at.0 == v.head) {
            continue;
        }
        let reason = if v.modal.is_some() {
            "a plan or an attempt, not a fact"
        } else if v.negated {
            "negated"
        } else if c.subject.is_empty() && c.agent.is_empty() {
            "no subject found"
        } else if s.refs_of(&c.subject).is_empty() && c.agent.is_empty() {
            "the subject refers to no known entity"
        } else {
            "no object or complement that a pattern of this verb takes"
        };
        misses.push(Miss {
            at: (v.head, v.end),
            reason: reason.to_string(),
        });
    }
}

#[allow(clippy::too_many_arguments)]
fn emit(
    s: &Sentence,
    pat: &Pattern,
    pi: usize,
    src: &[usize],
    tgt: &[usize],
    negated: bool,
    unrealized: bool,
    clause: Option<usize>,
    at: (usize, usize),
    out: &mut Vec<Match>,
) {
    let kinds = s.kinds;
    let tgt: Vec<usize> = tgt
        .iter()
        .copied()
        .filter(|&t| {
            pat.conds
                .iter()
                .all(|c| !matches!(c, Cond::TargetKind(k) if !kind_fits(kinds.get(t), *k)))
        })
        .collect();
    let tgt = &tgt[..];
    // "pair", "group", or the same role on both sides ("leur partenariat": poss poss).
    let pairwise = pat
        .source
        .iter()
        .any(|r| matches!(r.last(), Some(Step::Pair | Step::Group)))
        || pat.source == pat.target;
    if pairwise {
        // A pair holds a one-way relation both ways: in a feud each criticizes the other.
        let both_ways = !pat.relation.is_symmetric();
        for (a, &x) in src.iter().enumerate() {
            for &y in &src[a + 1..] {
                let ways: &[(usize, usize)] = if both_ways {
                    &[(x, y), (y, x)]
                } else {
                    &[(x, y)]
                };
                for &(source, target) in ways {
                    out.push(Match {
                        relation: pat.relation,
                        source,
                        target,
                        pattern: pi,
                        negated,
                        unrealized,
                        clause,
                        at,
                    });
                }
            }
        }
        return;
    }
    for &x in src {
        for &y in tgt {
            if x != y {
                out.push(Match {
                    relation: pat.relation,
                    source: x,
                    target: y,
                    pattern: pi,
                    negated,
                    unrealized,
                    clause,
                    at,
                });
            }
        }
    }
}

/// Quoted or reported judgements: who the words judge is an entity named in the subject
/// (or its possessor) of a clause inside the quote or the reported complement, and the
/// clause holds more judgement words of one polarity than of the other.
fn judgements(pat: &Pattern, pi: usize, positive: bool, s: &Sentence, out: &mut Vec<Match>) {
    let quoted = s.st.in_quote.iter().any(|q| *q);
    let speaker: Vec<usize> = {
        let r = s.refs_of(&s.st.speaker);
        if r.is_empty() && quoted {
            s.carried_speaker.to_vec()
        } else {
            r
        }
    };
    if speaker.is_empty() {
        return;
    }
    let reporting = |c: &Clause| {
        let cls = s.p.verbs[c.verb].class;
        cls.is_some() && (cls == s.tags.say || cls == s.lex.tag("accuse") || cls == s.tags.call)
    };
    for (ci, c) in s.st.clauses.iter().enumerate() {
        let reported = s.st.reported_from.is_some_and(|r| c.chunks.0 > r)
            || s.st.reported_until.is_some_and(|r| c.chunks.0 < r);
        let in_scope = c.in_quote
            || reported
            || c.kind == ClauseKind::Complement
                && c.governor.is_some_and(|g| reporting(s.clause(g)));
        if !in_scope {
            continue;
        }
        let (from, to) = s.extent(ci);
        let score = s.judgement(from, to);
        if positive && score <= 0 || !positive && score >= 0 {
            continue;
        }
        // The judged: the subject, or the owner of a subject like "X's strategy"; for praise
        // also the object and complements ("thanks go to Carlos").
        let mut judged: Vec<usize> = Vec::new();
        for &n in &c.subject {
            let g = &s.p.nouns[n];
            if g.pronoun == Some(Pronoun::First) {
                continue;
            }
            if s.refs[n].is_empty() {
                if let Some(q) = g.possessor {
                    judged.extend(s.refs[q].iter().copied());
                }
            } else {
                judged.extend(s.refs[n].iter().copied());
            }
        }
        if positive || judged.is_empty() {
            // Objects, and the people thanks and praise go to ("thanks go to Carlos").
            let to_for = |t: &Tag| matches!(s.lex.tag_name(*t), "to" | "for" | "at");
            for &n in c.object.iter().chain(
                c.preps
                    .iter()
                    .filter(|(t, _)| to_for(t))
                    .flat_map(|(_, g)| g.iter()),
            ) {
                if s.p.nouns[n].pronoun == Some(Pronoun::First) {
                    continue;
                }
                judged.extend(s.refs[n].iter().copied());
            }
        }
        let (negated, unrealized) = s.doubt(ci);
        let v = &s.p.verbs[c.verb];
        // Words judge people and organizations, not products or places.
        judged.retain(|&y| s.actor[y]);
        for &y in &judged {
            for &x in &speaker {
                if x != y {
                    out.push(Match {
                        relation: pat.relation,
                        source: x,
                        target: y,
                        pattern: pi,
                        negated,
                        unrealized,
                        clause: Some(ci),
                        at: (v.head, v.end),
                    });
                }
            }
        }
    }
}

pub fn french(lex: &Lexicon) -> &'static Patterns {
    static P: std::sync::OnceLock<Patterns> = std::sync::OnceLock::new();
    P.get_or_init(|| Patterns::parse(include_str!("patterns/fr.pat"), lex).unwrap_or_default())
}

pub fn english(lex: &Lexicon) -> &'static Patterns {
    static P: std::sync::OnceLock<Patterns> = std::sync::OnceLock::new();
    P.get_or_init(|| Patterns::parse(include_str!("patterns/en.pat"), lex).unwrap_or_default())
}

/// A condition's kind: a medium is an organization too ("Current TV fired X").
fn kind_fits(actual: Option<&crate::model::EntityKind>, wanted: crate::model::EntityKind) -> bool {
    use crate::model::EntityKind;
    actual == Some(&wanted)
        || wanted == EntityKind::Organization && actual == Some(&EntityKind::Media)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon;

    #[test]
    fn both_pattern_files_parse() {
        for (src, lex) in [
            (include_str!("patterns/fr.pat"), lexicon::french()),
            (include_str!("patterns/en.pat"), lexicon::english()),
        ] {
            let p = Patterns::parse(src, lex).unwrap();
            assert!(p.patterns.len() > 30);
            for r in RelationKind::ALL {
                assert!(
                    p.patterns.iter().any(|x| x.relation == r),
                    "no pattern for {r}"
                );
            }
        }
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let e = Patterns::parse(
            "sued v:sue active subj obj\nsued v:nosuchclass - subj obj\n",
            lexicon::english(),
        )
        .unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("nosuchclass"));
    }
}
