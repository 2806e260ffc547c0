//! Reference: what each noun group of a sentence stands for. A name stands for its
//! cluster; a descriptor in apposition for the name it describes; a relative pronoun for
//! its antecedent; a pronoun ("il", "it", "they") or a definite description ("the company",
//! "le milliardaire", "les deux groupes") for an entity named before, chosen with the
//! discourse carried from sentence to sentence (the last subjects, the last pair, the
//! entities seen recently, what the same words meant before).

use rustc_hash::FxHashMap as HashMap;

use super::clauses::{Clause, ClauseKind, Structure};
use super::lexicon::Lexicon;
use super::names::{Cluster, Name};
use super::phrases::{ChunkKind, Det, Phrases, Pronoun};
use crate::model::{EntityKind, RelationKind};

/// What carries over from one sentence to the next.
#[derive(Debug, Default)]
pub struct Discourse {
    pub sentence: usize,
    last_subject: Vec<usize>,
    /// The last subject was plural ("les dirigeants", "they", "A and B").
    last_subject_plural: bool,
    last_person_subject: Option<usize>,
    last_org_subject: Option<usize>,
    /// Entities in order of mention, most recent last.
    recent: Vec<usize>,
    /// Sentence of each entity's last mention.
    last_seen: HashMap<usize, usize>,
    /// The last coordination of two or more entities ("Renault et Geely").
    last_group: Vec<usize>,
    /// Recent coordinations, most recent last.
    group_history: Vec<Vec<usize>>,
    /// What a descriptor's words meant last ("the company" → 3), and when.
    descriptors: HashMap<String, (usize, usize)>,
    /// What a group's words meant ("attorneys general" → the organizations they speak for).
    groups: HashMap<String, Vec<usize>>,
    /// The organization the previous sentence was about.
    topic_org: Option<usize>,
    /// The speaker of a quote still open at the end of the previous sentence.
    pub open_quote_speaker: Vec<usize>,
    /// The last speaker, for quotes whose speaker is named only before.
    pub last_speaker: Vec<usize>,
    /// Relations stated so far: (role class, holder, organization), so that "WhatsApp's
    /// owner" or "le PDG d'Ubisoft" later stand for who was said to hold the role.
    roles: Vec<(&'static str, usize, usize)>,
}

/// The referents of one sentence's noun groups (empty: refers to no known entity).
pub type Referents = Vec<Vec<usize>>;

fn kind_of_class(lex: &Lexicon, class: Option<u16>) -> Option<EntityKind> {
    let name = lex.tag_name(class?);
    Some(match name {
        n if n.starts_with("role_") => EntityKind::Person,
        "person" | "critic" => EntityKind::Person,
        "org" | "parent" | "subsidiary" | "rival" | "partner" => EntityKind::Organization,
        "media" => EntityKind::Media,
        "product" => EntityKind::Product,
        "place" => EntityKind::Place,
        "group" => EntityKind::Group,
        _ => return None,
    })
}

pub fn is_actor(k: EntityKind) -> bool {
    matches!(
        k,
        EntityKind::Person | EntityKind::Organization | EntityKind::Media | EntityKind::Group
    )
}

fn org_like(k: EntityKind) -> bool {
    matches!(k, EntityKind::Organization | EntityKind::Media)
}

/// The role class a relation fills: leads is what a "chief executive" does, owns what an
/// "owner" or "parent company" does.
fn role_class(rel: RelationKind) -> Option<&'static str> {
    Some(match rel {
        RelationKind::Leads => "role_lead",
        RelationKind::Owns | RelationKind::Acquired => "role_owner",
        RelationKind::Founded => "role_founder",
        RelationKind::MemberOf => "role_member",
        RelationKind::InvestedIn => "role_investor",
        _ => return None,
    })
}

impl Discourse {
    /// The most recent coordination whose members all fit.
    fn last_group_fitting(
        &self,
        clusters: &[Cluster],
        fits: impl Fn(EntityKind) -> bool,
    ) -> Vec<usize> {
        self.group_history
            .iter()
            .rev()
            .find(|g| g.iter().all(|&c| fits(clusters[c].kind)))
            .cloned()
            .unwrap_or_default()
    }

    /// Remembers the roles a sentence stated.
    pub fn learn(&mut self, relations: impl Iterator<Item = (RelationKind, usize, usize)>) {
        for (rel, holder, org) in relations {
            if let Some(class) = role_class(rel) {
                if !self.roles.contains(&(class, holder, org)) {
                    self.roles.push((class, holder, org));
                }
            }
        }
    }

