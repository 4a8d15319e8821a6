//! Colours for stance labels: tints of the Okabe–Ito palette, distinguishable with the common
//! colour-vision deficiencies, plus a border style per label so that colour is never the only cue.

/// How one label is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Swatch {
    /// Background tint of a sentence.
    pub tint: &'static str,
    /// Stronger colour for the underline and legend border.
    pub strong: &'static str,
    /// CSS border style of the underline.
    pub border: &'static str,
}

const ORANGE: Swatch = Swatch {
    tint: "#f8dfa8",
    strong: "#b36b00",
    border: "solid",
};
const BLUE: Swatch = Swatch {
    tint: "#c4e3f7",
    strong: "#0072b2",
    border: "dashed",
};
const GREY: Swatch = Swatch {
    tint: "#e6e6e6",
    strong: "#6b6b6b",
    border: "dotted",
};
const OTHERS: [Swatch; 3] = [
    Swatch {
        tint: "#b9e6d6",
        strong: "#009e73",
        border: "double",
    },
    Swatch {
        tint: "#f2dcea",
        strong: "#cc79a7",
        border: "solid",
    },
    Swatch {
        tint: "#f9f3b5",
        strong: "#8a7f00",
        border: "dashed",
    },
];

/// The swatch of `label`, the `index`-th label of the model (sorted): the default stance labels
/// get fixed colours, other label sets take colours in order.
pub(super) fn swatch(label: &str, index: usize, neutral: &str) -> Swatch {
    match label {
        "military" => ORANGE,
        "negotiation" => BLUE,
        _ if label == neutral => GREY,
        _ => [ORANGE, BLUE].into_iter().chain(OTHERS).nth(index % 5).unwrap_or(GREY),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_labels_have_distinct_swatches() {
        let labels = ["military", "negotiation", "neutral"];
        let swatches: Vec<Swatch> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| swatch(l, i, "neutral"))
            .collect();
        assert_ne!(swatches[0], swatches[1]);
        assert_ne!(swatches[1], swatches[2]);
        assert_ne!(swatches[0].border, swatches[1].border);
        assert_eq!(swatch("neutral", 7, "neutral"), GREY);
    }
}
