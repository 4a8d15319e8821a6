//! The small word lists attribution relies on: reporting verbs, the words that may stand between
//! a subject and its verb, titles and roles, and words that are capitalized without being names.
//! No names of people, places or organisations are listed.

/// A reporting verb form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Verb {
    /// The base form (`say` for `said`).
    pub lemma: &'static str,
    /// Whether the speaker may follow the verb (`..., said Kastrel`).
    pub invertible: bool,
    /// Whether this form is the `-ing` form (allowed after `is` or `has been`).
    pub progressive: bool,
}

/// Reporting verbs: `(lemma, forms, invertible)`. A form is matched only in lowercase. `call`
/// counts only when followed by `for`, which the pattern checks.
const VERBS: &[(&str, &[&str], bool)] = &[
    ("say", &["say", "says", "said", "saying"], true),
    ("tell", &["tell", "tells", "told", "telling"], false),
    ("argue", &["argue", "argues", "argued", "arguing"], true),
    ("warn", &["warn", "warns", "warned", "warning"], true),
    ("demand", &["demand", "demands", "demanded", "demanding"], false),
    ("insist", &["insist", "insists", "insisted", "insisting"], true),
    ("urge", &["urge", "urges", "urged", "urging"], false),
    ("call", &["call", "calls", "called", "calling"], false),
    ("accuse", &["accuse", "accuses", "accused", "accusing"], false),
    ("reject", &["reject", "rejects", "rejected", "rejecting"], false),
    ("vow", &["vow", "vows", "vowed", "vowing"], false),
    ("stress", &["stress", "stresses", "stressed", "stressing"], true),
    ("add", &["add", "adds", "added", "adding"], true),
    ("note", &["note", "notes", "noted", "noting"], true),
    ("declare", &["declare", "declares", "declared", "declaring"], true),
    ("announce", &["announce", "announces", "announced", "announcing"], false),
    ("state", &["stated"], true),
    ("explain", &["explain", "explains", "explained", "explaining"], true),
    ("suggest", &["suggest", "suggests", "suggested", "suggesting"], false),
    ("claim", &["claim", "claims", "claimed", "claiming"], false),
    ("write", &["write", "writes", "wrote", "writing"], true),
    ("ask", &["ask", "asks", "asked", "asking"], true),
    ("reply", &["reply", "replies", "replied", "replying"], true),
    ("respond", &["responded"], true),
    ("report", &["reports", "reported"], true),
    (
        "threaten",
        &["threaten", "threatens", "threatened", "threatening"],
        false,
    ),
    ("pledge", &["pledge", "pledges", "pledged", "pledging"], false),
    ("promise", &["promise", "promises", "promised", "promising"], false),
    (
        "reiterate",
        &["reiterate", "reiterates", "reiterated", "reiterating"],
        true,
    ),
    ("assert", &["assert", "asserts", "asserted", "asserting"], true),
    (
        "acknowledge",
        &["acknowledge", "acknowledges", "acknowledged", "acknowledging"],
        true,
    ),
    ("admit", &["admit", "admits", "admitted", "admitting"], true),
    ("deny", &["deny", "denies", "denied", "denying"], false),
    ("condemn", &["condemn", "condemns", "condemned", "condemning"], false),
    ("welcome", &["welcome", "welcomes", "welcomed", "welcoming"], false),
    ("propose", &["propose", "proposes", "proposed", "proposing"], false),
    ("caution", &["caution", "cautions", "cautioned", "cautioning"], true),
    (
        "emphasize",
        &[
            "emphasize",
            "emphasizes",
            "emphasized",
            "emphasise",
            "emphasises",
            "emphasised",
        ],
        true,
    ),
    ("recall", &["recalled"], true),
    ("confirm", &["confirm", "confirms", "confirmed"], true),
    ("believe", &["believe", "believes", "believed"], false),
    ("appeal", &["appeal", "appeals", "appealed", "appealing"], false),
    ("predict", &["predict", "predicts", "predicted"], true),
    ("tweet", &["tweet", "tweets", "tweeted", "tweeting"], true),
    ("post", &["posted"], false),
    ("allege", &["allege", "alleges", "alleged"], false),
    ("maintain", &["maintains", "maintained"], true),
    ("contend", &["contend", "contends", "contended"], true),
    ("concede", &["concede", "concedes", "conceded"], true),
    ("express", &["expressed"], false),
];

