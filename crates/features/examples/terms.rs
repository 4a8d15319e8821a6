//! Prints the terms the default analyzer makes of a text: `cargo run -p stance-features --example terms -- "TEXT"`.

use stance_features::{Analyzer, AnalyzerConfig};

fn main() -> Result<(), stance_features::FeatureError> {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let analyzer = Analyzer::new(AnalyzerConfig::default())?;
    for term in analyzer.terms(&text) {
        println!("{term}");
    }
    Ok(())
}
