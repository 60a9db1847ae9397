#!/usr/bin/env bash
# Memory benchmark (figures, not a test): scans a generated single-record FASTA of SIZE_MB megabases
# (default 250, one line) from stdin, plain and gzip, and reports wall time and max RSS.
# Usage: scripts/bench-memory.sh [MODEL]   (default: the built-in model)
# Env: SIZE_MB (default 250), STEP (default: the model's), WORK (scratch dir, default mktemp).
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