/// The reporting verb `word` is a form of, if any (lowercase forms only: a capitalized `Says` in
/// a title-case headline is not trusted).
pub(super) fn reporting_verb(word: &str) -> Option<Verb> {
    VERBS.iter().find_map(|&(lemma, forms, invertible)| {
        forms.contains(&word).then(|| Verb {
            lemma,
            invertible,
            progressive: word.ends_with("ing"),
        })
    })
}

/// Auxiliaries and adverbs that may stand between a subject and its reporting verb
/// (`Kastrel has reportedly declared`), besides any lowercase word ending in `-ly`.
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "did",
    "does",
    "do",
    "also",
    "again",
    "later",
    "then",
    "earlier",
    "already",
    "once",
    "further",
    "still",
    "even",
    "now",
    "today",
    "yesterday",
    "long",
    "often",
    "always",
    "soon",
    "too",
    "first",
];

/// Auxiliaries that make a past participle passive (`was told`), unlike a progressive.
const PASSIVE: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Whether `word` may stand between a subject and its verb.
pub(super) fn is_between(word: &str) -> bool {
    BETWEEN.contains(&word) || (word.len() > 3 && word.ends_with("ly") && word.chars().all(char::is_lowercase))
}

/// Whether `word` is an auxiliary that makes a following participle passive.
pub(super) fn is_passive_auxiliary(word: &str) -> bool {
    PASSIVE.contains(&word)
}

/// Titles written before a name, with the role they name: `(title, role)`. An empty role is an
/// honorific (`Mr.`): the bearer is a person, with no role to refer back to.
const TITLES: &[(&str, &str)] = &[
    ("President", "president"),
    ("Vice-President", "vice-president"),
    ("President-elect", "president"),
    ("Premier", "premier"),
    ("Chancellor", "chancellor"),
    ("Minister", "minister"),
    ("Secretary", "secretary"),
    ("Secretary-General", "secretary-general"),
    ("Ambassador", "ambassador"),
    ("Envoy", "envoy"),
    ("Spokesman", "spokesman"),
    ("Spokeswoman", "spokesman"),
    ("Spokesperson", "spokesman"),
    ("Adviser", "adviser"),
    ("Advisor", "adviser"),
    ("Mediator", "mediator"),
    ("Negotiator", "negotiator"),
    ("General", "general"),
    ("Gen.", "general"),
    ("Commander", "commander"),
    ("Cmdr.", "commander"),
    ("Chief", "chief"),
    ("Governor", "governor"),
    ("Gov.", "governor"),
    ("Senator", "senator"),
    ("Sen.", "senator"),
    ("Representative", "representative"),
    ("Rep.", "representative"),
    ("Mayor", "mayor"),
    ("Leader", "leader"),
    ("King", "king"),
    ("Queen", "queen"),
    ("Prince", "prince"),
    ("Princess", "princess"),
    ("Emir", "emir"),
    ("Sheikh", "sheikh"),
    ("Sultan", "sultan"),
    ("Ayatollah", "ayatollah"),
    ("Imam", "imam"),
    ("Mullah", "mullah"),
    ("Colonel", "colonel"),
    ("Col.", "colonel"),
    ("Lieutenant", "lieutenant"),
    ("Lt.", "lieutenant"),
    ("Major", "major"),
    ("Maj.", "major"),
    ("Captain", "captain"),
    ("Capt.", "captain"),
    ("Admiral", "admiral"),
    ("Adm.", "admiral"),
    ("Marshal", "marshal"),
    ("Brigadier", "brigadier"),
    ("Brig.", "brigadier"),
    ("Sergeant", "sergeant"),
    ("Sgt.", "sergeant"),
    ("Director", "director"),
    ("Chairman", "chairman"),
    ("Chairwoman", "chairman"),
    ("Commissioner", "commissioner"),
    ("Judge", "judge"),
    ("Justice", "justice"),
    ("Prosecutor", "prosecutor"),
    ("Pope", "pope"),
    ("Bishop", "bishop"),
    ("Archbishop", "archbishop"),
    ("Reverend", "reverend"),
    ("Rev.", "reverend"),
    ("Professor", "professor"),
    ("Prof.", "professor"),
    ("Speaker", "speaker"),
    ("Dr.", ""),
    ("Mr.", ""),
    ("Mrs.", ""),
    ("Ms.", ""),
    ("Mr", ""),
    ("Mrs", ""),
    ("Ms", ""),
    ("Dr", ""),
    ("Sir", ""),
    ("Dame", ""),
];

