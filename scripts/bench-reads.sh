#!/usr/bin/env bash
# Read benchmark: per-read accuracy of codingscan's read model beside Prodigal's metagenome mode
# (pyrodigal) and FragGeneScanRs (pyfgs), on reads simulated from genomes the read model never saw.
# Usage: scripts/bench-reads.sh DATA_DIR [WORK_DIR]
#   DATA_DIR (or $CODINGSCAN_DATA): one folder per genome (genome.fa.gz + annotation.gff3.gz); its
#   README.md names every organism and accession.
#   READS=N   reads per genome, length and error rate (default 10000).
#   JOBS=N    read models trained in parallel (default 2, one thread each).
# The folds are scripts/generalisation.sh's: each trains a read model (scripts/train-read-model.sh) on
# the genomes outside it, and every genome of the fold gets READS reads (fixed seed) of 100, 150 and
# 250 bases with 0%, 1% and 3% substitutions (scripts/simulate-reads.py: uniform positions, random
# strand; a read is coding when at least half of its bases lie in a CDS). Each tool scores each read
# (scripts/read-scores.py); per-read ROC-AUC and best MCC go to WORK/reads-rows.tsv and
# WORK/reads-table.md, with reads/s of each tool on 200,000 reads of 150 bases (codingscan: FASTQ in,
# TSV out, 2 threads; pyrodigal: one thread, as it is single-threaded per call; FragGeneScanRs: its
# batch call on all threads).
# Python packages go to WORK/venv (pyrodigal, CPython 3) and WORK/venv312 (pyfgs, whose wheels are
# built for CPython 3.12: python3.12 on the PATH, or PY312=/path/to/python3.12); a tool that cannot be
# installed is skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-${CODINGSCAN_DATA:?usage: scripts/bench-reads.sh DATA_DIR [WORK_DIR]}}
work=${2:-$(mktemp -d)}
reads=${READS:-10000}
jobs=${JOBS:-2}
mkdir -p "$work/reads"
swift build -c release --product codingscan >/dev/null
cp .build/release/codingscan "$work/codingscan-reads"
bin=$work/codingscan-reads
scripts=$PWD/scripts

# The folds of scripts/generalisation.sh, and each genome's group.
source scripts/folds.sh

# Python tools, each in its own environment.
tools=(codingscan)
if [ -x "$work/venv/bin/python" ] || { python3 -m venv "$work/venv" && "$work/venv/bin/pip" -q install pyrodigal; }; then
    tools+=(pyrodigal)
else
    echo "bench-reads.sh: pyrodigal could not be installed; skipping Prodigal's metagenome mode" >&2
fi
py312=${PY312:-python3.12}
if [ -x "$work/venv312/bin/python" ] || { "$py312" -c pass 2>/dev/null && "$py312" -m venv "$work/venv312" \
        && "$work/venv312/bin/pip" -q install pyfgs; }; then
    tools+=(fgs)
else
    echo "bench-reads.sh: pyfgs needs CPython 3.12 (python3.12, or PY312=PATH) and could not be installed; skipping FragGeneScanRs" >&2
fi
python_for() { case $1 in fgs) echo "$work/venv312/bin/python" ;; *) echo "$work/venv/bin/python" ;; esac; }

# One read model per fold.
pids=()
for k in "${!folds[@]}"; do
    model="$work/reads-fold$((k + 1)).safetensors"
    if [ ! -s "$model" ]; then
        # shellcheck disable=SC2086
        READ_NAME="codingscan-reads-fold$((k + 1))" scripts/train-read-model.sh "$data" "$model" ${folds[$k]} &
        pids+=($!)
    fi
    if [ "${#pids[@]}" -ge "$jobs" ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p"; done

score() {  # tool, reads.fq, fold → scores on stdout
    case $1 in
        codingscan)
            "$bin" -q --read-model "$work/reads-fold$3.safetensors" -f tsv -t 2 "$2" \
                | python3 "$scripts/read-scores.py" codingscan /dev/stdin ;;
        *) "$(python_for "$1")" "$scripts/read-scores.py" "$1" "$2" ;;
    esac
}

