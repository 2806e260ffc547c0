//! Stage 4: clause structure. Reads one sentence's chunks and gives every verb group its
//! clause: its kind (main, relative, participial, gerund, infinitive, complement), its
//! grammatical roles (subject, object, agent of a passive, prepositional complements) and
//! the clause that governs it. Around the clauses: coordinated noun groups ("A, B and C"),
//! appositions ("Satya Nadella, le PDG de Microsoft,"), complements of nouns ("the CEO of
//! X", "a lawsuit against Y"), inserts a subject search must jump (relative clauses,
//! participial phrases, brackets), quotes and who speaks them.

use super::lexicon::{Lexicon, Tag};
use super::phrases::{ChunkKind, Det, Phrases, Pronoun, Tags, VerbForm};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    Main,
    /// "X, who sued Y", "la société qu'il a fondée".
    Relative,
    /// "a firm founded by X", "Fondée en 1998 par X, Y ...".
    Participial,
    /// "..., accusing it of", "en critiquant".
    Gerund,
    /// "to lead", "pour fonder", "de laisser".
    Infinitive,
    /// The content of a speech or judgement verb: "said (that) X did Y".
    Complement,
}

#[derive(Debug, Clone)]
pub struct Clause {
    pub verb: usize,
    pub kind: ClauseKind,
    /// The voice as the clause reads it (a weak participle may turn out active).
    pub passive: bool,
    pub subject: Vec<usize>,
    /// The subject came from elsewhere (a coordinated verb, a controller, an antecedent).
    pub subject_inherited: bool,
    pub object: Vec<usize>,
    /// The agent of a passive ("by X", "par X").
    pub agent: Vec<usize>,
    /// Prepositional complements after the verb, in order.
    pub preps: Vec<(Tag, Vec<usize>)>,
    /// The clause this one depends on (a gerund's main clause, a complement's speech verb).
    pub governor: Option<usize>,
    /// Chunk range of the clause, for evidence and markers.
    pub chunks: (usize, usize),
    pub in_quote: bool,
}

/// The structure of one sentence.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    pub clauses: Vec<Clause>,
    /// Verb group → its clause.
    pub clause_of: Vec<usize>,
    /// Noun group → the members of its coordination ("A, B and C"), itself included.
    pub groups: Vec<Vec<usize>>,
    /// Noun group → prepositional complements right after it ("of X", "against Y").
    pub pps: Vec<Vec<(Tag, Vec<usize>)>>,
    /// Noun group → the preposition it is the complement of.
    pub governed_by: Vec<Option<Tag>>,
    /// Noun group → the noun group it stands in apposition to (the one it describes).
    pub apposition: Vec<Option<usize>>,
    /// Noun group → the members it lists ("rivals such as X", "(TF1, TMC, TFX)").
    pub listed: Vec<Vec<usize>>,
    /// Chunk → inside a quotation.
    pub in_quote: Vec<bool>,
    /// Who speaks the quotes (or reports the words) of this sentence.
    pub speaker: Vec<usize>,
    /// The chunk of the speech verb after which the sentence reports the speaker's words
    /// ("X said (that) ...", "X juge que ...").
    pub reported_from: Option<usize>,
    /// The chunk of a speech verb closing the sentence (", Weingarten said."): what comes
    /// before it is reported.
    pub reported_until: Option<usize>,
    /// A quote opened in this sentence is still open at its end.
    pub quote_open_at_end: bool,
    /// The sentence starts inside a quote opened before.
    pub starts_in_quote: bool,
}

struct Builder<'a> {
    p: &'a Phrases,
    /// Token → a French verb form of the third person ("a", "ont", "est"), for clitics.
    third_person: Vec<bool>,
    lex: &'a Lexicon,
    tags: Tags,
    /// Chunk → an insert (relative clause, participial phrase, bracket) it belongs to.
    insert: Vec<Option<usize>>,
    out: Structure,
}

impl<'a> Builder<'a> {
    fn kind(&self, c: usize) -> Option<ChunkKind> {
        self.p.chunks.get(c).map(|c| c.kind)
    }
    fn noun_at(&self, c: usize) -> Option<usize> {
        match self.kind(c) {
            Some(ChunkKind::Noun(n)) => Some(n),
            _ => None,
        }
    }
    fn verb_at(&self, c: usize) -> Option<usize> {
        match self.kind(c) {
            Some(ChunkKind::Verb(v)) => Some(v),
            _ => None,
        }
    }
    fn noun_chunk(&self, n: usize) -> usize {
        let start = self.p.nouns[n].start;
        self.p
            .chunks
            .iter()
            .position(|c| c.start == start && matches!(c.kind, ChunkKind::Noun(k) if k == n))
            .unwrap_or(0)
    }
    fn verb_chunk(&self, v: usize) -> usize {
        self.p
            .chunks
            .iter()
            .position(|c| matches!(c.kind, ChunkKind::Verb(k) if k == v))
            .unwrap_or(0)
    }
    fn is_and(&self, c: usize) -> bool {
        matches!(self.kind(c), Some(ChunkKind::Conj(t)) if Some(t) == self.tags.and || Some(t) == self.tags.or)
    }
    fn is_prep(&self, c: usize) -> Option<Tag> {
        match self.kind(c) {
            Some(ChunkKind::Prep(t)) => Some(t),
            _ => None,
        }
    }
    fn is_relative(&self, n: usize) -> bool {
        self.p.nouns[n].pronoun == Some(Pronoun::Relative)
    }

    /// The noun group that stands for the chunk at `c` in an argument: the possessed group
    /// when `c` is a possessor ("Qualcomm 's firm Nuvia" stands for Nuvia).
    fn head_noun(&self, c: usize) -> Option<(usize, usize)> {
        let n = self.noun_at(c)?;
        if matches!(self.kind(c + 1), Some(ChunkKind::Genitive)) {
            if let Some(m) = self.noun_at(c + 2) {
                return Some((m, c + 2));
            }
        }
        Some((n, c))
    }

