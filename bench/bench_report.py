"""BENCHMARKS.md from bench/out/results.json (written by bench.py; standard library only)."""

import json
from pathlib import Path

DATASETS = {"rt": "rt-polarity: fixed 10-fold CV (`folds.tsv`, fold = row mod 10), mean accuracy over folds",
            "imdb": "IMDB: train on `train.tsv.gz` (25,000), evaluate on `test.tsv.gz` (25,000)"}


def f2(x):
    return "–" if x is None else f"{x:.2f}"


def mib(kb):
    return kb / 1024


def ratio(a, b):
    return None if not a or not b else a / b


def by_key(res):
    return {s["key"]: s for s in res["systems"]}


def measured(s):
    return "wall" in s


def status_cell(s):
    if s.get("unavailable"):
        return f"not installed: {s['unavailable']}"
    if s.get("error"):
        return f"failed: {s['error']}"
    return None


def system_table(res, ds, published):
    work = res["work"][ds]
    systems = by_key(res)
    rows = [
        "| system | features / flags | accuracy % | W&M 2012 % | wall s | CPU s | peak RSS MiB "
        "| docs/s | MB text/s | stance ÷ peer, time | stance ÷ peer, RSS |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for s in res["systems"]:
        if s["dataset"] != ds:
            continue
        pub = published[ds].get(s["published"]) if s.get("published") else None
        pub_cell = f"{pub:.2f} ({s['published']})" if pub else ""
        bad = status_cell(s)
        if bad or not measured(s):
            rows.append(f"| {s['name']} | {s['features']} | {bad or 'not run'} | {pub_cell} "
                        "| | | | | | | |")
            continue
        t_ratio = m_ratio = ""
        if s["family"] != "stance" and s.get("pair") in systems and measured(systems[s["pair"]]):
            ours = systems[s["pair"]]
            t_ratio = f"{ratio(ours['wall'], s['wall']):.2f}×"
            m_ratio = f"{ratio(ours['rss_kb'], s['rss_kb']):.2f}×"
        name = f"**{s['name']}**" if s["family"] == "stance" else s["name"]
        rows.append(
            f"| {name} | {s['features']} | {s['accuracy']:.2f} | {pub_cell} | {s['wall']:.2f} "
            f"| {s['cpu']:.2f} | {mib(s['rss_kb']):.0f} | {work['docs'] / s['wall']:,.0f} "
            f"| {work['bytes'] / 1e6 / s['wall']:.2f} | {t_ratio} | {m_ratio} |")
    return rows


def goals(res, published, g):
    systems = by_key(res)
    out = ["| goal | measured (this run) | status |", "|---|---|---|"]

    def mark(ok):
        return "**met**" if ok else "**not met**"

    def row(goal, text, ok):
        out.append(f"| {goal} | {text} | {'not measured' if ok is None else mark(ok)} |")

    imdb = [s for s in res["systems"] if s["dataset"] == "imdb" and s["family"] == "stance" and measured(s)]
    if imdb:
        best = max(imdb, key=lambda s: s["accuracy"])
        row(f"IMDB ≥ {g['imdb']:.1f} % with a naive Bayes model",
            f"{best['accuracy']:.2f} % (`{best['features']}`, flags chosen by `stance tune` on train only)",
            best["accuracy"] >= g["imdb"])
    else:
        row(f"IMDB ≥ {g['imdb']:.1f} %", "no stance IMDB run", None)
    nested = res.get("rt_nested")
    fixed = [s for s in res["systems"] if s["dataset"] == "rt" and s["family"] == "stance" and measured(s)]
    fixed_text = ", ".join(f"`{s['features']}` {s['accuracy']:.2f} %" for s in fixed)
    row(f"rt-polarity ≥ {g['rt']:.1f} % with a naive Bayes model",
        f"nested-tuned {nested['accuracy']:.2f} % (fixed flags: {fixed_text})",
        nested["accuracy"] >= g["rt"])

    pairs = [(ds, n) for ds in ("rt", "imdb") for n in ("uni", "bi")]

    def pair_row(goal, peer, value, test, show):
        parts, oks = [], []
        for ds, n in pairs:
            ours, theirs = systems.get(f"{ds}-stance-{n}"), systems.get(f"{ds}-{peer}-{n}")
            if not ours or not theirs or not measured(ours) or not measured(theirs):
                parts.append(f"{ds} {n}: not measured")
                continue
            v = value(ours, theirs)
            oks.append(test(v))
            parts.append(f"{ds} {n}: {show(v, ours, theirs)}")
        row(goal, "; ".join(parts), all(oks) if oks and len(oks) == len(pairs) else (False if oks and not all(oks) else None))

    pair_row("never below sklearn MNB on the same n-grams", "sk-mnb",
             lambda o, t: o["accuracy"] - t["accuracy"], lambda v: v >= 0,
             lambda v, o, t: f"{o['accuracy']:.2f} vs {t['accuracy']:.2f}")
    pair_row(f"≥ {g['speedup']:.0f}× faster than the sklearn MNB pipeline, whole process", "sk-mnb",
             lambda o, t: t["wall"] / o["wall"], lambda v: v >= g["speedup"],
             lambda v, o, t: f"{v:.2f}× ({o['wall']:.2f} s vs {t['wall']:.2f} s)")
    pair_row("faster than Vowpal Wabbit, whole process", "vw",
             lambda o, t: t["wall"] / o["wall"], lambda v: v > 1,
             lambda v, o, t: f"{v:.2f}× ({o['wall']:.2f} s vs {t['wall']:.2f} s)")
    pair_row(f"peak memory ≤ 1/{1 / g['memory']:.0f} of sklearn MNB's", "sk-mnb",
             lambda o, t: o["rss_kb"] / t["rss_kb"], lambda v: v <= g["memory"],
             lambda v, o, t: f"{v:.2f} ({mib(o['rss_kb']):.0f} vs {mib(t['rss_kb']):.0f} MiB)")
    return out


def render_markdown(res, published, g):
    m, v = res["machine"], res["versions"]
    L = [
        "# Benchmarks",
        "",
        "<!-- Generated by bench/run.sh (bench/bench.py, bench/bench_report.py): do not edit by hand. -->",
        "",
        f"Generated by `{res['command']}` on {res['started']}, in {res['elapsed'] / 60:.1f} min; "
        f"{res['runs']} timed run(s) per system"
        + (" (quick mode: 1 run, no scaling study)" if res["quick"] else "") + ". "
        "Every figure below, and every ratio, comes from this one run, on the same splits.",
        "",
        "## Goals",
        "",
    ]
    L += goals(res, published, g)
    L += [
        "",
        "Speed and memory goals are checked pair by pair: each stance row against the peer with the "
        "same n-gram range (rt-polarity: our fixed flags; IMDB: the flags tuned on train).",
        "",
    ]
    for ds in ("rt", "imdb"):
        L += [f"## {DATASETS[ds]}", ""]
        L += system_table(res, ds, published)
        w = res["work"][ds]
        L += ["", f"Work per whole process: {w['docs']:,} documents (trained on + predicted), "
                  f"{w['bytes'] / 1e6:.1f} MB of text; docs/s and MB text/s divide it by the wall time.", ""]
        if ds == "rt":
            L += nested_section(res["rt_nested"])
        else:
            L += tune_section(res["imdb_tune"])

    imp = res.get("sklearn_import", {})
    L += ["## Cost of importing scikit-learn", ""]
    if measured(imp):
        mnb = [s for s in res["systems"] if s["key"].startswith(("rt-sk-mnb", "imdb-sk-mnb")) and measured(s)]
        share = ", ".join(f"{s['dataset']} {s['features']}: {100 * imp['wall'] / s['wall']:.0f} %" for s in mnb)
        L += [f"`python peer_sklearn.py --import-only` (imports numpy, scikit-learn's CountVectorizer, "
              f"MultinomialNB, ComplementNB, LogisticRegression, then exits): **{imp['wall']:.2f} s wall, "
              f"{imp['cpu']:.2f} s CPU, {mib(imp['rss_kb']):.0f} MiB peak RSS**. It is included in every "
              f"scikit-learn row above; its share of the MNB pipelines' wall time: {share}.", ""]
        systems = by_key(res)
        parts = []
        for s in mnb:
            ours = systems.get(s["pair"])
            if ours and measured(ours) and s["wall"] > imp["wall"]:
                parts.append(f"{s['dataset']} {s['features']}: {(s['wall'] - imp['wall']) / ours['wall']:.2f}×")
        if parts:
            L += ["Speed-up of stance over the MNB pipelines if the import were free (peer wall minus "
                  "import wall, divided by stance's wall): " + ", ".join(parts) + ".", ""]
    else:
        L += [status_cell(imp) or "not measured", ""]

    if res.get("scaling"):
        L += scaling_section(res["scaling"])

    python_figures = Path(__file__).parent / "out" / "python_predict.json"
    if python_figures.exists():
        L += python_predict_section(json.loads(python_figures.read_text()))

    L += ["## Commands", "", f"The whole run: `{res['command']}` "
          "(`--quick`: 1 run instead of 3, no scaling study; the datasets from the first argument, "
          "else `$STANCE_DATASETS`, else `../shared/datasets`). `$DATA` below is that folder, `$TMP` a temporary folder.", ""]
    for s in res["systems"] + [imp]:
        if not s:
            continue
        L.append(f"- {s['name']} ({s['dataset']}, {s['features'] or 'import only'}):")
        for c in s["commands"]:
            L.append(f"  `{c}`")
    L += ["", f"IMDB tuning: `{res['imdb_tune']['command']}`", "",
          "rt-polarity nested tuning, for each fold k (bench/bench.py `nested_rt`): the nine other "
          "folds are written to a temporary TSV, then "
          f"`stance tune TRAIN.tsv --grid '{res['rt_nested']['grid']}' --folds {res['rt_nested']['inner_folds']} "
          "--metric accuracy --format json`, `stance train TRAIN.tsv --compact BEST FLAGS`, "
          "`stance eval -m MODEL FOLD_k.tsv --format json`.", ""]

    L += method_notes()
    L += ["## Machine and versions", "",
          f"- {m['nproc']} CPUs (`nproc`), {m['cpu']} (/proc/cpuinfo), {m['mem_gib']:.1f} GiB memory, "
          f"Linux {m['kernel']}",
          f"- load average (1, 5, 15 min) at the start {', '.join(f'{x:.2f}' for x in m['loadavg'])}; "
          f"at the end {', '.join(f'{x:.2f}' for x in m.get('loadavg_end', []))} (a shared machine: "
          "ratios are only quoted within one run)"]
    for k, val in v.items():
        L.append(f"- {k}: {val}")
    for name, st in res["venv_status"].items():
        if st:
            L.append(f"- {name}: {st}")
    L.append("")
    return "\n".join(L)


def nested_section(n):
    L = [f"### rt-polarity, nested tuning: **{n['accuracy']:.2f} %**", "",
         f"For each fold k, `stance tune` saw only the nine training folds (grid `{n['grid']}`, "
         f"{n['inner_folds']} stratified inner folds, ranked by accuracy); the best flags were trained "
         f"on those nine folds and evaluated once on fold k. Whole procedure: {n['wall']:.0f} s.", "",
         "| fold | chosen flags | inner CV % | fold k % |", "|---|---|--:|--:|"]
    for f in n["folds"]:
        L.append(f"| {f['fold']} | `{f['flags']}` | {f['inner_cv']:.2f} | {f['accuracy']:.2f} |")
    L.append("")
    return L


def tune_section(t):
    L = [f"### IMDB, flags chosen on train only", "",
         f"`stance tune` on `train.tsv.gz` (grid `{t['grid']}`, {t['folds']} stratified folds, ranked by "
         f"accuracy): {t['wall']:.0f} s wall, {mib(t['rss_kb']):.0f} MiB peak RSS. The test file was never "
         "seen. The best setting of each n-gram range is the tuned row of that range above"
         + ("; 1..3-grams beat 1..2-grams in CV, so they have a row too." if t["tri_helps"]
            else "; 1..3-grams did not beat 1..2-grams in CV, so they have no row.") , "",
         "| rank | settings | CV accuracy % (± std) |", "|--:|---|--:|"]
    for i, r in enumerate(t["ranking"], 1):
        s = ", ".join(f"{k}={v}" for k, v in sorted(r["settings"].items()))
        L.append(f"| {i} | {s} | {r['cv']:.2f} ± {r['std']:.2f} |")
    L.append("")
    return L


def scaling_section(sc):
    pts = sc["points"]
    L = ["## How our time and memory grow with the IMDB training set", "",
         f"`stance train` (flags `{sc['flags']}`, the tuned bigram row) on 25 %, 50 % (every 4th / 2nd "
         "row, written to temporary .tsv.gz files) and 100 % of train.tsv.gz, then `stance eval` on all "
         "of test.tsv.gz; medians of the timed runs (100 %: the measurement of the IMDB table).", "",
         "| training set | docs | MB text | train wall s | train RSS MiB | eval wall s | eval RSS MiB "
         "| accuracy % | train s per MB |", "|---|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for p in pts:
        L.append(f"| {p['fraction']:.0%} | {p['docs']:,} | {p['bytes'] / 1e6:.1f} | {p['train']['wall']:.2f} "
                 f"| {mib(p['train']['rss_kb']):.0f} | {p['eval']['wall']:.2f} | {mib(p['eval']['rss_kb']):.0f} "
                 f"| {p['accuracy']:.2f} | {p['train']['wall'] / (p['bytes'] / 1e6):.3f} |")
    if len(pts) >= 2:
        a, b = pts[0], pts[-1]
        L += ["", f"From {a['fraction']:.0%} to {b['fraction']:.0%} of the data ({b['docs'] / a['docs']:.1f}× "
                  f"the documents): training time ×{b['train']['wall'] / a['train']['wall']:.2f}, training peak "
                  f"RSS ×{b['train']['rss_kb'] / a['train']['rss_kb']:.2f}."]
    L.append("")
    return L


def method_notes():
    return [
        "## How it is measured", "",
        "- **Whole process**: each system is timed from process start to exit, reading the data files "
        "included: `stance cv` (one process) on rt-polarity; `stance train --compact` then `stance eval` "
        "(two processes: times added, peak RSS the larger) on IMDB; one Python process per peer that reads "
        "the files, trains, predicts and scores (peer_*.py). Wall time by the driver, CPU time (user + "
        "system) and peak RSS by `/usr/bin/time -v`. Median of the runs; the runs are interleaved (every "
        "system once, then again) so that the machine's noise falls on all of them alike.",
        "- **stance ÷ peer**: the median wall time (or peak RSS) of the stance row with the same n-gram "
        "range (fastText defaults: unigrams; fastText wordNgrams=2: 1..2) divided by the peer's: below 1, "
        "stance is faster (smaller).",
        "- **Threads**: stance uses one worker per CPU (its default); scikit-learn is single-threaded; "
        "fastText runs its default thread count (CPUs - 1); VW learns on one thread. CPU s shows the "
        "total work.",
        "- **Features**: stance rows use stance's own analysis (UAX #29 words, English stemming, negation "
        "marking, numbers as `<num>`, unless the flags say otherwise). The scikit-learn rows all use "
        "CountVectorizer's defaults (lower-case, words of 2+ word characters). VW and fastText get the text "
        "as it is, split on whitespace, in their own input formats (VW: `|` and `:` replaced by spaces).",
        "- **NBSVM**: Wang & Manning (2012): binarized n-gram features scaled by the log-count ratio r "
        "(alpha = 1), L2-regularized logistic regression (liblinear, C = 1, as mesnilgr/nbsvm), "
        "interpolation w' = (1 - beta) mean|w| + beta w with beta = 0.25.",
        "- **ComplementNB** with two classes decides as MultinomialNB does on balanced data: equal "
        "accuracies are expected, not a bug.",
        "- **Online learners** (VW, fastText) get the training documents in a seeded random order: the "
        "files list every `pos` document before the `neg` ones.",
        "- **Published baselines** (W&M 2012, as printed in sidaw/nbsvm) used their own tokenization, "
        "binarized MNB features and, on rt-polarity, their own CV split: comparable only approximately.",
        "",
    ]


def python_predict_section(f):
    """The section of bench/python_predict.py's figures (bench/out/python_predict.json)."""
    m, fit, acc = f["median_seconds"], f["fit_seconds"], f["accuracy"]
    return [
        "## Python: predict_proba on IMDB test",
        "",
        f"One Python process (`bash bench/python_predict.sh`, on {f.get('measured', 'an unrecorded date')}, "
        "apart from the run above; bench/run.sh runs it too): both fitted on IMDB train, then "
        f"`predict_proba` on the {f['texts']:,} test reviews held in memory as a list of str, the two "
        f"interleaved, median of {f['repeats']}.",
        "",
        "| system | predict_proba | fit | accuracy |",
        "|---|--:|--:|--:|",
        f"| stance (Python package), `stance.train(texts, labels, ngrams=\"1..2\")` | {m['stance']:.2f} s "
        f"| {fit['stance']:.1f} s | {acc['stance'] * 100:.2f} % |",
        f"| scikit-learn `Pipeline(CountVectorizer(ngram_range=(1, 2)), MultinomialNB())` | "
        f"{m['sklearn']:.2f} s | {fit['sklearn']:.1f} s | {acc['sklearn'] * 100:.2f} % |",
        "",
        f"**stance is {f['ratio']:.1f}x faster** at predict_proba (scikit-learn's median over stance's). "
        f"Python {f['versions']['python']}, scikit-learn {f['versions']['scikit-learn']}, "
        f"numpy {f['versions']['numpy']}.",
        "",
    ]
