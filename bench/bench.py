#!/usr/bin/env python3
"""The benchmark driver behind bench/run.sh (standard library only).

Runs the release `stance` binary and the peers (scikit-learn MNB / CNB / NBSVM, Vowpal Wabbit,
fastText) on the same splits, in the same run, each as a whole process under `/usr/bin/time -v`:

  rt-polarity  fixed 10-fold CV (folds.tsv): `stance cv --folds-file` with fixed flags, each peer
               over the same folds; and nested tuning: for each fold k, `stance tune` on the nine
               training folds only, then `stance train` / `stance eval` on fold k.
  imdb         train.tsv.gz -> test.tsv.gz: our flags chosen by `stance tune` on train.tsv.gz only;
               `stance train` + `stance eval`; each peer trains and predicts in one process; and how
               our time and memory grow with 25 %, 50 %, 100 % of the training set.

Timed runs are interleaved (every system once, then again), the median of --runs is reported, and
every ratio is between two medians of this run. Results go to bench/out/results.json (no dataset
text in it) and BENCHMARKS.md is rendered from them (`--render-only` re-renders).
"""
import argparse
import datetime
import gzip
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
STANCE = ROOT / "target" / "release" / "stance"
OUT = BENCH / "out"
RESULTS = OUT / "results.json"
MARKDOWN = ROOT / "BENCHMARKS.md"

# The grids `stance tune` searches, ranked by accuracy (the metric reported). variant is not in
# them: with two classes complement NB scores each class with the other class's statistics,
# negated, so it decides as multinomial NB with uniform priors, and both datasets are balanced:
# it would double the tuning time for nothing.
RT_GRID = "ngrams=1..1,1..2;alpha=0.1,0.3,0.5,1;weighting=count,binary"
RT_TUNE_FOLDS = 5
IMDB_GRID = "ngrams=1..1,1..2,1..3;alpha=0.5,1;weighting=count,binary"
IMDB_TUNE_FOLDS = 3
# Fixed flags of the rt-polarity CV runs: the defaults (stance-features / stance-model), n-grams set.
RT_FIXED = {"uni": ["--ngrams", "1..1"], "bi": ["--ngrams", "1..2"]}
SCALING = [0.25, 0.5, 1.0]

# Wang & Manning (2012), read in sidaw/nbsvm (README.md, src/results.txt).
PUBLISHED = {
    "rt": {"MNB-uni": 77.94, "MNB-bi": 79.03, "NBSVM-uni": 78.05, "NBSVM-bi": 79.38},
    "imdb": {"MNB-uni": 83.55, "MNB-bi": 86.59, "NBSVM-uni": 88.29, "NBSVM-bi": 91.22},
}
GOAL_IMDB, GOAL_RT, GOAL_SPEEDUP, GOAL_MEMORY = 88.0, 79.5, 10.0, 0.25


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Data (read by the driver only to count documents and bytes, and to write temporary splits)


def read_tsv(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="\n") as f:
        header = f.readline().rstrip("\n").split("\t")
        li, ti = header.index("label"), header.index("text")
        rows = []
        for line in f:
            fields = line.rstrip("\n").split("\t", len(header) - 1)
            rows.append((fields[li], fields[ti]))
    return rows


