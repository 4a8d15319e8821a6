//! Analyzes an article with a stance and a sentiment model and writes the HTML page.
//!
//! ```text
//! cargo run -p stance-article --example analyze -- \
//!     models/stance.model models/sentiment.model article.txt /tmp/article.html
//! ```
//!
//! Prints the text rendering to stdout; with a fifth argument `json`, prints JSON instead.

use std::path::Path;
use std::process::ExitCode;

use stance_model::Classifier;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [stance, sentiment, article, html, rest @ ..] = args.as_slice() else {
        eprintln!("usage: analyze STANCE.model SENTIMENT.model ARTICLE.txt OUT.html [json]");
        return ExitCode::from(2);
    };
    let run = || -> Result<(), Box<dyn std::error::Error>> {
        let stance = Classifier::load(Path::new(stance))?;
        let sentiment = Classifier::load(Path::new(sentiment))?;
        let text = std::fs::read_to_string(article).map_err(|e| format!("{article}: {e}"))?;
        let analysis = stance_article::analyze(&text, &stance, &sentiment);
        std::fs::write(html, analysis.to_html()).map_err(|e| format!("{html}: {e}"))?;
        if rest.first().map(String::as_str) == Some("json") {
            println!("{}", analysis.to_json());
        } else {
            print!("{}", analysis.to_text());
        }
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
