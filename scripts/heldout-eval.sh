#!/usr/bin/env bash
# Measures generalisation honestly: trains with the default settings WITHOUT B. subtilis and the
# D. melanogaster slice, then evaluates on those two held-out genomes, beside EMBOSS tcode and Prodigal
# scored by the same `codingscan eval` (anchors: scripts/anchors.sh). Each held-out genome is also
# evaluated without the ORF gate and without smoothing, to show what each step adds.
# Usage: scripts/heldout-eval.sh DATA_DIR [WORK_DIR]   (DATA_DIR as for train-default-model.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-${CODINGSCAN_DATA:?usage: scripts/heldout-eval.sh DATA_DIR [WORK_DIR]}}
work=${2:-$(mktemp -d)}
mkdir -p "$work"
# shellcheck source=scripts/model-settings.sh
source scripts/model-settings.sh
swift build -c release --product codingscan >/dev/null
bin=.build/release/codingscan
pairs=()
for g in ecoli_k12_mg1655 athaliana_slice klebsiella_k_loci; do
    pairs+=(--genome "$data/$g/genome.fa.gz" --annotation "$data/$g/annotation.gff3.gz")
done
model="$work/heldout.safetensors"
[ -s "$model" ] || "$bin" train "${pairs[@]}" "${MODEL_SETTINGS[@]}" --name codingscan-heldout \
    --reproducible -o "$model" 2> "$work/train.log"
tail -n 1 "$work/train.log"
[ -s "$work/bsub/tcode.bedgraph" ] || scripts/anchors.sh "$data/bsubtilis_168" "$work/bsub" single >/dev/null
[ -s "$work/dmel/tcode.bedgraph" ] || scripts/anchors.sh "$data/dmelanogaster_slice" "$work/dmel" meta >/dev/null
for g in bsubtilis_168:bsub dmelanogaster_slice:dmel; do
    dir=${g%%:*}; short=${g##*:}
    args=(--genome "$data/$dir/genome.fa.gz" --annotation "$data/$dir/annotation.gff3.gz")
    "$bin" eval "${args[@]}" -m "$model" | sed "s|^genome.fa.gz|$dir|"
    # The same model without the ORF gate, and without smoothing either (each window's own score).
    for off in "--orf-gate 0" "--orf-gate 0 --smooth 0"; do
        # shellcheck disable=SC2086
        "$bin" eval "${args[@]}" -m "$model" $off | tail -n 1 \
            | sed -e "s|^genome.fa.gz|$dir|" -e "s|codingscan-heldout|codingscan-heldout $off|"
    done
    "$bin" eval "${args[@]}" --track "$work/$short/tcode.bedgraph" | tail -n 1 | sed "s|^genome.fa.gz|$dir|"
    "$bin" eval "${args[@]}" --track "$work/$short/prodigal.bedgraph" | tail -n 1 | sed "s|^genome.fa.gz|$dir|"
done
