//! Relation rules: argument frames around the triggers of the lexicon.
//!
//! Frames, all general: subject–verb–object (with relative clauses, gerunds, pronouns and
//! coordination), passive with agent, nominal triggers ("procès intenté par X contre Y",
//! "X's lawsuit against Y"), partnerships ("partenariat entre X et Y", "son partenariat avec
//! Y", "leur partenariat"), roles ("le PDG de Y", "Y CEO X"), group membership ("des
//! dirigeants de Y, dont A et B"), possessed products ("son produit phare, Z"), attributions
//! ("X a traité Y d'idiot", "X called Y a hero") and quotes spoken by their speaker.

use super::dates::Stated;
use super::lexicon::Lexicon;
use super::mentions::{is_preposition, Mention, MentionForm, Mentions};
use super::text::Sentence;
use crate::model::{EntityKind, RelationKind};

/// An edge found in one sentence, between two clusters.
#[derive(Debug, Clone)]
pub struct RawEdge {
    pub source: usize,
    pub relation: RelationKind,
    pub target: usize,
    pub sentence: usize,
    pub rule: &'static str,
    pub confidence: f32,
    /// The date expression of the clause, resolved later against the document date.
    pub date: Option<Stated>,
}

/// What carries over from one sentence to the next.
#[derive(Default)]
struct Discourse {
    last_subject: Option<usize>,
    last_person_subject: Option<usize>,
    last_org_subject: Option<usize>,
    /// Persons in order of mention, most recent last.
    recent_persons: Vec<usize>,
    open_quote_speaker: Option<usize>,
}

struct Sent<'a> {
    text: &'a str,
    s: &'a Sentence,
    lex: &'a Lexicon,
    ms: &'a [Mention],
    m: &'a Mentions,
    /// token → index in `ms` of the (outermost) mention covering it
    cover: Vec<Option<usize>>,
    /// token → relative clause id (", qui ... ,")
    rel_span: Vec<Option<usize>>,
    rel_bounds: Vec<(usize, usize)>,
    in_quote: Vec<bool>,
    main_subject: Option<usize>,
    main_subject_at: usize,
    speaker: Option<usize>,
    hedged: bool,
}

pub fn apply(text: &str, sentences: &[Sentence], m: &mut Mentions, lex: &Lexicon) -> Vec<RawEdge> {
    let mut out = Vec::new();
    let mut d = Discourse::default();
    let m_ro: &Mentions = m;
    for (si, s) in sentences.iter().enumerate() {
        let m = m_ro;
        let ms = &m.per_sentence[si];
        let mut st = Sent::new(text, s, lex, ms, m);
        st.main_subject = st.compute_main_subject(&d);
        st.speaker = st.compute_speaker(&d);
        let skip = ms.is_empty() || s.heading && title_case(text, s);
        if !skip {
            let before = out.len();
            st.run(si, &d, &mut out);
            // A sentence that names nobody on one side cannot make an edge; drop self-loops.
            out.truncate(before + out[before..].iter().filter(|_| true).count());
        }
        // Carry the discourse state forward.
        if let Some(sub) = st.main_subject.or(st.speaker) {
            d.last_subject = Some(sub);
            if m.clusters[sub].kind == EntityKind::Person {
                d.last_person_subject = Some(sub);
            }
            if m.clusters[sub].kind == EntityKind::Organization {
                d.last_org_subject = Some(sub);
            }
        }
        for x in ms {
            if m.clusters[x.cluster].kind == EntityKind::Person {
                d.recent_persons.retain(|c| *c != x.cluster);
                d.recent_persons.push(x.cluster);
            }
        }
        d.open_quote_speaker = if st.quote_open_at_end() {
            st.speaker
        } else {
            None
        };
    }
    coerce_kinds(&out, m);
    out.retain(|e| {
        e.source != e.target
            && kinds_fit(
                e.relation,
                m.clusters[e.source].kind,
                m.clusters[e.target].kind,
            )
    });
    out
}

/// A name whose kind was only guessed takes the kind its relation requires: the subject of
/// "a rejoint" is a person even when it looks like a company ("Jean-Marc Duplaix"), the
/// object of "a racheté" an organization even when it looks like "Firstname Lastname".
fn coerce_kinds(edges: &[RawEdge], m: &mut Mentions) {
    for e in edges {
        let (sk, tk) = (m.clusters[e.source].kind, m.clusters[e.target].kind);
        if e.source == e.target || kinds_fit(e.relation, sk, tk) {
            continue;
        }
        for (side, is_source) in [(e.target, false), (e.source, true)] {
            if m.clusters[side].kind_sure {
                continue;
            }
            let (sk, tk) = (m.clusters[e.source].kind, m.clusters[e.target].kind);
            for k in [EntityKind::Organization, EntityKind::Person] {
                let fits = if is_source {
                    kinds_fit(e.relation, k, tk)
                } else {
                    kinds_fit(e.relation, sk, k)
                };
                if fits {
                    m.clusters[side].kind = k;
                    m.clusters[side].kind_sure = true;
                    break;
                }
            }
        }
    }
}

/// Type constraints of each relation (SCHEMA.md): who can found, lead, own...
fn kinds_fit(rel: RelationKind, s: EntityKind, t: EntityKind) -> bool {
    use EntityKind::*;
    let org_like = |k: EntityKind| matches!(k, Organization | Media | Group);
    match rel {
        RelationKind::Founded | RelationKind::Left => {
            org_like(t) && matches!(s, Person | Organization | Group)
        }
        RelationKind::Leads | RelationKind::MemberOf => s == Person && org_like(t),
        RelationKind::Owns | RelationKind::Acquired | RelationKind::InvestedIn => {
            t != Person && t != Place
        }
        RelationKind::Sued | RelationKind::Criticized | RelationKind::Praised => {
            !matches!(s, Product | Place)
        }
        RelationKind::Partnered | RelationKind::CompetesWith => s != Place && t != Place,
    }
}

const QUOTES_OPEN: &[&str] = &["«", "“", "\""];
const QUOTES_CLOSE: &[&str] = &["»", "”", "\""];

