#!/usr/bin/env bash
# Reproduces codingscan's built-in default model from the shared genomes.
# Usage: scripts/train-default-model.sh DATA_DIR [OUT.safetensors]
#   DATA_DIR (or $CODINGSCAN_DATA) holds one folder per genome with genome.fa.gz + annotation.gff3.gz:
#     ecoli_k12_mg1655     Escherichia coli K-12 MG1655, NCBI RefSeq NC_000913.3 (assembly GCF_000005845.2), RefSeq GFF3
#     bsubtilis_168        Bacillus subtilis 168, NCBI RefSeq NC_000964.3 (GCF_000009045.1), CDS from the NCBI protein table
#     athaliana_slice      Arabidopsis thaliana TAIR10 (arabidopsis.org), first 1% of each chromosome
#     dmelanogaster_slice  Drosophila melanogaster FlyBase release 6 (flybase.org), first 1% of each chromosome arm
#     klebsiella_k_loci    162 Klebsiella capsule (K) loci, Debian package kaptive-data
#     ypestis_pPCP1        Yersinia pestis plasmid pPCP1, NCBI NC_005816.1 (Debian package python-biopython-doc);
#                          not trained on (9.6 kb: an equal share of the samples would overfit it), kept as
#                          the bundled example and test fixture
# Then embed it: scripts/embed-model.sh OUT.safetensors && swift build -c release
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-${CODINGSCAN_DATA:?usage: scripts/train-default-model.sh DATA_DIR [OUT.safetensors]}}
out=${2:-default.safetensors}
# shellcheck source=scripts/model-settings.sh
source scripts/model-settings.sh
swift build -c release --product codingscan >/dev/null
pairs=()
for g in ecoli_k12_mg1655 bsubtilis_168 athaliana_slice dmelanogaster_slice klebsiella_k_loci; do
    pairs+=(--genome "$data/$g/genome.fa.gz" --annotation "$data/$g/annotation.gff3.gz")
done
/usr/bin/time -v .build/release/codingscan train "${pairs[@]}" "${MODEL_SETTINGS[@]}" \
    --name codingscan-default --reproducible -o "$out" 2> >(tee "$out.log" >&2)