    /// Coordination: "A and B", "A, B et C", "de X et de Y", "A, B, and others".
    fn coordinate(&mut self) {
        let nn = self.p.nouns.len();
        self.out.groups = (0..nn).map(|n| vec![n]).collect();
        let chunks = self.p.chunks.len();
        let mut c = 0;
        while c < chunks {
            let Some((first, fc)) = self.head_noun(c) else {
                c += 1;
                continue;
            };
            if self.is_relative(first) {
                c += 1;
                continue;
            }
            let mut members = vec![first];
            let mut pending: Vec<usize> = Vec::new();
            let mut k = fc + 1;
            let mut closed = false;
            loop {
                let comma = matches!(self.kind(k), Some(ChunkKind::Comma));
                let mut j = if comma { k + 1 } else { k };
                let and = self.is_and(j);
                if !comma && !and {
                    break;
                }
                if and {
                    j += 1;
                }
                // "de Tesla et de SpaceX", "of X and of Y": the preposition repeated.
                if self.is_prep(j).is_some()
                    && and
                    && self.is_prep(fc.wrapping_sub(1)) == self.is_prep(j)
                {
                    j += 1;
                }
                let Some((m, mc)) = self.head_noun(j) else {
                    // "A, B and others", "A, B et d'autres".
                    break;
                };
                if self.is_relative(m) || self.p.nouns[m].pronoun.is_some() && !and {
                    break;
                }
                // A descriptor after a comma describes the name before it; it lists nothing.
                if comma && !and && self.p.nouns[m].name.is_none() {
                    break;
                }
                // "in short supply, and Dravik acquired": a new subject, not a list.
                let in_pp = fc > 0 && self.is_prep(fc - 1).is_some();
                let verb_next = self
                    .verb_at(mc + 1)
                    .is_some_and(|v| self.p.verbs[v].form == VerbForm::Finite);
                if and && comma && in_pp && verb_next {
                    break;
                }
                if and {
                    members.append(&mut pending);
                    members.push(m);
                    closed = true;
                } else {
                    pending.push(m);
                }
                k = mc + 1;
            }
            // "A, B, C and others": an open list closed by "and others" / "among others".
            if !closed && !pending.is_empty() {
                let tail_others = self.noun_at(k + 1).is_some_and(|n| {
                    let g = &self.p.nouns[n];
                    g.name.is_none() && matches!(g.det, Det::Indefinite | Det::None)
                }) && self.is_and(k);
                if tail_others {
                    members.append(&mut pending);
                    closed = true;
                }
            }
            if closed && members.len() > 1 {
                for &m in &members {
                    self.out.groups[m] = members.clone();
                }
                c = k;
            } else {
                c += 1;
            }
        }
    }

    /// Prepositional complements of each noun group, and the preposition governing each.
    fn complements(&mut self) {
        let nn = self.p.nouns.len();
        self.out.pps = vec![Vec::new(); nn];
        self.out.governed_by = vec![None; nn];
        for c in 0..self.p.chunks.len() {
            if let (Some(t), Some(n)) = (self.is_prep(c), self.noun_at(c + 1)) {
                // "since Brian and I started", "after Qualcomm stopped": a time word before a
                // clause is a conjunction, its noun group a subject.
                let last = *self.out.groups[n].last().unwrap_or(&n);
                let after = self.noun_chunk(last) + 1;
                let clause_follows = self
                    .verb_at(after)
                    .is_some_and(|v| self.p.verbs[v].form == VerbForm::Finite);
                if clause_follows && self.lex.tag_name(t) == "time" {
                    continue;
                }
                for &m in &self.out.groups[n].clone() {
                    self.out.governed_by[m] = Some(t);
                }
                // The complement of the noun group right before: "the CEO of X"; a list after a
                // comma belongs to the head of the chain before it ("des dirigeants d'OpenAI,
                // dont A et B").
                let mut owner = c.checked_sub(1).and_then(|b| self.noun_at(b));
                if owner.is_none()
                    && Some(t) == self.tags.including
                    && c >= 2
                    && matches!(self.kind(c - 1), Some(ChunkKind::Comma))
                {
                    let mut k = c - 2;
                    let mut o = self.noun_at(k);
                    while let Some(m) = o {
                        if k >= 2
                            && self.out.governed_by[m].is_some_and(|g| Some(g) == self.tags.of)
                            && self.is_prep(k - 1).is_some()
                            && self.noun_at(k - 2).is_some()
                        {
                            k -= 2;
                            o = self.noun_at(k);
                        } else {
                            break;
                        }
                    }
                    owner = o;
                }
                if let Some(o) = owner {
                    let target = self.head_noun(c + 1).map(|(m, _)| m).unwrap_or(n);
                    let group = self.out.groups[target].clone();
                    self.out.pps[o].push((t, group));
                    // "the CEO of X, Y of Z": chains continue from the complement.
                }
            }
        }
        // A noun's complement chain: "le dépôt d'une plainte contre X", "un partenariat de
        // plusieurs milliards de dollars avec Microsoft" give the last complements to the head.
        for o in (0..nn).rev() {
            let mut extra = Vec::new();
            for (t, g) in &self.out.pps[o] {
                if Some(*t) == self.tags.of {
                    for &m in g {
                        if m > o {
                            extra.extend(
                                self.out.pps[m]
                                    .iter()
                                    .filter(|(t2, _)| Some(*t2) != self.tags.of)
                                    .cloned(),
                            );
                        }
                    }
                }
            }
            for e in extra {
                if !self.out.pps[o].contains(&e) {
                    self.out.pps[o].push(e);
                }
            }
        }
        // The "of/de/at/for" complement on the noun group itself.
        let mut attach = Vec::new();
        for (o, pps) in self.out.pps.iter().enumerate() {
            if let Some((t, g)) = pps
                .iter()
                .find(|(t, _)| [self.tags.of, self.tags.at, self.tags.for_].contains(&Some(*t)))
            {
                attach.push((o, *t, g[0]));
            }
        }
        let _ = attach;
    }

