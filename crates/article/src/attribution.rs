//! Attribution: who speaks in each sentence, and who is the same speaker across the article.
//!
//! Each sentence is read for a reporting pattern: `X said`, `said X`, `X told`,
//! `according to X`, `quoted X as saying`, `X, <appositive>, argues that`, `X has demanded
//! that` and some forty reporting verbs. The speaker found is resolved against the people and
//! organisations met so far:
//!
//! - a name: by full name, by surname (`Kastrel` after `Defence Minister Oren Kastrel`), by acronym
//!   (`VNA` after `Vardan News Agency (VNA)`); people named anywhere in the article (`Gen. Mira
//!   Osk`, `Anna Brel`) are known in advance, so a surname finds them, and a surname two people
//!   share finds nobody;
//! - a role (`the president`, `the Dastani adviser`): the one earlier person with a matching
//!   title or appositive, if exactly one;
//! - `he`/`she`: the person speaking in the nearest earlier sentence (up to three back), or the
//!   one person it names.
//!
//! Then quotations carry attribution: every sentence of a quote group gets the group's single
//! speaker, and a quotation with no attribution of its own continues the speaker of the sentence
//! just before it (a person, a quotation, or a sentence ending in `:`).
//!
//! Unnamed sources known by a description are speakers under that description: a group
//! (`U.S. officials said`, `according to witnesses`) or one person (`a Kurdish official said`,
//! whom a later `he` may refer to); the same description later is the same speaker.
//!
//! When in doubt there is no speaker: an undescribed source (`they said`), an ambiguous surname,
//! a role two people hold, or a sentence-initial word never seen capitalized elsewhere all give
//! `None`, and block quote carry-over and pronoun look-back through that sentence.
//!
//! ```
//! use stance_article::attribution::attribute;
//! use stance_article::segment::segment;
//!
//! let text = "Defence Minister Oren Kastrel demanded a new offensive. “We will not wait. \
//!             We strike now,” he said. The mediator, Lina Ferro, urged restraint. \
//!             Kastrel rejected her plea.";
//! let segmentation = segment(text);
//! let attribution = attribute(text, &segmentation);
//! let names: Vec<Option<&str>> = attribution.speaker_names().collect();
//! assert_eq!(names, [Some("Oren Kastrel"), Some("Oren Kastrel"), Some("Oren Kastrel"), Some("Lina Ferro"), Some("Oren Kastrel")]);
//! ```

mod gazetteer;
mod names;
mod patterns;
mod registry;
mod tokens;

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Serialize;

use crate::segment::{Segmentation, Sentence};
use crate::Span;
use names::{after_the, leading_non_names, parse_run, Parsed, ParsedName};
use patterns::Mention;
use registry::Registry;
use tokens::{tokenize, Token};

/// What kind of speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A person: titled, described by a role, or named with a first name and a surname.
    Person,
    /// An organisation, a country, a newspaper, or a single name the text does not show to be a
    /// person.
    Organisation,
}

impl SpeakerKind {
    /// Its name in every output: `person` or `organisation`.
    pub fn name(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
        }
    }
}

/// How a sentence's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// Named in the sentence (full name, surname, acronym).
    Name,
    /// Referred to by role (`the president`).
    Role,
    /// Referred to by `he` or `she`.
    Pronoun,
    /// Carried over from the quotation the sentence belongs to or continues.
    Quote,
}

/// A speaker of the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The canonical name (`Oren Kastrel`; the whole name for an organisation).
    pub name: String,
    /// Person or organisation.
    pub kind: SpeakerKind,
    /// Other ways the article refers to the speaker, in order of appearance (`Vardan's Defence
    /// Minister Oren Kastrel`, `Kastrel`, `the minister`); pronouns excluded.
    pub aliases: Vec<String>,
    /// Roles the article gives the speaker (`foreign policy adviser`).
    pub roles: Vec<String>,
    /// The sentences attributed to the speaker, in order.
    pub sentences: Vec<usize>,
}

/// The speaker of one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Attributed {
    /// Index into [`Attribution::speakers`].
    pub speaker: usize,
    /// How the speaker was found.
    pub via: Via,
    /// Where the sentence names the speaker (by name or role), if it does.
    pub mention: Option<Span>,
}

/// Who speaks where in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// The speakers with at least one sentence, in order of their first sentence.
    pub speakers: Vec<Speaker>,
    /// For each sentence, its speaker if any.
    pub sentences: Vec<Option<Attributed>>,
}

impl Attribution {
    /// The speaker's name for each sentence, in order.
    pub fn speaker_names(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        self.sentences
            .iter()
            .map(|a| a.map(|a| self.speakers[a.speaker].name.as_str()))
    }
}

/// How far back `he`/`she` looks for its person, in sentences.
const PRONOUN_LOOKBACK: usize = 3;

