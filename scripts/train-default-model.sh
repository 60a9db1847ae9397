#!/usr/bin/env bash
# Reproduces codingscan's built-in default model: `codingscan train` with its defaults (the recipe,
# docs/default-model.md) on every genome of the shared data set, one thread, fixed seed; then
# `codingscan adapt --prior` of that network to the genomes of genetic code 11 together, which stores the
# decoder's statistics pooled over them in the model (its gene_model entry: hexamer ratios, start codon,
# motif and start context scores; docs/default-model.md, "The decoder's pooled statistics").
# Usage: scripts/train-default-model.sh DATA_DIR [OUT.safetensors]
#   DATA_DIR (or $CODINGSCAN_DATA) holds one folder per genome with genome.fa.gz + annotation.gff3.gz;
#   its README.md gives organism, accession and source of each (NCBI RefSeq/GenBank, ENA/Ensembl
#   Bacteria, TAIR10, FlyBase r6, SGD, GeneDB, Debian kaptive-data and python-biopython-doc).
# One thread: a model's bytes depend on the thread count (by float rounding only) and on the CPU's
# kernel build (baseline or AVX2 + FMA, recorded in the provenance as "kernels").
# Then embed it: scripts/embed-model.sh OUT.safetensors && swift build -c release
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-${CODINGSCAN_DATA:?usage: scripts/train-default-model.sh DATA_DIR [OUT.safetensors]}}
out=${2:-default.safetensors}
swift build -c release --product codingscan >/dev/null
cp .build/release/codingscan "$out.codingscan"
pairs=()
for dir in "$data"/*/; do
    [ -s "$dir/genome.fa.gz" ] || continue
    pairs+=(--genome "$dir/genome.fa.gz" --annotation "$dir/annotation.gff3.gz")
done
/usr/bin/time -v "$out.codingscan" train "${pairs[@]}" --seed 1 --threads 1 --reproducible \
    --name codingscan-default -o "$out.network" 2> >(tee "$out.log" >&2)
# The pooled statistics: every genome whose annotation names no table but 11 or 1 (the same stop codons;
# M. gallisepticum's table 4 reads TGA as tryptophan, and its genes would be cut at every TGA).
code11=()
for dir in "$data"/*/; do
    [ -s "$dir/genome.fa.gz" ] || continue
    others=$( (gzip -dc "$dir/annotation.gff3.gz" | grep -o 'transl_table=[0-9]*' || true) | grep -cvx 'transl_table=1*' || true)
    [ "$others" = 0 ] || continue
    code11+=("$dir/genome.fa.gz")
done
"$out.codingscan" adapt --prior -m "$out.network" --name codingscan-default -o "$out" -t 1 "${code11[@]}" 2> >(tee -a "$out.log" >&2)
rm -f "$out.codingscan" "$out.network"
