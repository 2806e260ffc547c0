//! Stage 3: basic phrases. A sentence's tokens become chunks: noun groups (determiner,
//! modifiers, head noun, the name they hold, a possessor), verb groups (auxiliaries, modals,
//! adverbs, negation, voice, the class of the head verb), prepositions, conjunctions,
//! relative pronouns, punctuation. The clause stage reads chunks, not tokens.
//!
//! The grammar, tried in this order at each position:
//! - punctuation, the genitive `'s`;
//! - a noun group opened by a name, a determiner or an amount;
//! - a relative pronoun ("who", "qui", "que" after a noun) or a complementizer ("that",
//!   "que" after a verb);
//! - a pronoun;
//! - a verb group: `(to|de|pour|en)? (clitic|se|modal|negation|auxiliary|adverb)* verb`;
//! - a conjunction, a preposition, a subordinating conjunction;
//! - a noun group without determiner ("plainte", "user data").

use super::known;
use super::lexicon::{Lexicon, Tag};
use super::names::Name;
use super::text::Sentence;

/// What a determiner says about its noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Det {
    None,
    Definite,
    Indefinite,
    /// "its", "son": owned by a third party named elsewhere.
    Possessive,
    /// "their", "leur"
    PluralPossessive,
    /// "our", "notre": the speaker's side.
    FirstPossessive,
    Demonstrative,
}

/// The kind of a pronoun noun group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    Person,
    Org,
    Group,
    First,
    Second,
    /// "who", "qui", "que": stands for an antecedent.
    Relative,
}

#[derive(Debug, Clone)]
pub struct NounGroup {
    /// Token span.
    pub start: usize,
    pub end: usize,
    pub det: Det,
    /// "Qualcomm's recently acquired firm": the noun group of the possessor.
    pub possessor: Option<usize>,
    /// The class of the head noun ("role_lead", "lawsuit", "org").
    pub head_class: Option<Tag>,
    /// The token of the head (the name's first token when a name heads the group).
    pub head: usize,
    /// The proper name the group refers to (index into the sentence's names).
    pub name: Option<usize>,
    /// A name before the head noun that qualifies it: "Facebook chief executive",
    /// "the Tesla CEO", "Activision games".
    pub qualifier: Option<usize>,
    pub pronoun: Option<Pronoun>,
    /// "who" / "que": which relative pronoun (the lexicon tag: subject, object, whose).
    pub relative: Option<Tag>,
    /// "former", "ancien", "ex-": a past role.
    pub former: bool,
    pub plural: bool,
    /// Classes of modifier words ("acquired", "majority-owned", "rival").
    pub modifiers: Vec<Tag>,
    /// A demonym or nationality adjective ("le chinois Geely", "British court").
    pub demonym: bool,
    /// French inversion after a quote: "dit-il", "a-t-elle déclaré" (the pronoun speaks).
    pub inverted_say: bool,
}

impl NounGroup {
    /// A one-token group that is a pronoun ("il", "they", "who").
    fn pronoun(i: usize, p: Pronoun, relative: Option<Tag>, inverted_say: bool) -> NounGroup {
        NounGroup {
            start: i,
            end: i + 1,
            det: Det::None,
            possessor: None,
            head_class: None,
            head: i,
            name: None,
            qualifier: None,
            pronoun: Some(p),
            relative,
            former: false,
            plural: p == Pronoun::Group,
            modifiers: Vec::new(),
            demonym: false,
            inverted_say,
        }
    }
}

/// The form of a verb group's head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    Finite,
    Infinitive,
    /// "-ing" without auxiliary, "en -ant".
    Gerund,
    /// A past participle without auxiliary ("a firm founded by ...").
    Participle,
}

#[derive(Debug, Clone)]
pub struct VerbGroup {
    pub start: usize,
    pub end: usize,
    /// The first token of the head verb phrase.
    pub head: usize,
    /// The lexicon class of the head ("sue", "say"); `None` for a verb we have no class for.
    pub class: Option<Tag>,
    pub passive: bool,
    pub negated: bool,
    /// A plan, attempt, failure or possibility ("plans to", "envisage de", "could").
    pub modal: Option<Tag>,
    pub form: VerbForm,
    /// "se sont associés", "s'est alliée": a pronominal verb.
    pub reflexive: bool,
    /// Read as a participle only because a comma and a preposition surround it ("the
    /// company, formed from ..."): the clause stage may read it as a finite verb after all.
    pub weak_participle: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChunkKind {
    Noun(usize),
    Verb(usize),
    Prep(Tag),
    /// "and", "or", "but" (the tag says which).
    Conj(Tag),
    /// A subordinating conjunction or a complementizer ("because", "that", "que").
    Sub(Tag),
    /// The genitive "'s".
    Genitive,
    Comma,
    /// ";" and ":".
    Break,
    /// A dash used as a separator: "Nuvia – a firm founded by ... – to reboot".
    Dash,
    OpenParen,
    CloseParen,
    OpenQuote,
    CloseQuote,
    Adverb,
    Other,
}

#[derive(Debug, Clone, Copy)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub kind: ChunkKind,
}

/// The phrases of one sentence.
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    pub chunks: Vec<Chunk>,
    pub nouns: Vec<NounGroup>,
    pub verbs: Vec<VerbGroup>,
}

/// The lexicon tags the stages compare against, looked up once per language.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tags {
    pub have: Option<Tag>,
    pub call: Option<Tag>,
    pub object: Option<Tag>,
    pub whose: Option<Tag>,
    pub subject: Option<Tag>,
    pub at: Option<Tag>,
    pub or: Option<Tag>,
    pub and: Option<Tag>,
    pub but: Option<Tag>,
    pub of: Option<Tag>,
    pub by: Option<Tag>,
    pub with: Option<Tag>,
    pub between: Option<Tag>,
    pub for_: Option<Tag>,
    pub including: Option<Tag>,
    pub according_to: Option<Tag>,
    pub be: Option<Tag>,
    pub reflexive: Option<Tag>,
    pub clitic: Option<Tag>,
    pub say: Option<Tag>,
}

