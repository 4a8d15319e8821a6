//! Small classifiers trained inline on passages written for these tests, and the articles the
//! tests read. Every conflict, place and person here is invented.

#![allow(dead_code)]

use linfa::ParamGuard;
use stance_features::FeatureConfig;
use stance_model::{Classifier, NaiveBayesParams};

const STANCE: &[(&str, &str)] = &[
    (
        "The army must launch a full offensive and crush the rebels in the valley.",
        "military",
    ),
    (
        "Troops shelled rebel positions overnight and air strikes hit their camps.",
        "military",
    ),
    (
        "We will crush the insurgents and our troops will not stop until they surrender.",
        "military",
    ),
    (
        "The general vowed to fight on and ordered more troops to the front.",
        "military",
    ),
    ("Commanders demanded air strikes on the rebel strongholds.", "military"),
    (
        "The offensive begins at dawn, and our soldiers are ready to attack.",
        "military",
    ),
    (
        "There will be no talks with terrorists; only force will defeat them.",
        "military",
    ),
    (
        "Rebel fighters rejected the talks and vowed to keep fighting.",
        "military",
    ),
    (
        "The minister ordered a crackdown and raids on militant hideouts.",
        "military",
    ),
    (
        "Artillery pounded the town as the assault on the rebel fortress continued.",
        "military",
    ),
    ("Tanks rolled into the hills to attack the insurgent bases.", "military"),
    (
        "Warplanes bombed the camps and troops stormed the villages.",
        "military",
    ),
    (
        "Both sides must return to peace talks and agree a ceasefire.",
        "negotiation",
    ),
    (
        "The mediator urged dialogue and a negotiated settlement to end the war.",
        "negotiation",
    ),
    (
        "Envoys met for a new round of peace negotiations in the capital.",
        "negotiation",
    ),
    (
        "A ceasefire is the only way forward, and both sides should sit down and negotiate.",
        "negotiation",
    ),
    (
        "The government offered an amnesty and invited rebel leaders to talks.",
        "negotiation",
    ),
    ("Diplomats brokered a truce and a prisoner exchange.", "negotiation"),
    ("Dialogue is the only path to peace, the envoy said.", "negotiation"),
    (
        "The two sides agreed to resume talks next week under the mediation of the envoy.",
        "negotiation",
    ),
    (
        "Negotiators drafted a peace deal and a timetable for disarmament.",
        "negotiation",
    ),
    (
        "The council called for restraint, diplomacy and an immediate ceasefire.",
        "negotiation",
    ),
    (
        "Leaders pledged reconciliation and promised to respect the truce.",
        "negotiation",
    ),
    (
        "Talks could resume soon if both parties accept the mediator's plan.",
        "negotiation",
    ),
    ("Heavy rain fell on the capital and flooded several streets.", "neutral"),
    (
        "The city hosted a trade fair attended by thousands of visitors.",
        "neutral",
    ),
    (
        "Elections are due next spring, the electoral commission said.",
        "neutral",
    ),
    ("The central bank kept interest rates unchanged.", "neutral"),
    ("A new bridge over the river opened to traffic on Tuesday.", "neutral"),
    ("The football team won its third match of the season.", "neutral"),
    ("Schools reopened after the summer holidays.", "neutral"),
    ("The museum unveiled a collection of ancient coins.", "neutral"),
    ("Farmers expect a good harvest after a mild winter.", "neutral"),
    (
        "The tone of the speeches had changed by the end of the week.",
        "neutral",
    ),
    ("The report was published on Friday.", "neutral"),
    ("Officials counted the votes late into the night.", "neutral"),
];

const SENTIMENT: &[(&str, &str)] = &[
    ("Hope returned as the talks made real progress.", "positive"),
    ("Residents celebrated the ceasefire with relief and joy.", "positive"),
    ("The agreement was welcomed as a historic success.", "positive"),
    (
        "Leaders praised the peace deal and the spirit of reconciliation.",
        "positive",
    ),
    ("The harvest was excellent and markets recovered.", "positive"),
    ("Both sides hailed the breakthrough.", "positive"),
    ("The shelling killed dozens and destroyed homes.", "negative"),
    ("We will crush the rebels, the angry minister warned.", "negative"),
    ("The talks collapsed amid bitter accusations.", "negative"),
    ("Fear spread as fighting raged and civilians fled.", "negative"),
    ("The attack was condemned as a brutal massacre.", "negative"),
    ("Floods ruined crops and left families homeless.", "negative"),
    ("The meeting is scheduled for Monday.", "neutral"),
    ("The report was published on Friday.", "neutral"),
    ("The delegation travelled to the capital.", "neutral"),
    ("Officials counted the votes.", "neutral"),
    ("The minister spoke to reporters.", "neutral"),
    ("The conference will take place in the spring.", "neutral"),
];

/// A stance and a sentiment classifier trained on the passages above.
pub fn classifiers() -> (Classifier, Classifier) {
    let params = NaiveBayesParams::new().check().expect("valid parameters");
    let stance = Classifier::train(FeatureConfig::default(), &params, STANCE).expect("stance model");
    let sentiment = Classifier::train(FeatureConfig::default(), &params, SENTIMENT).expect("sentiment model");
    (stance, sentiment)
}

/// A defence minister demanding an offensive and a mediator urging talks: titles, an appositive,
/// a quotation over three sentences, `he`/`she`, a surname, a role, abbreviations and decimals.
pub const STANDOFF: &str = "Vardan Minister Demands Offensive as Mediator Urges Talks

Vardan's Defence Minister Oren Kastrel has demanded that the army launch a full offensive against Dastani rebels in the Kell valley. The U.N. envoy, Dr. Lina Ferro, urged both sides to return to peace talks in St. Aubin on Jan. 5.

“We will crush the rebels. Our troops are ready. The offensive begins at dawn,” Kastrel told reporters on Monday. He said air strikes would hit the rebel camps within 3.5 hours.

Ferro, the chief mediator, argues that only dialogue can end the war. “A ceasefire is the only way forward,” she said. “Both sides must sit down and negotiate.”

The mediator said talks could resume next week.

Rebel commander Gen. Isak Morn rejected the talks and vowed to fight on.

Heavy rain fell on the capital on Tuesday.
";

/// A general who vows to crush the insurgents, then calls for a ceasefire.
pub const CHANGE_OF_HEART: &str = "General Softens Line on Rebels

Army chief Gen. Tomas Reyk vowed on Monday to crush the insurgents in the northern hills. “There will be no talks with terrorists,” Reyk said.

By Friday the tone of the speeches had changed. Reyk called for a ceasefire and said he was ready for peace talks with rebel leaders. “Dialogue is now the only path,” the general said.
";

/// Unnamed sources, a pronoun after them, and a shared surname: no speaker to be had.
pub const UNNAMED: &str =
    "Officials said the talks had stalled. A rebel spokesman said the fighters would not disarm. \
“We will defend our villages,” he said.

Anna Brel and Piet Brel both attended the summit. Brel said the summit went well.";
