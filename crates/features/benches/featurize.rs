//! Featurization throughput (MB of text per second) on IMDB reviews from `../shared/datasets`.
//!
//! Run: `cargo bench -p stance-features --bench featurize`. Skipped, with a message, when the
//! data set is absent. `bench/featurize.sh` runs scikit-learn on the same text for a ratio.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use flate2::read::GzDecoder;
use stance_features::{AnalyzerConfig, FeatureConfig, Featurizer, NgramRange};

/// The IMDB training texts, or `None` when the shared data sets are not there.
fn imdb_texts() -> Option<Vec<String>> {
    let dir = std::env::var_os("STANCE_DATASETS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/datasets"));
    let file = std::fs::File::open(dir.join("imdb/train.tsv.gz")).ok()?;
    let lines = BufReader::new(GzDecoder::new(file)).lines().skip(1);
    Some(
        lines
            .map_while(Result::ok)
            .filter_map(|l| l.split_once('\t').map(|(_, t)| t.to_string()))
            .collect(),
    )
}

fn bench(c: &mut Criterion) {
    let Some(texts) = imdb_texts() else {
        eprintln!(
            "skipping the featurize benchmark: ../shared/datasets/imdb/train.tsv.gz not found (set STANCE_DATASETS)"
        );
        return;
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("featurize_imdb_train");
    group.sample_size(10).throughput(Throughput::Bytes(bytes as u64));
    for (name, ngrams) in [
        ("unigrams_stemmed", NgramRange { min: 1, max: 1 }),
        ("1to2grams_stemmed", NgramRange { min: 1, max: 2 }),
    ] {
        let config = FeatureConfig {
            analyzer: AnalyzerConfig {
                ngrams,
                ..AnalyzerConfig::default()
            },
            ..FeatureConfig::default()
        };
        group.bench_function(format!("fit_{name}"), |b| {
            b.iter(|| Featurizer::fit(config.clone(), &texts).unwrap())
        });
        let featurizer = Featurizer::fit(config, &texts).unwrap();
        group.bench_function(format!("transform_{name}"), |b| b.iter(|| featurizer.transform(&texts)));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