/// The attribution state of one sentence while the article is read.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// Entity and how it was found.
    assigned: Option<(usize, Via)>,
    /// Where the sentence names the entity.
    mention: Option<Span>,
    /// A reporting pattern was found, whether or not it resolved.
    attempted: bool,
    /// The pattern only relays (`X reported`).
    relayed: bool,
}

/// Finds the speakers of the sentences of `article`.
pub fn attribute(article: &str, segmentation: &Segmentation) -> Attribution {
    let quotations: Vec<Span> = segmentation.quotations.iter().map(|q| q.span).collect();
    let tokens: Vec<Vec<Token>> = segmentation
        .sentences
        .iter()
        .map(|s| tokenize(article, s.span, &quotations))
        .collect();
    let mut reader = Reader {
        article,
        sentences: &segmentation.sentences,
        proper: proper_words(&tokens),
        tokens,
        registry: Registry::default(),
        slots: vec![Slot::default(); segmentation.sentences.len()],
    };
    reader.register_people();
    for i in 0..reader.sentences.len() {
        reader.attribute_sentence(i);
    }
    reader.spread_over_quote_groups();
    reader.continue_quotations();
    reader.finish()
}

/// Words written capitalized somewhere other than at the start of a sentence or quotation:
/// names, as opposed to ordinary words that open a sentence.
fn proper_words<'a>(tokens: &[Vec<Token<'a>>]) -> HashSet<&'a str> {
    let mut proper = HashSet::new();
    for sentence in tokens {
        let mut word_before = false;
        for (i, token) in sentence.iter().enumerate() {
            let opens = !word_before || (i > 0 && (sentence[i - 1].is_quote_mark() || sentence[i - 1].is(":")));
            if token.is_capitalized() && !opens {
                proper.insert(token.base());
            }
            word_before |= token.word;
        }
    }
    proper
}

/// Runs of capitalized words (joined by particles) in a sentence, as token ranges.
fn capitalized_runs(tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].is_capitalized() {
            i += 1;
            continue;
        }
        let start = i;
        while i < tokens.len()
            && (tokens[i].is_capitalized()
                || (gazetteer::is_particle(tokens[i].text) && tokens.get(i + 1).is_some_and(Token::is_capitalized)))
        {
            i += 1;
            if tokens[i - 1].is_possessive() && i < tokens.len() && !tokens[i].is_capitalized() {
                break;
            }
        }
        runs.push(start..i);
    }
    runs
}

struct Reader<'a> {
    article: &'a str,
    sentences: &'a [Sentence],
    tokens: Vec<Vec<Token<'a>>>,
    proper: HashSet<&'a str>,
    registry: Registry,
    slots: Vec<Slot>,
}