    /// Who was said to hold a role of an organization, when exactly one was.
    fn holder(&self, class: &str, orgs: &[usize]) -> Option<usize> {
        let class = if class == "parent" {
            "role_owner"
        } else {
            class
        };
        let mut found = self
            .roles
            .iter()
            .filter(|(c, _, o)| *c == class && orgs.contains(o))
            .map(|(_, h, _)| *h);
        let first = found.next()?;
        found.all(|h| h == first).then_some(first)
    }

    /// Resolves the noun groups of one sentence, left to right, then moves the discourse
    /// forward.
    #[allow(clippy::too_many_arguments)]
    pub fn resolve(
        &mut self,
        text: &str,
        tokens: &[super::text::Token],
        p: &Phrases,
        st: &Structure,
        names: &[Name],
        clusters: &mut Vec<Cluster>,
        lex: &Lexicon,
        lang_fr: bool,
    ) -> Referents {
        let nn = p.nouns.len();
        let mut refs: Referents = vec![Vec::new(); nn];
        let main_subject_first = st
            .clauses
            .iter()
            .find(|c| c.kind == ClauseKind::Main && !c.in_quote)
            .and_then(|c| c.subject.first().copied());
        // Names first: they anchor everything else. "the Nimbus assistant", "le quotidien Le
        // Monde" without a name after it: a singular product or medium named by its qualifier.
        for (n, g) in p.nouns.iter().enumerate() {
            if let Some(k) = g.name {
                refs[n] = vec![names[k].cluster];
            } else if let (Some(q), Some(kind)) = (g.qualifier, kind_of_class(lex, g.head_class)) {
                if matches!(kind, EntityKind::Product | EntityKind::Media)
                    && !g.plural
                    && g.det == Det::Definite
                {
                    let c = names[q].cluster;
                    refs[n] = vec![c];
                    if !clusters[c].kind_sure {
                        clusters[c].kind = kind;
                        clusters[c].kind_sure = true;
                    }
                }
            }
        }
        let speaker_refs = |refs: &Referents| -> Vec<usize> {
            st.speaker.iter().flat_map(|&s| refs[s].clone()).collect()
        };
        for n in 0..nn {
            if !refs[n].is_empty() {
                continue;
            }
            let g = &p.nouns[n];
            // Appositions: the descriptor stands for the name it describes.
            if let Some(a) = st.apposition[n] {
                if let Some(&c) = refs[a].first() {
                    // "ses deux membres, OVHcloud et Aruba": a plural stands for the list.
                    let listed: Vec<usize> = if g.plural {
                        st.groups[a].iter().flat_map(|&m| refs[m].clone()).collect()
                    } else {
                        Vec::new()
                    };
                    if listed.len() >= 2 {
                        refs[n] = listed;
                        continue;
                    }
                    refs[n] = vec![c];
                    self.note_descriptor(text, tokens, p, n, c, clusters, lex, true);
                    continue;
                }
            }
            match g.pronoun {
                Some(Pronoun::Relative) => continue,
                Some(Pronoun::First) => {
                    let s = if st.in_quote.iter().any(|q| *q) || st.starts_in_quote {
                        speaker_refs(&refs)
                    } else {
                        Vec::new()
                    };
                    let s = if s.is_empty() {
                        self.open_quote_speaker.clone()
                    } else {
                        s
                    };
                    refs[n] = s;
                    continue;
                }
                Some(Pronoun::Second) => continue,
                Some(Pronoun::Person) if g.inverted_say => {
                    // "« ... », a-t-il déclaré": the one who spoke last, else the last person.
                    let last = self
                        .last_speaker
                        .first()
                        .copied()
                        .filter(|&c| clusters[c].kind == EntityKind::Person);
                    refs[n] = last.or(self.last_person_subject).into_iter().collect();
                    continue;
                }
                Some(Pronoun::Org | Pronoun::Person | Pronoun::Group)
                    if self.gerund_object(n, p, st).is_some() =>
                {
                    // "X sued Y, accusing it of fraud": the object of a gerund clause is the
                    // object of the clause it depends on.
                    let gov = self.gerund_object(n, p, st).unwrap_or_default();
                    refs[n] = gov.iter().flat_map(|&m| refs[m].clone()).collect();
                    continue;
                }
                Some(Pronoun::Person) => {
                    refs[n] = self
                        .person_pronoun(n, p, &refs, clusters, lang_fr, main_subject_first)
                        .into_iter()
                        .collect();
                    continue;
                }
                Some(Pronoun::Org) => {
                    refs[n] = self
                        .org_pronoun(n, p, &refs, clusters, main_subject_first)
                        .into_iter()
                        .collect();
                    continue;
                }
                Some(Pronoun::Group) => {
                    refs[n] = self.group_pronoun(n, p, st, &refs, clusters);
                    continue;
                }
                None => {}
            }
            // "the position of CEO", "le poste de PDG": a bare role after a post names the
            // post, not someone who holds it.
            let post_named = g.det == Det::None
                && (0..nn).any(|m| {
                    p.nouns[m]
                        .head_class
                        .is_some_and(|t| lex.tag_name(t) == "post")
                        && st.pps[m]
                            .iter()
                            .any(|(t, grp)| lex.tag_name(*t) == "of" && grp.contains(&n))
                });
            if post_named {
                continue;
            }
            // A role of a named organization: "WhatsApp's owner", "le PDG d'Ubisoft" stand for
            // who was said to hold it.
            if let Some(class) = g
                .head_class
                .map(|t| lex.tag_name(t))
                .filter(|c| c.starts_with("role_") || *c == "parent")
            {
                let mut orgs: Vec<usize> = Vec::new();
                if let Some(q) = g.possessor {
                    orgs.extend(refs[q].iter().copied());
                }
                if let Some(q) = g.qualifier {
                    orgs.push(names[q].cluster);
                }
                for (t, grp) in &st.pps[n] {
                    if lex.tag_name(*t) == "of" {
                        orgs.extend(grp.iter().flat_map(|&m| refs[m].clone()));
                    }
                }
                if let Some(h) = (!orgs.is_empty())
                    .then(|| self.holder(class, &orgs))
                    .flatten()
                {
                    refs[n] = vec![h];
                    continue;
                }
                // "confronter le PDG de Tesla": a head of an organization named before, without
                // a name here, is the person the text is about (not the clause's subject).
                if class == "role_lead"
                    && !orgs.is_empty()
                    && matches!(g.det, Det::Definite)
                    && st.apposition[n].is_none()
                {
                    let subj: Vec<usize> = main_subject_first
                        .map(|s| refs[s].clone())
                        .unwrap_or_default();
                    if let Some(c) = self.salient(clusters, |c| c.kind == EntityKind::Person, &subj)
                    {
                        refs[n] = vec![c];
                        continue;
                    }
                }
            }
            // "des dirigeants d'OpenAI": people speaking for an organization, even unnamed.
            if g.head_class.is_some_and(|t| lex.tag_name(t) == "group")
                && matches!(g.det, Det::Indefinite)
            {
                let orgs: Vec<usize> = st.pps[n]
                    .iter()
                    .filter(|(t, _)| {
                        matches!(lex.tag_name(*t), "of" | "with" | "for" | "from" | "at")
                    })
                    .flat_map(|(_, grp)| grp.iter().flat_map(|&m| refs[m].clone()))
                    .filter(|&c| org_like(clusters[c].kind))
                    .collect();
                if !orgs.is_empty() {
                    refs[n] = orgs;
                    continue;
                }
            }
            // "quelqu'un que nous admirons", "someone who": the person the text is about.
            if g.head_class.is_some_and(|t| lex.tag_name(t) == "someone") {
                let mut exclude: Vec<usize> = speaker_refs(&refs);
                exclude.extend(self.open_quote_speaker.iter().copied());
                refs[n] = self
                    .salient(clusters, |c| c.kind == EntityKind::Person, &exclude)
                    .into_iter()
                    .collect();
                continue;
            }
            // A description: "the company", "le milliardaire", "les deux groupes".
            if g.head_class.is_none() || matches!(g.det, Det::Indefinite) {
                continue;
            }
            let Some(kind) = kind_of_class(lex, g.head_class) else {
                continue;
            };
            let key = descriptor_key(tokens, g.head, g.end);
            // "the board of Acme", "Acme's board", "le conseil d'administration
            // d'Acme": a governing body acts for its organization.
            let body_of: Vec<usize> =
                if org_like(kind) && lex.has("governing_bodies", &tokens[g.head].low) {
                    let mut owners: Vec<usize> = Vec::new();
                    if let Some(q) = g.possessor {
                        owners.extend(refs[q].iter().copied());
                    }
                    for (t, grp) in &st.pps[n] {
                        if matches!(lex.tag_name(*t), "of") {
                            owners.extend(grp.iter().flat_map(|&m| refs[m].clone()));
                            // "le conseil d'administration de Telvia".
                            for &m in grp {
                                for (t2, inner) in &st.pps[m] {
                                    if matches!(lex.tag_name(*t2), "of") {
                                        owners.extend(inner.iter().flat_map(|&x| refs[x].clone()));
                                    }
                                }
                            }
                        }
                    }
                    owners.retain(|&c| org_like(clusters[c].kind));
                    owners.truncate(1);
                    owners
                } else {
                    Vec::new()
                };
            let resolved = match kind {
                _ if !body_of.is_empty() => body_of,
                EntityKind::Group => {
                    // "the partners", "les deux groupes": the last pair; "Apple employees",
                    // "ses actionnaires" are people of their own.
                    let own = g.qualifier.is_some()
                        || g.possessor.is_some()
                        || !st.pps[n].is_empty()
                        || matches!(g.det, Det::Possessive | Det::PluralPossessive | Det::None);
                    // "Attorneys general with the Justice Department", "les dirigeants
                    // d'OpenAI", "Nuvia executives": people who speak for organizations.
                    let mut speaking_for: Vec<usize> = Vec::new();
                    for (t, grp) in &st.pps[n] {
                        if matches!(lex.tag_name(*t), "of" | "with" | "for" | "from" | "at") {
                            speaking_for.extend(grp.iter().flat_map(|&m| refs[m].clone()).filter(
                                |&c| {
                                    org_like(clusters[c].kind)
                                        || clusters[c].kind == EntityKind::Place
                                },
                            ));
                        }
                    }
                    if let Some(q) = g.qualifier {
                        let c = names[q].cluster;
                        if org_like(clusters[c].kind) {
                            speaking_for.push(c);
                        }
                    }
                    let remembered = self.groups.get(&key).cloned();
                    if !speaking_for.is_empty() {
                        self.groups.insert(key.clone(), speaking_for.clone());
                        speaking_for
                    } else if let Some(r) =
                        remembered.filter(|_| matches!(g.det, Det::Definite | Det::Demonstrative))
                    {
                        r
                    } else if g.plural && !own {
                        // "les deux groupes" are organizations, "the two men" people.
                        let head = tokens[g.head].low.as_str();
                        let people = matches!(
                            head,
                            "men" | "hommes" | "women" | "femmes" | "brothers" | "frères"
                        );
                        self.last_group_fitting(clusters, |k| {
                            if people {
                                k == EntityKind::Person
                            } else {
                                org_like(k) || k == EntityKind::Group
                            }
                        })
                    } else {
                        Vec::new()
                    }
                }
                EntityKind::Person => {
                    // "the CEO" alone, "le milliardaire": a role or person word without a
                    // name resolves only when its words were read before, or to the most
                    // mentioned recent person who is not the clause's subject.
                    let remembered = self
                        .descriptors
                        .get(&key)
                        .map(|&(c, _)| c)
                        .filter(|&c| clusters[c].kind == EntityKind::Person);
                    let has_org = g.qualifier.is_some()
                        || g.possessor.is_some()
                        || st.pps[n].iter().any(|(t, _)| lex.tag_name(*t) == "of");
                    if let Some(c) = remembered {
                        vec![c]
                    } else if !has_org && lex.tag_name(g.head_class.unwrap_or(0)) == "person" {
                        let subj: Vec<usize> = main_subject_first
                            .map(|s| refs[s].clone())
                            .unwrap_or_default();
                        self.salient(clusters, |c| c.kind == EntityKind::Person, &subj)
                            .into_iter()
                            .collect()
                    } else {
                        Vec::new()
                    }
                }
                // A bare noun ("in court", "rivals") describes nobody in particular.
                k if (org_like(k) || k == EntityKind::Product) && g.det == Det::None => Vec::new(),
                k if org_like(k) || k == EntityKind::Product => {
                    if g.plural
                        && tokens
                            .get(g.start + 1)
                            .is_some_and(|t| matches!(t.low.as_str(), "two" | "deux" | "both"))
                    {
                        self.last_group_fitting(clusters, org_like)
                    } else if k == EntityKind::Product {
                        Vec::new()
                    } else {
                        self.org_description(
                            n,
                            g.det,
                            k,
                            &key,
                            p,
                            st,
                            &refs,
                            clusters,
                            main_subject_first,
                            names,
                        )
                        .into_iter()
                        .collect()
                    }
                }
                _ => Vec::new(),
            };
            if let Some(&c) = resolved.first() {
                if resolved.len() == 1 {
                    self.note_descriptor(text, tokens, p, n, c, clusters, lex, false);
                }
            }
            refs[n] = resolved;
        }
        // Unnamed groups that may act: "environmental groups", "15 states", "former Apple
        // chip architects".
        for (n, g) in p.nouns.iter().enumerate() {
            if !refs[n].is_empty()
                || g.name.is_some()
                || g.pronoun.is_some()
                || !g.plural
                || !matches!(g.det, Det::None | Det::Indefinite)
            {
                continue;
            }
            let class = g.head_class.map(|t| lex.tag_name(t));
            let marked = g.former || g.qualifier.is_some() || g.head > g.start;
            let eligible = class == Some("group") && marked
                || class.is_none() && (g.former || g.qualifier.is_some());
            if !eligible
                || st.governed_by[n].is_some_and(|t| lex.tag_name(t) == "of")
                || !st.listed[n].is_empty()
            {
                continue;
            }
            let from = if g.det == Det::None {
                g.start
            } else {
                (g.start + 1).min(g.end - 1)
            };
            let name = text[tokens[from].start..tokens[g.end - 1].end].to_string();
            clusters.push(Cluster {
                name: name.clone(),
                kind: EntityKind::Group,
                kind_sure: true,
                forms: vec![name],
                descriptors: Vec::new(),
                mentions: 1,
                first_offset: tokens[g.start].start,
                credit_only: false,
                unnamed: true,
            });
            refs[n] = vec![clusters.len() - 1];
        }
        // A spokesperson without a name speaks for the organization ("A Shell spokesperson").
        for (n, g) in p.nouns.iter().enumerate() {
            let spokes = g.name.is_none()
                && tokens[g.head.min(tokens.len() - 1)..g.end]
                    .iter()
                    .any(|t| lex.has("spokes_words", &t.low));
            if spokes && refs[n].is_empty() {
                let mut org: Vec<usize> =
                    g.qualifier.map(|q| names[q].cluster).into_iter().collect();
                for (t, grp) in &st.pps[n] {
                    if matches!(lex.tag_name(*t), "of" | "for" | "at") {
                        org.extend(grp.iter().flat_map(|&m| refs[m].clone()));
                    }
                }
                if let Some(q) = g.possessor {
                    org.extend(refs[q].iter().copied());
                }
                refs[n] = org;
            }
        }
        // Listed members take the kind of the list: "ses jeux phares comme A ou B" are
        // products, "les chaînes du groupe (TF1, TMC)" media.
        for (n, g) in p.nouns.iter().enumerate() {
            let kind = kind_of_class(lex, g.head_class)
                .filter(|k| matches!(k, EntityKind::Product | EntityKind::Media));
            if let Some(kind) = kind {
                for &m in &st.listed[n] {
                    for &c in &refs[m] {
                        if !clusters[c].kind_sure {
                            clusters[c].kind = kind;
                            clusters[c].kind_sure = true;
                        }
                    }
                }
            }
        }
        // Copulas: "X is the CEO of Y", "X est devenu le patron de Y" make the description
        // stand for the subject, whoever a role alone would have meant.
        for cl in &st.clauses {
            let v = &p.verbs[cl.verb];
            let copula = v.class.is_some() && (v.class == lex.tag("be"));
            if copula && !cl.subject.is_empty() {
                let s = refs[cl.subject[0]].clone();
                for &o in &cl.object {
                    if p.nouns[o].name.is_none() && p.nouns[o].pronoun.is_none() && !s.is_empty() {
                        refs[o] = s.clone();
                        // Only people hold an office: "Parneros was the CEO" makes Parneros
                        // a person ("Microsoft is its biggest investor" says nothing of kind).
                        let office = p.nouns[o]
                            .head_class
                            .is_some_and(|t| matches!(lex.tag_name(t), "role_lead" | "person"));
                        if let ([c], true) = (&s[..], office) {
                            self.note_descriptor(text, tokens, p, o, *c, clusters, lex, true);
                        }
                    }
                }
            }
        }
        // "X was named chief executive of Y", "X, nommé vendredi président de Y", "Acme named
        // X chief executive": the role right after an appointment is the appointee's.
        for cl in &st.clauses {
            if p.verbs[cl.verb].class.is_none() || p.verbs[cl.verb].class != lex.tag("appoint") {
                continue;
            }
            let Some(role) = appointed_role(p, cl, lex) else {
                continue;
            };
            let who = if cl.passive { &cl.subject } else { &cl.object };
            let s = who.first().map(|&w| refs[w].clone()).unwrap_or_default();
            if s.len() == 1 && refs[role].is_empty() {
                refs[role] = s;
            }
        }
        self.advance(p, st, &refs, clusters);
        refs
    }