rows="$work/reads-rows.tsv"
printf 'genome\tgroup\tfold\tlength\terrors\ttool\treads\tcoding\troc_auc\tbest_mcc\n' > "$rows"
for k in "${!folds[@]}"; do
    for g in ${folds[$k]}; do
        for length in 100 150 250; do
            for errors in 0 0.01 0.03; do
                prefix="$work/reads/$g.$length.$errors"
                [ -s "$prefix.fq" ] || python3 "$scripts/simulate-reads.py" "$data/$g/genome.fa.gz" \
                    "$data/$g/annotation.gff3.gz" "$prefix" --length "$length" --count "$reads" --errors "$errors" --seed 1
                for tool in "${tools[@]}"; do
                    score "$tool" "$prefix.fq" "$((k + 1))" > "$prefix.$tool.tsv"
                    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$g" "$(group "$g")" "$((k + 1))" "$length" "$errors" "$tool" \
                        "$(python3 "$scripts/read-scores.py" auc "$prefix.truth.tsv" "$prefix.$tool.tsv")" >> "$rows"
                done
                rm -f "$prefix.fq"
            done
        done
    done
done

# Throughput: 200,000 reads of 150 bases.
speed="$work/reads-speed.tsv"
python3 "$scripts/simulate-reads.py" "$data/ecoli_k12_mg1655/genome.fa.gz" "$data/ecoli_k12_mg1655/annotation.gff3.gz" \
    "$work/speed" --length 150 --count 200000 --errors 0.01 --seed 2
printf 'tool\treads\tseconds\treads_per_s\tthreads\tmax_rss_mb\n' > "$speed"
timed() {  # label threads command... → a row
    local label=$1 threads=$2; shift 2
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" > /dev/null
    read -r seconds rss < "$work/time.txt"
    printf '%s\t200000\t%s\t%s\t%s\t%s\n' "$label" "$seconds" "$(python3 -c "print(round(200000 / $seconds))")" \
        "$threads" "$((rss / 1024))" >> "$speed"
}
timed codingscan 2 "$bin" -q --read-model "$work/reads-fold4.safetensors" -f tsv -t 2 "$work/speed.fq"
for tool in "${tools[@]}"; do
    case $tool in
        pyrodigal) timed pyrodigal 1 "$(python_for pyrodigal)" "$scripts/read-scores.py" pyrodigal "$work/speed.fq" ;;
        fgs) timed fgs "$(nproc)" "$(python_for fgs)" "$scripts/read-scores.py" fgs "$work/speed.fq" ;;
    esac
done
rm -f "$work/speed.fq"

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | tr -d ' ') model $(grep -m1 '^model[[:space:]]*:' /proc/cpuinfo | cut -d: -f2 | tr -d ' '), $(nproc) CPUs"
python3 - "$rows" "$speed" "$cpu" > "$work/reads-table.md" <<'PY'
import csv, sys
from collections import defaultdict
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
tools = [t for t in ("codingscan", "pyrodigal", "fgs") if any(r["tool"] == t for r in rows)]
names = {"codingscan": "codingscan", "pyrodigal": "pyrodigal -p meta", "fgs": "FragGeneScanRs"}
print("Per-read ROC-AUC, 150 bp, 1% substitutions (held-out genomes):\n")
print("| genome | group | " + " | ".join(names[t] for t in tools) + " |")
print("|---|---|" + "---|" * len(tools))
by = defaultdict(dict)
for r in rows:
    by[(r["genome"], r["group"], r["length"], r["errors"])][r["tool"]] = float(r["roc_auc"])
for (g, group, length, errors), v in by.items():
    if length == "150" and errors == "0.01":
        print(f"| {g} | {group} | " + " | ".join(f"{v.get(t, float('nan')):.3f}" for t in tools) + " |")
print("\nMean per-read ROC-AUC over the held-out genomes, by read length and substitution rate:\n")
print("| length | errors | " + " | ".join(names[t] for t in tools) + " |")
print("|---|---|" + "---|" * len(tools))
means = defaultdict(list)
for (g, group, length, errors), v in by.items():
    for t in tools:
        if t in v:
            means[(int(length), float(errors), t)].append(v[t])
for length in (100, 150, 250):
    for errors in (0.0, 0.01, 0.03):
        vals = [means[(length, errors, t)] for t in tools]
        if all(vals):
            print(f"| {length} | {errors:.0%} | " + " | ".join(f"{sum(x) / len(x):.3f}" for x in vals) + " |")
print(f"\nThroughput, 200,000 reads of 150 bp ({sys.argv[3]}):\n")
print("| tool | threads | seconds | reads/s | max RSS MB |")
print("|---|---|---|---|---|")
for r in csv.DictReader(open(sys.argv[2]), delimiter="\t"):
    print(f"| {names[r['tool']]} | {r['threads']} | {r['seconds']} | {r['reads_per_s']} | {r['max_rss_mb']} |")
PY
cat "$work/reads-table.md"