/// The role a title names (`Gen.` -> `general`; `""` for an honorific), if `word` is a title.
pub(super) fn title_role(word: &str) -> Option<&'static str> {
    TITLES.iter().find(|(title, _)| *title == word).map(|&(_, role)| role)
}

/// Capitalized words that qualify a following title (`Prime` Minister, `Foreign Policy` Adviser,
/// `Lt.` Gen.), compared lowercase.
const TITLE_MODIFIERS: &[&str] = &[
    "prime",
    "foreign",
    "defence",
    "defense",
    "interior",
    "home",
    "finance",
    "deputy",
    "vice",
    "acting",
    "former",
    "special",
    "senior",
    "army",
    "military",
    "state",
    "information",
    "opposition",
    "supreme",
    "grand",
    "field",
    "security",
    "national",
    "policy",
    "chief",
    "peace",
    "police",
    "health",
    "trade",
    "justice",
    "rear",
    "top",
    "lt.",
    "maj.",
    "brig.",
    "lieutenant",
    "major",
    "brigadier",
    "general",
    "gen.",
    "presidential",
    "government",
    "air",
    "naval",
    "navy",
    "intelligence",
    "regional",
    "provincial",
    "federal",
];

/// Whether `word` (any case) may qualify a title.
pub(super) fn is_title_modifier(word: &str) -> bool {
    TITLE_MODIFIERS.contains(&word.to_lowercase().as_str())
}

/// Lowercase role nouns that head a definite description (`the president`, `the Dastani
/// adviser`) or an appositive (`, the defence minister,`), with their normal form.
const ROLES: &[(&str, &str)] = &[
    ("president", "president"),
    ("vice-president", "vice-president"),
    ("premier", "premier"),
    ("chancellor", "chancellor"),
    ("minister", "minister"),
    ("secretary", "secretary"),
    ("secretary-general", "secretary-general"),
    ("adviser", "adviser"),
    ("advisor", "adviser"),
    ("spokesman", "spokesman"),
    ("spokeswoman", "spokesman"),
    ("spokesperson", "spokesman"),
    ("envoy", "envoy"),
    ("ambassador", "ambassador"),
    ("mediator", "mediator"),
    ("negotiator", "negotiator"),
    ("general", "general"),
    ("commander", "commander"),
    ("chief", "chief"),
    ("governor", "governor"),
    ("senator", "senator"),
    ("mayor", "mayor"),
    ("leader", "leader"),
    ("official", "official"),
    ("diplomat", "diplomat"),
    ("king", "king"),
    ("queen", "queen"),
    ("prince", "prince"),
    ("emir", "emir"),
    ("sheikh", "sheikh"),
    ("colonel", "colonel"),
    ("captain", "captain"),
    ("admiral", "admiral"),
    ("marshal", "marshal"),
    ("brigadier", "brigadier"),
    ("director", "director"),
    ("chairman", "chairman"),
    ("chairwoman", "chairman"),
    ("commissioner", "commissioner"),
    ("judge", "judge"),
    ("prosecutor", "prosecutor"),
    ("cleric", "cleric"),
    ("imam", "imam"),
    ("lawmaker", "lawmaker"),
    ("professor", "professor"),
    ("speaker", "speaker"),
];

/// The normal form of a role noun (`advisor` -> `adviser`), if `word` (lowercase) is one.
pub(super) fn role_noun(word: &str) -> Option<&'static str> {
    ROLES.iter().find(|(noun, _)| *noun == word).map(|&(_, role)| role)
}

/// Modifiers that do not tell two holders of a role apart (`the former president`).
const GENERIC_MODIFIERS: &[&str] = &[
    "former",
    "top",
    "senior",
    "veteran",
    "new",
    "outgoing",
    "embattled",
    "powerful",
    "influential",
    "current",
    "then",
    "acting",
    "country's",
    "country’s",
    "nation's",
    "nation’s",
];

/// Whether a modifier of a role reference may be ignored when matching it.
pub(super) fn is_generic_modifier(word: &str) -> bool {
    GENERIC_MODIFIERS.contains(&word)
}