    /// Remembers a descriptor's reading and gives its kind to a guessed entity.
    #[allow(clippy::too_many_arguments)]
    fn note_descriptor(
        &mut self,
        text: &str,
        tokens: &[super::text::Token],
        p: &Phrases,
        n: usize,
        c: usize,
        clusters: &mut [Cluster],
        lex: &Lexicon,
        apposition: bool,
    ) {
        let g = &p.nouns[n];
        let key = descriptor_key(tokens, g.head, g.end);
        if g.head_class.is_some() {
            self.descriptors.insert(key, (c, self.sentence));
        }
        if let Some(kind) = kind_of_class(lex, g.head_class) {
            let cl = &mut clusters[c];
            if apposition && !cl.kind_sure && kind != EntityKind::Group && kind != EntityKind::Place
            {
                cl.kind = kind;
                cl.kind_sure = true;
            }
        }
        let (s, e) = (
            tokens[g.start].start,
            tokens[g.end.max(g.start + 1) - 1].end,
        );
        let surface = text[s..e].to_string();
        let cl = &mut clusters[c];
        if !cl.descriptors.contains(&surface) && cl.descriptors.len() < 32 {
            cl.descriptors.push(surface);
        }
    }

    /// The governing clause's object, when `n` is the object of a gerund or infinitive.
    fn gerund_object(&self, n: usize, p: &Phrases, st: &Structure) -> Option<Vec<usize>> {
        let cl = st
            .clauses
            .iter()
            .find(|c| c.object.contains(&n) && matches!(c.kind, ClauseKind::Gerund))?;
        let gov = &st.clauses[cl.governor?];
        let _ = p;
        (!gov.object.is_empty() && !gov.object.contains(&n)).then(|| gov.object.clone())
    }

