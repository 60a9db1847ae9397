#!/usr/bin/env bash
# Anchor tracks for comparing codingscan with classical tools on the same genome (figures, not tests).
# Usage: scripts/anchors.sh GENOME_DIR OUT_DIR [single|meta]
#   GENOME_DIR holds genome.fa.gz + annotation.gff3.gz (see ../shared/data/README.md for where each
#   genome comes from: NCBI RefSeq NC_000913.3 E. coli K-12, NC_000964.3 B. subtilis 168, TAIR10 and
#   FlyBase r6 slices, Debian kaptive-data and python-biopython-doc).
# Writes OUT_DIR/prodigal.bedgraph (1 inside Prodigal gene calls) and OUT_DIR/tcode.bedgraph (EMBOSS
# tcode Fickett statistic, window 200, step 3, as 3 bp bins around each window centre), ready for
# `codingscan eval --track`. Needs prodigal and emboss (apt-get install prodigal emboss).
# tcode crashes on records with long N runs (EMBOSS 6.6.0), so it is run per N-free segment and
# the coordinates are shifted back.
set -euo pipefail
dir=${1:?usage: scripts/anchors.sh GENOME_DIR OUT_DIR [single|meta]}
out=${2:?usage: scripts/anchors.sh GENOME_DIR OUT_DIR [single|meta]}
mode=${3:-meta}
mkdir -p "$out"
zcat "$dir/genome.fa.gz" > "$out/genome.fa"
prodigal -q -p "$mode" -f gff -i "$out/genome.fa" -o "$out/prodigal.gff" 2>/dev/null
python3 - "$out" <<'PY'
import os, re, subprocess, sys
out = sys.argv[1]
seqs, order, name = {}, [], None
for line in open(f"{out}/genome.fa"):
    line = line.strip()
    if line.startswith(">"):
        name = line[1:].split()[0]; order.append(name); seqs[name] = []
    elif name:
        seqs[name].append(line.upper())
seqs = {n: "".join(s) for n, s in seqs.items()}
# Prodigal calls → bedGraph with 1 over called bases (0-based half-open), merged per record.
calls = {n: [] for n in order}
for line in open(f"{out}/prodigal.gff"):
    if line.startswith("#") or not line.strip():
        continue
    f = line.split("\t")
    calls[f[0]].append((int(f[3]) - 1, int(f[4])))
with open(f"{out}/prodigal.bedgraph", "w") as g:
    for n in order:
        merged = []
        for s, e in sorted(calls[n]):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        for s, e in merged:
            g.write(f"{n}\t{s}\t{e}\t1\n")
# tcode per N-free segment (≥ 200 bp) → 3 bp bins around each window centre.
with open(f"{out}/tcode.bedgraph", "w") as g:
    for n in order:
        seq = seqs[n]
        for m in re.finditer(r"[ACGT]{200,}", seq):
            seg = f"{out}/segment.fa"
            with open(seg, "w") as f:
                f.write(">s\n" + m.group(0) + "\n")
            subprocess.run(["tcode", "-sequence", seg, "-window", "200", "-step", "3",
                            "-outfile", f"{out}/segment.tcode"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            rows = []
            for line in open(f"{out}/segment.tcode"):
                f = line.split()
                if len(f) >= 5 and f[0].isdigit():
                    rows.append((int(f[0]) - 1, float(f[3])))
            for i, (s, score) in enumerate(rows):
                centre = m.start() + s + 100
                b0 = m.start() if i == 0 else centre - 1
                b1 = m.end() if i == len(rows) - 1 else centre + 2
                g.write(f"{n}\t{b0}\t{b1}\t{score:.3f}\n")
os.remove(f"{out}/genome.fa")
PY
echo "wrote $out/prodigal.bedgraph and $out/tcode.bedgraph"