impl<'a> Sent<'a> {
    fn new(
        text: &'a str,
        s: &'a Sentence,
        lex: &'a Lexicon,
        ms: &'a [Mention],
        m: &'a Mentions,
    ) -> Sent<'a> {
        let n = s.tokens.len();
        let mut cover: Vec<Option<usize>> = vec![None; n];
        // Outer mentions are sorted first for equal starts; wider spans win.
        for (i, x) in ms.iter().enumerate() {
            for c in cover.iter_mut().take(x.end.min(n)).skip(x.start) {
                match c {
                    Some(j) if ms[*j].end - ms[*j].start >= x.end - x.start => {}
                    _ => *c = Some(i),
                }
            }
        }
        let mut st = Sent {
            text,
            s,
            lex,
            ms,
            m,
            cover,
            rel_span: vec![None; n],
            rel_bounds: Vec::new(),
            in_quote: vec![false; n],
            main_subject: None,
            main_subject_at: 0,
            speaker: None,
            hedged: false,
        };
        st.mark_relatives();
        st.mark_quotes();
        st.hedged = (0..n).any(|i| {
            st.lex
                .section("hedges")
                .match_at(|k| st.low(i + k))
                .is_some()
        });
        st
    }

    fn low(&self, i: usize) -> Option<&str> {
        self.s.tokens.get(i).map(|t| t.low.as_str())
    }

    fn raw(&self, i: usize) -> &str {
        let t = &self.s.tokens[i];
        &self.text[t.start..t.end]
    }

    fn len(&self) -> usize {
        self.s.tokens.len()
    }

    fn is(&self, section: &str, i: usize) -> bool {
        self.low(i).is_some_and(|w| self.lex.has(section, w))
    }

    fn match_section(&self, section: &str, i: usize) -> Option<(Option<RelationKind>, usize)> {
        self.lex.section(section).match_at(|k| self.low(i + k))
    }

    fn boundary(&self, i: usize) -> bool {
        self.match_section("boundaries", i).is_some()
    }

    /// ", qui ... ," / ", who ... ," : appositive relative clauses, invisible from outside.
    fn mark_relatives(&mut self) {
        let n = self.len();
        let mut i = 0;
        while i + 1 < n {
            // ", qui ... ," and ", led by ... ," / ", fondée par ... ,": clauses a subject
            // search from outside must not enter.
            let participle = self
                .match_section("passive", i + 1)
                .is_some_and(|(_, n)| matches!(self.low(i + 1 + n), Some("by" | "par")));
            // ", a former OpenAI executive," after a name: an apposition, also closed to
            // a subject search from outside.
            let apposition = i > 0
                && self.mention_at(i - 1).is_some_and(|x| x.end == i)
                && (matches!(
                    self.low(i + 1),
                    Some("a" | "an" | "the" | "un" | "une" | "le" | "la" | "l'")
                ) || ["roles", "parent", "subsidiary", "person_descriptors"]
                    .iter()
                    .any(|sec| self.match_section(sec, i + 1).is_some())
                    // ", Microsoft chief executive," / ", Apple's chief executive,"
                    || self
                        .mention_at(i + 1)
                        .filter(|x| x.start == i + 1)
                        .map(|x| x.end + usize::from(self.low(x.end) == Some("'s")))
                        .is_some_and(|k| self.match_section("roles", k).is_some()))
                && (i + 2 + 12 >= self.len()
                    || (i + 2..self.len()).take(12).any(|k| self.raw(k) == ","));
            if self.raw(i) == ","
                && (self.is("relative_subject", i + 1) || participle || apposition)
            {
                let mut j = i + 2;
                while j < n && self.raw(j) != "," && !self.boundary(j) {
                    j += 1;
                }
                let id = self.rel_bounds.len();
                let end = if j < n && self.raw(j) == "," {
                    j + 1
                } else {
                    j
                };
                self.rel_bounds.push((i, end));
                for k in i..end {
                    self.rel_span[k] = Some(id);
                }
                i = end;
            } else {
                i += 1;
            }
        }
    }

    fn mark_quotes(&mut self) {
        let mut open = false;
        for i in 0..self.len() {
            let r = self.raw(i);
            if !open && QUOTES_OPEN.contains(&r) {
                open = true;
                continue;
            }
            if open && QUOTES_CLOSE.contains(&r) {
                open = false;
                continue;
            }
            self.in_quote[i] = open;
        }
    }

    fn quote_open_at_end(&self) -> bool {
        let mut depth = 0i32;
        for i in 0..self.len() {
            match self.raw(i) {
                "«" | "“" => depth += 1,
                "»" | "”" => depth -= 1,
                _ => {}
            }
        }
        depth > 0
    }

    fn mention_at(&self, i: usize) -> Option<&'a Mention> {
        self.cover.get(i).copied().flatten().map(|k| &self.ms[k])
    }

    /// The mention and any mentions coordinated with it: "A et B", "A, B et C". A comma
    /// alone does not coordinate ("la journaliste X, Altman a dit..."): the list must close
    /// with "et"/"and".
    fn group(&self, x: &Mention) -> Vec<usize> {
        let mut right = Vec::new();
        let mut closed = false;
        let mut i = x.end;
        while i + 1 < self.len() && (self.raw(i) == "," || self.is("and", i)) {
            let is_and = self.is("and", i) || (self.raw(i) == "," && self.is("and", i + 1));
            let mut j = if self.raw(i) == "," && self.is("and", i + 1) {
                i + 2
            } else {
                i + 1
            };
            // "de Louis Vuitton et de Dior", "of X and of Y"
            if is_and && matches!(self.low(j), Some("de" | "d'" | "du" | "of")) {
                j += 1;
            }
            match self.mention_at(j) {
                Some(y) if y.start == j => {
                    right.push(y.cluster);
                    i = y.end;
                    if is_and {
                        closed = true;
                        break;
                    }
                }
                _ => break,
            }
        }
        // "A, B and others", "A, B et d'autres", "A, B, entre autres" close a list too.
        if !closed && !right.is_empty() {
            let after = |k: usize| self.low(i + k).unwrap_or("");
            closed = matches!(
                (after(0), after(1), after(2)),
                ("and", "others", _)
                    | (",", "and", "others")
                    | ("et", "d'", "autres")
                    | (",", "entre", "autres")
                    | (",", "among", "others")
            );
        }
        let mut g = vec![x.cluster];
        if closed {
            g.extend(right);
        }
        // Leftwards: "A et B" seen from B, then "X, A et B".
        let mut i = x.start;
        let mut linked = false;
        while i >= 2 {
            let sep_and = self.is("and", i - 1);
            if !(sep_and || (linked && self.raw(i - 1) == ",")) {
                break;
            }
            match self.mention_at(i - 2) {
                Some(y) if y.end == i - 1 => {
                    g.insert(0, y.cluster);
                    i = y.start;
                    linked = true;
                }
                _ => break,
            }
        }
        g.dedup();
        g
    }

    fn preceded_by_preposition(&self, x: &Mention) -> bool {
        x.start > 0 && is_preposition(self.low(x.start - 1).unwrap_or(""))
    }

    fn compute_main_subject(&mut self, d: &Discourse) -> Option<usize> {
        for i in 0..self.len() {
            if self.in_quote[i] || self.rel_span[i].is_some() {
                continue;
            }
            if let Some(x) = self.mention_at(i) {
                if x.start == i && !self.preceded_by_preposition(x) {
                    // "Podwave co-founder Luis Ortega left...": the person is the subject.
                    if let Some((_, rn)) = self.match_section("roles", x.end) {
                        if let Some(y) = self
                            .mention_at(x.end + rn)
                            .filter(|y| y.start == x.end + rn)
                        {
                            self.main_subject_at = y.start;
                            return Some(y.cluster);
                        }
                    }
                    // "Elon Musk's AI company xAI sued...": the possessed name is the subject.
                    if self.low(x.end) == Some("'s") {
                        let owned = (x.end + 1..(x.end + 6).min(self.len()))
                            .find_map(|k| self.mention_at(k).filter(|y| y.start == k));
                        if let Some(y) = owned {
                            self.main_subject_at = y.start;
                            return Some(y.cluster);
                        }
                    }
                    self.main_subject_at = i;
                    return Some(x.cluster);
                }
            }
            if self.is("pronouns_person", i)
                || self
                    .low(i)
                    .is_some_and(|w| w.ends_with("-il") || w.ends_with("-elle"))
            {
                self.main_subject_at = i;
                return d.last_person_subject;
            }
            if self.is("pronouns_group", i) {
                self.main_subject_at = i;
                return d.last_subject;
            }
        }
        None
    }

    /// Who speaks the quotes of this sentence.
    fn compute_speaker(&self, d: &Discourse) -> Option<usize> {
        let n = self.len();
        if !self.in_quote.iter().any(|q| *q) && !self.quote_open_at_end() {
            return d.open_quote_speaker;
        }
        for i in 0..n {
            let r = self.raw(i);
            // "X a écrit : « ... »" / "X said: "..."
            if r == ":" && (i + 1 < n && QUOTES_OPEN.contains(&self.raw(i + 1))) {
                return self.subject_before(i, d).and_then(|g| g.first().copied());
            }
            // "« ... », a déclaré X" / '"...," X said' / '"...," said X'
            let comma_after = i + 1 < n && self.raw(i + 1) == ",";
            let comma_before = i > 0 && self.raw(i - 1) == "," && self.in_quote[i - 1];
            if QUOTES_CLOSE.contains(&r)
                && !self.in_quote[i]
                && (comma_after || comma_before)
                && i > 0
                && self.in_quote[i - 1]
            {
                let from = if comma_after { i + 2 } else { i + 1 };
                for j in from..(from + 4).min(n) {
                    if let Some(x) = self.mention_at(j) {
                        return Some(x.cluster);
                    }
                    if self.low(j).is_some_and(|w| {
                        w.ends_with("-il")
                            || w.ends_with("-elle")
                            || self.lex.has("pronouns_person", w)
                    }) {
                        return d.last_person_subject;
                    }
                }
            }
        }
        d.open_quote_speaker.or(self.main_subject)
    }

    // ---- argument finding ---------------------------------------------------------

    /// The subject of the trigger at `t`: scanning left inside the clause, skipping
    /// relative clauses it is not part of; pronouns and relative pronouns are resolved.
    fn subject_before(&self, t: usize, d: &Discourse) -> Option<Vec<usize>> {
        self.subject_within(t, d, 10)
    }

    fn subject_within(&self, t: usize, d: &Discourse, max_steps: usize) -> Option<Vec<usize>> {
        // Gerund ("en critiquant", ", criticizing"): the subject of the main clause.
        if t > 0
            && (self.is("gerund", t - 1)
                || self.low(t).is_some_and(|w| w.ends_with("ing"))
                    && matches!(self.low(t - 1), Some("," | "by" | "while" | "after")))
        {
            return self.main_subject.map(|s| vec![s]);
        }
        let my_rel = self.rel_span.get(t).copied().flatten();
        let mut i = t;
        let mut steps = 0;
        while i > 0 && steps < max_steps {
            i -= 1;
            if let Some(r) = self.rel_span[i] {
                if Some(r) != my_rel {
                    i = self.rel_bounds[r].0;
                    continue;
                }
            }
            if self.boundary(i) {
                break;
            }
            if self.is("relative_subject", i) && self.mention_at(i).is_none() {
                return self.antecedent(i, d).map(|c| vec![c]);
            }
            if self.is("relative_object", i) {
                // What stands after "que" was the subject; nothing was found there.
                break;
            }
            if let Some(x) = self.mention_at(i) {
                i = x.start;
                if self.preceded_by_preposition(x) {
                    steps += 1;
                    continue;
                }
                return Some(self.group(x));
            }
            if let Some(c) = self.pronoun(i, d) {
                return Some(vec![c]);
            }
            if self.raw(i) == "," && steps > 0 {
                // A comma between subject and verb only after an inserted clause.
            }
            steps += 1;
        }
        None
    }

    /// Resolves a subject pronoun at `i`.
    fn pronoun(&self, i: usize, d: &Discourse) -> Option<usize> {
        let w = self.low(i)?;
        if self.lex.has("pronouns_first", w) {
            return if self.in_quote[i] || self.speaker.is_some() {
                self.speaker
            } else {
                None
            };
        }
        if self.lex.has("pronouns_person", w) {
            // The sentence's own subject when it came first, else the previous one.
            if let Some(ms) = self.main_subject {
                let kind = self.m.clusters[ms].kind;
                let fits = kind == EntityKind::Person
                    || kind == EntityKind::Organization && self.lex.has("pronouns_gendered", w);
                if self.main_subject_at < i && fits {
                    return Some(ms);
                }
            }
            return d.last_person_subject;
        }
        if self.lex.has("pronouns_group", w) {
            return d.last_subject;
        }
        if self.lex.has("pronouns_org", w) {
            if let Some(ms) = self.main_subject {
                if self.main_subject_at < i && self.m.clusters[ms].kind == EntityKind::Organization
                {
                    return Some(ms);
                }
            }
            return d.last_org_subject;
        }
        None
    }

    /// What a relative pronoun at `i` stands for: the mention (or "quelqu'un") before it.
    fn antecedent(&self, i: usize, d: &Discourse) -> Option<usize> {
        let mut j = i;
        if j > 0 && self.raw(j - 1) == "," {
            j -= 1;
        }
        if j == 0 {
            return None;
        }
        if let Some(x) = self.mention_at(j - 1) {
            return Some(x.cluster);
        }
        let indefinite = self.is("indefinite", j - 1)
            || (j >= 2
                && self.low(j - 2) == Some("quelqu'")
                && matches!(self.low(j - 1), Some("un" | "une")));
        if indefinite {
            let avoid = [self.speaker, self.main_subject];
            return d
                .recent_persons
                .iter()
                .rev()
                .copied()
                .find(|c| !avoid.contains(&Some(*c)));
        }
        None
    }

    /// The object right after position `e`: a mention after determiners, prepositions and
    /// adverbs only.
    fn object_after(&self, e: usize, max_skip: usize) -> Option<Vec<usize>> {
        if let Some(o) = self.gerund_object_pronoun(e) {
            return Some(o);
        }
        let mut i = e;
        let mut skipped = 0;
        while i < self.len() && skipped <= max_skip {
            if let Some(x) = self.mention_at(i) {
                // "by former OpenAI employees A and B", "sued Acme executives A and B": the
                // organization qualifies the people named after it.
                let after = x.end;
                let role_words = if x.form == MentionForm::Group {
                    Some(0)
                } else {
                    ["roles", "group_nouns"]
                        .iter()
                        .find_map(|sec| self.match_section(sec, after).map(|m| m.1))
                };
                if let Some(rn) = role_words {
                    if let Some(y) = self
                        .mention_at(after + rn)
                        .filter(|y| y.start == after + rn && y.form == MentionForm::Name)
                    {
                        return Some(self.group_from(y, after + rn));
                    }
                }
                return Some(self.group_from(x, i));
            }
            let w = self.low(i)?;
            // "le travail de X", "X's leadership" is praise or blame of X.
            if self.lex.has("object_heads", w)
                && matches!(self.low(i + 1), Some("de" | "d'" | "du" | "of"))
            {
                if let Some(x) = self.mention_at(i + 2) {
                    return Some(self.group_from(x, i + 2));
                }
            }
            // "led by chief executive X", "par le PDG X": a role title before the name.
            if let Some((_, rn)) = self.match_section("roles", i) {
                if self.mention_at(i + rn).is_some_and(|x| x.start == i + rn) {
                    i += rn;
                    continue;
                }
            }
            // "possède le quotidien Le Monde", "acquired the startup Zenith".
            let descriptor_noun = [
                "media_cues",
                "org_descriptors",
                "product_nouns",
                "person_descriptors",
            ]
            .iter()
            .any(|sec| self.lex.has(sec, w));
            if descriptor_noun {
                // "the animation studio Pixelforge", "telecom operator Northwind": a compound
                // noun of up to three words, then the name.
                if let Some(x) = self.name_after_modifiers(i + 1, 2) {
                    return Some(self.group(x));
                }
                // "la maison de parfums Creed", "the maker of chips Zeta"
                if matches!(self.low(i + 1), Some("de" | "d'" | "of"))
                    && self
                        .s
                        .tokens
                        .get(i + 2)
                        .is_some_and(|t| t.is_word && !t.cap)
                {
                    if let Some(x) = self.mention_at(i + 3).filter(|x| x.start == i + 3) {
                        return Some(self.group_from(x, i + 3));
                    }
                }
            }
            // "sued rival (streaming service) Brightcast": the rival is the object.
            if self.lex.has("rivals", w) {
                if let Some(x) = self.name_after_modifiers(i + 1, 3) {
                    return Some(self.group(x));
                }
            }
            let skippable = self.lex.has("determiners", w)
                || self.lex.has("skip", w)
                || matches!(
                    w,
                    "a" | "au"
                        | "aux"
                        | "de"
                        | "d'"
                        | "du"
                        | "contre"
                        | "sur"
                        | "to"
                        | "against"
                        | "on"
                        | "at"
                        | "with"
                        | "avec"
                        | "en"
                        | "l'"
                )
                || w.ends_with("ment") && w.len() > 6
                || w.ends_with("ly") && w.len() > 4
                || self.former(i + 1);
            if !skippable {
                return None;
            }
            i += 1;
            skipped += 1;
        }
        None
    }

    /// "X sued Y, accusing it of fraud" / "..., calling them liars": in a gerund clause
    /// after a comma, an object pronoun stands for the nearest name before the clause that
    /// is not the main subject.
    fn gerund_object_pronoun(&self, e: usize) -> Option<Vec<usize>> {
        let pronoun = self.low(e)?;
        if !matches!(pronoun, "it" | "them" | "him" | "her") || e < 2 {
            return None;
        }
        let verb = e - 1;
        let gerund = self.low(verb)?.ends_with("ing") && self.raw(verb - 1) == ",";
        if !gerund {
            return None;
        }
        let x = self
            .ms
            .iter()
            .rev()
            .filter(|x| x.end < verb && Some(x.cluster) != self.main_subject)
            .find(|x| self.mention_at(x.start).is_some_and(|o| o.start == x.start))?;
        let wanted = if pronoun == "them" {
            // The whole coordination the last name closes: "OpenAI and Apple".
            let mut first = x;
            while first.start >= 2
                && (self.is("and", first.start - 1) || self.raw(first.start - 1) == ",")
            {
                match self.ms.iter().find(|m| m.end == first.start - 1) {
                    Some(m) => first = m,
                    None => break,
                }
            }
            self.group(first)
        } else {
            vec![x.cluster]
        };
        let person = |c: &usize| self.m.clusters[*c].kind == EntityKind::Person;
        let fit: Vec<usize> = match pronoun {
            "him" | "her" => wanted.into_iter().filter(person).collect(),
            "it" => wanted.into_iter().filter(|c| !person(c)).collect(),
            _ => wanted,
        };
        (!fit.is_empty()).then_some(fit)
    }

    /// A symmetric relation between every two members of a group ("X et Y se sont
    /// associés"), each pair once.
    fn emit_mutual(
        &self,
        out: &mut Vec<RawEdge>,
        group: &[usize],
        rel: RelationKind,
        si: usize,
        rule: &'static str,
        confidence: f32,
    ) {
        for (a, x) in group.iter().enumerate() {
            self.emit(out, &[*x], rel, &group[a + 1..], si, rule, confidence, None);
        }
    }

    /// The name starting at `from` after at most `max` lowercase modifiers ("streaming
    /// service Brightcast", "animation studio Pixelforge").
    fn name_after_modifiers(&self, from: usize, max: usize) -> Option<&'a Mention> {
        let mut k = from;
        while k < (from + max).min(self.len())
            && self.mention_at(k).is_none()
            && self.s.tokens[k].is_word
            && !self.s.tokens[k].cap
            && !self.is("stop", k)
        {
            k += 1;
        }
        self.mention_at(k).filter(|x| x.start == k)
    }

    fn group_from(&self, x: &Mention, _at: usize) -> Vec<usize> {
        self.group(x)
    }

    /// "l'entreprise que X a fondée": the object of a trigger inside a relative clause.
    fn object_relative(&self, t: usize, d: &Discourse) -> Option<usize> {
        let mut i = t;
        let mut steps = 0;
        while i > 0 && steps < 5 {
            i -= 1;
            steps += 1;
            if self.is("relative_object", i) {
                return self.antecedent(i, d);
            }
            if let Some(x) = self.mention_at(i) {
                i = x.start;
                continue;
            }
            let w = self.low(i).unwrap_or("");
            if !(self.lex.has("aux", w)
                || self.lex.has("skip", w)
                || self.lex.has("pronouns_person", w)
                || self.lex.has("pronouns_first", w)
                || self.lex.has("pronouns_group", w)
                || self.lex.has("negation", w))
            {
                return None;
            }
        }
        None
    }

    /// Negation, denial, or an unrealized plan ("in talks to buy", "envisage de racheter")
    /// between the subject and the trigger: no edge.
    fn negated(&self, from: usize, t: usize) -> bool {
        let lo = from.min(t);
        (lo..t).any(|i| self.is("negation", i) || self.match_section("modal", i).is_some())
            || (t + 1 < self.len() && matches!(self.low(t + 1), Some("pas" | "jamais")))
    }

    /// The date stated nearest the trigger, inside its clause: a date in a relative clause
    /// that does not hold the trigger belongs to that clause.
    fn date_near(&self, t: usize, lo: usize, hi: usize) -> Option<Stated> {
        let own = self.rel_span.get(t).copied().flatten();
        super::dates::stated_near(self.text, &self.s.tokens, t, lo..hi, |k| {
            self.rel_span
                .get(k)
                .copied()
                .flatten()
                .is_some_and(|r| Some(r) != own)
        })
    }

    fn clause_end(&self, from: usize) -> usize {
        let mut i = from;
        while i < self.len() && !self.boundary(i) && !(self.raw(i) == "," && i > from + 3) {
            i += 1;
        }
        i
    }

    // ---- rules ----------------------------------------------------------------------

    fn run(&mut self, si: usize, d: &Discourse, out: &mut Vec<RawEdge>) {
        let first = out.len();
        let n = self.len();
        let mut i = 0;
        while i < n {
            let consumed = self
                .verb_rule(i, si, d, out)
                .or_else(|| self.attribution_rule(i, si, d, out))
                .or_else(|| self.partnership_rule(i, si, d, out))
                .or_else(|| self.noun_rule(i, si, d, out));
            self.role_rule(i, si, d, out);
            self.quoted_judgement_rule(i, si, out);
            self.subsidiary_rule(i, si, out);
            self.parent_rule(i, si, out);
            self.group_member_rule(i, si, out);
            self.possessed_product_rule(i, si, d, out);
            self.maker_behind_rule(i, si, d, out);
            self.attributive_rival_rule(i, si, d, out);
            i += consumed.unwrap_or(1).max(1);
        }
        // Role descriptors ("le PDG de Tesla") carry their own edge.
        for x in self.ms {
            if let (MentionForm::Descriptor, Some((rel, org))) = (x.form, x.role) {
                let former = (x.start..x.end).any(|k| self.former(k + 1));
                let orgs: Vec<usize> = std::iter::once(org).chain(x.also_org).collect();
                for rel in std::iter::once(rel).chain(x.also) {
                    let rel = if former { RelationKind::Left } else { rel };
                    self.emit(
                        out,
                        &[x.cluster],
                        rel,
                        &orgs,
                        si,
                        "role-descriptor",
                        0.7,
                        None,
                    );
                }
            }
        }
        // "Le PDG de Maravel, Sophie Arnaud, a annoncé le rachat de Quantix": a company's
        // deal announced by its head is the company's.
        let heads: Vec<(usize, usize)> = out[first..]
            .iter()
            .filter(|e| e.relation == RelationKind::Leads)
            .map(|e| (e.source, e.target))
            .collect();
        for e in out[first..].iter_mut() {
            if matches!(
                e.relation,
                RelationKind::Acquired | RelationKind::InvestedIn
            ) && e.rule == "noun"
            {
                if let Some(&(_, org)) = heads.iter().find(|(p, _)| *p == e.source) {
                    e.source = org;
                }
            }
        }
        // "Boeing chief executive Dave Calhoun will step down": leaving without an object
        // leaves the organization the sentence says the person heads.
        for t in 0..self.len() {
            if self.match_section("resigns", t).is_none() {
                continue;
            }
            let Some(subject) = self.subject_before(t, d) else {
                continue;
            };
            if self.negated(t.saturating_sub(4), t) {
                continue;
            }
            for s in subject {
                if let Some(&(_, org)) = heads.iter().find(|(p, _)| *p == s) {
                    self.emit(
                        out,
                        &[s],
                        RelationKind::Left,
                        &[org],
                        si,
                        "resigns",
                        0.65,
                        None,
                    );
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        out: &mut Vec<RawEdge>,
        sources: &[usize],
        rel: RelationKind,
        targets: &[usize],
        si: usize,
        rule: &'static str,
        conf: f32,
        date: Option<Stated>,
    ) {
        let conf = if self.hedged { conf * 0.75 } else { conf };
        for &s in sources {
            for &t in targets {
                if s != t {
                    out.push(RawEdge {
                        source: s,
                        relation: rel,
                        target: t,
                        sentence: si,
                        rule,
                        confidence: conf,
                        date,
                    });
                }
            }
        }
    }

    fn verb_rule(
        &self,
        t: usize,
        si: usize,
        d: &Discourse,
        out: &mut Vec<RawEdge>,
    ) -> Option<usize> {
        if self.mention_at(t).is_some() {
            return None;
        }
        let active = self.match_section("verbs", t);
        // Passive with an agent: "Y a été racheté par X", "Y was sued by X".
        // Also the participle in apposition ("Acme, fondée par X en 2012, ...") or right
        // after its noun ("the startup backed by X").
        let passive = self.match_section("passive", t);
        if active.is_none() && passive.is_none() {
            return None;
        }
        let by_follows = |pn: usize| {
            (t + pn..(t + pn + 3).min(self.len()))
                .any(|k| matches!(self.low(k), Some("par" | "by")))
        };
        let reduced = t >= 1
            && self.mention_at(t - 1).is_some_and(|x| x.end == t)
            && passive.is_some_and(|(_, pn)| by_follows(pn));
        let appositive =
            reduced || t >= 2 && self.raw(t - 1) == "," && self.mention_at(t - 2).is_some();
        // "Fondée en 1998 par X, Y ...": a participle opening the sentence describes the
        // subject after its comma.
        let fronted = t == 0 && passive.is_some_and(|(_, pn)| by_follows(pn));
        let passive_aux =
            appositive || fronted || (t.saturating_sub(3)..t).any(|k| self.is("passive_aux", k));
        if active.is_none() && !passive_aux {
            return None;
        }
        if passive_aux {
            if let Some((Some(prel), pn)) = self.match_section("passive", t) {
                let patient = if fronted {
                    (t + pn..self.len())
                        .find(|&k| self.raw(k) == "," && self.rel_span[k].is_none())
                        .and_then(|c| self.mention_at(c + 1).filter(|x| x.start == c + 1))
                        .map(|x| self.group(x))
                } else if reduced {
                    self.mention_at(t - 1).map(|x| self.group(x))
                } else if appositive {
                    self.mention_at(t - 2).map(|x| self.group(x))
                } else {
                    self.subject_before(t, d)
                };
                let mut agent = None;
                for k in t + pn..(t + pn + 4).min(self.len()) {
                    if matches!(self.low(k), Some("par" | "by")) {
                        agent = self.object_after(k + 1, 2);
                        break;
                    }
                }
                if let (Some(p), Some(a)) = (patient, agent) {
                    if !self.negated(t.saturating_sub(6), t) {
                        let date = self.date_near(t, t.saturating_sub(4), self.clause_end(t + pn));
                        self.emit(out, &a, prel, &p, si, "passive", 0.75, date);
                    }
                    return Some(pn);
                }
                // A passive without its agent ("Y a été fondée à Lyon", "Y, founded in
                // 2015,") says who was acted on, not by whom: no edge. An auxiliary further
                // back ("It was Musk who founded X") or a verb taking its object after an
                // apposition ("X, the founder of Z, criticized Y") keeps the active reading.
                let participle_then_preposition = appositive
                    && self
                        .low(t + pn)
                        .is_some_and(crate::extract::mentions::is_preposition);
                if participle_then_preposition || self.auxiliary_right_before(t) {
                    return Some(pn);
                }
            }
        }
        let (rel, n) = active?;
        let rel = rel?;
        // "left the company to start X", "a quitté Y pour fonder X": a purpose infinitive
        // belongs to the subject of the sentence, not to the nearest noun.
        // Inside a relative clause ("X, qui a quitté Y pour prendre la tête de Z") it is the
        // relative pronoun's antecedent.
        let subject = if matches!(self.low(t), Some("to" | "pour")) {
            match self.rel_span[t].map(|id| self.rel_bounds[id].0 + 1) {
                Some(r) if self.is("relative_subject", r) => self.antecedent(r, d).map(|c| vec![c]),
                _ => self.main_subject.map(|c| vec![c]),
            }
        } else {
            self.subject_before(t, d)
        };
        // A wildcard phrase may overreach ("invested * * in" over "invested in X in 2021"):
        // the longest reading that finds an object wins.
        let n = if self.object_after(t + n, 3).is_some() {
            n
        } else {
            self.lex
                .section("verbs")
                .all_matches_at(|k| self.low(t + k))
                .into_iter()
                .filter(|(r, _)| *r == Some(rel))
                .map(|(_, len)| len)
                .find(|len| self.object_after(t + len, 3).is_some())
                .unwrap_or(n)
        };
        // "X and Y compete", "X et Y se sont associés": a symmetric verb without an object.
        // Only right after the coordinated subject ("X and Y compete"), not "... hurt rivals".
        let adjacent = |g: &Vec<usize>| {
            let end = self
                .ms
                .iter()
                .filter(|x| g.contains(&x.cluster) && x.end <= t)
                .map(|x| x.end)
                .max()
                .unwrap_or(0);
            (end..t).all(|k| {
                ["aux", "skip", "negation"]
                    .iter()
                    .any(|sec| self.is(sec, k))
                    || self
                        .low(k)
                        .is_some_and(|w| w.ends_with("ly") || w.ends_with("ment"))
            })
        };
        if rel.is_symmetric() && self.object_after(t + n, 3).is_none() {
            if let Some(g) = subject.as_ref().filter(|g| g.len() >= 2 && adjacent(g)) {
                if !self.negated(t.saturating_sub(6), t) {
                    self.emit_mutual(out, g, rel, si, "verb-mutual", 0.7);
                }
                return Some(n);
            }
        }
        let object = self
            .object_after(t + n, 3)
            .or_else(|| self.object_relative(t, d).map(|c| vec![c]));
        if let (Some(s), Some(o)) = (subject, object) {
            let from = self
                .ms
                .iter()
                .filter(|x| s.contains(&x.cluster) && x.end <= t)
                .map(|x| x.end)
                .next_back()
                .unwrap_or(t.saturating_sub(4));
            if !self.negated(from, t) {
                let date =
                    self.date_near(t, from.min(t).saturating_sub(2), self.clause_end(t + n) + 2);
                self.emit(out, &s, rel, &o, si, "verb", 0.8, date);
            }
            return Some(n);
        }
        None
    }

    fn attribution_rule(
        &self,
        t: usize,
        si: usize,
        d: &Discourse,
        out: &mut Vec<RawEdge>,
    ) -> Option<usize> {
        let (_, n) = self.match_section("attribution", t)?;
        let obj = self.object_after(t + n, 2)?;
        let obj_end = (t + n..self.len())
            .find(|k| self.mention_at(*k).is_some())
            .and_then(|k| self.mention_at(k))
            .map(|x| x.end)?;
        let mut verdict = None;
        for k in obj_end..(obj_end + 9).min(self.len()) {
            if self.raw(k) == ","
                || self.raw(k) == "."
                || (self.boundary(k)
                    && !QUOTES_OPEN.contains(&self.raw(k))
                    && !QUOTES_CLOSE.contains(&self.raw(k)))
            {
                break;
            }
            if let Some(v) = self.judgement_at(k) {
                verdict = Some(v);
                break;
            }
        }
        let rel = verdict?;
        let subject = self.subject_before(t, d)?;
        if self.negated(t.saturating_sub(5), t) {
            return Some(n);
        }
        self.emit(out, &subject, rel, &obj, si, "attribution", 0.75, None);
        Some(n)
    }

    fn partnership_rule(
        &self,
        t: usize,
        si: usize,
        d: &Discourse,
        out: &mut Vec<RawEdge>,
    ) -> Option<usize> {
        let (rel, n) = self.match_section("partnership", t)?;
        let rel = rel.unwrap_or(RelationKind::Partnered);
        if t > 0
            && matches!(self.low(t - 1), Some("d'" | "de"))
            && !matches!(self.low(t + n), Some("entre" | "avec"))
        {
            return None;
        }
        let end = self.clause_end(t + n).max((t + n + 9).min(self.len()));
        // "entre X et Y" / "between X and Y"
        for k in t + n..(t + n + 6).min(self.len()) {
            if self.is("between", k) {
                if let Some(g) = self.object_after(k + 1, 1) {
                    if g.len() >= 2 {
                        self.emit(
                            out,
                            &g[..1],
                            rel,
                            &g[1..],
                            si,
                            "partnership-between",
                            0.8,
                            None,
                        );
                        return Some(n);
                    }
                }
            }
        }
        // "... avec Y" / "... with Y"
        let mut partner = None;
        for k in t + n..end.min(self.len()) {
            if self.is("with", k) {
                partner = self.object_after(k + 1, 2);
                break;
            }
        }
        let prev = if t > 0 { self.low(t - 1) } else { None };
        let plural_owner = prev.is_some_and(|w| self.lex.has("plural_possessive", w));
        let owner: Option<Vec<usize>> = if prev.is_some_and(|w| self.lex.has("possessive", w)) {
            self.nearest_left(t, |k| k == EntityKind::Organization)
                .or_else(|| self.nearest_left(t, |_| true))
                .map(|c| vec![c])
        } else if plural_owner {
            self.subject_within(t, d, 12)
        } else if t >= 2 && self.low(t - 1) == Some("'s") {
            self.mention_at(t - 2).map(|x| vec![x.cluster])
        } else {
            // The nearest organization to the left, unless it is only a complement ("a rival
            // of Microsoft, announced a deal with Y"): then the clause's subject.
            let want_org = partner
                .as_ref()
                .and_then(|p| p.first())
                .is_some_and(|c| self.m.clusters[*c].kind != EntityKind::Person);
            let my_rel = self.rel_span.get(t).copied().flatten();
            let nearest = self
                .ms
                .iter()
                .filter(|x| {
                    x.end <= t
                        && (!want_org
                            || self.m.clusters[x.cluster].kind == EntityKind::Organization)
                })
                .filter(|x| {
                    self.rel_span[x.start].is_none()
                        || self.rel_span[x.start] == my_rel
                        || x.form != MentionForm::Name
                })
                .max_by_key(|x| x.end);
            match nearest {
                Some(x) if !self.preceded_by_preposition(x) => Some(vec![x.cluster]),
                _ => self
                    .subject_within(t, d, 12)
                    .or_else(|| nearest.map(|x| vec![x.cluster])),
            }
        };
        match (owner, partner) {
            (Some(o), Some(p)) => {
                self.emit(out, &o, rel, &p, si, "partnership-with", 0.7, None);
                Some(n)
            }
            (_, None) if !plural_owner => {
                let g = self.subject_within(t, d, 12).filter(|g| g.len() >= 2)?;
                self.emit_mutual(out, &g, rel, si, "partnership-mutual", 0.65);
                Some(n)
            }
            (Some(o), None) if plural_owner && o.len() >= 2 => {
                self.emit_mutual(out, &o, rel, si, "partnership-their", 0.65);
                Some(n)
            }
            _ => None,
        }
    }

    /// The nearest mention left of `t` in this sentence (outside relative clauses that do
    /// not contain `t`) whose kind passes `want`.
    fn nearest_left(&self, t: usize, want: impl Fn(EntityKind) -> bool) -> Option<usize> {
        let my_rel = self.rel_span.get(t).copied().flatten();
        self.ms
            .iter()
            .filter(|x| {
                x.end <= t
                    && (self.rel_span[x.start].is_none()
                        || self.rel_span[x.start] == my_rel
                        || x.form != MentionForm::Name)
            })
            .filter(|x| want(self.m.clusters[x.cluster].kind))
            .max_by_key(|x| x.end)
            .map(|x| x.cluster)
    }

    fn noun_rule(
        &self,
        t: usize,
        si: usize,
        d: &Discourse,
        out: &mut Vec<RawEdge>,
    ) -> Option<usize> {
        if self
            .mention_at(t)
            .is_some_and(|x| x.form == MentionForm::Name)
        {
            return None;
        }
        let (rel, n) = self.match_section("nouns", t)?;
        let rel = rel?;
        let of_is_target = matches!(
            rel,
            RelationKind::Acquired
                | RelationKind::InvestedIn
                | RelationKind::CompetesWith
                | RelationKind::Left
        );
        let window = (t + n + 9).min(self.len());
        let mut target = None;
        let mut source = None;
        let mut k = t + n;
        while k < window {
            if self.boundary(k) {
                break;
            }
            if source.is_none() {
                if let Some((_, an)) = self.match_section("agent", k) {
                    let direct_de = matches!(self.low(k), Some("de" | "d'" | "du" | "of" | "from"));
                    if !direct_de || k == t + n {
                        if let Some(g) = self.object_after(k + an, 1) {
                            if direct_de && of_is_target {
                                target = target.or(Some(g));
                            } else if !direct_de || self.mention_at(k + an).is_some() {
                                source = Some(g);
                            }
                        }
                    }
                }
            }
            if target.is_none() {
                if let Some((_, an)) = self.match_section("against", k) {
                    if !(of_is_target && matches!(self.low(k), Some("sur" | "on" | "at"))) {
                        if let Some(g) = self.object_after(k + an, 2) {
                            target = Some(g);
                        }
                    }
                }
            }
            k += 1;
        }
        if target.is_none()
            && of_is_target
            && matches!(self.low(t + n), Some("de" | "d'" | "du" | "of"))
        {
            target = self.object_after(t + n + 1, 1);
        }
        let target = target?;
        // "Skyline, le principal concurrent de Velair", "X, a longtime critic of Y": the
        // noun describes the name it is in apposition to, not the clause's subject.
        let source = source
            .or_else(|| self.apposition_head(t, n).map(|c| vec![c]))
            .or_else(|| {
                if t >= 2 && self.low(t - 1) == Some("'s") {
                    self.mention_at(t - 2).map(|x| vec![x.cluster])
                } else {
                    None
                }
            })
            .or_else(|| self.subject_within(t, d, 12))?;
        if self.negated(t.saturating_sub(8), t) {
            return Some(n);
        }
        let date = self.date_near(t, t.saturating_sub(3), self.clause_end(t + n) + 2);
        self.emit(out, &source, rel, &target, si, "noun", 0.7, date);
        Some(n)
    }

    /// "Satya Nadella, PDG de Microsoft", "X est le PDG de Y", "Tesla CEO Elon Musk".
    fn role_rule(&self, t: usize, si: usize, d: &Discourse, out: &mut Vec<RawEdge>) {
        if self.mention_at(t).is_some() {
            return;
        }
        let Some((Some(rel), n)) = self.match_section("roles", t) else {
            return;
        };
        // "ancien PDG de Y", "former CEO of Y": someone who left.
        let mut rel = if self.former(t) {
            RelationKind::Left
        } else {
            rel
        };
        // Coordinated roles share their organization and holder: "cofondateur et directeur
        // général de Y", "X, co-founder and chief executive of Y".
        let mut after = t + n;
        for _ in 0..3 {
            match self.low(after) {
                Some("et" | "and" | "&") => match self.match_section("roles", after + 1) {
                    Some((_, n2)) => after += 1 + n2,
                    None => break,
                },
                _ => break,
            }
        }
        let is_of =
            |k: usize| matches!(self.low(k), Some("de" | "d'" | "du" | "of" | "at" | "chez"));
        // An adjective or two after the role: "directeur scientifique de Meta".
        if !is_of(after) {
            let adjective = |k: usize| {
                self.s.tokens.get(k).is_some_and(|t| {
                    t.is_word
                        && !t.cap
                        && t.low.len() > 3
                        && !self.is("stop", k)
                        && !self.is("verbs", k)
                        && !self.is("aux", k)
                })
            };
            if let Some(k) = (after..(after + 2).min(self.len()))
                .take_while(|&k| adjective(k))
                .map(|k| k + 1)
                .find(|&k| is_of(k) && self.mention_at(k + 1).is_some())
            {
                after = k;
            }
        }
        // A department between role and organization: "directeur de la stratégie de Y".
        if is_of(after) && self.mention_at(after + 1).is_none() {
            if let Some(k) = (after + 2..(after + 6).min(self.len())).find(|&k| {
                is_of(k)
                    && self.mention_at(k + 1).is_some()
                    && (after + 1..k).all(|j| {
                        self.s.tokens[j].is_word && !self.s.tokens[j].cap && !self.is("verbs", j)
                    })
            }) {
                after = k;
                // Heading a department is working at the company, not leading it.
                if rel == RelationKind::Leads {
                    rel = RelationKind::MemberOf;
                }
            }
        }
        let org_after = if is_of(after) {
            self.mention_at(after + 1)
                .filter(|x| x.start == after + 1)
                .map(|x| x.cluster)
        } else {
            None
        };
        let org_before = self.name_before(t);
        let Some(org) = org_after.or(org_before) else {
            return;
        };
        let mut det = t;
        while det > 0 && (self.is("determiners", det - 1) || self.former(det)) {
            det -= 1;
        }
        while det >= 2 && matches!(self.low(det - 1), Some("et" | "and" | "&")) {
            let Some(k) = (det.saturating_sub(6)..det - 1).find(|&k| {
                self.match_section("roles", k)
                    .is_some_and(|(_, n1)| k + n1 == det - 1)
            }) else {
                break;
            };
            det = k;
            while det > 0 && (self.is("determiners", det - 1) || self.former(det)) {
                det -= 1;
            }
        }
        let left_start = if org_after.is_none() {
            let org_end = det.saturating_sub(if self.low(det.saturating_sub(1)) == Some("'s") {
                1
            } else {
                0
            });
            self.mention_at(org_end.saturating_sub(1))
                .filter(|x| x.end == org_end)
                .map_or(org_end.saturating_sub(1), |x| x.start)
        } else {
            det
        };
        // "Former Google engineer X": the word before the organization dates the role.
        let rel = if org_after.is_none() && self.former(left_start) {
            RelationKind::Left
        } else {
            rel
        };
        let name_before_comma = || self.name_before_comma(left_start);
        // With "ROLE of ORG", a name before the comma holds it. With the organization
        // before the role, the name right after it ("Tesla CEO Elon Musk", "Voltara's
        // founder, Ines Carvalho"), else one before the comma ("Tim Cook, Apple's chief
        // executive").
        let holder = if org_after.is_some() {
            name_before_comma()
        } else {
            let at = if self.raw_at(after) == Some(",") {
                after + 1
            } else {
                after
            };
            self.mention_at(at)
                .filter(|x| x.start == at)
                .map(|x| x.cluster)
                .or_else(name_before_comma)
        }
        .or_else(|| {
            let copula = (left_start.saturating_sub(3)..left_start).any(|k| {
                matches!(
                    self.low(k),
                    Some(
                        "est"
                            | "etait"
                            | "is"
                            | "was"
                            | "devenu"
                            | "devenue"
                            | "became"
                            | "named"
                            | "nomme"
                            | "nommee"
                            | "reste"
                            | "remains"
                    )
                )
            });
            if copula {
                self.subject_within(left_start, d, 6)
                    .and_then(|g| g.first().copied())
            } else {
                None
            }
        });
        if let Some(h) = holder {
            self.emit(out, &[h], rel, &[org], si, "role", 0.75, None);
        }
    }

    /// "des dirigeants d'OpenAI, dont A, B et C" / "OpenAI executives, including A and B".
    fn group_member_rule(&self, t: usize, si: usize, out: &mut Vec<RawEdge>) {
        let Some((_, n)) = self.match_section("group_nouns", t) else {
            return;
        };
        let mut k = t + n;
        let org = if matches!(self.low(k), Some("de" | "d'" | "du" | "of" | "at" | "chez")) {
            let Some(x) = self.mention_at(k + 1).filter(|x| x.start <= k + 1) else {
                return;
            };
            k = x.end;
            Some(x.cluster)
        } else {
            self.name_before(t)
        };
        let Some(org) = org else { return };
        if self.m.clusters[org].kind == EntityKind::Person {
            return;
        }
        // The group mention itself may cover the noun and the organization.
        if let Some(x) = self.mention_at(t) {
            k = k.max(x.end);
        }
        if self.raw_at(k) == Some(",") {
            k += 1;
        }
        let Some((_, inc)) = self.match_section("including", k) else {
            return;
        };
        if let Some(members) = self.object_after(k + inc, 1) {
            let people: Vec<usize> = members
                .into_iter()
                .filter(|c| self.m.clusters[*c].kind == EntityKind::Person)
                .collect();
            self.emit(
                out,
                &people,
                RelationKind::MemberOf,
                &[org],
                si,
                "group-members",
                0.75,
                None,
            );
        }
    }

    /// Inside a quote: "X is an idiot", "X est un génie": the speaker judges X.
    fn quoted_judgement_rule(&self, t: usize, si: usize, out: &mut Vec<RawEdge>) {
        if !self.in_quote.get(t).copied().unwrap_or(false)
            || !matches!(
                self.low(t),
                Some("is" | "was" | "'s" | "est" | "etait" | "reste" | "remains")
            )
        {
            return;
        }
        let Some(speaker) = self.speaker else { return };
        let Some(x) = (t > 0)
            .then(|| self.mention_at(t - 1))
            .flatten()
            .filter(|x| x.end == t)
        else {
            return;
        };
        for k in t + 1..(t + 5).min(self.len()) {
            let Some(rel) = self.judgement_at(k) else {
                continue;
            };
            if !self.negated(t, k) {
                self.emit(
                    out,
                    &[speaker],
                    rel,
                    &[x.cluster],
                    si,
                    "quote-judgement",
                    0.7,
                    None,
                );
            }
            return;
        }
    }

    /// "Velis, filiale du groupe Horizon" / "Cellix, a unit of Brightline" / "Waymo, the
    /// self-driving unit of Alphabet": Y owns X.
    fn subsidiary_rule(&self, t: usize, si: usize, out: &mut Vec<RawEdge>) {
        let Some((_, n)) = self.match_section("subsidiary", t) else {
            return;
        };
        let Some(owned) = self.apposition_head(t, n) else {
            return;
        };
        if !matches!(self.low(t + n), Some("de" | "d'" | "du" | "of")) {
            return;
        }
        if let Some(owner) = self.apposition_object(t + n + 1, owned) {
            self.emit(
                out,
                &owner,
                RelationKind::Owns,
                &[owned],
                si,
                "subsidiary",
                0.7,
                None,
            );
        }
    }

    /// The name that ends right before a comma at `k - 1`, even when a wider mention (the
    /// name with its apposition, "Alphabet, the parent company of Google") covers it.
    fn name_before_comma(&self, k: usize) -> Option<usize> {
        if k < 2 || self.raw(k - 1) != "," {
            return None;
        }
        self.ms
            .iter()
            .filter(|x| x.end == k - 1 && x.start < x.end)
            .max_by_key(|x| x.start)
            .map(|x| x.cluster)
    }

    /// The name an apposition noun at `t` (`n` words) describes: "X, (the) (main) NOUN":
    /// the name right before the comma, or the mention that already joins both.
    fn apposition_head(&self, t: usize, n: usize) -> Option<usize> {
        let mut k = t;
        let mut adjectives = 0;
        while k > 0 {
            let prev = k - 1;
            if self.is("determiners", prev) || self.is("skip", prev) {
                k -= 1;
            } else if adjectives < 2
                && self.s.tokens[prev].is_word
                && !self.s.tokens[prev].cap
                && self.raw(prev) != ","
                && !self.is("and", prev)
            {
                adjectives += 1;
                k -= 1;
            } else {
                break;
            }
        }
        if k < 2 || self.raw(k - 1) != "," {
            return None;
        }
        self.name_before_comma(k).or_else(|| {
            self.mention_at(t)
                .filter(|x| x.start + 1 < k && x.end > t + n)
                .map(|x| x.cluster)
        })
    }

    /// The name after "of"/"de" in an apposition, looking inside a mention that joined it
    /// with the head.
    fn apposition_object(&self, i: usize, head: usize) -> Option<Vec<usize>> {
        match self.object_after(i, 2) {
            Some(o) if o != [head] => Some(o),
            _ => self
                .ms
                .iter()
                .filter(|x| x.start == i && x.cluster != head)
                .min_by_key(|x| x.end - x.start)
                .map(|x| vec![x.cluster]),
        }
    }

    /// An apposition that relates the name before it to another: "Mediacorp, Streamly's
    /// parent company" / "Agrivo, maison mère de Semalis" (owns), "Airbus, Boeing's main
    /// rival" / "Velis, un concurrent de Maravel" (competes_with).
    fn parent_rule(&self, t: usize, si: usize, out: &mut Vec<RawEdge>) {
        let (rel, n) = if let Some((_, n)) = self.match_section("parent", t) {
            (RelationKind::Owns, n)
        } else if let Some((_, n)) = self.match_section("rivals", t) {
            (RelationKind::CompetesWith, n)
        } else {
            return;
        };
        // Genitive, with up to two adjectives: "A, B's (main) rival".
        let mut g = t;
        while g > 0
            && t - g < 2
            && self.s.tokens[g - 1].is_word
            && !self.s.tokens[g - 1].cap
            && self.low(g - 1) != Some("'s")
        {
            g -= 1;
        }
        if g >= 2 && self.low(g - 1) == Some("'s") {
            if let Some(other) = self.mention_at(g - 2).filter(|x| x.end == g - 1) {
                // "Halbrook's main rival, Pinecrest Foods, ...": the name after the comma.
                let after = (self.raw_at(t + n) == Some(","))
                    .then(|| self.mention_at(t + n + 1).filter(|x| x.start == t + n + 1))
                    .flatten();
                if let Some(first) = self
                    .name_before_comma(other.start)
                    .or(after.map(|x| x.cluster))
                {
                    self.emit(
                        out,
                        &[first],
                        rel,
                        &[other.cluster],
                        si,
                        "apposition",
                        0.7,
                        None,
                    );
                }
            }
            return;
        }
        let Some(first) = self.apposition_head(t, n) else {
            return;
        };
        if matches!(self.low(t + n), Some("de" | "d'" | "du" | "of")) {
            if let Some(other) = self.apposition_object(t + n + 1, first) {
                self.emit(out, &[first], rel, &other, si, "apposition", 0.7, None);
            }
            return;
        }
        // "Kering, son principal concurrent": the rival of whoever "son" stands for, the
        // sentence's subject or, for a person, the organization the sentence says they head.
        let possessive = (t.saturating_sub(3)..t).any(|k| self.is("possessive", k));
        if rel != RelationKind::CompetesWith || !possessive {
            return;
        }
        let org = |c: usize| self.m.clusters[c].kind == EntityKind::Organization;
        let possessor = self.main_subject.and_then(|sub| {
            if org(sub) {
                return Some(sub);
            }
            self.ms
                .iter()
                .filter(|x| x.cluster == sub)
                .find_map(|x| x.role.map(|(_, o)| o))
        });
        if let Some(p) = possessor.filter(|p| *p != first && org(*p)) {
            self.emit(out, &[p], rel, &[first], si, "apposition", 0.65, None);
        }
    }

    /// A passive auxiliary right before `t`, with only auxiliaries, negation and adverbs
    /// between: "a été fondée", "was later acquired", "n'a jamais été poursuivi".
    fn auxiliary_right_before(&self, t: usize) -> bool {
        let mut k = t;
        while k > 0 && t - k < 4 {
            k -= 1;
            if self.is("passive_aux", k) {
                return true;
            }
            let adverb = self
                .low(k)
                .is_some_and(|w| w.ends_with("ly") || w.ends_with("ment"));
            let filler = ["aux", "skip", "negation", "hedges"]
                .iter()
                .any(|sec| self.is(sec, k));
            if !(adverb || filler) {
                return false;
            }
        }
        false
    }

    /// "OpenAI, the startup behind ChatGPT" / "X est l'entreprise derrière Y": the
    /// organization makes (owns) what it is behind.
    fn maker_behind_rule(&self, t: usize, si: usize, d: &Discourse, out: &mut Vec<RawEdge>) {
        if !matches!(self.low(t), Some("behind" | "derriere")) || t < 2 {
            return;
        }
        // The company noun right before: "the startup", "l'entreprise", "the AI lab".
        let Some(noun) = (t.saturating_sub(3)..t).find(|&k| {
            self.match_section("org_descriptors", k)
                .is_some_and(|(_, n)| k + n == t)
        }) else {
            return;
        };
        let mut det = noun;
        while det > 0 && !self.s.tokens[det - 1].cap && self.s.tokens[det - 1].is_word {
            det -= 1;
            if self.is("determiners", det) {
                break;
            }
        }
        let copula = det > 0
            && matches!(
                self.low(det - 1),
                Some("is" | "was" | "est" | "etait" | "remains" | "reste")
            );
        let maker = self.apposition_head(noun, t - noun).or_else(|| {
            copula
                .then(|| self.subject_within(det - 1, d, 4))
                .flatten()
                .and_then(|g| g.first().copied())
        });
        let Some(maker) = maker else {
            return;
        };
        if self.m.clusters[maker].kind != EntityKind::Organization {
            return;
        }
        if let Some(made) = self.apposition_object(t + 1, maker) {
            let made: Vec<usize> = made
                .into_iter()
                .filter(|c| self.m.clusters[*c].kind != EntityKind::Person)
                .collect();
            self.emit(
                out,
                &[maker],
                RelationKind::Owns,
                &made,
                si,
                "maker",
                0.65,
                None,
            );
        }
    }

    /// "Lumen sued rival streaming service Brightcast", "Apple et son rival Samsung": the
    /// rival named after the word competes with the clause's subject (or the possessor).
    fn attributive_rival_rule(&self, t: usize, si: usize, d: &Discourse, out: &mut Vec<RawEdge>) {
        if self.match_section("rivals", t).is_none() || self.mention_at(t).is_some() {
            return;
        }
        // A rival noun with its own frame ("X, the main rival of Y", "a rival of Y") is
        // read by the apposition and noun rules.
        if matches!(
            self.low(t + 1),
            Some("de" | "d'" | "du" | "of" | "to" | "à")
        ) || t > 0 && (self.is("determiners", t - 1) && !self.is("possessive", t - 1))
        {
            return;
        }
        let Some(rival) = self.name_after_modifiers(t + 1, 3) else {
            return;
        };
        let org = |c: usize| self.m.clusters[c].kind != EntityKind::Person;
        let Some(other) = self
            .subject_before(t, d)
            .and_then(|g| g.first().copied())
            .filter(|c| *c != rival.cluster && org(*c))
        else {
            return;
        };
        self.emit(
            out,
            &[other],
            RelationKind::CompetesWith,
            &[rival.cluster],
            si,
            "rival",
            0.6,
            None,
        );
    }

    /// A judgement word at `k`: praise ("héros", "genius") or insult ("idiot", "liar").
    fn judgement_at(&self, k: usize) -> Option<RelationKind> {
        if self.match_section("insult_words", k).is_some() {
            Some(RelationKind::Criticized)
        } else if self.match_section("praise_words", k).is_some() {
            Some(RelationKind::Praised)
        } else {
            None
        }
    }

    /// The word before `t` makes a role a past one.
    fn former(&self, t: usize) -> bool {
        t > 0
            && matches!(
                self.low(t - 1),
                Some(
                    "former"
                        | "ex"
                        | "ex-"
                        | "ancien"
                        | "ancienne"
                        | "anciens"
                        | "onetime"
                        | "erstwhile"
                )
            )
    }

    /// The mention ending right before `t`, through an English genitive: "Tesla CEO",
    /// "Voltara's founder".
    fn name_before(&self, t: usize) -> Option<usize> {
        let k = match t {
            0 => return None,
            _ if self.low(t - 1) == Some("'s") => t.checked_sub(2)?,
            _ => t - 1,
        };
        self.mention_at(k)
            .filter(|x| x.end == k + 1)
            .map(|x| x.cluster)
    }

    fn raw_at(&self, i: usize) -> Option<&str> {
        (i < self.len()).then(|| self.raw(i))
    }

    /// "son produit phare, ChatGPT" / "its chatbot, ChatGPT" / "OpenAI's chatbot ChatGPT".
    fn possessed_product_rule(&self, t: usize, si: usize, d: &Discourse, out: &mut Vec<RawEdge>) {
        let genitive = self.low(t) == Some("'s");
        if !(self.is("possessive", t) || genitive) {
            return;
        }
        // The noun may follow up to three modifiers: "Elon Musk's artificial intelligence
        // company xAI". After a genitive a company noun counts too ("Microsoft's
        // professional network LinkedIn"); after "son"/"its" only a product noun does.
        let mut noun = None;
        for start in t + 1..(t + 5).min(self.len()) {
            // "Google's parent company", "Boeing's main rival": relations of their own.
            if ["parent", "rivals"]
                .iter()
                .any(|sec| self.match_section(sec, start).is_some())
            {
                return;
            }
            let found = self
                .match_section("product_nouns", start)
                .or_else(|| {
                    genitive
                        .then(|| self.match_section("org_descriptors", start))
                        .flatten()
                })
                // "sa filiale Opella", "its subsidiary Instagram"
                .or_else(|| {
                    (start == t + 1)
                        .then(|| self.match_section("subsidiary", start))
                        .flatten()
                });
            if let Some((_, n)) = found {
                noun = Some((start, n));
                break;
            }
            let tok = &self.s.tokens[start];
            let modifier = matches!(
                tok.low.as_str(),
                "new" | "latest" | "flagship" | "nouveau" | "nouvelle" | "dernier" | "derniere"
            );
            if !tok.is_word
                || tok.cap
                || !modifier && (self.is("stop", start) || self.is("determiners", start))
            {
                break;
            }
        }
        let Some((start, n)) = noun else {
            return;
        };
        let mut k = start + n;
        let mut steps = 0;
        while k < self.len()
            && steps < 2
            && self.mention_at(k).is_none_or(|x| x.start < t)
            && self.raw(k) != ","
        {
            k += 1;
            steps += 1;
        }
        if self.raw_at(k) == Some(",") {
            k += 1;
        }
        let product = match self.mention_at(k) {
            Some(x) => x.cluster,
            None => match self.mention_at(t) {
                // The descriptor absorbed the name: "son produit phare, ChatGPT" is one mention.
                Some(x) if x.form == MentionForm::Descriptor => x.cluster,
                _ => return,
            },
        };
        let owner = if genitive {
            self.mention_at(t.saturating_sub(1)).map(|x| x.cluster)
        } else {
            self.nearest_left(t, |k| k == EntityKind::Organization)
                .or_else(|| {
                    d.last_subject
                        .filter(|c| self.m.clusters[*c].kind == EntityKind::Organization)
                })
        };
        if let Some(o) = owner {
            if self.m.clusters[product].kind != EntityKind::Person {
                self.emit(
                    out,
                    &[o],
                    RelationKind::Owns,
                    &[product],
                    si,
                    "possessed-product",
                    0.65,
                    None,
                );
            }
        }
    }
}

/// A headline in Title Case ("Musk Sues OpenAI Over Mission") has no reliable capitals; a
/// sentence-case one is read like any sentence.
fn title_case(text: &str, s: &Sentence) -> bool {
    let words: Vec<&str> = s
        .tokens
        .iter()
        .filter(|t| t.is_word && t.end - t.start > 3)
        .map(|t| &text[t.start..t.end])
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    words.len() >= 3 && caps * 10 >= words.len() * 7
}