    fn person_pronoun(
        &self,
        n: usize,
        p: &Phrases,
        refs: &Referents,
        clusters: &[Cluster],
        lang_fr: bool,
        main_subject: Option<usize>,
    ) -> Option<usize> {
        // The sentence's own subject when it came first and fits.
        if let Some(ms) = main_subject.filter(|&m| m < n) {
            if let Some(&c) = refs[ms].first() {
                let k = clusters[c].kind;
                // French "il"/"elle" also stand for organizations ("le groupe ... il").
                if k == EntityKind::Person || lang_fr && org_like(k) {
                    return Some(c);
                }
            }
        }
        // A person named earlier in this sentence.
        for m in (0..n).rev() {
            if let Some(&c) = refs[m].first() {
                if clusters[c].kind == EntityKind::Person && p.nouns[m].name.is_some() {
                    return Some(c);
                }
            }
        }
        if lang_fr {
            if let Some(c) = self
                .last_subject
                .first()
                .copied()
                .filter(|&c| is_actor(clusters[c].kind))
            {
                return Some(c);
            }
        }
        self.last_person_subject.or_else(|| {
            self.recent
                .iter()
                .rev()
                .copied()
                .find(|&c| clusters[c].kind == EntityKind::Person)
        })
    }

    fn org_pronoun(
        &self,
        n: usize,
        p: &Phrases,
        refs: &Referents,
        clusters: &[Cluster],
        main_subject: Option<usize>,
    ) -> Option<usize> {
        if let Some(ms) = main_subject.filter(|&m| m < n) {
            if let Some(&c) = refs[ms].first() {
                if org_like(clusters[c].kind) {
                    return Some(c);
                }
            }
        }
        for m in (0..n).rev() {
            if let Some(&c) = refs[m].first() {
                if org_like(clusters[c].kind) && p.nouns[m].name.is_some() {
                    return Some(c);
                }
            }
        }
        self.last_org_subject.or_else(|| {
            self.recent
                .iter()
                .rev()
                .copied()
                .find(|&c| org_like(clusters[c].kind))
        })
    }