/// Capitalized words that mark a name as an organisation or a place rather than a person.
const ORGANISATION_WORDS: &[&str] = &[
    "Ministry",
    "Council",
    "Party",
    "Army",
    "Forces",
    "Force",
    "Front",
    "Movement",
    "Organization",
    "Organisation",
    "Nations",
    "Union",
    "Agency",
    "Office",
    "Department",
    "Government",
    "Committee",
    "Commission",
    "Court",
    "Bank",
    "Times",
    "News",
    "Post",
    "Press",
    "Radio",
    "Television",
    "Voice",
    "Association",
    "Institute",
    "University",
    "Group",
    "Brigade",
    "Brigades",
    "Command",
    "Alliance",
    "Coalition",
    "League",
    "Assembly",
    "Parliament",
    "Congress",
    "Senate",
    "State",
    "States",
    "Republic",
    "Kingdom",
    "Emirate",
    "Authority",
    "Service",
    "Corps",
    "Guard",
    "Guards",
    "Police",
    "Network",
    "Company",
    "Corporation",
    "Foundation",
    "Center",
    "Centre",
    "Fund",
    "Watch",
    "International",
    "Church",
    "House",
    "Administration",
    "Cabinet",
    "Embassy",
    "Mission",
    "Secretariat",
    "Tribunal",
    "Federation",
    "Society",
    "Board",
    "Bureau",
    "Journal",
    "Herald",
    "Tribune",
    "Daily",
    "Gazette",
    "Monitor",
    "Militia",
    "Islamic",
    "Red",
    "Cross",
    "Crescent",
    "North",
    "South",
    "East",
    "West",
    "New",
    "United",
    "Islands",
    "Sea",
    "Strip",
    "Gulf",
    "Coast",
    "Valley",
    "City",
    "Province",
    "Region",
    "District",
    "Airlines",
    "Navy",
    "Air",
    "Staff",
    "Headquarters",
    "Regime",
    "Rebels",
    "Insurgents",
];

/// Whether `word` marks an organisation or place.
pub(super) fn is_organisation_word(word: &str) -> bool {
    ORGANISATION_WORDS.contains(&word)
}

/// Lowercase words allowed inside a name between capitalized words (`Voice of Vardan`,
/// `Osama bin Laden`). `of` and `for` make the name an organisation.
const PARTICLES: &[&str] = &[
    "of", "for", "bin", "ibn", "al", "el", "de", "del", "der", "den", "van", "von", "da", "di", "du", "la", "le",
    "dos", "das", "ul", "ud",
];

/// Whether `word` may join two capitalized words of one name.
pub(super) fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// Capitalized words that are not part of a name when they open a capitalized run
/// (`On Monday Kastrel said`): function words, days, months, sentence adverbs, pronouns.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "With",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "If",
    "Although",
    "Though",
    "Because",
    "Since",
    "Meanwhile",
    "However",
    "Nevertheless",
    "Nonetheless",
    "Still",
    "Then",
    "Now",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "Also",
    "Despite",
    "During",
    "Under",
    "Over",
    "According",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Instead",
    "Indeed",
    "Moreover",
    "Furthermore",
    "Separately",
    "Elsewhere",
    "Speaking",
    "Asked",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "My",
    "Your",
    "Both",
    "Some",
    "Many",
    "Most",
    "All",
    "Several",
    "Each",
    "Every",
    "No",
    "Not",
    "Only",
    "Even",
    "Just",
    "Here",
    "There",
    "Thus",
    "Hence",
    "Until",
    "Unless",
    "Whether",
    "Where",
    "Why",
    "How",
    "What",
    "Who",
    "Which",
    "Once",
    "Again",
    "Finally",
    "First",
    "Second",
    "Third",
    "Recently",
    "Reportedly",
];

/// Whether a capitalized word is a function word, a day, a month or a pronoun rather than a name.
pub(super) fn is_not_name(word: &str) -> bool {
    NOT_NAMES.contains(&word)
}

/// Words that open a subordinate clause: a speaker found right after one is not the speaker of
/// the sentence (`Although the rebels claimed ...`).
const SUBORDINATORS: &[&str] = &[
    "although", "though", "while", "whereas", "if", "unless", "because", "since", "as", "after", "before", "when",
    "once", "until", "that", "whether", "where", "despite",
];

/// Whether `word` (any case) opens a subordinate clause.
pub(super) fn is_subordinator(word: &str) -> bool {
    SUBORDINATORS.contains(&word.to_lowercase().as_str())
}

/// Prepositions: a capitalized run right after one is an object, not a subject.
const PREPOSITIONS: &[&str] = &[
    "of", "for", "to", "with", "from", "against", "by", "on", "in", "at", "about", "between", "among", "into",
    "toward", "towards", "than", "like", "via", "over", "under",
];

/// Whether `word` is a preposition.
pub(super) fn is_preposition(word: &str) -> bool {
    PREPOSITIONS.contains(&word)
}