    /// Appositions: "Satya Nadella, le PDG de Microsoft," / "le PDG de Microsoft, Satya
    /// Nadella" / "Michel Paulin (directeur général d'OVHcloud)" / "X, one of its rivals".
    fn appositions(&mut self) {
        let nn = self.p.nouns.len();
        self.out.apposition = vec![None; nn];
        let chunks = self.p.chunks.len();
        let descriptor = |b: &Self, n: usize| {
            let g = &b.p.nouns[n];
            g.name.is_none()
                && g.pronoun.is_none()
                && (g.head_class.is_some() || g.det != Det::None)
        };
        let role = |b: &Self, n: usize| {
            b.p.nouns[n]
                .head_class
                .is_some_and(|t| b.lex.tag_name(t).starts_with("role_"))
        };
        for c in 0..chunks {
            let open_paren = matches!(self.kind(c + 1), Some(ChunkKind::OpenParen));
            let comma = matches!(self.kind(c + 1), Some(ChunkKind::Comma | ChunkKind::Dash));
            if !open_paren && !comma {
                continue;
            }
            let Some((mut a, _)) = self
                .head_noun(c)
                .filter(|_| !matches!(self.kind(c + 1), Some(ChunkKind::Genitive)))
            else {
                continue;
            };
            // "Le directeur général de Veltra Robotics, Antoine Giraud": the head of the
            // complement chain before the comma is the descriptor.
            let mut k = c;
            while self.p.nouns[a].name.is_some() || self.p.nouns[a].head_class.is_none() {
                let owner = (k >= 2 && self.is_prep(k - 1).is_some())
                    .then(|| self.noun_at(k - 2))
                    .flatten();
                match owner {
                    Some(o)
                        if self.out.pps[o].iter().any(|(_, g)| g.contains(&a))
                            && self.out.governed_by[a].is_some() =>
                    {
                        if descriptor(self, o)
                            && self.p.nouns[o]
                                .head_class
                                .is_some_and(|t| self.lex.tag_name(t).starts_with("role_"))
                        {
                            a = o;
                            break;
                        }
                        a = o;
                        k -= 2;
                    }
                    _ => break,
                }
            }
            let a = if self.p.nouns[a]
                .head_class
                .is_some_and(|t| self.lex.tag_name(t).starts_with("role_"))
            {
                a
            } else {
                self.head_noun(c).map(|x| x.0).unwrap_or(a)
            };
            let Some(b) = self.noun_at(c + 2) else {
                continue;
            };
            let (b, bc) = self.head_noun(c + 2).unwrap_or((b, c + 2));
            if self.is_relative(a)
                || self.is_relative(b)
                || self.p.nouns[a].pronoun.is_some()
                || self.p.nouns[b].pronoun.is_some()
            {
                continue;
            }
            // The apposition ends at a comma, a closing bracket, the sentence end, a verb or
            // a conjunction joining a second descriptor; skip the complements of b.
            let mut e = bc + 1;
            while let Some(t) = self.is_prep(e) {
                let _ = t;
                if self.noun_at(e + 1).is_some() {
                    e += 2;
                    // "de 2005 à 2010 et ex-directeur de Y": a role after "and" is a second
                    // descriptor, not another complement.
                    while self.is_and(e)
                        && self
                            .noun_at(e + 1)
                            .is_some_and(|m| !(descriptor(self, m) && role(self, m)))
                    {
                        e += 2;
                    }
                } else {
                    break;
                }
            }
            let closes = match self.kind(e) {
                None => true,
                Some(
                    ChunkKind::Comma
                    | ChunkKind::CloseParen
                    | ChunkKind::Break
                    | ChunkKind::Dash
                    | ChunkKind::Verb(_)
                    | ChunkKind::CloseQuote,
                ) => true,
                Some(ChunkKind::Conj(_)) => {
                    self.noun_at(e + 1).is_some_and(|m| descriptor(self, m))
                }
                // The sentence's final stop, after a comma: a dash may join two names ("Les
                // Echos - Le Parisien").
                Some(ChunkKind::Other) => {
                    e + 1 == chunks && matches!(self.kind(c + 1), Some(ChunkKind::Comma))
                }
                _ => false,
            };
            if !closes {
                continue;
            }
            let (a_name, b_name) = (
                self.p.nouns[a].name.is_some(),
                self.p.nouns[b].name.is_some(),
            );
            if a_name && descriptor(self, b) {
                self.out.apposition[b] = Some(a);
                // "X, an NGO and a minor shareholder": both descriptors.
                if let Some(ChunkKind::Conj(_)) = self.kind(e) {
                    if let Some(m) = self.noun_at(e + 1) {
                        self.out.apposition[m] = Some(a);
                    }
                }
            } else if descriptor(self, a) && b_name && self.out.governed_by[a].is_none() {
                self.out.apposition[a] = Some(b);
            } else if a_name
                && b_name
                && open_paren
                && matches!(self.kind(bc + 1), Some(ChunkKind::CloseParen))
            {
                // "Amazon (via AWS)" is no apposition; "OVHcloud (OVH)" was merged by names.
            } else if !a_name
                && b_name
                && comma
                && self.p.nouns[a].det != Det::None
                && self.out.governed_by[a].is_none()
            {
                // "Le plus gros pollueur français, TotalEnergies, ...".
                self.out.apposition[a] = Some(b);
            }
        }
    }

    /// "cofondatrice et directrice générale de Vireo Santé", "co-founder and chief
    /// executive of Brightwave": coordinated roles share their organization and their person.
    fn coordinated_roles(&mut self) {
        let role = |b: &Self, n: usize| {
            b.p.nouns[n].name.is_none()
                && b.p.nouns[n]
                    .head_class
                    .is_some_and(|t| b.lex.tag_name(t).starts_with("role_"))
        };
        for n in 0..self.p.nouns.len() {
            let g = self.out.groups[n].clone();
            if g.len() < 2 || g[0] != n || !g.iter().all(|&m| role(self, m)) {
                continue;
            }
            let last = *g.last().unwrap_or(&n);
            let of: Vec<(Tag, Vec<usize>)> = self.out.pps[last]
                .iter()
                .filter(|(t, _)| [self.tags.of, self.tags.at, self.tags.for_].contains(&Some(*t)))
                .cloned()
                .collect();
            let app = g.iter().find_map(|&m| self.out.apposition[m]);
            for &m in &g {
                if self.out.pps[m].is_empty() {
                    self.out.pps[m] = of.clone();
                }
                if self.out.apposition[m].is_none() {
                    self.out.apposition[m] = app;
                }
            }
        }
    }

    /// "Le ministre de l'Économie Bruno Le Maire", "le PDG de Renault Luca de Meo": a role
    /// with its complement, then the name without a comma.
    fn role_then_name(&mut self) {
        for c in 0..self.p.chunks.len() {
            let Some(a) = self.noun_at(c) else { continue };
            let g = &self.p.nouns[a];
            let role = g
                .head_class
                .is_some_and(|t| self.lex.tag_name(t).starts_with("role_"));
            if !role
                || g.name.is_some()
                || self.out.apposition[a].is_some()
                || self.is_prep(c + 1).is_none()
            {
                continue;
            }
            let (Some(_), Some(b)) = (self.noun_at(c + 2), self.noun_at(c + 3)) else {
                continue;
            };
            if self.p.nouns[b].name.is_some()
                && self.p.nouns[b].head_class.is_none()
                && self.p.nouns[b].det == Det::None
            {
                self.out.apposition[a] = Some(b);
            }
        }
    }

