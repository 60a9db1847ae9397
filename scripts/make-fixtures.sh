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
# Reads cut from pPCP1 (both strands), for the read model: mixed lengths (40 bp, below the read model's
# minimum, to 400 bp, longer than a window) and a BAM of 100 bp reads, unaligned.
python3 - "$out" <<'PY'
import gzip, random, sys
out = sys.argv[1]
rng = random.Random(20261204)
seq = "".join(l.strip() for l in gzip.open("fixtures/real/pPCP1.fa.gz", "rt") if not l.startswith(">")).upper()
flip = str.maketrans("ACGT", "TGCA")
def reads(lengths, prefix):
    for k, n in enumerate(lengths):
        start = rng.randrange(len(seq) - n)
        read = seq[start:start + n]
        strand = "+" if rng.random() < 0.5 else "-"
        if strand == "-":
            read = read.translate(flip)[::-1]
        yield f"{prefix}{k + 1}_{start}{strand}", read
with open(f"{out}/reads-mixed.fq", "w") as f:
    for name, read in reads([40, 60, 100, 150, 250, 400, 80, 120, 200, 359, 360], "read"):
        f.write(f"@{name}\n{read}\n+\n{'I' * len(read)}\n")
with open(f"{out}/reads-100.fq", "w") as f:
    for name, read in reads([100] * 40, "r100_"):
        f.write(f"@{name}\n{read}\n+\n{'I' * len(read)}\n")
PY
samtools import -0 "$out/reads-100.fq" --no-PG -o "$out/reads-100.bam"
rm "$out/reads-100.fq"
gzip -n -9 -c "$out/small.fa" > "$out/small.fa.gz"
bgzip -c "$out/small.fa" > "$out/small.fa.bgz"
echo "fixtures regenerated in $out"

# Bad inputs: one small file per failure mode (expected messages beside each, in FILE.expected).
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

# Indexed inputs for -r/--region and --regions-file: a small reference (FASTA + .fai, bgzip + .fai/.gzi)
# and reads "aligned" to it by construction (CIGAR all-M at known positions; no aligner), as sorted
# BAM + .bai and CRAM (reference embedded, so it decodes anywhere) + .crai.
python3 - "$out" <<'PY'
import random, sys
out = sys.argv[1]
rng = random.Random(20260501)
def rand(n):
    return "".join(rng.choice("ACGT") for _ in range(n))
codons = [a + b + c for a in "ACGT" for b in "ACGT" for c in "ACGT" if a + b + c not in ("TAA", "TAG", "TGA")]
def orf(n):
    return "ATG" + "".join(rng.choice(codons) for _ in range(n)) + "TAA"
chr1 = rand(600) + orf(200) + rand(200) + rand(300).lower() + rand(294)      # 2000 bp
chr2 = rand(200) + "N" * 80 + rand(220)                                       # 500 bp
hla = rand(300)                                                               # a name with ':'
contigs = [("chr1", chr1), ("chr2", chr2), ("HLA-A*01:01", hla)]
with open(f"{out}/ref.fa", "w") as f:
    for name, seq in contigs:
        f.write(f">{name} region fixture\n")
        for i in range(0, len(seq), 60):
            f.write(seq[i:i + 60] + "\n")
comp = {"A": "T", "C": "G", "G": "C", "T": "A", "N": "N"}
reads = []
for i in range(24):
    name, seq = contigs[0] if i < 16 else contigs[1]
    length = rng.randrange(60, 151)
    pos = rng.randrange(0, len(seq) - length + 1)
    flag = 16 if i % 3 == 1 else 0
    reads.append((name, pos, f"read{i:02d}", flag, seq[pos:pos + length].upper()))
# A secondary alignment (skipped by codingscan, reported by samtools view) and an unplaced read.
reads.append(("chr1", 650, "read00", 256, chr1[650:730].upper()))
index = {name: k for k, (name, _) in enumerate(contigs)}
reads.sort(key=lambda r: (index[r[0]], r[1], r[2]))
with open(f"{out}/aligned.sam", "w") as f:
    f.write("@HD\tVN:1.6\tSO:coordinate\n")
    for name, seq in contigs:
        f.write(f"@SQ\tSN:{name}\tLN:{len(seq)}\n")
    for rname, pos, qname, flag, seq in reads:
        f.write(f"{qname}\t{flag}\t{rname}\t{pos + 1}\t60\t{len(seq)}M\t*\t0\t0\t{seq}\t{'I' * len(seq)}\n")
    unplaced = rand(90)
    f.write(f"unplaced\t4\t*\t0\t0\t*\t*\t0\t0\t{unplaced}\t{'I' * len(unplaced)}\n")
with open(f"{out}/ref-regions.bed", "w") as f:
    f.write("# regions for --regions-file (0-based half-open)\ntrack name=regions\n")
    f.write("chr2\t100\t400\tsecond\n\nchr1\t500\t1500\nHLA-A*01:01\t0\t300\n")
PY
rm -f "$out"/ref.fa.fai "$out"/ref.fa.bgz* "$out"/aligned.bam* "$out"/header-only.bam "$out"/aligned.cram* "$out"/ref-nogzi.fa.bgz*
samtools faidx "$out/ref.fa"
bgzip -c "$out/ref.fa" > "$out/ref.fa.bgz"
samtools faidx "$out/ref.fa.bgz"
cp "$out/ref.fa.bgz" "$out/ref-nogzi.fa.bgz"               # bgzip FASTA with a .fai but no .gzi
cp "$out/ref.fa.bgz.fai" "$out/ref-nogzi.fa.bgz.fai"
samtools view --no-PG -b -o "$out/aligned.bam" "$out/aligned.sam"
samtools index "$out/aligned.bam"
# A legal BAM without reads (what 'samtools view -b -f 4' gives for a sample with no unmapped reads).
samtools view --no-PG -H -b -o "$out/header-only.bam" "$out/aligned.bam"
samtools view --no-PG -C -T "$out/ref.fa" --output-fmt-option embed_ref=1 -o "$out/aligned.cram" "$out/aligned.sam"
samtools index "$out/aligned.cram"
mkdir -p fixtures/regions
printf 'chr1\t100\t200\nchr1\t300\t250\n' > fixtures/regions/inverted.bed
printf '# nothing but comments\ntrack name=none\n' > fixtures/regions/empty.bed
echo "indexed region fixtures regenerated in $out"