    fn group_pronoun(
        &self,
        n: usize,
        p: &Phrases,
        st: &Structure,
        refs: &Referents,
        clusters: &[Cluster],
    ) -> Vec<usize> {
        // A coordination earlier in the sentence.
        for m in (0..n).rev() {
            let g = &st.groups[m];
            if g.len() >= 2 {
                let r: Vec<usize> = g.iter().flat_map(|&x| refs[x].clone()).collect();
                if r.len() >= 2 {
                    return r;
                }
            }
            let _ = p;
        }
        // "Acme said they would appeal": the subject of a reported clause is the organization
        // that reports it.
        let reporter = st
            .clauses
            .iter()
            .find(|c| c.kind == ClauseKind::Complement && c.subject.first() == Some(&n))
            .and_then(|c| c.governor)
            .map(|g| &st.clauses[g].subject);
        if let Some(subject) = reporter {
            let r: Vec<usize> = subject.iter().flat_map(|&x| refs[x].clone()).collect();
            if r.len() == 1 && org_like(clusters[r[0]].kind) {
                return r;
            }
        }
        // "Les dirigeants d'OpenAI ont publié ... Ils ont écrit": a plural subject first.
        if self.last_subject_plural && !self.last_subject.is_empty() {
            return self.last_subject.clone();
        }
        if self.last_group.len() >= 2 {
            return self.last_group.clone();
        }
        if self.last_subject.len() >= 2
            || self
                .last_subject
                .first()
                .is_some_and(|&c| org_like(clusters[c].kind))
        {
            return self.last_subject.clone();
        }
        Vec::new()
    }