def read_folds(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        ri, fi = header.index("row"), header.index("fold")
        return {int(r[ri]): r[fi] for r in (line.rstrip("\n").split("\t") for line in f)}


def write_tsv(path, rows):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8", newline="\n") as f:
        f.write("label\ttext\n")
        for label, text in rows:
            f.write(f"{label}\t{text}\n")


def text_bytes(rows):
    return sum(len(t.encode("utf-8")) for _, t in rows)


# ---------------------------------------------------------------------------------------------
# Running and measuring


def peer_env():
    # OpenBLAS core-type overrides slow a current numpy down; a benchmark runs without them.
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # no __pycache__ in bench/
    return env


def run_timed(cmd, tmp, env=None, cwd=None):
    """One process under /usr/bin/time -v: wall (perf_counter), user+sys CPU, peak RSS, stdout."""
    tfile = Path(tmp) / "time-v.txt"
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", "-o", str(tfile)] + [str(c) for c in cmd],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
    wall = time.perf_counter() - start
    stats = {}
    for line in tfile.read_text().splitlines():
        key, _, value = line.strip().rpartition(": ")
        stats[key] = value
    if p.returncode != 0:
        last = (p.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise RuntimeError(f"exit {p.returncode}: {last[:300]}")
    return {
        "wall": wall,
        "cpu": float(stats["User time (seconds)"]) + float(stats["System time (seconds)"]),
        "rss_kb": int(stats["Maximum resident set size (kbytes)"]),
        "stdout": p.stdout,
    }


def last_json(stdout):
    return json.loads(stdout.strip().splitlines()[-1])


class System:
    """A row of the tables: one or more commands run in sequence as one measurement."""

    def __init__(self, key, dataset, name, features, commands, accuracy, pair=None, env=None,
                 cwd=None, unavailable=None, published=None, family="peer"):
        self.key, self.dataset, self.name, self.features = key, dataset, name, features
        self.commands, self.accuracy_of, self.pair = commands, accuracy, pair
        self.env, self.cwd, self.unavailable, self.published = env, cwd, unavailable, published
        self.family = family
        self.runs, self.error = [], None

    def measure(self, tmp):
        total = {"wall": 0.0, "cpu": 0.0, "rss_kb": 0, "steps": []}
        for cmd in self.commands:
            m = run_timed(cmd, tmp, env=self.env, cwd=self.cwd)
            total["wall"] += m["wall"]
            total["cpu"] += m["cpu"]
            total["rss_kb"] = max(total["rss_kb"], m["rss_kb"])
            total["steps"].append({k: m[k] for k in ("wall", "cpu", "rss_kb")})
            out = m["stdout"]
        total["accuracy"] = self.accuracy_of(out)
        self.runs.append(total)

    def result(self):
        r = {"key": self.key, "dataset": self.dataset, "name": self.name, "family": self.family,
             "features": self.features, "pair": self.pair, "published": self.published,
             "commands": [display(c) for c in self.commands], "runs": self.runs}
        if self.unavailable:
            r["unavailable"] = self.unavailable
        if self.error:
            r["error"] = self.error
        if self.runs:
            for k in ("wall", "cpu", "rss_kb"):
                r[k] = statistics.median(run[k] for run in self.runs)
            accuracies = [run["accuracy"] for run in self.runs if run["accuracy"] is not None]
            r["accuracy"] = statistics.median(accuracies) if accuracies else None
            r["steps"] = [
                {k: statistics.median(run["steps"][i][k] for run in self.runs)
                 for k in ("wall", "cpu", "rss_kb")}
                for i in range(len(self.commands))
            ]
        return r


DISPLAY = {}  # path prefix -> how it is shown in BENCHMARKS.md


def display(cmd):
    words = []
    for c in cmd:
        c = str(c)
        for prefix, shown in DISPLAY.items():
            c = c.replace(prefix, shown)
        words.append(c)
    return " ".join(shlex.quote(w) if w != "$DATA" and not w.startswith("$") else w for w in words)


def stance_acc_cv(out):
    return 100 * json.loads(out)["mean"]["accuracy"]


def stance_acc_eval(out):
    return 100 * json.loads(out)["accuracy"]


def peer_acc(out):
    return 100 * last_json(out)["accuracy"]


# ---------------------------------------------------------------------------------------------
# Tuning


def tune(train_file, grid, folds, tmp, out_json):
    cmd = [STANCE, "tune", train_file, "--grid", grid, "--folds", str(folds), "--metric",
           "accuracy", "--format", "json", "-q", "-o", out_json]
    m = run_timed(cmd, tmp)
    ranking = json.loads(Path(out_json).read_text())["ranking"]
    return m, ranking, cmd


def settings_flags(settings):
    flags = []
    for key in ("ngrams", "alpha", "weighting"):
        flags += [f"--{key}", str(settings[key])]
    return flags


def nested_rt(all_rows, folds, tmp):
    """For each fold k: tune on the other nine folds only, train on them with the best flags,
    evaluate on fold k."""
    per_fold = []
    start = time.perf_counter()
    for k in sorted(set(folds.values()), key=lambda v: (len(v), v)):
        train = [row for i, row in enumerate(all_rows) if folds[i] != k]
        test = [row for i, row in enumerate(all_rows) if folds[i] == k]
        train_file, test_file = Path(tmp) / "nested-train.tsv", Path(tmp) / "nested-test.tsv"
        model = Path(tmp) / "nested.model"
        write_tsv(train_file, train)
        write_tsv(test_file, test)
        _, ranking, _ = tune(train_file, RT_GRID, RT_TUNE_FOLDS, tmp, Path(tmp) / "nested-tune.json")
        best = ranking[0]
        flags = settings_flags(best["settings"])
        run_timed([STANCE, "train", train_file, "-o", model, "--compact", "-q"] + flags, tmp)
        ev = run_timed([STANCE, "eval", "-m", model, test_file, "--format", "json"], tmp)
        acc = stance_acc_eval(ev["stdout"])
        per_fold.append({"fold": k, "flags": " ".join(flags), "inner_cv": 100 * best["mean"],
                         "accuracy": acc})
        log(f"  nested fold {k}: {' '.join(flags)} -> {acc:.2f}")
    return {"folds": per_fold, "accuracy": statistics.mean(f["accuracy"] for f in per_fold),
            "wall": time.perf_counter() - start, "grid": RT_GRID, "inner_folds": RT_TUNE_FOLDS}


# ---------------------------------------------------------------------------------------------
# The run


def machine():
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            mem_kb = int(line.split()[1])
    return {"nproc": os.cpu_count(), "cpu": cpu, "mem_gib": mem_kb / 2**20,
            "kernel": platform.release(), "loadavg": os.getloadavg()}


def versions(venvs):
    v = {"stance": subprocess.run([STANCE, "--version"], capture_output=True, text=True)
         .stdout.splitlines()[0]}
    try:
        v["rustc"] = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        v["rustc"] = "unknown"
    wanted = {"scikit-learn", "numpy", "scipy", "vowpalwabbit", "fasttext-wheel"}
    for name, py in venvs.items():
        if py is None:
            continue
        out = subprocess.run([str(py), "-m", "pip", "list", "--format", "json"],
                             capture_output=True, text=True).stdout
        pkgs = {p["name"].lower(): p["version"] for p in json.loads(out or "[]")}
        pyver = subprocess.run([str(py), "--version"], capture_output=True, text=True).stdout.strip()
        v[f"venv {name}"] = ", ".join([pyver] + [f"{k} {pkgs[k]}" for k in sorted(pkgs) if k in wanted])
    return v


def venv_status():
    status, pythons = {}, {}
    lines = (BENCH / ".venv-STATUS").read_text().splitlines() if (BENCH / ".venv-STATUS").exists() else []
    for line in lines:
        name, _, rest = line.partition(" ")
        status[name] = None if rest == "ok" else rest
    for name in ("sklearn", "vw", "fasttext"):
        py = BENCH / f".venv-{name}" / "bin" / "python"
        if name not in status:
            status[name] = "not set up (bench/setup_peers.sh did not run)"
        pythons[name] = py if status[name] is None and py.exists() else None
    return status, pythons


def build_systems(data, tmp, pythons, status, imdb_tuned):
    rt_all, rt_folds = data / "rt-polarity" / "all.tsv", data / "rt-polarity" / "folds.tsv"
    imdb_train, imdb_test = data / "imdb" / "train.tsv.gz", data / "imdb" / "test.tsv.gz"
    env = peer_env()
    model = Path(tmp) / "bench.model"
    systems = []

    def py(name):
        return pythons[name] or "python3"

    def peer(key, ds, venv, name, features, args, pair, published=None):
        split = (["--cv", rt_all, "--folds-file", rt_folds] if ds == "rt"
                 else ["--train", imdb_train, "--test", imdb_test])
        args = [BENCH / args[0]] + args[1:]
        systems.append(System(key, ds, name, features, [[py(venv)] + args + split], peer_acc,
                              pair=pair, env=env, cwd=BENCH, unavailable=status[venv],
                              published=published))

    for ds in ("rt", "imdb"):
        if ds == "rt":
            for g, flags in RT_FIXED.items():
                systems.append(System(
                    f"rt-stance-{g}", ds, f"stance (fixed flags)", " ".join(flags),
                    [[STANCE, "cv", rt_all, "--folds-file", rt_folds, "--format", "json", "-q"] + flags],
                    stance_acc_cv, family="stance", published=f"MNB-{g}"))
        else:
            for g, flags in imdb_tuned.items():
                systems.append(System(
                    f"imdb-stance-{g}", ds, "stance (tuned on train)", " ".join(flags),
                    [[STANCE, "train", imdb_train, "-o", model, "--compact", "-q"] + flags,
                     [STANCE, "eval", "-m", model, imdb_test, "--format", "json"]],
                    stance_acc_eval, family="stance", published=f"MNB-{g}" if g != "tri" else None))
        for g, n in (("uni", 1), ("bi", 2)):
            pair = f"{ds}-stance-{g}"
            peer(f"{ds}-sk-mnb-{g}", ds, "sklearn", "sklearn MultinomialNB", f"CountVectorizer 1..{n}",
                 ["peer_sklearn.py", "mnb", "--ngrams", str(n)], pair, f"MNB-{g}")
            peer(f"{ds}-sk-cnb-{g}", ds, "sklearn", "sklearn ComplementNB", f"CountVectorizer 1..{n}",
                 ["peer_sklearn.py", "cnb", "--ngrams", str(n)], pair)
            peer(f"{ds}-nbsvm-{g}", ds, "sklearn", "NBSVM (sklearn LR)", f"binary 1..{n}, C=1, beta=0.25",
                 ["peer_sklearn.py", "nbsvm", "--ngrams", str(n)], pair, f"NBSVM-{g}")
            peer(f"{ds}-vw-{g}", ds, "vw", "Vowpal Wabbit --oaa",
                 "unigrams" if n == 1 else "--ngram 2", ["peer_vw.py", "--ngrams", str(n)], pair)
        peer(f"{ds}-ft-default", ds, "fasttext", "fastText", "defaults",
             ["peer_fasttext.py"], f"{ds}-stance-uni")
        peer(f"{ds}-ft-bi", ds, "fasttext", "fastText", "wordNgrams=2 epoch=10",
             ["peer_fasttext.py", "--word-ngrams", "2", "--epoch", "10"], f"{ds}-stance-bi")
    importing = System("sk-import", "-", "import numpy + sklearn only", "",
                       [[py("sklearn"), BENCH / "peer_sklearn.py", "--import-only"]], lambda out: None,
                       env=env, cwd=BENCH, unavailable=status["sklearn"])
    return systems, importing


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("datasets", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="1 run, no scaling study")
    ap.add_argument("--command", default="bash bench/run.sh", help="how the run was started")
    ap.add_argument("--render-only", action="store_true", help="re-render BENCHMARKS.md")
    a = ap.parse_args()
    if a.render_only:
        render(json.loads(RESULTS.read_text()))
        return
    if a.quick:
        a.runs = 1
    data = a.datasets.resolve()
    DISPLAY[str(data)] = "$DATA"
    DISPLAY[str(BENCH)] = "bench"
    OUT.mkdir(exist_ok=True)
    status, pythons = venv_status()
    started = time.time()
    tmpdir = tempfile.TemporaryDirectory(prefix="stance-bench-")
    tmp = tmpdir.name
    # Every run uses one copy of the binary: a rebuild of target/release during the run (by
    # someone else on a shared machine) cannot mix two versions into one table.
    global STANCE
    built = STANCE
    STANCE = Path(tmp) / "stance"
    shutil.copy2(built, STANCE)
    DISPLAY[str(STANCE)] = "target/release/stance"
    DISPLAY[tmp] = "$TMP"
    res = {"started": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
           "command": a.command, "runs": a.runs, "quick": a.quick, "machine": machine(),
           "versions": versions(pythons), "venv_status": status}

    log("reading the datasets (counting documents and bytes)")
    rt_rows = read_tsv(data / "rt-polarity" / "all.tsv")
    rt_folds = read_folds(data / "rt-polarity" / "folds.tsv")
    imdb_train = read_tsv(data / "imdb" / "train.tsv.gz")
    imdb_test = read_tsv(data / "imdb" / "test.tsv.gz")
    n_folds = len(set(rt_folds.values()))
    # Work done per whole process: CV trains on every document n-1 times and predicts it once.
    res["work"] = {
        "rt": {"docs": n_folds * len(rt_rows), "bytes": n_folds * text_bytes(rt_rows)},
        "imdb": {"docs": len(imdb_train) + len(imdb_test),
                 "bytes": text_bytes(imdb_train) + text_bytes(imdb_test)},
    }

    with tmpdir:
        log(f"tuning on imdb/train.tsv.gz only: {IMDB_GRID} ({IMDB_TUNE_FOLDS} folds)")
        m, ranking, cmd = tune(data / "imdb" / "train.tsv.gz", IMDB_GRID, IMDB_TUNE_FOLDS, tmp,
                               OUT / "imdb-tune.json")
        best = {}
        for r in ranking:
            best.setdefault(r["settings"]["ngrams"], r)
        imdb_tuned = {"uni": settings_flags(best["1..1"]["settings"]),
                      "bi": settings_flags(best["1..2"]["settings"])}
        tri_helps = "1..3" in best and best["1..3"]["mean"] > best["1..2"]["mean"]
        if tri_helps:
            imdb_tuned["tri"] = settings_flags(best["1..3"]["settings"])
        res["imdb_tune"] = {
            "command": display(cmd), "wall": m["wall"], "cpu": m["cpu"], "rss_kb": m["rss_kb"],
            "grid": IMDB_GRID, "folds": IMDB_TUNE_FOLDS, "tri_helps": tri_helps,
            "best": {g: {"settings": best[g]["settings"], "cv": 100 * best[g]["mean"]} for g in best},
            "ranking": [{"settings": r["settings"], "cv": 100 * r["mean"], "std": 100 * r["std"]}
                        for r in ranking],
        }
        log(f"  chosen: {imdb_tuned} ({m['wall']:.0f} s)")

        log(f"nested tuning on rt-polarity: {RT_GRID}, {RT_TUNE_FOLDS} inner folds")
        res["rt_nested"] = nested_rt(rt_rows, rt_folds, tmp)
        log(f"  nested mean accuracy {res['rt_nested']['accuracy']:.2f} "
            f"({res['rt_nested']['wall']:.0f} s)")

        systems, importing = build_systems(data, tmp, pythons, status, imdb_tuned)
        for r in range(a.runs):
            for s in systems + [importing]:
                if s.unavailable or s.error:
                    continue
                try:
                    s.measure(tmp)
                    last = s.runs[-1]
                    acc = "" if last["accuracy"] is None else f"{last['accuracy']:.2f} %, "
                    log(f"run {r + 1}/{a.runs} {s.key}: {acc}{last['wall']:.2f} s, "
                        f"{last['rss_kb'] / 1024:.0f} MiB")
                except (RuntimeError, KeyError, ValueError, IndexError) as e:
                    s.error = str(e)
                    log(f"run {r + 1}/{a.runs} {s.key}: FAILED {e}")
            # The raw measurements so far, in case the run is cut short.
            (OUT / "partial.json").write_text(json.dumps({s.key: s.runs for s in systems + [importing]}))
        res["systems"] = [s.result() for s in systems]
        res["sklearn_import"] = importing.result()

        res["scaling"] = []
        if not a.quick:
            res["scaling"] = scaling(data, imdb_train, imdb_tuned["bi"], a.runs, tmp, systems)

    res["machine"]["loadavg_end"] = os.getloadavg()
    res["elapsed"] = time.time() - started
    RESULTS.write_text(json.dumps(res, indent=1))
    render(res)
    log(f"done in {res['elapsed'] / 60:.1f} min: {MARKDOWN}")


def scaling(data, train_rows, flags, runs, tmp, systems):
    """`stance train` + `stance eval` on 25 %, 50 % of IMDB train (every 4th / 2nd row, so both
    labels stay balanced; written to temporary .tsv.gz files) and 100 % (the file itself, the
    measurement of the main table)."""
    test = data / "imdb" / "test.tsv.gz"
    model = Path(tmp) / "scaling.model"
    points = []
    for frac in SCALING:
        if frac == 1.0:
            full = next(s for s in systems if s.key == "imdb-stance-bi")
            r = full.result()
            if "steps" not in r:
                continue
            points.append({"fraction": frac, "docs": len(train_rows),
                           "bytes": text_bytes(train_rows), "train": r["steps"][0],
                           "eval": r["steps"][1], "accuracy": r["accuracy"]})
            continue
        step = round(1 / frac)
        subset = [row for i, row in enumerate(train_rows) if i % step == 0]
        path = Path(tmp) / f"train-{int(frac * 100)}.tsv.gz"
        write_tsv(path, subset)
        trains, evals, accs = [], [], []
        for _ in range(runs):
            trains.append(run_timed([STANCE, "train", path, "-o", model, "--compact", "-q"] + flags, tmp))
            ev = run_timed([STANCE, "eval", "-m", model, test, "--format", "json"], tmp)
            evals.append(ev)
            accs.append(stance_acc_eval(ev["stdout"]))
        med = lambda ms: {k: statistics.median(m[k] for m in ms) for k in ("wall", "cpu", "rss_kb")}
        points.append({"fraction": frac, "docs": len(subset), "bytes": text_bytes(subset),
                       "train": med(trains), "eval": med(evals), "accuracy": statistics.median(accs)})
        log(f"scaling {frac:.0%}: train {points[-1]['train']['wall']:.2f} s, "
            f"{points[-1]['train']['rss_kb'] / 1024:.0f} MiB")
    return {"flags": " ".join(flags), "points": points}


# ---------------------------------------------------------------------------------------------
# BENCHMARKS.md


def render(res):
    from bench_report import render_markdown  # the table code lives beside this file

    MARKDOWN.write_text(render_markdown(res, PUBLISHED, {
        "imdb": GOAL_IMDB, "rt": GOAL_RT, "speedup": GOAL_SPEEDUP, "memory": GOAL_MEMORY}))


if __name__ == "__main__":
    sys.dont_write_bytecode = True
    sys.path.insert(0, str(BENCH))
    main()