    /// Members a noun group lists: "rivals such as X", "ses jeux phares comme A ou B", "les
    /// chaînes du groupe TF1 (TF1, TMC, TFX)".
    fn listed(&mut self) {
        let nn = self.p.nouns.len();
        self.out.listed = vec![Vec::new(); nn];
        for n in 0..nn {
            let mut out: Vec<usize> = self.out.pps[n]
                .iter()
                .filter(|(t, _)| Some(*t) == self.tags.including)
                .flat_map(|(_, g)| g.clone())
                .collect();
            if out.is_empty() {
                let nc = self.noun_chunk(n);
                let mut end = nc + 1;
                while self.is_prep(end).is_some() && self.noun_at(end + 1).is_some() {
                    end += 2;
                }
                if matches!(self.kind(end), Some(ChunkKind::OpenParen)) {
                    if let Some(m) = self.noun_at(end + 1) {
                        out = self.out.groups[m].clone();
                    }
                }
            }
            self.out.listed[n] = out;
        }
    }

    /// Inserts a subject search from outside must jump: relative clauses after a comma,
    /// participial phrases, brackets, appositions.
    fn inserts(&mut self) {
        let chunks = self.p.chunks.len();
        self.insert = vec![None; chunks];
        let mut id = 0;
        let mut c = 0;
        while c < chunks {
            let opens = match self.kind(c) {
                Some(ChunkKind::OpenParen) => Some(ChunkKind::CloseParen),
                Some(ChunkKind::Dash)
                    if (c + 1..chunks).any(|k| self.kind(k) == Some(ChunkKind::Dash)) =>
                {
                    Some(ChunkKind::Dash)
                }
                Some(ChunkKind::Comma) => {
                    let next_rel = self.noun_at(c + 1).is_some_and(|n| self.is_relative(n));
                    let next_part = self.verb_at(c + 1).is_some_and(|v| {
                        matches!(
                            self.p.verbs[v].form,
                            VerbForm::Participle | VerbForm::Gerund
                        )
                    });
                    let next_pp = self.is_prep(c + 1).is_some();
                    let next_app = self
                        .noun_at(c + 1)
                        .is_some_and(|n| self.out.apposition[n].is_some());
                    let next_adv = matches!(self.kind(c + 1), Some(ChunkKind::Adverb));
                    (next_rel || next_part || next_pp || next_app || next_adv)
                        .then_some(ChunkKind::Comma)
                }
                _ => None,
            };
            let Some(close) = opens else {
                c += 1;
                continue;
            };
            let mut e = c + 1;
            while e < chunks
                && self.kind(e) != Some(close)
                && !matches!(self.kind(e), Some(ChunkKind::Break))
            {
                e += 1;
            }
            // A comma insert must close with a comma (or end the sentence for relatives).
            let closed = e < chunks && self.kind(e) == Some(close);
            if close == ChunkKind::Comma && !closed {
                let relative = self.noun_at(c + 1).is_some_and(|n| self.is_relative(n));
                if !relative {
                    c += 1;
                    continue;
                }
            }
            for slot in self.insert.iter_mut().take((e + 1).min(chunks)).skip(c) {
                *slot = Some(id);
            }
            id += 1;
            c = e.max(c + 1);
        }
        // Restrictive relatives and reduced participles without a comma: the verb group
        // and its object belong to the noun before them.
        for c in 0..chunks {
            let rel = self.noun_at(c).is_some_and(|n| self.is_relative(n))
                && c > 0
                && self.noun_at(c - 1).is_some();
            let part = self
                .verb_at(c)
                .is_some_and(|v| self.p.verbs[v].form == VerbForm::Participle)
                && c > 0
                && self.noun_at(c - 1).is_some();
            if (rel || part) && self.insert[c].is_none() {
                let mut e = c + 1;
                let mut verbs = 0;
                while e < chunks {
                    match self.kind(e) {
                        Some(ChunkKind::Verb(_)) => {
                            verbs += 1;
                            if verbs > 1 && !(rel && self.is_and(e - 1)) {
                                break;
                            }
                        }
                        Some(
                            ChunkKind::Comma
                            | ChunkKind::Break
                            | ChunkKind::Dash
                            | ChunkKind::Sub(_)
                            | ChunkKind::CloseQuote
                            | ChunkKind::OpenQuote,
                        ) => break,
                        _ => {}
                    }
                    e += 1;
                }
                for slot in self.insert.iter_mut().take(e).skip(c) {
                    *slot = Some(id);
                }
                id += 1;
            }
        }
    }

    fn quotes(&mut self, open_before: bool) {
        let chunks = self.p.chunks.len();
        self.out.in_quote = vec![false; chunks];
        self.out.starts_in_quote = open_before;
        let mut open = open_before;
        // A sentence that starts inside a quote but has no closing quote and opens none
        // stays inside it.
        for c in 0..chunks {
            match self.kind(c) {
                Some(ChunkKind::OpenQuote) => {
                    open = true;
                    continue;
                }
                Some(ChunkKind::CloseQuote) => {
                    open = false;
                    continue;
                }
                _ => {}
            }
            self.out.in_quote[c] = open;
        }
        self.out.quote_open_at_end = open;
    }