/// Determiners and possessive pronouns that open a definite description (`the president`,
/// `its spokesman`).
pub(super) fn is_definite(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "the" | "its" | "their" | "his" | "her")
}

/// Indefinite determiners (`a spokesman said`): someone unnamed.
pub(super) fn is_indefinite(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "a" | "an" | "one" | "another" | "some")
}

/// Plural or collective nouns of unnamed sources that speak as a group (`U.S. officials said`,
/// `witnesses said`, `according to Kurdish sources`), and institutions named by description (`the
/// Iraqi government said`).
const GROUP_NOUNS: &[&str] = &[
    "officials",
    "sources",
    "witnesses",
    "activists",
    "residents",
    "analysts",
    "experts",
    "diplomats",
    "medics",
    "doctors",
    "authorities",
    "militants",
    "rebels",
    "insurgents",
    "protesters",
    "fighters",
    "correspondents",
    "supporters",
    "lawmakers",
    "officers",
    "police",
    "spokesmen",
    "commanders",
    "leaders",
    "villagers",
    "survivors",
    "relatives",
    "family",
    "government",
    "ministry",
    "department",
    "administration",
    "army",
    "military",
    "embassy",
    "command",
    "council",
    "parliament",
    "cabinet",
    "presidency",
    "regime",
    "forces",
];

/// Whether `word` (lowercase) names an unnamed group of sources.
pub(super) fn is_group_noun(word: &str) -> bool {
    GROUP_NOUNS.contains(&word)
}

/// Whether a lowercase word may describe a group of sources (`senior`, `defense`, `Kurdish`'s
/// lowercase kin such as `local`, `pro-government`, `diplomatic`): a title or generic modifier,
/// a hyphenated word, or an adjective by its ending. Verbs (`saw`, `cited`) are not.
pub(super) fn is_group_modifier(word: &str) -> bool {
    const ENDINGS: &[&str] = &["al", "ian", "ish", "ese", "ary", "ic", "ive", "ern"];
    is_title_modifier(word)
        || is_generic_modifier(word)
        || matches!(
            word,
            "defense" | "defence" | "security" | "police" | "army" | "military" | "state" | "health"
        )
        || (word.contains('-') && word.len() > 3)
        || (word.len() > 3 && ENDINGS.iter().any(|e| word.ends_with(e)))
}

/// Quantifiers that may open a group or an unnamed source (`several officials`).
pub(super) fn is_quantifier(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "several" | "many" | "some" | "other" | "two" | "three" | "four" | "multiple" | "most" | "few"
    )
}

/// Third-person singular pronouns that refer back to a person.
pub(super) fn is_person_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "He" | "She")
}

/// Abbreviations that keep their period inside a token (`Gen.`, `U.S.` is handled as an acronym).
const ABBREVIATIONS: &[&str] = &[
    "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Cmdr", "Brig", "Gov", "Sen", "Rep", "Rev", "Prof", "Dr", "Mr",
    "Mrs", "Ms", "St", "Jr", "Sr", "Inc", "Co", "Ltd", "Corp", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "Fr", "Hon", "Pres", "vs",
];

/// Whether a word keeps a following period (`Gen.`).
pub(super) fn keeps_period(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_are_lowercase_forms() {
        assert_eq!(reporting_verb("said").map(|v| v.lemma), Some("say"));
        assert!(reporting_verb("urging").is_some_and(|v| v.progressive && !v.invertible));
        assert!(reporting_verb("Said").is_none());
        assert!(reporting_verb("sent").is_none());
    }

    #[test]
    fn titles_roles_and_modifiers() {
        assert_eq!(title_role("Gen."), Some("general"));
        assert_eq!(title_role("Mr."), Some(""));
        assert_eq!(title_role("Kastrel"), None);
        assert_eq!(role_noun("advisor"), Some("adviser"));
        assert!(is_title_modifier("Foreign") && is_title_modifier("lt."));
    }

    #[test]
    fn between_words() {
        assert!(is_between("reportedly") && is_between("has") && !is_between("not") && !is_between("Italy"));
    }

    #[test]
    fn lists_are_sorted_out() {
        // No entry is listed twice with different meanings.
        for (i, (title, _)) in TITLES.iter().enumerate() {
            assert!(!TITLES[i + 1..].iter().any(|(t, _)| t == title), "{title}");
        }
        for (i, (lemma, _, _)) in VERBS.iter().enumerate() {
            assert!(!VERBS[i + 1..].iter().any(|(l, _, _)| l == lemma), "{lemma}");
        }
    }
}