    /// "the company", "le groupe", "cette jeune pousse": an organization named before.
    #[allow(clippy::too_many_arguments)]
    fn org_description(
        &self,
        n: usize,
        det: Det,
        kind: EntityKind,
        key: &str,
        p: &Phrases,
        st: &Structure,
        refs: &Referents,
        clusters: &[Cluster],
        main_subject: Option<usize>,
        names: &[Name],
    ) -> Option<usize> {
        // "le laboratoire" is an organization; a medium only when nothing else fits.
        let strict = |c: usize| {
            let k = clusters[c].kind;
            !clusters[c].unnamed
                && if kind == EntityKind::Media {
                    org_like(k)
                } else {
                    k == EntityKind::Organization
                }
        };
        let any_org = (0..clusters.len()).any(|c| strict(c) && self.recent.contains(&c));
        let fits = |c: usize| {
            if any_org {
                strict(c)
            } else {
                org_like(clusters[c].kind) && !clusters[c].unnamed
            }
        };
        let subject: Option<usize> = main_subject.and_then(|s| refs[s].first().copied());
        let reported = st.clauses.iter().any(|c| {
            p.verbs[c.verb].class.is_some()
                && p.verbs[c.verb].class == super::lexicon::english().tag("say")
                && c.chunks.0 < p.chunks.len()
        });
        // Names before the description in this sentence, qualifiers included ("Podwave
        // co-founder X left the company").
        let start = p.nouns[n].start;
        let earlier_here = || {
            names
                .iter()
                .rev()
                .filter(|nm| nm.end <= start)
                .map(|nm| nm.cluster)
                .find(|&c| fits(c) && (Some(c) != subject || reported))
        };
        if det == Det::Demonstrative {
            return earlier_here().or_else(|| self.recent.iter().rev().copied().find(|&c| fits(c)));
        }
        let remembered = self
            .descriptors
            .get(key)
            .map(|&(c, s)| (c, s))
            .filter(|&(c, _)| fits(c));
        let fresh = remembered.is_some_and(|(_, s)| self.sentence <= s + 1);
        let sentence_start = p.nouns[n].start == 0;
        if sentence_start {
            if let Some(t) = self.topic_org.filter(|&c| fits(c)) {
                if remembered.is_none() || !fresh {
                    return Some(t);
                }
            }
        }
        let from_memory = remembered.map(|(c, _)| c);
        let order: [Option<usize>; 3] = if fresh {
            [
                earlier_here(),
                from_memory,
                self.topic_org.filter(|&c| fits(c)),
            ]
        } else {
            [
                earlier_here(),
                self.topic_org.filter(|&c| fits(c)),
                from_memory,
            ]
        };
        order
            .into_iter()
            .flatten()
            .next()
            .or_else(|| self.recent.iter().rev().copied().find(|&c| fits(c)))
    }

