#!/usr/bin/env python3
"""Runs bib-dedupe on one labelled set and prints the metrics `sift-bench dedup` prints, for comparison.

Usage: dedup_bibdedupe.py RECORDS.csv TRUTH.csv NAME
The ASySD layout (record_id column, latin-1, `NA` for missing) is converted to bib-dedupe's (ID = id_%07d).
"""
import resource
import sys
import time
import warnings
from itertools import combinations

warnings.filterwarnings("ignore")

import pandas as pd  # noqa: E402
from bib_dedupe.bib_dedupe import block, cluster, match, merge, prep  # noqa: E402


def load(path):
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    except UnicodeDecodeError:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="latin-1")
    if "ID" not in df.columns and "record_id" in df.columns:
        df = df.rename(columns={"record_id": "ID"})
        df["ID"] = df["ID"].map(lambda x: "id_%07d" % int(x))
        df = df.drop(columns=[c for c in ("label", "source") if c in df.columns])
        df = df.replace("NA", "")
        if "ENTRYTYPE" not in df.columns:
            df["ENTRYTYPE"] = "article"
    return df


def cpu_seconds():
    """User + system CPU of this process and of its finished children (bib-dedupe's worker processes)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        r = resource.getrusage(who)
        total += r.ru_utime + r.ru_stime
    return total


def main():
    records_path, truth_path, name = sys.argv[1], sys.argv[2], sys.argv[3]
    cpu_start = cpu_seconds()
    start = time.perf_counter()
    df = load(records_path)
    prepped = prep(df, verbosity_level=0)
    blocked = block(prepped, verbosity_level=0)
    matched = match(blocked, verbosity_level=0)
    sets = cluster(matched, verbosity_level=0)
    merged = merge(df, duplicate_id_sets=sets, verbosity_level=0)
    elapsed = time.perf_counter() - start
    cpu = cpu_seconds() - cpu_start

    truth = [g.split(";") for g in pd.read_csv(truth_path, dtype=str)["merged_ids"].tolist()]
    truth = [g for g in truth if len(g) > 1]

    def pairs(groups):
        return {tuple(sorted(p)) for g in groups for p in combinations(g, 2)}

    t, p = pairs(truth), pairs([list(s) for s in sets])
    correct = len(t & p)
    pp = correct / len(p) if p else 1.0
    pr = correct / len(t) if t else 1.0
    pf = 2 * pp * pr / (pp + pr) if pp + pr else 0.0

    # bib-dedupe's own record-level metric (DedupeBenchmarker.compare_dedupe_id).
    kept = set(merged["ID"].tolist())
    in_group = {i for g in truth for i in g}
    tp = fp = fn = tn = 0
    for i in df["ID"].tolist():
        if i not in in_group:
            if i in kept:
                tn += 1
            else:
                fp += 1
    for g in truth:
        n = sum(1 for i in g if i in kept)
        if n == 0:
            fp += 1
            tp += len(g) - 1
        else:
            tn += 1
            fn += n - 1
            tp += len(g) - n
    rp = tp / (tp + fp) if tp + fp else 1.0
    rr = tp / (tp + fn) if tp + fn else 1.0
    rf = 2 * rp * rr / (rp + rr) if rp + rr else 0.0
    print(
        "%-20s bib-dedupe records %5d  pairwise P %.3f R %.3f F1 %.3f  record-level P %.3f R %.3f F1 %.3f  time %.3f s (cpu %.3f s)"
        % (name, len(df), pp, pr, pf, rp, rr, rf, elapsed, cpu)
    )


if __name__ == "__main__":
    main()
