#!/usr/bin/env bash
# Memory benchmark (figures, not a test): scans a generated single-record FASTA of SIZE_MB megabases
# (default 250, one line) from stdin, plain and gzip, and reports wall time and max RSS.
# Usage: scripts/bench-memory.sh [MODEL]   (default: the built-in model)
# Env: SIZE_MB (default 250), READ_MB (default 50), STEP (default: the model's), WORK (scratch dir, default mktemp).
set -euo pipefail
cd "$(dirname "$0")/.."
model=${1:-}
size_mb=${SIZE_MB:-250}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
step_args=()
[ -n "${STEP:-}" ] && step_args=(-s "$STEP")
[ -n "$model" ] && step_args+=(-m "$model")
swift build -c release --product codingscan >/dev/null
bin=.build/release/codingscan
fa="$work/chr-${size_mb}M.fa"
if [ ! -s "$fa" ]; then
    python3 - "$fa" "$size_mb" <<'PY'
import random, sys
path, mb = sys.argv[1], int(sys.argv[2])
rng = random.Random(42)
table = bytes.maketrans(bytes(range(256)), (b"ACGT" * 64))
with open(path, "wb") as f:
    f.write(b">chrBench generated %d Mb single-line record\n" % mb)
    for i in range(mb):
        f.write(rng.randbytes(1_000_000).translate(table))
    f.write(b"\n")
PY
fi
[ -s "$fa.gz" ] || gzip -1 -c "$fa" > "$fa.gz"
echo "codingscan memory benchmark: ${size_mb} Mb single-record FASTA on stdin, model ${model:-built-in}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
for input in "$fa" "$fa.gz"; do
    log="$work/time.log"
    /usr/bin/time -v "$bin" "${step_args[@]}" -v < "$input" > /dev/null 2> "$log"
    rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
    printf '%-8s max RSS %6.1f MB   wall %s   %s\n' "$(basename "$input" | sed 's/.*\.fa/fa/')" \
        "$(awk -v k="$rss_kb" 'BEGIN { print k / 1024 }')" "$wall" "$(grep '^codingscan: model' "$log" | sed 's/^codingscan: //')"
done

# Alignment inputs (issue 12: every input kind within 100 MB): one long read of READ_MB megabases
# (default 50) as SAM and BAM, forward and reverse strand (a reverse read is held packed, half a byte
# per base), and a BAM whose header lists 1,000,000 contigs.
read_mb=${READ_MB:-50}
sam_dir="$work/alignments-${read_mb}M"
mkdir -p "$sam_dir"
if [ ! -s "$sam_dir/forward.bam" ]; then
    python3 - "$sam_dir" "$read_mb" <<'PY'
import random, sys
out, mb = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)
table = bytes.maketrans(bytes(range(256)), (b"ACGT" * 64))
seq = rng.randbytes(mb * 1_000_000).translate(table)
for name, flag in (("forward", 4), ("reverse", 20)):
    with open(f"{out}/{name}.sam", "wb") as f:
        f.write(b"@HD\tVN:1.6\n%s\t%d\t*\t0\t0\t*\t*\t0\t0\t" % (name.encode(), flag))
        f.write(seq + b"\t" + b"I" * len(seq) + b"\n")
with open(f"{out}/contigs.sam", "w") as f:
    f.write("@HD\tVN:1.6\n")
    for i in range(1_000_000):
        f.write(f"@SQ\tSN:contig_{i:07d}\tLN:{1000 + i}\n")
    f.write("read1\t4\t*\t0\t0\t*\t*\t0\t0\t" + "".join(rng.choice("ACGT") for _ in range(600)) + "\t*\n")
PY
    for name in forward reverse contigs; do samtools view -b -o "$sam_dir/$name.bam" "$sam_dir/$name.sam"; done
fi
echo "alignments: one ${read_mb} Mb read (SAM and BAM, forward and reverse strand); a BAM header of 1,000,000 contigs"
for input in "$sam_dir"/forward.sam "$sam_dir"/forward.bam "$sam_dir"/reverse.sam "$sam_dir"/reverse.bam "$sam_dir"/contigs.bam; do
    log="$work/time.log"
    /usr/bin/time -v "$bin" "${step_args[@]}" -q "$input" > /dev/null 2> "$log"
    rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
    printf '%-12s max RSS %6.1f MB   wall %s\n' "$(basename "$input")" "$(awk -v k="$rss_kb" 'BEGIN { print k / 1024 }')" "$wall"
done
