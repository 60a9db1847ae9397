#!/usr/bin/env python3
"""Simulate reads from an annotated genome, with the truth of each read.

    scripts/simulate-reads.py GENOME.fa.gz ANNOTATION.gff3.gz OUT_PREFIX \
        [--length 150] [--count 20000] [--errors 0.01] [--seed 1]

Writes OUT_PREFIX.fq (reads) and OUT_PREFIX.truth.tsv (name, cds_fraction, coding). A read starts at a
uniformly drawn position of a record (records weighted by length), is taken from a random strand
(reverse-complemented on the minus strand) and gets substitutions at the given rate per base; it is
coding when at least half of its bases lie in an annotated CDS on either strand. Reads with fewer
than half of their bases A/C/G/T are redrawn. Deterministic for a given seed (Python's random).
Only the standard library is used.
"""
import argparse
import bisect
import gzip
import random

COMPLEMENT = str.maketrans("ACGTacgtNn", "TGCAtgcaNn")


def read_fasta(path):
    records, name, parts = {}, None, []
    with gzip.open(path, "rt") if path.endswith(".gz") else open(path) as f:
        for line in f:
            if line.startswith(">"):
                if name is not None:
                    records[name] = "".join(parts).upper()
                name, parts = line[1:].split()[0], []
            else:
                parts.append(line.strip())
    if name is not None:
        records[name] = "".join(parts).upper()
    return records


def read_cds(path):
    """Merged CDS intervals (0-based, half-open) per sequence, both strands together."""
    spans = {}
    with gzip.open(path, "rt") if path.endswith(".gz") else open(path) as f:
        for line in f:
            if line.startswith("##FASTA"):
                break
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 9 or cols[2] != "CDS":
                continue
            spans.setdefault(cols[0], []).append((int(cols[3]) - 1, int(cols[4])))
    merged = {}
    for seq, items in spans.items():
        items.sort()
        out = []
        for s, e in items:
            if out and s <= out[-1][1]:
                out[-1][1] = max(out[-1][1], e)
            else:
                out.append([s, e])
        merged[seq] = ([s for s, _ in out], [e for _, e in out])
    return merged


def covered(intervals, start, end):
    if intervals is None:
        return 0
    starts, ends = intervals
    k = bisect.bisect_right(ends, start)
    total = 0
    while k < len(starts) and starts[k] < end:
        total += min(end, ends[k]) - max(start, starts[k])
        k += 1
    return total


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("genome")
    ap.add_argument("annotation")
    ap.add_argument("prefix")
    ap.add_argument("--length", type=int, default=150)
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--errors", type=float, default=0.01)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    records = {n: s for n, s in read_fasta(args.genome).items() if len(s) >= args.length}
    cds = read_cds(args.annotation)
    names = list(records)
    weights = [len(records[n]) - args.length + 1 for n in names]
    other = {"A": "CGT", "C": "AGT", "G": "ACT", "T": "ACG"}
    with open(args.prefix + ".fq", "w") as fq, open(args.prefix + ".truth.tsv", "w") as truth:
        truth.write("name\tcds_fraction\tcoding\n")
        made = 0
        while made < args.count:
            name = rng.choices(names, weights)[0]
            start = rng.randrange(len(records[name]) - args.length + 1)
            read = records[name][start:start + args.length]
            if 2 * sum(read.count(b) for b in "ACGT") < args.length:
                continue
            if rng.random() < 0.5:
                read = read.translate(COMPLEMENT)[::-1]
            bases = list(read)
            for i, b in enumerate(bases):
                if b in other and rng.random() < args.errors:
                    bases[i] = rng.choice(other[b])
            fraction = covered(cds.get(name), start, start + args.length) / args.length
            made += 1
            rid = f"r{made}"
            fq.write(f"@{rid}\n{''.join(bases)}\n+\n{'I' * args.length}\n")
            truth.write(f"{rid}\t{fraction:.3f}\t{int(fraction >= 0.5)}\n")


if __name__ == "__main__":
    main()
