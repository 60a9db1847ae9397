#!/usr/bin/env bash
# Reproduces codingscan's built-in read model (the network that scores records shorter than the window,
# docs/read-model.md): `codingscan train` on 150-base windows of every genome of the shared data set,
# labelled by the CDS-covered fraction of the whole window (a read is coding when at least half of it
# is), with train's 3% random substitutions as augmentation (covers sequencing errors), one thread,
# fixed seed: about 20 minutes on one core.
# Usage: scripts/train-read-model.sh DATA_DIR [OUT.safetensors] [HELD_OUT_GENOME ...]
#   DATA_DIR (or $CODINGSCAN_DATA) holds one folder per genome with genome.fa.gz + annotation.gff3.gz;
#   its README.md gives organism, accession and source of each. HELD_OUT_GENOME folders are left out
#   (cross-validation: scripts/bench-reads.sh trains one read model per fold this way).
#   READ_RECIPE overrides the recipe's options (for experiments only).
# Then embed it: scripts/embed-model.sh --read OUT.safetensors && swift build -c release
# --read-hexamers stores the training genomes' CDS hexamer statistics by GC in the model (a few seconds),
# which the scan adds to the network's score of each read; `codingscan train --epochs 0 --read-hexamers
# --initial-model OLD.safetensors --genome ... -o NEW.safetensors` adds them to a read model trained before.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-${CODINGSCAN_DATA:?usage: scripts/train-read-model.sh DATA_DIR [OUT.safetensors] [HELD_OUT ...]}}
out=${2:-read.safetensors}
shift $(($# >= 2 ? 2 : $#))
name=${READ_NAME:-codingscan-reads}
# The recipe (docs/read-model.md says how it was chosen): window 150 (reads of 50-359 bases are scored
# whole; the network accepts 50), three conv blocks of 32 channels with kernels 9, 5, 5 (the first
# pooling keeps the reading frame), 48 epochs of 200,000 windows, no smoothing or ORF gate (one window
# per read).
read -ra recipe <<< "${READ_RECIPE:---window 150 --label-span 150 --channels 32,32,32 --kernels 9,5,5 --pools 3,2,1 --pool-kinds subsample,max,max --smooth 0 --orf-gate 0 --min-length 50 --epochs 48 --windows-per-epoch 200000 --read-hexamers}"
swift build -c release --product codingscan >/dev/null
cp .build/release/codingscan "$out.codingscan"
pairs=()
for dir in "$data"/*/; do
    [ -s "$dir/genome.fa.gz" ] || continue
    for held in "$@"; do [ "$(basename "$dir")" = "$held" ] && continue 2; done
    pairs+=(--genome "$dir/genome.fa.gz" --annotation "$dir/annotation.gff3.gz")
done
/usr/bin/time -v "$out.codingscan" train "${pairs[@]}" "${recipe[@]}" --seed 1 --threads 1 --reproducible \
    --name "$name" -o "$out" 2> "$out.log"
rm -f "$out.codingscan"