    /// The subject of the verb group at chunk `vc`, searching left inside its clause.
    fn subject_left(&self, vc: usize) -> Option<(Vec<usize>, bool)> {
        let my_insert = self.insert[vc];
        let quoted = self.out.in_quote[vc];
        // "who left Facebook last year and has recently criticized X": nothing stands between
        // "and" and the verb, so it shares the subject of the verb before.
        let mut k = vc;
        while k > 0 && matches!(self.kind(k - 1), Some(ChunkKind::Adverb)) {
            k -= 1;
        }
        // A bare word with no class may be a noun ("caused anxiety and hurt").
        let verb = self.verb_at(vc).map(|v| &self.p.verbs[v]);
        let surely_verb = verb.is_some_and(|v| {
            v.head > v.start || v.class.is_some_and(|k| Some(k) != self.lex.tag("other"))
        });
        if k > 0 && self.is_and(k - 1) && surely_verb {
            let before = self.out.clauses.iter().rev().find(|cl| {
                cl.chunks.0 < k - 1
                    && self.insert[cl.chunks.0] == my_insert
                    && self.out.in_quote[cl.chunks.0] == quoted
            });
            if let Some(cl) = before.filter(|cl| !cl.subject.is_empty()) {
                return Some((cl.subject.clone(), true));
            }
        }
        let mut c = vc;
        while c > 0 {
            c -= 1;
            if self.insert[c].is_some() && self.insert[c] != my_insert {
                continue;
            }
            if self.out.in_quote[c] != quoted {
                break;
            }
            match self.kind(c)? {
                ChunkKind::Noun(n) if self.clitic_object(n, c) => continue,
                ChunkKind::Noun(n) => {
                    // "X will not stand for re-election and Y, who leads Z, will retire": a
                    // name after "and" with only an insert before the verb starts a clause.
                    let new_clause = c > 0
                        && self.is_and(c - 1)
                        && self.p.nouns[n].name.is_some()
                        && c + 1 < vc
                        && (c + 1..vc).all(|k| {
                            matches!(self.kind(k), Some(ChunkKind::Comma))
                                || self.insert[k].is_some() && self.insert[k] != my_insert
                        });
                    if new_clause {
                        return Some((vec![n], false));
                    }
                    if self.out.governed_by[n].is_some()
                        && self.is_prep(c.wrapping_sub(1)).is_some()
                        || self.out.governed_by[n].is_some() && self.out.groups[n][0] != n
                    {
                        continue;
                    }
                    if self.out.apposition[n].is_some() && self.p.nouns[n].name.is_none() {
                        // A descriptor in apposition stands for the name it describes.
                        let target = self.out.apposition[n]?;
                        let tc = self.noun_chunk(target);
                        if tc < c {
                            continue;
                        }
                        return Some((self.out.groups[target].clone(), false));
                    }
                    if matches!(self.kind(c + 1), Some(ChunkKind::Genitive)) {
                        continue;
                    }
                    if self.is_relative(n) {
                        let tag = self.p.nouns[n].relative;
                        if tag.is_some() && (tag == self.tags.subject || tag == self.tags.whose) {
                            return self.antecedent(c).map(|g| (g, true));
                        }
                        return None;
                    }
                    // "qui nous a inspiré à viser plus haut, puis nous a dit": a group that is
                    // an earlier verb's object, before a comma, means the verbs share their
                    // subject.
                    let first = self.out.groups[n][0];
                    let comma_between =
                        (c + 1..vc).any(|k| matches!(self.kind(k), Some(ChunkKind::Comma)));
                    if comma_between {
                        if let Some(cl) = self.out.clauses.iter().rev().find(|cl| {
                            cl.object.contains(&n) || cl.preps.iter().any(|(_, g)| g.contains(&n))
                        }) {
                            if !cl.subject.is_empty() && cl.chunks.0 < c {
                                return Some((cl.subject.clone(), true));
                            }
                        }
                    }
                    return Some((self.out.groups[first].clone(), false));
                }
                ChunkKind::Verb(v) if self.p.verbs[v].form == VerbForm::Participle && c > 0 => {
                    // "L'entreprise fondée par X a racheté Y": the participle qualifies the
                    // noun before it, which is the subject of the verb after.
                    self.noun_at(c - 1)?;
                }
                ChunkKind::Verb(v) => {
                    // "X sued and criticized Y": the verb before shares its subject.
                    if self.is_and(c + 1)
                        || matches!(self.kind(c + 1), Some(ChunkKind::Comma)) && self.is_and(c + 2)
                    {
                        let cl = self.out.clause_of.get(v).copied()?;
                        let s = &self.out.clauses.get(cl)?.subject;
                        return (!s.is_empty()).then(|| (s.clone(), true));
                    }
                    // "X have for months been engaged in", "Y a depuis longtemps été": an
                    // auxiliary cut off from its verb by a complement lends it its subject.
                    let aux = &self.p.verbs[v];
                    let lone_aux = aux.end == aux.start + 1
                        && aux.class.is_some()
                        && (aux.class == self.lex.tag("have") || aux.class == self.tags.be);
                    let rest_of_group = self
                        .verb_at(vc)
                        .is_some_and(|w| self.p.verbs[w].head > self.p.verbs[w].start);
                    if lone_aux && rest_of_group {
                        let cl = self.out.clause_of.get(v).copied()?;
                        let s = &self.out.clauses.get(cl)?.subject;
                        return (!s.is_empty()).then(|| (s.clone(), true));
                    }
                    return None;
                }
                ChunkKind::Sub(_)
                | ChunkKind::Break
                | ChunkKind::Dash
                | ChunkKind::OpenQuote
                | ChunkKind::CloseQuote => return None,
                ChunkKind::Conj(t) if Some(t) == self.tags.but => return None,
                _ => {}
            }
        }
        None
    }

    /// French "nous a poursuivi", "vous a dit": "nous"/"vous"/"me" right before a verb whose
    /// form is the third person is its object, not its subject.
    fn clitic_object(&self, n: usize, c: usize) -> bool {
        let g = &self.p.nouns[n];
        if !matches!(g.pronoun, Some(Pronoun::First | Pronoun::Second))
            || !self.lex.has("etre_verbs", "parti")
        {
            return false;
        }
        let Some(v) = self.verb_at(c + 1) else {
            return false;
        };
        let vg = &self.p.verbs[v];
        let first = self.p.chunks[c + 1].start;
        let _ = vg;
        self.third_person.get(first).copied().unwrap_or(false)
    }

    /// What a relative pronoun at chunk `c` stands for: the noun group before it.
    fn antecedent(&self, c: usize) -> Option<Vec<usize>> {
        let mut k = c.checked_sub(1)?;
        while matches!(self.kind(k), Some(ChunkKind::Comma | ChunkKind::Adverb)) {
            k = k.checked_sub(1)?;
        }
        // "le laboratoire d'IA qu'il a construit": the head, not its complement.
        let mut n = self.noun_at(k)?;
        while self.out.groups[n][0] == n
            && self.p.nouns[n].name.is_none()
            && self.out.governed_by[n].is_some_and(|t| Some(t) == self.tags.of)
            && k >= 2
        {
            match (self.is_prep(k - 1), self.noun_at(k - 2)) {
                (Some(_), Some(m)) => {
                    n = m;
                    k -= 2;
                }
                _ => break,
            }
        }
        // "Tiffany et de ses actionnaires qui portent plainte": the whole coordination.
        let n = match self.out.apposition[n] {
            Some(t) if self.p.nouns[n].name.is_none() => t,
            _ => n,
        };
        // "the chairman of X who": the head of a complement chain, when it is a person word.
        Some(self.out.groups[n].clone())
    }