impl Reader<'_> {
    /// The names in sentence `i`, parsed; none in a headline, whose capitals (`Minister Demands
    /// Offensive`) say nothing about names.
    fn names_in(&self, i: usize) -> Vec<(ParsedName, usize)> {
        if self.sentences[i].headline {
            return Vec::new();
        }
        let tokens = &self.tokens[i];
        capitalized_runs(tokens)
            .into_iter()
            .filter_map(|run| {
                let kept = run.start + leading_non_names(&tokens[run.clone()]);
                match parse_run(self.article, &tokens[kept..run.end])? {
                    Parsed::Name(mut name) => {
                        name.organisation |= after_the(tokens, run.start, kept) && !name.titled;
                        Some((name, tokens[kept].span.start))
                    }
                    Parsed::Role(_) => None,
                }
            })
            .collect()
    }

    /// Registers every person the article's body names by form (`President Ilse Marrow`, `Gen.
    /// Osk`, `Anna Brel`), so that a surname finds them wherever they first speak, and a surname
    /// two of them share finds nobody.
    fn register_people(&mut self) {
        for i in 0..self.sentences.len() {
            for (name, at) in self.names_in(i) {
                if name.looks_like_person() {
                    self.registry.resolve(&name, at, true);
                }
            }
        }
    }

    /// The known people sentence `i` names.
    fn people_named_in(&self, i: usize) -> BTreeSet<usize> {
        self.names_in(i)
            .iter()
            .filter_map(|(name, _)| match self.registry.lookup(name) {
                registry::Lookup::Found(id) if self.registry.get(id).person => Some(id),
                _ => None,
            })
            .collect()
    }

    fn attribute_sentence(&mut self, i: usize) {
        let found = patterns::find(self.article, &self.tokens[i]);
        let at = self.sentences[i].span.start;
        let outer = found.outer.as_ref().and_then(|m| self.resolve(m, i, at));
        let inner = found.inner.as_ref().and_then(|m| self.resolve(m, i, at));
        let outer = outer.map(|r| (r, found.outer.as_ref().and_then(Mention::span)));
        let inner = inner.map(|r| (r, found.inner.as_ref().and_then(Mention::span)));
        let person =
            |r: &Option<((usize, Via), Option<Span>)>| r.is_some_and(|((id, _), _)| self.registry.get(id).person);
        let chosen = if person(&outer) {
            outer
        } else if person(&inner) {
            inner
        } else {
            outer.or(inner)
        };
        self.slots[i] = Slot {
            assigned: chosen.map(|(assigned, _)| assigned),
            mention: chosen.and_then(|(_, mention)| mention),
            attempted: found.outer.is_some() || found.inner.is_some(),
            relayed: found.relayed,
        };
    }

    /// What a mention in sentence `i` (at byte `at`) refers to.
    fn resolve(&mut self, mention: &Mention, i: usize, at: usize) -> Option<(usize, Via)> {
        match mention {
            Mention::Name(name) => {
                let single = name.words.len() == 1;
                let word = name.words.first().map(String::as_str).unwrap_or_default();
                let capitalized_anyway = single && name.initial && !name.titled && !self.proper.contains(word);
                let acronym = single && word.chars().filter(|c| c.is_uppercase()).count() >= 2;
                let create = !capitalized_anyway || acronym;
                self.registry.resolve(name, at, create).map(|id| (id, Via::Name))
            }
            Mention::Role { role, surface, .. } => {
                let id = self.registry.lookup_role(role, at)?;
                self.registry.add_alias(id, surface);
                Some((id, Via::Role))
            }
            Mention::Group { name, person, .. } => Some((self.registry.resolve_group(name, *person, at), Via::Name)),
            Mention::Pronoun => self.antecedent(i).map(|id| (id, Via::Pronoun)),
            Mention::Unknown => None,
        }
    }

    /// The person `he`/`she` in sentence `i` refers to: the person speaking in the nearest
    /// earlier sentence outside its own quotation, or the one person that sentence names.
    fn antecedent(&self, i: usize) -> Option<usize> {
        let group = self.sentences[i].quote;
        let mut looked = 0;
        let mut j = i;
        while j > 0 && looked < PRONOUN_LOOKBACK {
            j -= 1;
            if group.is_some() && self.sentences[j].quote == group {
                continue;
            }
            looked += 1;
            let slot = self.slots[j];
            if let Some((id, _)) = slot.assigned.filter(|&(id, _)| self.registry.get(id).person) {
                return Some(id);
            }
            let people = self.people_named_in(j);
            match people.len() {
                0 if slot.attempted && slot.assigned.is_none() => return None,
                0 => {}
                1 => return people.first().copied(),
                _ => return None,
            }
        }
        None
    }

    /// Gives every sentence of a quote group the group's speaker, when the group has exactly
    /// one and no unresolved attribution.
    fn spread_over_quote_groups(&mut self) {
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for sentence in self.sentences {
            if let Some(group) = sentence.quote {
                groups.entry(group).or_default().push(sentence.index);
            }
        }
        for members in groups.values() {
            let speakers: BTreeSet<usize> = members
                .iter()
                .filter_map(|&m| self.slots[m].assigned.map(|(id, _)| id))
                .collect();
            let unresolved = members
                .iter()
                .any(|&m| self.slots[m].attempted && self.slots[m].assigned.is_none());
            if let (1, false) = (speakers.len(), unresolved) {
                let id = *speakers.first().expect("one speaker");
                for &m in members {
                    self.slots[m].assigned.get_or_insert((id, Via::Quote));
                }
            }
        }
    }

    /// A quotation with no attribution of its own continues the speaker of the sentence before
    /// it, when that sentence has a person speaking, is itself quoted, or ends with a colon.
    fn continue_quotations(&mut self) {
        for i in 1..self.sentences.len() {
            let Some(group) = self.sentences[i].quote else {
                continue;
            };
            if self.sentences[i - 1].quote == Some(group) {
                continue;
            }
            let members: Vec<usize> = (i..self.sentences.len())
                .take_while(|&m| self.sentences[m].quote == Some(group))
                .collect();
            if members
                .iter()
                .any(|&m| self.slots[m].attempted || self.slots[m].assigned.is_some())
            {
                continue;
            }
            let previous = &self.sentences[i - 1];
            let Some((id, _)) = self.slots[i - 1].assigned else {
                continue;
            };
            let introduces = previous.text(self.article).ends_with(':');
            if self.registry.get(id).person || previous.quote.is_some() || introduces {
                for m in members {
                    self.slots[m].assigned = Some((id, Via::Quote));
                }
            }
        }
    }

    /// Organisations that only relay (every sentence of theirs found by `X reported`, or carried
    /// on from such a sentence's quotation) are not speakers: news outlets passing on what others
    /// say. Their sentences are left unattributed.
    fn drop_relays(&mut self) {
        let mut speaks_for_itself: HashSet<usize> = HashSet::new();
        let mut relays: HashSet<usize> = HashSet::new();
        for slot in &self.slots {
            if let Some((id, via)) = slot.assigned {
                if via == Via::Name && slot.relayed {
                    relays.insert(id);
                } else if via != Via::Quote {
                    speaks_for_itself.insert(id);
                }
            }
        }
        for slot in &mut self.slots {
            if let Some((id, _)) = slot.assigned {
                if relays.contains(&id) && !speaks_for_itself.contains(&id) && !self.registry.get(id).person {
                    slot.assigned = None;
                    slot.mention = None;
                }
            }
        }
    }

    fn finish(mut self) -> Attribution {
        self.drop_relays();
        let mut order: Vec<usize> = Vec::new();
        for slot in &self.slots {
            if let Some((id, _)) = slot.assigned {
                if !order.contains(&id) {
                    order.push(id);
                }
            }
        }
        let index_of = |id: usize| order.iter().position(|&o| o == id).expect("ordered");
        let sentences: Vec<Option<Attributed>> = self
            .slots
            .iter()
            .map(|slot| {
                slot.assigned.map(|(id, via)| Attributed {
                    speaker: index_of(id),
                    via,
                    mention: slot.mention,
                })
            })
            .collect();
        let speakers = order
            .iter()
            .enumerate()
            .map(|(index, &id)| {
                let entity = self.registry.get(id);
                let mut roles: Vec<String> = Vec::new();
                for role in &entity.roles {
                    let described = role.describe();
                    if !roles.contains(&described) {
                        roles.push(described);
                    }
                }
                Speaker {
                    name: entity.name.clone(),
                    kind: if entity.person {
                        SpeakerKind::Person
                    } else {
                        SpeakerKind::Organisation
                    },
                    aliases: entity.aliases.clone(),
                    roles,
                    sentences: sentences
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| a.is_some_and(|a| a.speaker == index))
                        .map(|(s, _)| s)
                        .collect(),
                }
            })
            .collect();
        Attribution { speakers, sentences }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn speakers(text: &str) -> Vec<Option<String>> {
        attribute(text, &segment(text))
            .speaker_names()
            .map(|n| n.map(str::to_string))
            .collect()
    }

    #[test]
    fn pronouns_skip_organisations_and_stop_at_unnamed_sources() {
        let text = "Gen. Mira Osk inspected the front. The Kell Guardians have announced an offensive. \
                    “We will not stop,” he said.";
        assert_eq!(speakers(text)[2], Some("Mira Osk".to_string()));
        let text = "Gen. Mira Osk inspected the front. A commander said the lines held. “We stay,” he said.";
        assert_eq!(speakers(text)[2], Some("commander".to_string()));
        let text = "Gen. Mira Osk inspected the front. On Monday they said the lines held. “We stay,” he said.";
        assert_eq!(speakers(text)[2], None);
    }

    #[test]
    fn pronoun_after_one_named_person() {
        let text = "Envoy Lina Ferro arrived in the capital on Monday. She said talks would start soon.";
        assert_eq!(speakers(text), [None, Some("Lina Ferro".to_string())]);
        let text = "Lina Ferro met Oren Kastrel on Monday. She said talks would start soon.";
        assert_eq!(speakers(text), [None, None]);
    }

    #[test]
    fn quotation_carries_its_speaker_both_ways() {
        let text = "“We are ready. The army is ready,” Kastrel said. “We go at dawn.”";
        let names = speakers(text);
        assert!(names.iter().all(|n| n.as_deref() == Some("Kastrel")), "{names:?}");
        let segmentation = segment(text);
        let attribution = attribute(text, &segmentation);
        let via: Vec<Via> = attribution.sentences.iter().map(|a| a.unwrap().via).collect();
        assert_eq!(via, [Via::Quote, Via::Name, Via::Quote]);
        assert_eq!(attribution.speakers[0].kind, SpeakerKind::Organisation);
    }

    #[test]
    fn an_outlet_that_only_relays_is_no_speaker() {
        let text = "Talks stalled on Monday, the Vardan Times reported. Oren Kastrel said the army was ready.";
        assert_eq!(speakers(text), [None, Some("Oren Kastrel".to_string())]);
        let text = "Talks stalled on Monday, the Vardan Times reported. The Vardan Times said it would \
                    publish the letters.";
        assert_eq!(
            speakers(text),
            [Some("Vardan Times".to_string()), Some("Vardan Times".to_string())]
        );
    }

    #[test]
    fn sentence_initial_words_need_to_be_names() {
        assert_eq!(
            speakers("Witnesses said the town fell."),
            [Some("Witnesses".to_string())]
        );
        assert_eq!(speakers("Yesterday said the town fell."), [None]);
        let text = "Aid reached Dastan. Dastan said it was grateful.";
        assert_eq!(speakers(text)[1], Some("Dastan".to_string()));
    }
}