    /// The most mentioned entity of the last few sentences that fits and is not excluded.
    fn salient(
        &self,
        clusters: &[Cluster],
        fits: impl Fn(&Cluster) -> bool,
        exclude: &[usize],
    ) -> Option<usize> {
        self.recent
            .iter()
            .copied()
            .filter(|c| !exclude.contains(c) && fits(&clusters[*c]))
            .filter(|c| {
                self.last_seen
                    .get(c)
                    .is_some_and(|&s| self.sentence <= s + 5)
            })
            .max_by_key(|&c| (clusters[c].mentions, self.last_seen.get(&c).copied()))
    }

    fn advance(&mut self, p: &Phrases, st: &Structure, refs: &Referents, clusters: &[Cluster]) {
        let main = st.clauses.iter().find(|c| {
            matches!(c.kind, ClauseKind::Main | ClauseKind::Complement)
                && !c.subject.is_empty()
                && !c.in_quote
        });
        if let Some(cl) = main {
            let s: Vec<usize> = cl.subject.iter().flat_map(|&n| refs[n].clone()).collect();
            if !s.is_empty() {
                if let Some(&c) = s.first() {
                    match clusters[c].kind {
                        EntityKind::Person => self.last_person_subject = Some(c),
                        k if org_like(k) => self.last_org_subject = Some(c),
                        _ => {}
                    }
                }
                self.last_subject_plural =
                    cl.subject.len() >= 2 || cl.subject.iter().any(|&n| p.nouns[n].plural);
                self.last_subject = s;
            }
        }
        let mut topic = None;
        for (n, g) in p.nouns.iter().enumerate() {
            for &c in &refs[n] {
                self.recent.retain(|&x| x != c);
                self.recent.push(c);
                self.last_seen.insert(c, self.sentence);
            }
            if topic.is_none() && g.name.is_some() && st.governed_by[n].is_none() {
                topic = refs[n]
                    .first()
                    .copied()
                    .filter(|&c| org_like(clusters[c].kind));
            }
            let grp = &st.groups[n];
            if grp.len() >= 2 && grp[0] == n {
                let r: Vec<usize> = grp.iter().flat_map(|&x| refs[x].clone()).collect();
                if r.len() >= 2 {
                    self.group_history.push(r.clone());
                    if self.group_history.len() > 6 {
                        self.group_history.remove(0);
                    }
                    self.last_group = r;
                }
            }
        }
        self.topic_org = topic;
        let sp: Vec<usize> = st.speaker.iter().flat_map(|&s| refs[s].clone()).collect();
        if !sp.is_empty() {
            self.last_speaker = sp.clone();
        }
        self.open_quote_speaker = if st.quote_open_at_end {
            if sp.is_empty() {
                self.open_quote_speaker.clone()
            } else {
                sp
            }
        } else {
            Vec::new()
        };
        self.sentence += 1;
    }
}