    /// The object right after the verb group at chunk `vc`.
    fn object_right(&self, vc: usize) -> Option<Vec<usize>> {
        let quoted = self.out.in_quote[vc];
        let mut c = vc + 1;
        while c < self.p.chunks.len() {
            if self.out.in_quote[c] != quoted {
                return None;
            }
            match self.kind(c)? {
                ChunkKind::Adverb | ChunkKind::Other => c += 1,
                // A quoted object: "a dénoncé une « méthodologie douteuse »".
                ChunkKind::OpenQuote if !quoted => {
                    if let Some(ChunkKind::Noun(n)) = self.kind(c + 1) {
                        return Some(self.out.groups[n].clone());
                    }
                    return None;
                }
                ChunkKind::Noun(n) => {
                    if self.is_relative(n) {
                        return None;
                    }
                    let (m, _) = self.head_noun(c)?;
                    return Some(self.out.groups[m].clone());
                }
                _ => return None,
            }
        }
        None
    }

    /// Prepositional complements after the verb group at `vc`, up to its clause's end.
    fn preps_right(&self, vc: usize) -> (Vec<(Tag, Vec<usize>)>, usize) {
        let quoted = self.out.in_quote[vc];
        let my_insert = self.insert[vc];
        let mut out = Vec::new();
        let mut c = vc + 1;
        while c < self.p.chunks.len() {
            if self.out.in_quote[c] != quoted {
                break;
            }
            if self.insert[c].is_some()
                && self.insert[c] != my_insert
                && !matches!(self.kind(c), Some(ChunkKind::Comma))
            {
                // A relative clause or bracket inside: jump it.
                c += 1;
                continue;
            }
            match self.kind(c) {
                Some(ChunkKind::Prep(t)) => {
                    if let Some((n, _)) = self.head_noun(c + 1) {
                        out.push((t, self.out.groups[n].clone()));
                    }
                }
                Some(ChunkKind::Verb(v)) => {
                    let f = self.p.verbs[v].form;
                    if f == VerbForm::Finite || self.is_and(c - 1) {
                        break;
                    }
                }
                Some(
                    ChunkKind::Sub(_)
                    | ChunkKind::Break
                    | ChunkKind::Dash
                    | ChunkKind::CloseQuote
                    | ChunkKind::OpenQuote,
                ) => break,
                Some(ChunkKind::Conj(t)) if Some(t) == self.tags.but => break,
                Some(ChunkKind::Noun(n)) if self.is_relative(n) => break,
                _ => {}
            }
            c += 1;
        }
        (out, c)
    }

    fn clauses(&mut self) {
        let nv = self.p.verbs.len();
        self.out.clause_of = vec![usize::MAX; nv];
        for v in 0..nv {
            let vc = self.verb_chunk(v);
            let vg = &self.p.verbs[v];
            // "ClientEarth, an NGO, filed in February a lawsuit": a participle-looking verb
            // with no finite verb of a known class after it is the sentence's verb.
            // Verbs quoted after it ("... by climate change\"") are someone else's words.
            let quoted = self.out.in_quote[vc];
            let finite_later = (v + 1..nv).any(|k| {
                let w = &self.p.verbs[k];
                w.form == VerbForm::Finite
                    && w.class.is_some()
                    && w.class != self.tags.be
                    && self.out.in_quote[self.verb_chunk(k)] == quoted
            });
            let weak = vg.weak_participle && !finite_later;
            let mut kind = match vg.form {
                VerbForm::Participle if weak => ClauseKind::Main,
                VerbForm::Participle => ClauseKind::Participial,
                VerbForm::Gerund => ClauseKind::Gerund,
                VerbForm::Infinitive => ClauseKind::Infinitive,
                VerbForm::Finite => ClauseKind::Main,
            };
            let mut subject = Vec::new();
            let mut inherited = false;
            let mut object = Vec::new();
            let (preps, end) = self.preps_right(vc);
            let say = vg.class.is_some() && vg.class == self.tags.say;
            // "« ... », a déclaré X" / '"...," said X': the speech verb's subject follows.
            let after_quote = vc >= 1
                && (matches!(self.kind(vc - 1), Some(ChunkKind::CloseQuote))
                    || matches!(self.kind(vc - 1), Some(ChunkKind::Comma))
                        && vc >= 2
                        && matches!(self.kind(vc - 2), Some(ChunkKind::CloseQuote))
                    || matches!(self.kind(vc - 1), Some(ChunkKind::Comma))
                        && vc >= 2
                        && self.out.in_quote.get(vc - 2).copied().unwrap_or(false));
            if say && after_quote {
                if let Some(o) = self.object_right(vc) {
                    subject = o;
                }
            }
            match kind {
                ClauseKind::Participial => {
                    // The noun before (the patient), or for a fronted participle the
                    // subject of the main clause after it.
                    if let Some(n) = vc.checked_sub(1).and_then(|b| self.noun_at(b)).or_else(|| {
                        vc.checked_sub(2)
                            .filter(|&b| matches!(self.kind(b + 1), Some(ChunkKind::Comma)))
                            .and_then(|b| self.noun_at(b))
                    }) {
                        let n = match self.out.apposition[n] {
                            Some(t) if self.p.nouns[n].name.is_none() => t,
                            _ => n,
                        };
                        subject = self.out.groups[n].clone();
                    } else if vc == 0 || self.p.verbs[v].start == 0 {
                        subject = self.fronted_subject(vc).unwrap_or_default();
                    }
                    inherited = true;
                }
                _ if subject.is_empty() => {
                    if let Some((s, inh)) = self.subject_left(vc) {
                        subject = s;
                        inherited = inh;
                    }
                }
                _ => {}
            }
            let passive = self.p.verbs[v].passive && !weak;
            if !(passive || say && after_quote) {
                object = self.object_right(vc).unwrap_or_default();
            }
            // "nous a poursuivis": the pronoun before the verb is its object.
            if object.is_empty() && vc > 0 {
                if let Some(n) = self
                    .noun_at(vc - 1)
                    .filter(|&n| self.clitic_object(n, vc - 1))
                {
                    object = vec![n];
                }
            }
            // A relative pronoun object: "la société qu'il a fondée", "the company that X
            // bought".
            let rel_obj = self.relative_object_before(vc);
            if object.is_empty() {
                if let Some(g) = rel_obj {
                    object = g;
                    kind = ClauseKind::Relative;
                }
            }
            let mut agent = Vec::new();
            if passive {
                if let Some((_, g)) = preps.iter().find(|(t, _)| Some(*t) == self.tags.by) {
                    agent = g.clone();
                }
            }
            let inside_relative = self.insert[vc].is_some()
                && (0..vc)
                    .rev()
                    .take_while(|&c| self.insert[c] == self.insert[vc])
                    .any(|c| self.noun_at(c).is_some_and(|n| self.is_relative(n)));
            if kind == ClauseKind::Main && inside_relative {
                kind = ClauseKind::Relative;
            }
            self.out.clause_of[v] = self.out.clauses.len();
            self.out.clauses.push(Clause {
                verb: v,
                kind,
                passive,
                subject,
                subject_inherited: inherited,
                object,
                agent,
                preps,
                governor: None,
                chunks: (vc, end),
                in_quote: self.out.in_quote[vc],
            });
        }
        self.govern();
        self.share_objects();
    }

