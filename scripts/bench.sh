#!/usr/bin/env bash
# Speed benchmark of the scan (figures, not a test): one command, prints a report.
# Usage: scripts/bench.sh [MODEL.safetensors]        (default: the built-in model)
# Env: WORK (scratch directory, kept between runs; default: a new mktemp -d), SIZE_MB (genome size,
#      default 50), THREADS (default: all cores), SCRATCH (swift build --scratch-path, default .build).
# Needs: Swift, python3 with numpy; prodigal and emboss (apt-get install prodigal emboss) and
# onnxruntime + onnx (pip install onnxruntime onnx) for the comparisons (skipped when missing).
#
# Prints: end-to-end Mb/s and max RSS on a generated genome (output to /dev/null) for the scan itself
# (the window track, --raw), and the same with decoding: the default bedGraph (the decoder's
# posterior), gene calls (-f gff) and -f gff --adapt, and the decoder alone on one thread;
# the machine's FMA peak measured with a tight loop and the GFLOP/s of the convolution stack against
# it; Mb/s at several steps; codingscan against ONNX Runtime (2 intra-op threads) on the same windows;
# Prodigal and EMBOSS tcode on a 5 Mb slice.
set -euo pipefail
cd "$(dirname "$0")/.."
model_arg=${1:-}
size_mb=${SIZE_MB:-50}
threads=${THREADS:-$(nproc)}
scratch=${SCRATCH:-.build}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"

swift build -c release --scratch-path "$scratch" --product codingscan >/dev/null
swift build -c release --scratch-path "$scratch" --product codingscan-bench >/dev/null
bin=$scratch/release/codingscan
bench=$scratch/release/codingscan-bench
model_flags=()
if [ -n "$model_arg" ]; then
    model=$model_arg
    model_flags=(-m "$model")
    model_label="$model"
else
    model=$work/builtin.safetensors
    "$bench" builtin-model "$model"
    model_label="the built-in model"
fi

genome=$work/genome-${size_mb}Mb.fa
if [ ! -s "$genome" ]; then
    python3 - "$genome" "$size_mb" <<'PY'
import sys
import numpy as np

path, total = sys.argv[1], int(sys.argv[2]) * 1_000_000
rng = np.random.default_rng(20261125)
bases = np.frombuffer(b"ACGT", dtype=np.uint8)
comp = np.zeros(256, dtype=np.uint8)
for a, b in zip(b"ACGTN", b"TGCAN"):
    comp[a] = b
codons = np.array([[a, b, c] for a in b"ACGT" for b in b"ACGT" for c in b"ACGT"], dtype=np.uint8)
stops = [b"TAA", b"TAG", b"TGA"]
sense = np.array([c for c in codons if bytes(c) not in stops], dtype=np.uint8)
usage = rng.gamma(0.7, size=len(sense))
usage /= usage.sum()
stop_codons = np.array([list(s) for s in stops], dtype=np.uint8)
iupac = np.frombuffer(b"RYKMSWBDHVN", dtype=np.uint8)

def gene():
    """ATG, 100-999 codons drawn with a skewed codon usage, a stop; either strand."""
    body = sense[rng.choice(len(sense), size=int(rng.integers(100, 1000)), p=usage)].reshape(-1)
    seq = np.concatenate([np.frombuffer(b"ATG", dtype=np.uint8), body, stop_codons[rng.integers(3)]])
    return comp[seq[::-1]] if rng.random() < 0.5 else seq