/// The words that name a description ("company", "chief executive"): the head and what
/// follows it in the group.
/// The role noun group an appointment gives ("named [chief executive] of Y"): right after
/// the verb in the passive, after the object in the active, past time words and adverbs.
fn appointed_role(p: &Phrases, cl: &Clause, lex: &Lexicon) -> Option<usize> {
    let at = p
        .chunks
        .iter()
        .position(|c| matches!(c.kind, ChunkKind::Verb(v) if v == cl.verb))?;
    let mut rest = p.chunks[at + 1..]
        .iter()
        .filter(|c| !matches!(c.kind, ChunkKind::Adverb | ChunkKind::Other));
    if !cl.passive {
        let obj = *cl.object.first()?;
        rest.next()
            .filter(|c| matches!(c.kind, ChunkKind::Noun(n) if n == obj))?;
    }
    let ChunkKind::Noun(n) = rest.next()?.kind else {
        return None;
    };
    let g = &p.nouns[n];
    let role = g
        .head_class
        .is_some_and(|t| lex.tag_name(t).starts_with("role_"));
    (role && g.name.is_none() && g.pronoun.is_none() && matches!(g.det, Det::None)).then_some(n)
}

fn descriptor_key(tokens: &[super::text::Token], head: usize, end: usize) -> String {
    tokens[head..end.max(head + 1).min(tokens.len())]
        .iter()
        .map(|t| t.low.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}