    /// "l'entreprise qu'il a fondée": an object relative pronoun before the subject.
    fn relative_object_before(&self, vc: usize) -> Option<Vec<usize>> {
        let mut c = vc;
        let mut steps = 0;
        while c > 0 && steps < 4 {
            c -= 1;
            steps += 1;
            match self.kind(c)? {
                ChunkKind::Noun(n) if self.is_relative(n) => {
                    let tag = self.p.nouns[n].relative;
                    return (tag == self.tags.object
                        || self.lex.tag_name(tag.unwrap_or(0)) == "object")
                        .then(|| self.antecedent(c))
                        .flatten();
                }
                ChunkKind::Noun(_) | ChunkKind::Adverb => {}
                _ => return None,
            }
        }
        None
    }

    /// The subject of the main clause after a fronted participial phrase.
    fn fronted_subject(&self, vc: usize) -> Option<Vec<usize>> {
        let mut c = vc + 1;
        while c < self.p.chunks.len() && !matches!(self.kind(c), Some(ChunkKind::Comma)) {
            c += 1;
        }
        let (n, _) = self.head_noun(c + 1)?;
        Some(self.out.groups[n].clone())
    }

    /// Gerunds and infinitives depend on the finite clause before them (or, opening the
    /// sentence, after them); a clause right after a speech verb (with or without
    /// "that"/"que") is its complement. Missing subjects are inherited.
    fn govern(&mut self) {
        let n = self.out.clauses.len();
        for i in 0..n {
            let cl = &self.out.clauses[i];
            let vc = cl.chunks.0;
            let kind = cl.kind;
            // A reporting verb right before, whatever its form ("alleging that ...").
            let reporting_before = i.checked_sub(1).filter(|&j| {
                let class = self.p.verbs[self.out.clauses[j].verb].class;
                class.is_some()
                    && [self.tags.say, self.lex.tag("accuse"), self.lex.tag("deny")]
                        .contains(&class)
            });
            // The finite clause before, skipping inserts of other clauses.
            let before = (0..i).rev().find(|&j| {
                let c = &self.out.clauses[j];
                c.kind != ClauseKind::Participial
                    && self.p.verbs[c.verb].form != VerbForm::Gerund
                    && (self.insert[c.chunks.0].is_none()
                        || self.insert[c.chunks.0] == self.insert[vc])
            });
            match kind {
                ClauseKind::Gerund | ClauseKind::Infinitive => {
                    let gov = before.or_else(|| {
                        (i + 1..n).find(|&j| self.out.clauses[j].kind == ClauseKind::Main)
                    });
                    self.out.clauses[i].governor = gov;
                    // A marked infinitive or gerund ("pour rejoindre", "after leaving", ", accusing")
                    // takes its controller even when a noun group stands right before it.
                    let marked = self.p.verbs[self.out.clauses[i].verb].start
                        < self.p.verbs[self.out.clauses[i].verb].head
                        || vc > 0
                            && matches!(
                                self.kind(vc - 1),
                                Some(ChunkKind::Comma | ChunkKind::Prep(_))
                            );
                    if self.out.clauses[i].subject.is_empty()
                        || kind == ClauseKind::Gerund
                        || marked
                    {
                        if let Some(g) = gov {
                            let gc = &self.out.clauses[g];
                            // "X appointed Y to lead Z": an object controls the infinitive.
                            let appoint = self.p.verbs[gc.verb].class.is_some()
                                && self.p.verbs[gc.verb].class == self.lex.tag("appoint");
                            // "accusing it of creating", "accusé X d'avoir": what follows an
                            // accusation is the accused's doing.
                            let gv = &self.p.verbs[gc.verb];
                            let accuse = gv.class.is_some() && gv.class == self.lex.tag("accuse");
                            let object_control =
                                kind == ClauseKind::Infinitive && appoint || accuse && g + 1 == i;
                            let s = if object_control && !gc.object.is_empty() {
                                gc.object.clone()
                            } else {
                                gc.subject.clone()
                            };
                            if !s.is_empty()
                                && (self.out.clauses[i].subject.is_empty()
                                    || marked
                                    || kind == ClauseKind::Gerund && self.gerund_subject_is_far(i))
                            {
                                self.out.clauses[i].subject = s;
                                self.out.clauses[i].subject_inherited = true;
                            }
                        }
                    }
                }
                ClauseKind::Main => {
                    // A complement of a speech or judgement verb just before.
                    if let Some(j) = reporting_before.or(before) {
                        let (g_verb, g_start) =
                            (self.out.clauses[j].verb, self.out.clauses[j].chunks.0);
                        let class = self.p.verbs[g_verb].class;
                        let reporting = class.is_some()
                            && [
                                self.tags.say,
                                self.lex.tag("accuse"),
                                self.lex.tag("deny"),
                                self.lex.tag("call"),
                            ]
                            .contains(&class);
                        let between_ok = (g_start + 1..vc).all(|c| {
                            matches!(
                                self.kind(c),
                                Some(
                                    ChunkKind::Noun(_)
                                        | ChunkKind::Adverb
                                        | ChunkKind::Sub(_)
                                        | ChunkKind::Prep(_)
                                        | ChunkKind::Comma
                                        | ChunkKind::Genitive
                                        | ChunkKind::Other
                                )
                            )
                        });
                        if reporting && between_ok && !self.out.clauses[i].in_quote {
                            self.out.clauses[i].kind = ClauseKind::Complement;
                            self.out.clauses[i].governor = Some(j);
                            // "said on Wednesday it has sued": the object taken by the speech
                            // verb is the complement's subject.
                            if !self.out.clauses[j].object.is_empty() {
                                let o = self.out.clauses[j].object.clone();
                                if self.out.clauses[i].subject == o
                                    || self.out.clauses[i].subject.is_empty()
                                {
                                    self.out.clauses[j].object.clear();
                                    self.out.clauses[i].subject = o;
                                } else if self.noun_chunk(o[0]) > g_start {
                                    self.out.clauses[j].object.clear();
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// A gerund right after a comma takes the main subject ("X sued Y, accusing it"); one
    /// with its own subject just before keeps it.
    fn gerund_subject_is_far(&self, i: usize) -> bool {
        let vc = self.out.clauses[i].chunks.0;
        vc == 0
            || matches!(
                self.kind(vc - 1),
                Some(
                    ChunkKind::Comma | ChunkKind::Prep(_) | ChunkKind::Sub(_) | ChunkKind::Conj(_)
                )
            )
            || self.out.clauses[i].subject_inherited
    }

    /// "X sued and criticized Y": a verb without object before "and" + verb shares the
    /// second verb's object.
    fn share_objects(&mut self) {
        let n = self.out.clauses.len();
        for i in (0..n).rev() {
            let vc = self.out.clauses[i].chunks.0;
            if !self.out.clauses[i].object.is_empty() {
                continue;
            }
            let next_is_verb = self.is_and(vc + 1) && self.verb_at(vc + 2).is_some();
            if next_is_verb {
                let v2 = self.verb_at(vc + 2).unwrap_or(0);
                let c2 = self.out.clause_of[v2];
                let o = self.out.clauses[c2].object.clone();
                self.out.clauses[i].object = o;
                let p = self.out.clauses[c2].preps.clone();
                if self.out.clauses[i].preps.is_empty() {
                    self.out.clauses[i].preps = p;
                }
            }
        }
    }

    /// Who speaks the sentence's quotes or reports its words.
    fn speaker(&mut self) {
        let chunks = self.p.chunks.len();
        let quoted = self.out.in_quote.iter().any(|q| *q) || self.out.starts_in_quote;
        let has_quote_marks = (0..chunks).any(|c| {
            matches!(
                self.kind(c),
                Some(ChunkKind::OpenQuote | ChunkKind::CloseQuote)
            )
        });
        let mut speaker: Vec<usize> = Vec::new();
        // A speech verb outside the quotes: its subject speaks ("« ... », a déclaré X",
        // "X said: « ... »", "X wrote on a Facebook post").
        let mut reported_from = None;
        for cl in &self.out.clauses {
            let vg = &self.p.verbs[cl.verb];
            let reporting = vg.class.is_some()
                && (vg.class == self.tags.say || vg.class == self.lex.tag("accuse"));
            if !reporting || cl.in_quote || vg.negated || cl.subject.is_empty() {
                continue;
            }
            if quoted || has_quote_marks {
                speaker = cl.subject.clone();
                break;
            }
            // Reported speech: what follows the verb is the subject's claim.
            let has_complement = self
                .out
                .clauses
                .iter()
                .any(|c| c.chunks.0 > cl.chunks.0 && !c.in_quote);
            if has_complement && speaker.is_empty() {
                speaker = cl.subject.clone();
                reported_from = Some(cl.chunks.0);
                break;
            }
        }
        self.out.reported_from = reported_from;
        // ", Weingarten said." / ", a indiqué la compagnie.": a speech verb after a comma at
        // the end; with its subject before it, or after it (inverted).
        if speaker.is_empty() {
            let last = self.out.clauses.iter().rev().find(|c| !c.in_quote);
            if let Some(cl) = last {
                let vg = &self.p.verbs[cl.verb];
                let say = vg.class.is_some() && vg.class == self.tags.say && !vg.negated;
                let vc = cl.chunks.0;
                let tail_ok = |from: usize| {
                    (from..chunks).all(|c| {
                        matches!(
                            self.kind(c),
                            Some(
                                ChunkKind::Noun(_)
                                    | ChunkKind::Other
                                    | ChunkKind::Adverb
                                    | ChunkKind::Prep(_)
                                    | ChunkKind::Comma
                                    | ChunkKind::Genitive
                                    | ChunkKind::CloseQuote
                            )
                        )
                    })
                };
                if say && vc >= 2 {
                    let subject_before = self.noun_at(vc - 1).is_some()
                        && matches!(self.kind(vc - 2), Some(ChunkKind::Comma))
                        && tail_ok(vc + 1);
                    let inverted = matches!(self.kind(vc - 1), Some(ChunkKind::Comma))
                        && self.noun_at(vc + 1).is_some()
                        && tail_ok(vc + 1);
                    if subject_before && !cl.subject.is_empty() {
                        speaker = cl.subject.clone();
                        self.out.reported_until = Some(vc);
                    } else if inverted {
                        if let Some((n, _)) = self.head_noun(vc + 1) {
                            speaker = self.out.groups[n].clone();
                            self.out.reported_until = Some(vc);
                        }
                    }
                }
            }
        }
        // "« ... », dit-il", "a-t-elle déclaré".
        if speaker.is_empty() {
            if let Some(n) = (0..self.p.nouns.len()).find(|&n| {
                self.p.nouns[n].inverted_say
                    || self.p.nouns[n].pronoun.is_some()
                        && self.noun_chunk(n) + 1 < chunks
                        && self
                            .verb_at(self.noun_chunk(n) + 1)
                            .is_some_and(|v| self.p.verbs[v].class == self.tags.say)
                        && self.p.nouns[n].start > 0
                        && self.p.nouns[n].end == self.p.nouns[n].start + 1
                        && self.p.verbs.iter().any(|v| v.class == self.tags.say)
            }) {
                if self.p.nouns[n].inverted_say
                    || matches!(
                        self.kind(self.noun_chunk(n).wrapping_sub(1)),
                        Some(ChunkKind::Comma)
                    )
                {
                    speaker = vec![n];
                }
            }
        }
        // "according to X", "selon X".
        if speaker.is_empty() {
            for c in 0..chunks {
                if self
                    .is_prep(c)
                    .is_some_and(|t| Some(t) == self.tags.according_to)
                {
                    if let Some((n, _)) = self.head_noun(c + 1) {
                        speaker = self.out.groups[n].clone();
                    }
                }
            }
        }
        self.out.speaker = speaker;
    }
}

/// Builds the structure of one sentence. `quote_open` says whether a quote opened in an
/// earlier sentence is still open.
pub fn analyze(
    tokens: &[super::text::Token],
    p: &Phrases,
    lex: &Lexicon,
    tags: Tags,
    quote_open: bool,
) -> Structure {
    let third_person = tokens
        .iter()
        .map(|t| lex.has("third_person", &t.low))
        .collect();
    let mut b = Builder {
        p,
        third_person,
        lex,
        tags,
        insert: Vec::new(),
        out: Structure::default(),
    };
    b.quotes(quote_open);
    b.coordinate();
    b.complements();
    b.appositions();
    b.role_then_name();
    b.coordinated_roles();
    b.listed();
    b.inserts();
    b.clauses();
    b.speaker();
    b.out
}
