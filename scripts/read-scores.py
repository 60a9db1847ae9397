#!/usr/bin/env python3
"""Per-read scores of the tools `scripts/bench-reads.sh` compares, and their ROC-AUC and best MCC.

    read-scores.py pyrodigal READS.fq > SCORES.tsv    # Prodigal's metagenome mode (pip install pyrodigal)
    read-scores.py fgs READS.fq > SCORES.tsv          # FragGeneScanRs, Illumina 1% model (pip install pyfgs; CPython 3.12)
    read-scores.py codingscan TRACK.tsv > SCORES.tsv  # codingscan -f tsv: max(p_plus, p_minus) per read
    read-scores.py auc TRUTH.tsv SCORES.tsv           # prints: reads, coding, roc_auc, best_mcc

A read's score for pyrodigal is the highest score of a gene it calls on the read (`closed=False`, so
genes may run off the read; -1e9 when it calls none); for FragGeneScanRs the fraction of the read its
genes cover (it calls a gene on most reads, and its gene scores rank reads worse than coverage: on
fold 1, 0.49/0.69/0.64 against 0.77/0.86/0.74 ROC-AUC for Caulobacter, S. aureus and Pyrococcus,
while pyrodigal's scores beat its coverage); codingscan's is the larger of its two strand
probabilities (a read it does not score gets -1e9). SCORES.tsv: name, score. TRUTH.tsv comes from
scripts/simulate-reads.py.
"""
import sys


def fastq(path):
    with open(path) as f:
        while True:
            header = f.readline()
            if not header:
                return
            seq = f.readline().strip()
            f.readline()
            f.readline()
            yield header[1:].split()[0], seq


def pyrodigal_scores(path):
    import pyrodigal
    finder = pyrodigal.GeneFinder(meta=True, closed=False)
    for name, seq in fastq(path):
        genes = finder.find_genes(seq.encode())
        yield name, max((g.score for g in genes), default=-1e9)


def fgs_scores(path):
    import pyfgs
    finder = pyfgs.GeneFinder(pyfgs.Model.Illumina1)
    batch = []

    def flush():
        covered = [0] * len(batch)
        genes = finder.find_genes_batch([s.encode() for _, s in batch])
        for index, start, end in zip(genes.sequence_indices, genes.starts, genes.ends):
            covered[index] += end - start + 1
        for (name, seq), bases in zip(batch, covered):
            yield name, bases / len(seq)

    for item in fastq(path):
        batch.append(item)
        if len(batch) == 10000:
            yield from flush()
            batch = []
    yield from flush()


def codingscan_scores(path):
    with open(path) as f:
        for line in f:
            if line.startswith("#") or line.startswith("sequence\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            values = [float(v) for v in cols[3:5] if v not in ("NA", ".", "")]
            yield cols[0], max(values) if values else -1e9


def roc_auc(scores, labels):
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    positives = sum(labels)
    negatives = len(labels) - positives
    rank_sum, i = 0.0, 0
    while i < len(order):
        j = i
        while j < len(order) and scores[order[j]] == scores[order[i]]:
            j += 1
        mid = (i + j + 1) / 2
        rank_sum += mid * sum(labels[order[k]] for k in range(i, j))
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def best_mcc(scores, labels):
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    positives = sum(labels)
    negatives = len(labels) - positives
    tp = fp = 0
    best = 0.0
    i = 0
    while i < len(order):
        j = i
        while j < len(order) and scores[order[j]] == scores[order[i]]:
            tp += labels[order[j]]
            fp += 1 - labels[order[j]]
            j += 1
        i = j
        fn, tn = positives - tp, negatives - fp
        denominator = ((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)) ** 0.5
        if denominator > 0:
            best = max(best, (tp * tn - fp * fn) / denominator)
    return best


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    command = sys.argv[1]
    if command == "auc":
        truth = {}
        with open(sys.argv[2]) as f:
            next(f)
            for line in f:
                name, _, coding = line.split()
                truth[name] = int(coding)
        scores = {}
        with open(sys.argv[3]) as f:
            for line in f:
                name, score = line.split()
                scores[name] = float(score)
        names = list(truth)
        s = [scores.get(n, -1e9) for n in names]
        y = [truth[n] for n in names]
        print(f"{len(names)}\t{sum(y)}\t{roc_auc(s, y):.4f}\t{best_mcc(s, y):.4f}")
        return
    source = {"pyrodigal": pyrodigal_scores, "fgs": fgs_scores, "codingscan": codingscan_scores}[command]
    out = sys.stdout
    for name, score in source(sys.argv[2]):
        out.write(f"{name}\t{score:.6g}\n")


if __name__ == "__main__":
    main()