impl Tags {
    pub fn new(lex: &Lexicon) -> Tags {
        Tags {
            have: lex.tag("have"),
            call: lex.tag("call"),
            object: lex.tag("object"),
            whose: lex.tag("whose"),
            subject: lex.tag("subject"),
            at: lex.tag("at"),
            or: lex.tag("or"),
            and: lex.tag("and"),
            but: lex.tag("but"),
            of: lex.tag("of"),
            by: lex.tag("by"),
            with: lex.tag("with"),
            between: lex.tag("between"),
            for_: lex.tag("for"),
            including: lex.tag("including"),
            according_to: lex.tag("according_to"),
            be: lex.tag("be"),
            reflexive: lex.tag("reflexive"),
            clitic: lex.tag("clitic"),
            say: lex.tag("say"),
        }
    }
}

struct Chunker<'a> {
    text: &'a str,
    s: &'a Sentence,
    lex: &'a Lexicon,
    tags: Tags,
    names: &'a [Name],
    /// Token → the name covering it.
    name_at: Vec<Option<usize>>,
    out: Phrases,
    /// Straight double quotes seen so far (they open and close in turn).
    straight_quotes: usize,
}

impl<'a> Chunker<'a> {
    fn len(&self) -> usize {
        self.s.tokens.len()
    }
    fn low(&self, i: usize) -> Option<&'a str> {
        self.s.tokens.get(i).map(|t| t.low.as_str())
    }
    fn raw(&self, i: usize) -> &'a str {
        let t = &self.s.tokens[i];
        &self.text[t.start..t.end]
    }
    fn is_word(&self, i: usize) -> bool {
        self.s.tokens.get(i).is_some_and(|t| t.is_word)
    }
    fn in_name(&self, i: usize) -> bool {
        self.name_at.get(i).copied().flatten().is_some()
    }
    fn name_starting(&self, i: usize) -> Option<usize> {
        self.name_at
            .get(i)
            .copied()
            .flatten()
            .filter(|&n| self.names[n].start == i)
    }
    /// The longest phrase of `section` at `i`, never running into a name.
    fn phrase(&self, section: &str, i: usize) -> Option<(Option<Tag>, usize)> {
        if self.in_name(i) || i < self.len() && self.accent_clash(section, i) {
            return None;
        }
        self.lex.section(section).match_at(|k| {
            if k > 0 && self.in_name(i + k) {
                return None;
            }
            self.low(i + k)
        })
    }
    fn has(&self, section: &str, i: usize) -> bool {
        !self.in_name(i)
            && self.low(i).is_some_and(|w| self.lex.has(section, w))
            && !self.accent_clash(section, i)
    }

    /// Folding makes French "a" (has) and "à" (to), "ou" (or) and "où" (where) one word:
    /// the written accent decides.
    fn accent_clash(&self, section: &str, i: usize) -> bool {
        // The word first: the lexicon's French-ness costs a lookup.
        matches!(
            (self.raw(i), section),
            ("a" | "A", "infinitive_markers" | "prepositions")
                | ("à" | "À", "aux")
                | ("ou" | "Ou", "relatives")
        ) && self.lex.has("etre_verbs", "parti")
    }
    fn tag(&self, section: &str, i: usize) -> Option<Tag> {
        if self.in_name(i) || i < self.len() && self.accent_clash(section, i) {
            return None;
        }
        self.low(i).and_then(|w| self.lex.tag_in(section, w))
    }
    fn last_kind(&self) -> Option<ChunkKind> {
        self.out.chunks.last().map(|c| c.kind)
    }
    fn push(&mut self, start: usize, end: usize, kind: ChunkKind) {
        self.out.chunks.push(Chunk { start, end, kind });
    }

    /// An adverb that may sit inside a verb group or a clause without changing it.
    fn adverb_len(&self, i: usize) -> Option<usize> {
        if self.in_name(i) || !self.is_word(i) {
            return None;
        }
        if let Some((_, n)) = self.phrase("adverbs", i) {
            return Some(n);
        }
        let w = self.low(i)?;
        let shaped = (w.len() > 5 && w.ends_with("ly")) || (w.len() > 7 && w.ends_with("ment"));
        (shaped && !self.lex.has("not_adverbs", w) && self.phrase("nouns", i).is_none())
            .then_some(1)
    }

    /// A word shaped like a past participle ("-ed", "-é(e)(s)", or listed).
    fn participle_like(&self, i: usize) -> bool {
        let Some(w) = self.low(i) else { return false };
        if !self.is_word(i) || self.in_name(i) {
            return false;
        }
        let r = self.raw(i);
        let accented = ["é", "ée", "és", "ées"].iter().any(|e| r.ends_with(e));
        if self.lex.has("etre_verbs", "parti") {
            // Folding makes "assigne" and "assigné" one word: French trusts the accent.
            let rl = r.to_lowercase();
            let unaccented_ending = [
                "i", "ie", "is", "ies", "u", "ue", "us", "ues", "t", "te", "ts", "tes", "s",
            ]
            .iter()
            .any(|e| rl.ends_with(e));
            let listed_unaccented = self.lex.has("participles", w) && unaccented_ending;
            return accented || listed_unaccented;
        }
        self.lex.has("participles", w) || (w.len() > 4 && w.ends_with("ed")) || accented
    }

    /// "ont annoncé jeudi déposer plainte", "va jusqu'à poursuivre": a French infinitive a
    /// few words after a verb depends on it. Endings that are also finite forms ("montre",
    /// "entre") are left out.
    fn bare_infinitive_after_verb(&self, i: usize, w: &str) -> bool {
        let french = self.lex.has("etre_verbs", "parti");
        let infinitive = ["er", "ir", "oir", "dre", "uire", "ttre", "aitre", "uivre"]
            .iter()
            .any(|e| w.ends_with(e));
        if !french || !infinitive || w.chars().count() < 4 {
            return false;
        }
        self.out.verbs.last().is_some_and(|v| {
            v.end <= i && i - v.end <= 3 && (v.end..i).all(|k| self.s.tokens[k].is_word)
        })
    }

    /// "will not stand", "could face": after these a word is a verb, known or not.
    fn future_or_modal_aux(&self, aux: Option<Tag>) -> bool {
        let english = !self.lex.has("etre_verbs", "parti");
        english && aux.is_some() && (aux == self.lex.tag("will") || aux == self.lex.tag("can"))
    }

    fn verb_at(&self, i: usize) -> Option<(Option<Tag>, usize)> {
        self.phrase("verbs", i)
    }

    /// A verb group at `i`; returns its end.
    fn verb_group(&mut self, i: usize) -> Option<usize> {
        let n = self.len();
        let t = self.tags;
        let mut j = i;
        let mut marker: Option<&str> = None;
        if let Some(w) = self.low(i) {
            if self.has("infinitive_markers", i) || self.has("gerund_markers", i) {
                marker = Some(w);
                j += 1;
            }
        }
        let mut negated = false;
        let mut modal = None;
        let mut last_aux: Option<Tag> = None;
        let mut aux_count = 0;
        let mut be_seen = false;
        let mut reflexive = false;
        let mut clitic = false;
        let mut bare_aux: Option<(usize, usize, Option<Tag>)> = None;
        let mut first_aux: Option<usize> = None;
        while j < n {
            if let Some((tag, len)) = self.phrase("modal", j) {
                modal = modal.or(tag);
                j += len;
                continue;
            }
            if let Some((_, len)) = self.phrase("negation", j) {
                negated = true;
                j += len;
                continue;
            }
            if let Some((tag, len)) = self.phrase("aux", j) {
                // Clitics and "se" count only right before a verb ("l'accuse"); an
                // auxiliary without a verb after it is the head ("X is the CEO").
                let is_clitic = tag.is_some() && (tag == t.clitic || tag == t.reflexive);
                if is_clitic {
                    let next = j + len;
                    let verbal = self.verb_at(next).is_some() || self.phrase("aux", next).is_some();
                    if !verbal || self.article_after_preposition(j) {
                        break;
                    }
                    if tag == t.reflexive {
                        reflexive = true;
                    } else {
                        clitic = true;
                    }
                    j += len;
                    continue;
                }
                bare_aux = Some((j, len, tag));
                first_aux = first_aux.or(Some(j));
                last_aux = tag;
                aux_count += 1;
                if tag.is_some() && tag == t.be {
                    be_seen = true;
                }
                j += len;
                continue;
            }
            if j > i {
                if let Some(len) = self.adverb_len(j) {
                    // An adverb only inside the group: something verbal must follow.
                    let k = j + len;
                    if self.verb_at(k).is_some()
                        || self.phrase("aux", k).is_some()
                        || self.participle_like(k)
                        || self.adverb_len(k).is_some()
                    {
                        j = k;
                        continue;
                    }
                }
            }
            break;
        }
        // "se livrent une guerre": a verb phrase of the lexicon that starts with its "se".
        if reflexive {
            if let Some(r) = (i..j).find(|&k| {
                self.tag("aux", k)
                    .is_some_and(|t| Some(t) == self.tags.reflexive)
            }) {
                if let Some((class, len)) = self.verb_at(r) {
                    if r + len > j {
                        let end = r + len;
                        self.out.verbs.push(VerbGroup {
                            start: i,
                            end,
                            head: r,
                            class,
                            passive: false,
                            negated: negated || self.negation_after(end),
                            modal,
                            form: VerbForm::Finite,
                            reflexive,
                            weak_participle: false,
                        });
                        return Some(end);
                    }
                }
            }
        }
        let head = j;
        let progressive_head = aux_count > 0
            && self
                .low(head)
                .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
            && self.is_word(head)
            && !self.in_name(head);
        let (class, len) = match self.verb_at(head) {
            Some(v) => v,
            None if aux_count > 0 && (self.participle_like(head) || progressive_head) => (None, 1),
            None if aux_count == 0 && marker.is_none() && head == i && self.generic_verb(head) => {
                let particle = self.lex.has("particles", self.low(head + 1).unwrap_or(""))
                    && !self.lex.has("etre_verbs", "parti");
                (None, if particle { 2 } else { 1 })
            }
            // "has tried to curtail", "envisage de céder": after a modal, the next word is
            // the verb even when we have no class for it.
            None if (modal.is_some() || self.future_or_modal_aux(last_aux))
                && self.is_word(head)
                && !self.s.tokens[head].cap
                && self.phrase("pronouns", head).is_none()
                && self.phrase("conjunctions", head).is_none()
                && !self.in_name(head)
                && self.phrase("determiners", head).is_none()
                && self.phrase("nouns", head).is_none()
                && self.phrase("prepositions", head).is_none() =>
            {
                (None, 1)
            }
            None => {
                // A bare auxiliary: the copula or "have" as the verb of the clause.
                let (a, alen, tag) = bare_aux?;
                if marker.is_some() && a != i + 1 {
                    return None;
                }
                let end = a + alen;
                self.out.verbs.push(VerbGroup {
                    start: i,
                    end,
                    head: a,
                    class: tag,
                    passive: false,
                    negated: negated || self.negation_after(end),
                    modal,
                    form: if marker.is_some() {
                        VerbForm::Infinitive
                    } else {
                        VerbForm::Finite
                    },
                    reflexive,
                    weak_participle: false,
                });
                return Some(end);
            }
        };
        let end = head + len;
        let hw = self.low(head).unwrap_or("");
        let participle = self.participle_like(head);
        let progressive = hw.ends_with("ing");
        let etre = self.lex.has("etre_verbs", hw);
        // "it's acquired Beta": "'s" is "has" when an object follows the participle.
        let has_contracted = bare_aux.is_some_and(|(a, _, _)| self.raw(a) == "'s")
            && (self.phrase("determiners", end).is_some()
                || self.s.tokens.get(end).is_some_and(|t| t.cap && t.is_word));
        let passive = be_seen
            && !has_contracted
            && participle
            && !progressive
            && !etre
            && !reflexive
            && last_aux.is_some_and(|a| {
                Some(a) == t.be || Some(a) == t.have || last_aux == self.lex.tag("get")
            });
        let get_passive = last_aux.is_some() && last_aux == self.lex.tag("get") && participle;
        let form = match marker {
            Some(m)
                if self.lex.has("gerund_markers", m)
                    && (hw.ends_with("ant") || hw.ends_with("ing")) =>
            {
                VerbForm::Gerund
            }
            Some(m) if self.lex.has("infinitive_markers", m) && aux_count == 0 => {
                if self.lex.has("gerund_markers", m) && hw.ends_with("ing") {
                    VerbForm::Gerund
                } else {
                    VerbForm::Infinitive
                }
            }
            Some(_) => VerbForm::Infinitive,
            None if aux_count == 0 && modal.is_none() && !reflexive && !clitic => {
                if hw.ends_with("ing")
                    || hw.ends_with("ant")
                        && self
                            .s
                            .tokens
                            .get(head.wrapping_sub(1))
                            .is_some_and(|t| t.low == "en")
                {
                    VerbForm::Gerund
                } else if participle && self.participle_reading(head, end) {
                    VerbForm::Participle
                } else if self.bare_infinitive_after_verb(i, hw) {
                    VerbForm::Infinitive
                } else {
                    VerbForm::Finite
                }
            }
            // "a annoncé avoir conclu", "après s'être associé", "having signed": a perfect
            // infinitive or gerund takes its subject from the clause it depends on.
            None if modal.is_none() => match first_aux.and_then(|a| self.low(a)) {
                Some("avoir" | "etre") => VerbForm::Infinitive,
                Some("having") => VerbForm::Gerund,
                _ => VerbForm::Finite,
            },
            None => VerbForm::Finite,
        };
        // A gerund or infinitive marker that finds no verb form is a preposition after all
        // ("by rivals", "to court").
        if let Some(m) = marker {
            let gerund_only =
                self.lex.has("gerund_markers", m) && !self.lex.has("infinitive_markers", m);
            let bare = aux_count == 0 && modal.is_none() && !reflexive;
            if bare && !clitic && gerund_only && !(hw.ends_with("ing") || hw.ends_with("ant")) {
                return None;
            }
            if bare && !gerund_only && !looks_infinitive(hw, self.lex.has("etre_verbs", "parti")) {
                return None;
            }
            if head == i + 1 && class.is_none() && aux_count == 0 {
                return None;
            }
        }
        let weak_participle = form == VerbForm::Participle
            && !self.lex.has("etre_verbs", "parti")
            && !self.agent_follows(end)
            && head > 0;
        self.out.verbs.push(VerbGroup {
            start: i,
            end,
            head,
            class,
            passive: passive || get_passive || form == VerbForm::Participle,
            negated: negated || self.negation_after(end),
            modal,
            form,
            reflexive,
            weak_participle,
        });
        Some(end)
    }

    /// A bare participle reads as one (not as a past tense) when an agent follows ("founded
    /// by", "fondée en 1998 par"), when it opens the sentence, after a comma, or in French.
    fn participle_reading(&self, head: usize, end: usize) -> bool {
        let agent_follows = self.agent_follows(end);
        let french = self.lex.has("etre_verbs", "parti");
        let after_comma_or_start = head == 0 || matches!(self.raw(head - 1), "," | "(" | "–" | "—");
        let after_noun = matches!(self.last_kind(), Some(ChunkKind::Noun(_)));
        // "the company, formed from the merger of ...": after a comma, before a preposition.
        let prep_follows = self.phrase("prepositions", end).is_some();
        french
            || agent_follows && (after_noun || after_comma_or_start)
            || after_comma_or_start
                && (head == 0 || prep_follows && head > 0 && self.raw(head - 1) == ",")
    }

    /// The agent follows within the phrase: "founded in 2012 by", not "bought Nuvia – a firm
    /// founded by".
    fn agent_follows(&self, end: usize) -> bool {
        for k in end..(end + 5).min(self.len()) {
            if self
                .tag("prepositions", k)
                .is_some_and(|t| Some(t) == self.tags.by)
            {
                return true;
            }
            if !self.is_word(k)
                || self.in_name(k)
                || self.verb_at(k).is_some()
                || self.phrase("determiners", k).is_some()
            {
                return false;
            }
        }
        false
    }

    /// A word we have no class for, read as a verb by its place: after a noun group and
    /// before what opens another ("The lawsuit represents a break", "X stopped work").
    fn generic_verb(&self, i: usize) -> bool {
        let Some(w) = self.low(i) else { return false };
        if !self.is_word(i)
            || self.in_name(i)
            || self.s.tokens[i].cap
            || self.phrase("nouns", i).is_some()
            || w.len() < 3
        {
            return false;
        }
        let function = [
            "prepositions",
            "conjunctions",
            "subordinators",
            "relatives",
            "determiners",
            "pronouns",
            "adverbs",
            "former",
        ]
        .iter()
        .any(|s| self.lex.has(s, w));
        if function || w.starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        // After a noun group, or an adverb after one ("Pfizer unlawfully copied").
        let n = self.out.chunks.len();
        let after_noun = matches!(self.last_kind(), Some(ChunkKind::Noun(_)))
            || n >= 2
                && matches!(self.out.chunks[n - 1].kind, ChunkKind::Adverb)
                && matches!(self.out.chunks[n - 2].kind, ChunkKind::Noun(_));
        let next_opens = self.name_starting(i + 1).is_some()
            || self.phrase("determiners", i + 1).is_some()
            || self.tag("pronouns", i + 1).is_some()
            || self
                .low(i + 1)
                .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
        let french = self.lex.has("etre_verbs", "parti");
        let shaped = w.ends_with('s')
            || w.ends_with("ed")
            || french && (w.ends_with('e') || w.ends_with("ent") || self.participle_like(i));
        // "kicked off a hearing", "urging a judge".
        let particle = !french
            && w.ends_with("ed")
            && self.lex.has("particles", self.low(i + 1).unwrap_or(""))
            && (self.phrase("determiners", i + 2).is_some() || self.name_starting(i + 2).is_some());
        let gerund = !french
            && w.ends_with("ing")
            && w.len() > 5
            && next_opens
            && matches!(
                self.last_kind(),
                Some(ChunkKind::Comma | ChunkKind::Noun(_))
            );
        after_noun && (next_opens && shaped || particle) || gerund
    }

    /// French "ne ... pas": the "pas" after the verb.
    fn negation_after(&self, e: usize) -> bool {
        matches!(
            self.low(e),
            Some("pas" | "jamais" | "plus" | "nullement" | "guere" | "aucunement")
        ) && (0..e).any(|k| matches!(self.low(k), Some("ne" | "n'")))
    }

    /// A word of a closed class, which ends a noun group.
    fn closed_class(&self, w: &str) -> bool {
        [
            "prepositions",
            "conjunctions",
            "subordinators",
            "relatives",
            "aux",
            "negation",
            "pronouns",
            "determiners",
            "modal",
        ]
        .iter()
        .any(|s| self.lex.has(s, w))
    }

    /// "Elliott managing partner X", "ClientEarth senior lawyer X": one or two plain English
    /// modifiers, then a role noun, after an organization's name.
    fn modified_role_at(&self, i: usize) -> bool {
        if self.lex.has("etre_verbs", "parti") {
            return false;
        }
        let plain = |k: usize| {
            self.is_word(k)
                && self.raw(k).starts_with(|c: char| c.is_lowercase())
                && self.name_starting(k).is_none()
                && self.phrase("nouns", k).is_none()
                && self.adverb_len(k).is_none()
                && !self.low(k).is_some_and(|w| self.closed_class(w))
                && !self.has("verbs", k)
        };
        let role = |k: usize| {
            self.phrase("nouns", k)
                .and_then(|(tag, _)| tag)
                .is_some_and(|t| self.lex.tag_name(t).starts_with("role_"))
        };
        plain(i) && (role(i + 1) || plain(i + 1) && role(i + 2))
    }

    /// French "du"/"des" right after a noun group are "de" + article: "le président des
    /// Girondins", "la vente du club".
    fn contracted_of_after_noun(&self, i: usize) -> bool {
        self.lex.has("etre_verbs", "parti")
            && matches!(self.low(i), Some("des" | "du"))
            && matches!(self.last_kind(), Some(ChunkKind::Noun(k)) if self.out.nouns[k].pronoun.is_none())
    }

    /// A noun group at `i`; returns its end.
    fn noun_group(&mut self, i: usize) -> Option<usize> {
        let n = self.len();
        // After "X's" the possessor plays the determiner: "Qualcomm's recently acquired firm".
        let determined = matches!(self.last_kind(), Some(ChunkKind::Genitive));
        let mut g = NounGroup {
            start: i,
            end: i,
            det: Det::None,
            possessor: None,
            head_class: None,
            head: i,
            name: None,
            qualifier: None,
            pronoun: None,
            relative: None,
            former: false,
            plural: false,
            modifiers: Vec::new(),
            demonym: false,
            inverted_say: false,
        };
        let mut j = i;
        if let Some((tag, len)) = self.phrase("determiners", i) {
            g.det = match tag.map(|t| self.lex.tag_name(t)) {
                Some("definite") => Det::Definite,
                Some("possessive") => Det::Possessive,
                Some("plural_possessive") => Det::PluralPossessive,
                Some("first_possessive") => Det::FirstPossessive,
                Some("demonstrative") => Det::Demonstrative,
                _ => Det::Indefinite,
            };
            j += len;
        }
        // "à l'encontre du laboratoire", "au procès": the article is inside the preposition.
        let contracted_before = i > 0
            && matches!(self.low(i - 1), Some("du" | "au" | "aux" | "des"))
            && matches!(self.last_kind(), Some(ChunkKind::Prep(_)));
        if g.det == Det::None && contracted_before {
            g.det = Det::Definite;
        }
        let body = j;
        let mut end = j;
        let mut head_seen = false;
        while j < n && j < body + 14 {
            if let Some(nm) = self.name_starting(j) {
                let after = self.names[nm].end;
                // "Facebook chief executive", "Activision games": a name before a noun of
                // the lexicon qualifies it, unless a head came first ("the startup Zenith").
                // Plain words before the name are modifiers ("its own Covid vaccine").
                let qualifies = g.head_class.is_none()
                    && g.qualifier.is_none()
                    && (self.phrase("nouns", after).is_some()
                        || self.modified_role_at(after)
                            && !self
                                .low(self.names[nm].start)
                                .is_some_and(|w| self.lex.has("titles", w)));
                if qualifies {
                    g.qualifier = Some(nm);
                    j = after;
                    end = j;
                    continue;
                }
                // "de l'Économie Bruno Le Maire": a person's name after a plain noun starts a
                // group of its own.
                let person =
                    self.low(j).is_some_and(known::is_given_name) && self.names[nm].end > j + 1;
                if head_seen && g.head_class.is_none() && person {
                    break;
                }
                g.name = Some(nm);
                g.head = j;
                end = after;
                break;
            }
            if matches!(self.raw(j), "'s" | "’s") {
                break;
            }
            if !self.is_word(j) {
                // Amounts: "$1.4 billion", "23%", "10-year".
                let r = self.raw(j);
                let amount = matches!(r, "$" | "€" | "£" | "%" | "-" | "." | ",")
                    && self.low(j + 1).is_some_and(|w| {
                        w.starts_with(|c: char| c.is_ascii_digit())
                            || w == "billion"
                            || w == "million"
                            || w == "year"
                    })
                    || r == "%" && j > body;
                if amount {
                    j += 1;
                    continue;
                }
                break;
            }
            let w = self.low(j).unwrap_or("");
            if self.lex.has("former", w) && !head_seen {
                g.former = true;
                j += 1;
                continue;
            }
            // "Gov. Ron DeSantis", "M. Dupont": a title before a name is part of its group.
            if !head_seen
                && self.lex.has("titles", w)
                && self.phrase("nouns", j).is_none()
                && self.name_starting(j + 1).is_some()
            {
                j += 1;
                continue;
            }
            if let Some((tag, len)) = self.phrase("nouns", j) {
                // "rival delivery service Skyra": an earlier rival or partner noun stays a
                // modifier when a later noun takes the head.
                if let Some(prev) = g.head_class.filter(|_| head_seen) {
                    if matches!(self.lex.tag_name(prev), "rival" | "partner") {
                        if let Some(m) = self.lex.tag(self.lex.tag_name(prev)) {
                            g.modifiers.push(m);
                        }
                    }
                }
                g.head_class = tag;
                g.head = j;
                let last = self.low(j + len - 1).unwrap_or(w);
                g.plural = self.lex.has("plurals", last)
                    || (last.len() > 3
                        && (last.ends_with('s') || last.ends_with('x'))
                        && !last.ends_with("ss"));
                // "a veteran of General Electric": a past membership.
                if self.lex.has("past_roles", last) {
                    g.former = true;
                }
                head_seen = true;
                j += len;
                end = j;
                continue;
            }
            if known::demonym(w).is_some() {
                g.demonym = true;
                j += 1;
                end = end.max(if head_seen { j } else { end });
                continue;
            }
            if let Some(tag) = self.tag("modifier_classes", j) {
                if !head_seen || self.lex.has("etre_verbs", "parti") {
                    g.modifiers.push(tag);
                    j += 1;
                    continue;
                }
            }
            let number = w.starts_with(|c: char| c.is_ascii_digit());
            if number {
                j += 1;
                continue;
            }
            let function = self.closed_class(w);
            if function || self.in_name(j) {
                break;
            }
            // A verb of the lexicon inside a noun group only as a modifier before the head
            // ("its recently acquired firm"); after the head it starts the verb group.
            // Right after a determiner a verb form is a noun: "the filing of", "le dépôt".
            if self.verb_at(j).is_some() && j == body && g.det != Det::None && !self.has("aux", j) {
                g.head = j;
                head_seen = true;
                j += 1;
                end = j;
                continue;
            }
            // "car making partner", "cloud gaming platform": an -ing word before a noun.
            if w.ends_with("ing")
                && (self.phrase("nouns", j + 1).is_some()
                    || self.is_word(j + 1)
                        && !self.in_name(j + 1)
                        && self.phrase("nouns", j + 2).is_some()
                        && self.verb_at(j + 1).is_none())
                && !self.lex.has("etre_verbs", "parti")
            {
                j += 1;
                continue;
            }
            if self.verb_at(j).is_some() {
                let nominal_next = self.phrase("nouns", j + 1).is_some()
                    || self.name_starting(j + 1).is_some()
                    || (self.is_word(j + 1)
                        && self.verb_at(j + 1).is_none()
                        && !self.has("prepositions", j + 1)
                        && !self.has("determiners", j + 1));
                if head_seen || !nominal_next || g.det == Det::None && j == body && !determined {
                    break;
                }
                j += 1;
                continue;
            }
            if let Some(len) = self.adverb_len(j) {
                // "its recently acquired firm": an adverb inside, before the head.
                if !head_seen && (j > body || determined) {
                    j += len;
                    continue;
                }
                break;
            }
            // A plain word after the head, followed by what opens another group, is a verb
            // ("The lawsuit represents a break").
            if head_seen && self.generic_verb_after_head(j) {
                break;
            }
            // A plain word: a modifier, or the head when nothing follows. French adjectives
            // follow their noun ("son produit phare"): they keep the head it had.
            let french = self.lex.has("etre_verbs", "parti");
            if !(french && g.head_class.is_some()) {
                if let Some(prev) = g
                    .head_class
                    .filter(|t| matches!(self.lex.tag_name(*t), "rival" | "partner"))
                {
                    g.modifiers.push(prev);
                }
                g.head = j;
                g.head_class = None;
            }
            head_seen = true;
            j += 1;
            end = j;
        }
        // "30 %", "$1.4 billion": an amount on its own.
        if end <= body
            && g.name.is_none()
            && j > body
            && self
                .low(body)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            || end <= body && j > body && matches!(self.raw(body), "$" | "€" | "£")
        {
            end = j;
            g.head = j - 1;
            g.head_class = self.lex.tag("amount");
        }
        if end <= body && g.name.is_none() {
            return None;
        }
        g.end = end;
        self.out.nouns.push(g);
        Some(end)
    }

    fn generic_verb_after_head(&self, j: usize) -> bool {
        let w = self.low(j).unwrap_or("");
        let next_opens = self.name_starting(j + 1).is_some()
            || self.phrase("determiners", j + 1).is_some()
            || self.tag("pronouns", j + 1).is_some();
        next_opens
            && (w.ends_with('s') && !w.ends_with("ss") || w.ends_with("ed"))
            && !self.lex.has("etre_verbs", "parti")
    }

    fn pronoun(&mut self, i: usize) -> Option<usize> {
        // French inversion: "a-t-il déclaré", "dit-elle", "estiment-ils".
        if let Some(w) = self
            .low(i)
            .filter(|_| self.lex.has("etre_verbs", "parti") && !self.in_name(i))
        {
            let inverted = [
                "-t-il", "-t-elle", "-il", "-elle", "-t-on", "-ils", "-elles",
            ]
            .iter()
            .find(|suffix| w.ends_with(*suffix) && w.len() > suffix.len());
            if let Some(suffix) = inverted {
                let p = if suffix.ends_with("ils") || suffix.ends_with("elles") {
                    Pronoun::Group
                } else {
                    Pronoun::Person
                };
                let base = &w[..w.len() - suffix.len()];
                let say = self
                    .lex
                    .tag_in("verbs", base)
                    .is_some_and(|t| Some(t) == self.tags.say);
                self.out.nouns.push(NounGroup::pronoun(i, p, None, say));
                return Some(i + 1);
            }
        }
        let tag = self.tag("pronouns", i)?;
        let p = match self.lex.tag_name(tag) {
            "person" => Pronoun::Person,
            "org" => Pronoun::Org,
            "group" => Pronoun::Group,
            "first" => Pronoun::First,
            "second" => Pronoun::Second,
            _ => return None,
        };
        self.out.nouns.push(NounGroup::pronoun(i, p, None, false));
        Some(i + 1)
    }

    /// "who", "qui", "dont"; "that"/"que" only right after a noun group (else they introduce
    /// a complement clause).
    fn relative(&mut self, i: usize) -> Option<usize> {
        let tag = self.tag("relatives", i)?;
        let w = self.low(i)?;
        // "des dirigeants d'OpenAI, dont Altman, Greg Brockman et Ilya Sutskever": "dont"
        // before names lists them.
        if w == "dont" && self.name_starting(i + 1).is_some() {
            return None;
        }
        let after_noun = matches!(
            self.last_kind(),
            Some(ChunkKind::Noun(_)) | Some(ChunkKind::Comma) | Some(ChunkKind::CloseParen)
        );
        let ambiguous = matches!(w, "that" | "que" | "qu'" | "which");
        // "announced Monday that ...": after a date the word opens a complement clause.
        let after_time = self.out.chunks.last().is_some_and(|c| matches!(c.kind, ChunkKind::Noun(k) if self.lex.has("time_words", self.low(self.out.nouns[k].head).unwrap_or(""))));
        if ambiguous && (!after_noun || after_time) {
            return None;
        }
        self.out
            .nouns
            .push(NounGroup::pronoun(i, Pronoun::Relative, Some(tag), false));
        Some(i + 1)
    }

    fn punctuation(&mut self, i: usize) -> ChunkKind {
        let spaced = |k: usize| {
            k > 0
                && k + 1 < self.len()
                && self.s.tokens[k - 1].end < self.s.tokens[k].start
                && self.s.tokens[k].end < self.s.tokens[k + 1].start
        };
        match self.raw(i) {
            "," => ChunkKind::Comma,
            ";" | ":" | "|" | "•" => ChunkKind::Break,
            "–" | "—" => ChunkKind::Dash,
            "-" if spaced(i) => ChunkKind::Dash,
            "(" | "[" => ChunkKind::OpenParen,
            ")" | "]" => ChunkKind::CloseParen,
            "«" | "“" => ChunkKind::OpenQuote,
            "»" | "”" => ChunkKind::CloseQuote,
            "\"" => {
                self.straight_quotes += 1;
                if self.straight_quotes % 2 == 1 {
                    ChunkKind::OpenQuote
                } else {
                    ChunkKind::CloseQuote
                }
            }
            _ => ChunkKind::Other,
        }
    }

    fn run(mut self) -> Phrases {
        let n = self.len();
        let mut i = 0;
        while i < n {
            let plural_genitive = self.raw(i) == "'"
                && i > 0
                && self.s.tokens[i - 1].end == self.s.tokens[i].start
                && self.low(i - 1).is_some_and(|w| w.ends_with('s'))
                && self.is_word(i + 1)
                && matches!(self.last_kind(), Some(ChunkKind::Noun(_)));
            if plural_genitive {
                self.push(i, i + 1, ChunkKind::Genitive);
                i += 1;
                continue;
            }
            if !self.is_word(i) {
                let kind = self.punctuation(i);
                self.push(i, i + 1, kind);
                i += 1;
                continue;
            }
            if matches!(self.raw(i), "'s" | "’s") {
                // "it's" is "it is"; after any other noun group, a genitive.
                let after_pronoun = self.out.chunks.last().is_some_and(
                    |c| matches!(c.kind, ChunkKind::Noun(k) if self.out.nouns[k].pronoun.is_some()),
                );
                if !after_pronoun {
                    self.push(i, i + 1, ChunkKind::Genitive);
                    i += 1;
                    continue;
                }
            }
            let after_genitive = matches!(self.last_kind(), Some(ChunkKind::Genitive));
            let opens_noun = after_genitive
                || self.name_starting(i).is_some()
                || (self.phrase("determiners", i).is_some()
                    && !self.clitic_before_verb(i)
                    && !self.contracted_of_after_noun(i))
                || self.raw(i).starts_with(|c: char| c.is_ascii_digit());
            if opens_noun {
                if let Some(end) = self.noun_group(i) {
                    let k = self.out.nouns.len() - 1;
                    self.push(i, end, ChunkKind::Noun(k));
                    i = end;
                    continue;
                }
            }
            if let Some(end) = self.relative(i) {
                let k = self.out.nouns.len() - 1;
                self.push(i, end, ChunkKind::Noun(k));
                i = end;
                continue;
            }
            if let Some(end) = self.pronoun(i) {
                let k = self.out.nouns.len() - 1;
                self.push(i, end, ChunkKind::Noun(k));
                i = end;
                continue;
            }
            // After a preposition a noun comes first: "with rival Apple", "pour diffamation";
            // after "Name," a role noun before "of" too ("Ann Cole, head of global sales").
            let n_chunks = self.out.chunks.len();
            let after_name_comma = n_chunks >= 2
                && matches!(self.out.chunks[n_chunks - 1].kind, ChunkKind::Comma)
                && matches!(self.out.chunks[n_chunks - 2].kind, ChunkKind::Noun(k) if self.out.nouns[k].name.is_some())
                && self.phrase("prepositions", i + 1).is_some();
            let after_prep = (matches!(self.last_kind(), Some(ChunkKind::Prep(_)))
                || after_name_comma)
                && !self.has("infinitive_markers", i)
                && !self.has("gerund_markers", i);
            if after_prep && self.phrase("nouns", i).is_some() {
                if let Some(end) = self.noun_group(i) {
                    let k = self.out.nouns.len() - 1;
                    self.push(i, end, ChunkKind::Noun(k));
                    i = end;
                    continue;
                }
            }
            if let Some(end) = self.verb_group(i) {
                let v = self.out.verbs.len() - 1;
                self.push(i, end, ChunkKind::Verb(v));
                i = end;
                continue;
            }
            if let Some((Some(tag), len)) = self.phrase("conjunctions", i) {
                self.push(i, i + len, ChunkKind::Conj(tag));
                i += len;
                continue;
            }
            // A multi-word adverb before a preposition reading: "en justice", "in court".
            if let Some(len) = self.adverb_len(i).filter(|&n| n >= 2) {
                self.push(i, i + len, ChunkKind::Adverb);
                i += len;
                continue;
            }
            // "about 30 percent", "environ 30 %": the preposition is an adverb before numbers.
            if self.has("approximately", i)
                && self
                    .low(i + 1)
                    .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            {
                self.push(i, i + 1, ChunkKind::Adverb);
                i += 1;
                continue;
            }
            if let Some((Some(tag), len)) = self.phrase("prepositions", i) {
                // French "des"/"du" are "de" + article after a noun; elsewhere determiners.
                let contracted = matches!(self.low(i), Some("des" | "du"));
                let after_noun = matches!(
                    self.last_kind(),
                    Some(ChunkKind::Noun(_)) | Some(ChunkKind::Verb(_))
                );
                if !contracted || after_noun {
                    self.push(i, i + len, ChunkKind::Prep(tag));
                    i += len;
                    continue;
                }
            }
            if let Some((Some(tag), len)) = self.phrase("subordinators", i) {
                self.push(i, i + len, ChunkKind::Sub(tag));
                i += len;
                continue;
            }
            if let Some(end) = self.noun_group(i) {
                let k = self.out.nouns.len() - 1;
                self.push(i, end, ChunkKind::Noun(k));
                i = end;
                continue;
            }
            if let Some(len) = self.adverb_len(i) {
                self.push(i, i + len, ChunkKind::Adverb);
                i += len;
                continue;
            }
            self.push(i, i + 1, ChunkKind::Other);
            i += 1;
        }
        self.link_possessors();
        self.out
    }

    /// French "l'", "la", "les", "le" right before a verb are object clitics, not articles.
    fn clitic_before_verb(&self, i: usize) -> bool {
        self.tag("aux", i)
            .is_some_and(|t| Some(t) == self.tags.clitic)
            && (self.verb_at(i + 1).is_some() || self.phrase("aux", i + 1).is_some())
            && self.phrase("nouns", i + 1).is_none()
            && !self.article_after_preposition(i)
    }

    /// "après l'annonce", "de l'accord": after a preposition, a French "l'" before anything
    /// but an infinitive ("pour l'annoncer") is the article.
    fn article_after_preposition(&self, i: usize) -> bool {
        let french = self.lex.has("etre_verbs", "parti");
        french
            && i > 0
            && self
                .phrase("prepositions", i - 1)
                .is_some_and(|(_, len)| len == 1)
            && self.low(i) == Some("l'")
            && self.low(i + 1).is_some_and(|w| !looks_infinitive(w, true))
    }

    /// "Qualcomm 's recently acquired firm": the group after "'s" belongs to the one before.
    fn link_possessors(&mut self) {
        let chunks = &self.out.chunks;
        let mut links = Vec::new();
        for w in chunks.windows(3) {
            if let (ChunkKind::Noun(a), ChunkKind::Genitive, ChunkKind::Noun(b)) =
                (w[0].kind, w[1].kind, w[2].kind)
            {
                links.push((a, b));
            }
        }
        for (a, b) in links {
            self.out.nouns[b].possessor = Some(a);
        }
    }
}

/// After "to" / "de" / "pour": an infinitive ("fonder", "acquérir", "faire"), not a noun
/// or a conjugated form ("to rivals", "de plainte").
fn looks_infinitive(w: &str, french: bool) -> bool {
    if french {
        w.ends_with("er") || w.ends_with("ir") || w.ends_with("re") || w.ends_with("oir")
    } else {
        !(w.ends_with('s') && !w.ends_with("ss") || w.ends_with("ed") || w.ends_with("ing"))
    }
}

/// Chunks one sentence.
pub fn chunk(text: &str, s: &Sentence, lex: &Lexicon, tags: Tags, names: &[Name]) -> Phrases {
    let mut name_at = vec![None; s.tokens.len()];
    for (k, nm) in names.iter().enumerate() {
        for slot in name_at
            .iter_mut()
            .take(nm.end.min(s.tokens.len()))
            .skip(nm.start)
        {
            *slot = Some(k);
        }
    }
    Chunker {
        text,
        s,
        lex,
        tags,
        names,
        name_at,
        out: Phrases::default(),
        straight_quotes: 0,
    }
    .run()
}
