#!/usr/bin/env python3
"""Base-level figures of bedGraph tracks read from the files themselves, as a user would get them.

    scripts/track-calibration.py GENOME.fa.gz ANNOTATION.gff3.gz TRACK.bedgraph [TRACK2.bedgraph ...]

Prints, per track: ROC-AUC over every base (ties averaged, so values the 4-decimal file rounds to the
same number count as one rank), log loss (p clamped to [0.0001, 0.9999]) and Brier score. A base is
coding when any annotated CDS (GFF3 column 3 `CDS`) covers it on either strand; bases the track does not
cover score 0. Needs numpy. docs/decoder.md ("Posterior temperature") used it to compare posteriors.
"""
import gzip
import sys

import numpy as np


def opener(path):
    return gzip.open(path, "rt") if path.endswith(".gz") else open(path)


def truth(genome, annotation):
    lengths, name = {}, None
    with opener(genome) as f:
        for line in f:
            if line.startswith(">"):
                name = line[1:].split()[0]
                lengths[name] = 0
            else:
                lengths[name] += len(line.strip())
    coding = {n: np.zeros(length, bool) for n, length in lengths.items()}
    with opener(annotation) as f:
        for line in f:
            fields = line.split("\t")
            if len(fields) > 8 and fields[2] == "CDS" and fields[0] in coding:
                coding[fields[0]][int(fields[3]) - 1:int(fields[4])] = True
    return lengths, coding


def scores(path, lengths):
    values = {n: np.zeros(length) for n, length in lengths.items()}
    with open(path) as f:
        for line in f:
            if line.startswith(("#", "track", "browser")):
                continue
            name, start, end, value = line.split("\t")[:4]
            values[name][int(start):int(end)] = float(value)
    return values


def roc_auc(y, s):
    order = np.argsort(s, kind="mergesort")
    s, y = s[order], y[order]
    _, first, counts = np.unique(s, return_index=True, return_counts=True)
    positives = np.add.reduceat(y.astype(np.int64), first)
    negatives = counts - positives
    below = np.cumsum(negatives) - negatives
    return float((positives * (below + 0.5 * negatives)).sum() / (y.sum() * (len(y) - y.sum())))


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    lengths, coding = truth(sys.argv[1], sys.argv[2])
    y = np.concatenate([coding[n] for n in lengths])
    print("track\troc_auc\tlog_loss\tbrier")
    for path in sys.argv[3:]:
        track = scores(path, lengths)
        s = np.concatenate([track[n] for n in lengths])
        p = np.clip(s, 1e-4, 1 - 1e-4)
        log_loss = -np.mean(np.where(y, np.log(p), np.log(1 - p)))
        print(f"{path}\t{roc_auc(y, s):.4f}\t{log_loss:.4f}\t{np.mean((s - y) ** 2):.4f}")


if __name__ == "__main__":
    main()