def record(length, gene_fraction):
    parts, size = [], 0
    while size < length:
        part = gene() if rng.random() < gene_fraction else \
            rng.choice(bases, size=int(rng.integers(50, 600)), p=[0.28, 0.22, 0.22, 0.28])
        parts.append(part)
        size += len(part)
    seq = np.concatenate(parts)[:length].copy()
    for _ in range(length // 2_000_000):  # scaffold gaps
        s = int(rng.integers(0, length))
        seq[s:s + int(rng.integers(100, 50_000))] = ord("N")
    for _ in range(length // 100_000):  # soft-masked repeats
        s = int(rng.integers(0, length))
        e = s + int(rng.integers(500, 10_000))
        seq[s:e] = np.where(seq[s:e] != ord("N"), seq[s:e] | 0x20, seq[s:e])
    spots = rng.integers(0, length, size=length // 10_000)  # ambiguity codes
    seq[spots] = iupac[rng.integers(0, len(iupac), size=len(spots))]
    return seq

# (name, length, gene fraction, line width; 0 = one line)
plan = [("chr1", 0.4, 0.85, 60), ("chr2", 0.2, 0.6, 60), ("chr3", 0.1, 0.5, 0)]
plan = [(n, int(f * total), g, w) for n, f, g, w in plan]
plan += [(f"scaffold{i}", total // 25, 0.7, 80) for i in range(1, 6)]
remaining, i = total - sum(p[1] for p in plan), 0
while remaining > 0:
    n = min(remaining, int(rng.integers(500, 10_000)))
    i += 1
    plan.append((f"contig{i}", n, 0.8, 60))
    remaining -= n
with open(path, "wb") as f:
    for name, length, fraction, width in plan:
        seq = record(length, fraction).tobytes()
        f.write(b">%s synthetic %d bp\n" % (name.encode(), length))
        for s in range(0, len(seq), width or len(seq)):
            f.write(seq[s:s + (width or len(seq))] + b"\n")
PY
fi
records=$(grep -c '>' "$genome")
# The first 5 Mb of the first record, as it is and as an uppercase A/C/G/T copy (tcode crashes on N
# runs and ambiguity codes).
slice=$work/slice-5Mb.fa
slice_acgt=$work/slice-5Mb-acgt.fa
if [ ! -s "$slice_acgt" ]; then
    python3 - "$genome" "$slice" "$slice_acgt" <<'PY'
import re, sys
with open(sys.argv[1]) as f:
    header, seq, n = f.readline(), [], 0
    for line in f:
        if line.startswith(">") or n >= 5_000_000:
            break
        seq.append(line.strip())
        n += len(seq[-1])
seq = "".join(seq)[:5_000_000]
clean = re.sub("[^ACGT]", "A", seq.upper())
for path, text in ((sys.argv[2], seq), (sys.argv[3], clean)):
    with open(path, "w") as f:
        f.write(">slice\n" + "\n".join(text[i:i + 60] for i in range(0, len(text), 60)) + "\n")
PY
fi

mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.2f", b / s / 1e6 }'; }
seconds_of() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"; }
rss_of() { awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$1"; }

echo "codingscan speed benchmark, $(date '+%Y-%m-%d %H:%M')"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') (family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | tr -d ' ')), $(nproc) cores, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin" model-info "${model_flags[@]}" 2>/dev/null | awk -v m="$model_label" '
    # The read model follows: only the first model is described. Read to the end rather than exit, or
    # model-info dies of SIGPIPE and pipefail stops the benchmark.
    /^read model/ { done = 1 } done { next }
    /^name:/ { name = $2 } /^window:/ { w = $2 } /^step:/ { s = $2 }
    /^ +[0-9]+ +conv1d / { conv = conv (conv ? ", " : "") $3 " k" $5 }
    /^ +[0-9]+ +(maxpool1d|subsample1d) / { pools = pools (pools ? "," : "") ($2 == "subsample1d" ? "subsample " : "max ") $4 }
    END { printf "model: %s (%s): window %s, step %s; conv %s; pools %s\n", name, m, w, s, conv, pools }'
echo "genome: $genome, ${size_mb} Mb, $records records (3 chromosomes, 5 scaffolds, contigs of 0.5-10 kb; N gaps, soft-masking, IUPAC codes)"
echo

echo "== end to end, the scan: codingscan --raw GENOME > /dev/null (the window track, $threads threads)"
best=0
for run in 1 2; do
    /usr/bin/time -v "$bin" "${model_flags[@]}" -t "$threads" -vv --raw "$genome" > /dev/null 2> "$work/time.log"
    s=$(seconds_of "$work/time.log")
    rate=$(mbps "$((size_mb * 1000000))" "$s")
    echo "  run $run: ${s} s, $rate Mb/s, max RSS $(rss_of "$work/time.log") MB"
    best=$(awk -v a="$best" -v b="$rate" 'BEGIN { print (b > a ? b : a) }')
done
grep '^codingscan: kernels' "$work/time.log" | sed 's/^codingscan: /  /'
echo "  best: $best Mb/s (target >= 5 Mb/s: $(awk -v r="$best" 'BEGIN { print (r >= 5 ? "met" : "NOT met") }'))"
echo

echo "== 8-bit convolutions: --precision int8 --raw and the default bedGraph ($threads threads; same output on every CPU)"
for mode in "--raw" ""; do
    # shellcheck disable=SC2086
    /usr/bin/time -v "$bin" "${model_flags[@]}" -t "$threads" -q --precision int8 $mode "$genome" > /dev/null 2> "$work/time.log"
    s=$(seconds_of "$work/time.log")
    echo "  --precision int8 ${mode:-(default bedGraph)}: ${s} s, $(mbps "$((size_mb * 1000000))" "$s") Mb/s, max RSS $(rss_of "$work/time.log") MB"
done
echo

echo "== decoding: the default bedGraph (the decoder's posterior), gene calls (-f gff), -f gff --adapt"
track_s=$(awk -v b="$best" -v n="$((size_mb * 1000000))" 'BEGIN { printf "%.2f", n / b / 1e6 }')
for mode in bedgraph gff "gff --adapt"; do
    # shellcheck disable=SC2086
    /usr/bin/time -v "$bin" "${model_flags[@]}" -t "$threads" -q -f $mode "$genome" > /dev/null 2> "$work/time.log"
    s=$(seconds_of "$work/time.log")
    echo "  -f $mode: ${s} s, $(mbps "$((size_mb * 1000000))" "$s") Mb/s, max RSS $(rss_of "$work/time.log") MB," \
        "$(awk -v a="$s" -v b="$track_s" 'BEGIN { printf "%+.0f%%", 100 * (a / b - 1) }') against the track's best run" \
        "(target for decoding: at most +15%)"
done
# The decoder alone (generated bases and evidence, no network): what it costs per Mb on one thread.
for kind in eukaryote prokaryote; do
    "$bench" decode --gene-model "$kind" --mb 4.8 --repeat 3 > "$work/decode.txt"
    echo "  the decoder alone, calls and posterior, $kind gene model, 1 thread:" \
        "$(awk '/^decode_mb_per_s/ { print $2 }' "$work/decode.txt") Mb/s"
done
echo

echo "== FMA peak (tight multiply-add loop of the chosen kernel variant) and the convolution stack"
"$bench" peak --threads "$threads" > "$work/peak.txt"
peak1=$(awk '/^peak_gflops_1thread/ { print $2 }' "$work/peak.txt")
peakn=$(awk '/^peak_gflops_[0-9]+threads/ { print $2 }' "$work/peak.txt")
echo "  peak: $peak1 GFLOP/s on 1 thread, $peakn GFLOP/s on $threads threads ($(awk '/^variant/ { print $2 }' "$work/peak.txt"))"
"$bench" stack --model "$model" --threads "$threads" --mb 8 > "$work/stack.txt"
get() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
stack=$(get stack_gflops "$work/stack.txt")
gemm=$(get gemm_gflops "$work/stack.txt")
echo "  convolution stack, $threads threads, no I/O (8 Mb random sequence, both strands, model step):"
echo "    $stack GFLOP/s = $(awk -v a="$stack" -v p="$peakn" 'BEGIN { printf "%.0f", 100 * a / p }')% of peak (all of it: first layer, GEMMs, pooling, over wall time), $(get stack_mb_per_s "$work/stack.txt") Mb/s, $(get flops_per_base "$work/stack.txt") FLOP/base"
echo "    GEMM kernels (conv layers 2+): $gemm GFLOP/s = $(awk -v a="$gemm" -v p="$peakn" 'BEGIN { printf "%.0f", 100 * a / p }')% of peak (target >= 80%: $(awk -v a="$gemm" -v p="$peakn" 'BEGIN { print (a >= 0.8 * p ? "met" : "NOT met") }')), $(awk -v s="$(get gemm_share_of_time "$work/stack.txt")" 'BEGIN { printf "%.0f", 100 * s }')% of the stack's time"
variant=$(awk '/^variant/ { print $2 }' "$work/peak.txt")
"$bench" gemm | awk -v p="$peak1" -v v="$variant" '{
    split($1, f, "_")
    if (f[1] == "gemm8") {
        printf "    1 thread, 8-bit GEMM (--precision int8), %s kernel, conv %s k9 (3000 rows): %s G ops/s", f[2], f[3], $2
        if (f[2] == v) printf " = %.1fx the 1-thread FMA peak", $2 / p
        printf "\n"; next
    }
    printf "    1 thread, %s kernels, conv %s k9 as one GEMM (3000 rows): %s GFLOP/s", f[2], f[3], $2
    if (f[2] == v) printf " = %.0f%% of the 1-thread peak", 100 * $2 / p
    printf "\n" }'
echo

echo "== steps: end to end on the first 10 Mb of the genome (cost per base must not grow as the step shrinks)"
# Named apart from the genome: with SIZE_MB=10 the genome itself is genome-10Mb.fa.
head -c 10000000 "$genome" > "$work/steps-first-10Mb.fa"
printf '  %6s %8s %12s\n' step Mb/s FLOP/base
for step in 9 18 30 60 150; do
    "$bin" "${model_flags[@]}" -t "$threads" -s "$step" -vv "$work/steps-first-10Mb.fa" > /dev/null 2> "$work/step.log"
    line=$(grep '^codingscan: model' "$work/step.log")
    bases=$(echo "$line" | sed -E 's/.* ([0-9]+) bases.*/\1/')
    secs=$(echo "$line" | sed -E 's/.*; ([0-9.]+) s, peak.*/\1/')
    gflop=$(grep '^codingscan: kernels' "$work/step.log" | sed -E 's/.*stack ([0-9.]+) GFLOP.*/\1/')
    printf '  %6s %8s %12.0f\n' "$step" "$(mbps "$bases" "$secs")" "$(awk -v g="$gflop" -v b="$bases" 'BEGIN { print g * 1e9 / b }')"
done
echo

echo "== ONNX Runtime on the same windows (first 20000 windows of the first record, both strands)"
if python3 -c 'import onnx, onnxruntime' 2>/dev/null; then
    python3 scripts/export-onnx.py "$model" "$work/model.onnx" | sed 's/^/  /'
    "$bench" windows --model "$model" --fasta "$genome" --count 20000 --threads 2 --out "$work/codingscan.f32" > "$work/windows.txt"
    python3 - "$work/model.onnx" "$genome" "$work/codingscan.f32" "$model" > "$work/ort.txt" <<'PY'
import json, struct, sys, time
import numpy as np
import onnxruntime as ort

onnx_path, fasta, ours_path, model_path = sys.argv[1:5]
with open(model_path, "rb") as f:
    (n,) = struct.unpack("<Q", f.read(8))
    meta = json.loads(json.loads(f.read(n))["__metadata__"]["codingscan"])
count, window, step = 20000, meta["window"], meta["step"]
needed = (count - 1) * step + window
chunks, size = [], 0
with open(fasta, "rb") as f:
    f.readline()
    for line in f:  # the first record (as codingscan-bench windows, which checks it is long enough)
        if line.startswith(b">") or size >= needed:
            break
        chunks.append(line.strip())
        size += len(chunks[-1])
bases = np.frombuffer(b"".join(chunks)[:needed], dtype=np.uint8)
table = np.zeros((256, 4), dtype=np.float32)  # acgt-iupac-fractional
for letter, allowed in {"A": "A", "C": "C", "G": "G", "T": "T", "U": "T", "R": "AG", "Y": "CT", "S": "CG",
                        "W": "AT", "K": "GT", "M": "AC", "B": "CGT", "D": "AGT", "H": "ACT", "V": "ACG",
                        "N": "ACGT"}.items():
    row = np.array([c in allowed for c in "ACGT"], dtype=np.float32) / len(allowed)
    table[ord(letter)] = table[ord(letter.lower())] = row
hot = table[bases]
index = (np.arange(count) * step)[:, None] + np.arange(window)[None, :]
plus = hot[index].transpose(0, 2, 1)  # [count, 4, window]
minus = plus[:, ::-1, ::-1]           # reverse complement: A<->T, C<->G, positions reversed
x = np.ascontiguousarray(np.concatenate([plus, minus]))
options = ort.SessionOptions()
options.intra_op_num_threads = 2
options.inter_op_num_threads = 1
options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
session = ort.InferenceSession(onnx_path, options, providers=["CPUExecutionProvider"])
batch = 1024

def run():
    out = np.empty(len(x), dtype=np.float32)
    for b in range(0, len(x), batch):
        out[b:b + batch] = session.run(["p"], {"x": x[b:b + batch]})[0][:, 0]
    return out

run()
best = float("inf")
for _ in range(3):
    start = time.perf_counter()
    out = run()
    best = min(best, time.perf_counter() - start)
ours = np.fromfile(ours_path, dtype="<f4").reshape(count, 2)
theirs = np.stack([out[:count], out[count:]], axis=1)
scored = ~np.isnan(ours[:, 0])
print("ort_version", ort.__version__)
print("ort_windows_per_s", f"{count / best:.0f}")
print("compared", int(scored.sum()))
print("max_abs_difference", f"{np.abs(ours[scored] - theirs[scored]).max():.2g}")
PY
    ours=$(get windows_per_s "$work/windows.txt")
    theirs=$(get ort_windows_per_s "$work/ort.txt")
    ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.1f", a / b }')
    echo "  ONNX Runtime $(get ort_version "$work/ort.txt"), 2 intra-op threads, batches of 1024: $theirs windows/s"
    echo "  codingscan (shared work, 2 threads): $ours windows/s"
    echo "  ratio codingscan / ONNX Runtime: $ratio (target >= 2: $(awk -v r="$ratio" 'BEGIN { print (r >= 2 ? "met" : "NOT met") }'))"
    echo "  largest |p_codingscan - p_onnxruntime| over $(get compared "$work/ort.txt") scored windows x 2 strands: $(get max_abs_difference "$work/ort.txt")"
else
    echo "  skipped: pip install onnxruntime onnx"
fi
echo

echo "== other tools on a 5 Mb slice of chr1 (Mb/s; tcode on an uppercase A/C/G/T copy)"
timed() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'; }
s=$(timed "$bin" "${model_flags[@]}" -t "$threads" "$slice")
echo "  codingscan (default settings: the decoded bedGraph, $threads threads): $s s, $(mbps 5000000 "$s") Mb/s"
if command -v prodigal > /dev/null; then
    s=$(timed prodigal -q -i "$slice" -o "$work/prodigal.gbk")
    echo "  prodigal (single genome mode, 1 thread): $s s, $(mbps 5000000 "$s") Mb/s"
else
    echo "  prodigal: not installed (apt-get install prodigal)"
fi
if command -v tcode > /dev/null; then
    for tstep in 3 30; do
        s=$(timed tcode -sequence "$slice_acgt" -window 200 -step "$tstep" -outfile "$work/slice.tcode")
        echo "  EMBOSS tcode (window 200, step $tstep, 1 thread): $s s, $(mbps 5000000 "$s") Mb/s"
    done
else
    echo "  tcode: not installed (apt-get install emboss)"
fi
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg) (other jobs on the machine make every figure noisy)"
