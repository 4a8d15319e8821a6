"""The actor cue of models/REPORT.md's ablation ("who acts in the main clause", cue 1), tried
without changing the analyzer: writes a copy of the real-news pool in which each text ends with
one made-up term, `zforceactorz` when its first clause (or, with `anywhere`, the whole text) has
a verb of force and an armed actor, `zforcenoactorz` when it has a verb of force and no actor,
nothing otherwise. Cross-validate on the copy as on the pool:

    python3 models/experiments/main_clause_cues.py first-clause ../shared/realnews/wikipedia-current-events.tsv /tmp/pool.tsv
    target/release/stance cv datasets/real/stance/train.tsv --texts /tmp/pool.tsv --group-by year \
        --folds 5 --seed 42 $(sed 's/#.*//' models/stance.flags) --train-also datasets/stance/train.tsv ...

The copy holds real-news text: write it outside the repository.
"""
import re
import sys

FORCE = set("""strike strikes struck attack attacks attacked bomb bombs bombed bombing bombard
bombarded bombards shell shelled shells shelling raid raids raided kill kills killed killing launch
launched launches fire fired fires target targeted targets hit hits capture captured captures seize
seized seizes storm stormed storms destroy destroyed destroys arrest arrested arrests execute
executed executes shoot shot shoots ambush ambushed ambushes retake retook recapture recaptured
advance advanced advances""".split())
ACTOR = set("""army forces force troops military air navy police soldiers jets aircraft drones drone
rebels militants fighters insurgents guerrillas government regime coalition israel israeli russian
russia ukrainian ukraine syrian nato us u.s. american french turkish saudi taliban isis isil hamas
hezbollah al-shabaab boko haram farc""".split())


def first_clause(text):
    return re.split(r"[,;:]| while | as | after ", text, maxsplit=1)[0]


def words(text):
    return re.findall(r"[a-z][a-z.\-]*", text.lower())


def cue(text, where):
    found = words(first_clause(text) if where == "first-clause" else text)
    if not any(w in FORCE for w in found):
        return ""
    return " zforceactorz" if any(w in ACTOR for w in found) else " zforcenoactorz"


def main():
    where, source, target = sys.argv[1:4]
    if where not in ("first-clause", "anywhere"):
        sys.exit("usage: main_clause_cues.py first-clause|anywhere POOL.tsv OUT.tsv")
    with open(source, encoding="utf-8") as pool, open(target, "w", encoding="utf-8") as out:
        header = pool.readline()
        out.write(header)
        text_column = header.rstrip("\n").split("\t").index("text")
        for line in pool:
            fields = line.rstrip("\n").split("\t")
            fields[text_column] += cue(fields[text_column], where)
            out.write("\t".join(fields) + "\n")


if __name__ == "__main__":
    main()
