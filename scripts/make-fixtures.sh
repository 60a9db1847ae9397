#!/usr/bin/env bash
# Regenerates the small deterministic sequence fixtures under fixtures/seq/ (needs python3, samtools, bgzip).
# fixtures/real/pPCP1.* come from ../shared/data/ypestis_pPCP1 (Yersinia pestis plasmid pPCP1, NC_005816.1,
# as shipped in the Debian package python-biopython-doc) and are copied, not generated.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fixtures/seq
mkdir -p "$out"
python3 - "$out" <<'PY'
import random, sys
out = sys.argv[1]
rng = random.Random(20261125)
def rand(n, alphabet="ACGT"):
    return "".join(rng.choice(alphabet) for _ in range(n))
codons = [a + b + c for a in "ACGT" for b in "ACGT" for c in "ACGT" if a + b + c not in ("TAA", "TAG", "TGA")]
def orf(n_codons):
    return "ATG" + "".join(rng.choice(codons) for _ in range(n_codons)) + "TAA"
records = [
    ("tiny", rand(15)),                      # shorter than the fixture model's minimum: skipped
    ("short", rand(24)),                     # one window of its own length
    ("exact", rand(60)),                     # exactly one window
    ("orf_in_noise", rand(80) + orf(60) + rand(90)),
    ("n_run", rand(70) + "N" * 100 + rand(90)),
    ("soft_masked", rand(50) + rand(60).lower() + rand(50)),
    ("iupac", rand(40) + "RYSWKMBDHVN" + rand(60)),
]
with open(f"{out}/small.fa", "w") as f:
    for name, seq in records:
        f.write(f">{name} generated fixture\n")
        for i in range(0, len(seq), 60):
            f.write(seq[i:i + 60] + "\n")
# Same records, one line each, CRLF line ends.
with open(f"{out}/small-crlf.fa", "w", newline="") as f:
    for name, seq in records:
        f.write(f">{name} generated fixture\r\n{seq}\r\n")
# FASTQ for the records (no IUPAC beyond N allowed by htslib's FASTQ? keep them all; quality 'I').
with open(f"{out}/small.fq", "w") as f:
    for name, seq in records:
        f.write(f"@{name}\n{seq}\n+\n{'I' * len(seq)}\n")
# A longer random genome with two records for multi-record and step tests.
with open(f"{out}/two.fa", "w") as f:
    f.write(">alpha\n" + rand(1000) + "\n>beta\n" + orf(100) + rand(77) + "\n")
PY
# SAM/BAM/CRAM of the same reads, unaligned; as FASTQ they keep their orientation.
samtools import -0 "$out/small.fq" -O sam -o "$out/small.sam" --no-PG
samtools view --no-PG -b -o "$out/small.bam" "$out/small.sam"
samtools view --no-PG -C -o "$out/small.cram" "$out/small.sam"
gzip -n -9 -c "$out/small.fa" > "$out/small.fa.gz"
bgzip -c "$out/small.fa" > "$out/small.fa.bgz"
echo "fixtures regenerated in $out"

# Bad inputs: one small file per failure mode (expected messages live in fixtures/golden/).
bad=fixtures/bad
mkdir -p "$bad"
printf '>p1 a protein\nMKVLAAGIVGLLLAEEFPQWERTY\n' > "$bad/protein.fa"
printf '>ok\nACGTACGTACGTACGTACGTACGT\n>bad\nACGTACGT\001ACGT\n' > "$bad/control-char.fa"
printf '>nul\nACGTAC\000GTACGT\n' > "$bad/nul.fa"
printf '>utf8\nACGTACGT\xc3\xa9ACGT\n' > "$bad/non-ascii.fa"
printf '>mac\rACGTACGTACGTACGTACGTACGTACGT\r' > "$bad/cr-only.fa"
printf '>\nACGTACGTACGTACGTACGTACGTACGT\n' > "$bad/empty-name.fa"
printf '>first\n>second\nACGTACGTACGTACGTACGTACGTACGT\n' > "$bad/no-sequence.fa"
printf 'ACGT\n>late\nACGT\n' > "$bad/no-header.fa"
: > "$bad/empty.fa"
printf '@r1\nACGTACGTACGTACGTACGTACGT\n+\nIIIIIIIIII\n' > "$bad/quality-length.fq"
printf '@r1\nACGTACGTACGTACGTACGTACGT\nIIIIIIIIIIIIIIIIIIIIIIII\n' > "$bad/missing-plus.fq"
python3 -c "
import random, sys
r = random.Random(7)
sys.stdout.buffer.write(bytes([0x7f, 0x45, 0x4c, 0x46]) + bytes(r.randrange(256) for _ in range(400)))
" > "$bad/junk.bin"
gzip -n -9 -c fixtures/seq/two.fa | head -c 400 > "$bad/truncated.fa.gz"
bgzip -c fixtures/seq/two.fa | head -c 400 > "$bad/truncated.fa.bgz"
head -c 300 fixtures/seq/small.bam > "$bad/truncated.bam"
printf '>short1\nACGTACGTAC\n>short2\nACGTAC\n' > "$bad/all-too-short.fa"
echo "bad inputs regenerated in $bad"

# A bedGraph of the pPCP1 CDS themselves (1 inside any CDS, merged) for `codingscan eval --track`.
python3 - <<'PY'
import gzip
ivs = []
for line in gzip.open("fixtures/real/pPCP1.gff3.gz", "rt"):
    f = line.rstrip("\n").split("\t")
    if len(f) == 9 and f[2] == "CDS":
        ivs.append((int(f[3]) - 1, int(f[4])))
merged = []
for s, e in sorted(ivs):
    if merged and s <= merged[-1][1]:
        merged[-1][1] = max(merged[-1][1], e)
    else:
        merged.append([s, e])
with open("fixtures/seq/pPCP1-cds.bedgraph", "w") as g:
    g.write("track type=bedGraph name=cds\n")
    for s, e in merged:
        g.write(f"NC_005816.1\t{s}\t{e}\t1\n")
with open("fixtures/bad/overlapping.bedgraph", "w") as g:
    g.write("NC_005816.1\t0\t100\t0.5\nNC_005816.1\t50\t150\t0.5\n")
PY
