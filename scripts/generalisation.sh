#!/usr/bin/env bash
# Generalisation benchmark: leave-group-out cross-validation over the 19 shared genomes.
# Usage: scripts/generalisation.sh [--quick] DATA_DIR [WORK_DIR]
#   DATA_DIR (or $CODINGSCAN_DATA) holds one folder per genome (genome.fa.gz + annotation.gff3.gz); its
#   README.md names every organism and accession (NCBI RefSeq/GenBank, TAIR, FlyBase, SGD, GeneDB, Debian
#   kaptive-data and python-biopython-doc), so anyone can rebuild it.
#   --quick  4 epochs of 30,000 windows instead of train's defaults (24 × 100,000): for iterating only.
#   JOBS=N   trainings run in parallel (default 2, one thread each: a model's bytes depend on its thread
#            count, so the figures are reproducible whatever JOBS is).
#   BASELINE=MODEL  also evaluates MODEL (e.g. an older default model) on every genome, for regressions.
# Every fold trains with `codingscan train`'s defaults (the shipped recipe) on all genomes outside the fold,
# adds the decoder's statistics pooled over those of genetic code 11 as a prior (`adapt --prior`, as the
# built-in model has them), and evaluates each genome of the fold, base by base, with `codingscan eval`: the track, and the decoded
# gene calls (`-f gff`, and `-f gff --adapt`, scored by `eval --calls`: base-level MCC/F1, exact stops and
# starts); Prodigal 2.6
# (single mode, `-g 4` for the genetic-code-4 genome, `-p meta` under 100 kb) is scored by the same eval
# from its calls.
# Output: WORK/table.md (one row per genome, summaries by group) and WORK/rows.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=()
if [ "${1:-}" = --quick ]; then quick=(--epochs 4 --windows-per-epoch 30000); shift; fi
data=${1:-${CODINGSCAN_DATA:?usage: scripts/generalisation.sh [--quick] DATA_DIR [WORK_DIR]}}
work=${2:-$(mktemp -d)}
jobs=${JOBS:-2}
mkdir -p "$work"
command -v prodigal >/dev/null || { echo "generalisation.sh: needs prodigal (apt-get install prodigal)" >&2; exit 1; }
swift build -c release --product codingscan >/dev/null
# A copy, so that rebuilding the project while the folds train does not change the binary mid-run.
cp .build/release/codingscan "$work/codingscan"
bin=$work/codingscan

# The folds, each genome's group and genetic code.
source scripts/folds.sh

train_fold() {  # fold number, then the held-out genomes
    local k=$1; shift
    local model="$work/fold$k.safetensors" pairs=() code11=() g held
    [ -s "$model" ] && return 0
    for g in $(cd "$data" && ls -d -- */ | tr -d /); do
        for held in "$@"; do [ "$g" = "$held" ] && continue 2; done
        [ -s "$data/$g/genome.fa.gz" ] || continue
        pairs+=(--genome "$data/$g/genome.fa.gz" --annotation "$data/$g/annotation.gff3.gz")
        [ "$(code "$g")" = 11 ] && code11+=("$data/$g/genome.fa.gz")
    done
    /usr/bin/time -v "$bin" train "${pairs[@]}" "${quick[@]}" --seed 1 --threads 1 --reproducible \
        --name "codingscan-fold$k" -o "$model.network" > "$work/fold$k.log" 2>&1
    # As the built-in model: the decoder's statistics pooled over the fold's code-11 training genomes,
    # as a prior (scripts/train-default-model.sh).
    "$bin" adapt --prior -m "$model.network" -t 1 -o "$model.tmp" "${code11[@]}" >> "$work/fold$k.log" 2>&1
    mv "$model.tmp" "$model"
    rm -f "$model.network"
}

prodigal_track() {  # genome folder → WORK/prodigal/NAME.bedgraph (1 over called bases, merged)
    local g=$1 out="$work/prodigal/$1.bedgraph" mode=single size
    [ -s "$out" ] && return 0
    mkdir -p "$work/prodigal"
    zcat "$data/$g/genome.fa.gz" > "$work/prodigal/$g.fa"
    size=$(grep -v '^>' "$work/prodigal/$g.fa" | tr -d '\n' | wc -c)
    [ "$size" -lt 100000 ] && mode=meta
    local args=(-q -p "$mode" -f gff -i "$work/prodigal/$g.fa" -o "$work/prodigal/$g.gff")
    [ "$mode" = single ] && args+=(-g "$(code "$g")")
    prodigal "${args[@]}" 2>/dev/null
    awk -F '\t' '!/^#/ && NF >= 5 {
            s = $4 - 1; e = $5
            if ($1 == r && s <= me) { if (e > me) me = e; next }
            if (r != "") print r "\t" ms "\t" me "\t1"
            r = $1; ms = s; me = e
        } END { if (r != "") print r "\t" ms "\t" me "\t1" }' "$work/prodigal/$g.gff" > "$out.tmp"
    mv "$out.tmp" "$out"
    rm -f "$work/prodigal/$g.fa"
}

# Train the folds, JOBS at a time.
pids=()
for k in "${!folds[@]}"; do
    # shellcheck disable=SC2086
    train_fold "$((k + 1))" ${folds[$k]} &
    pids+=($!)
    if [ "${#pids[@]}" -ge "$jobs" ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p"; done

rows="$work/rows.tsv"
printf 'genome\tgroup\tgc\tfold\ttool\troc_auc\tpr_auc_noncoding\tbest_mcc\tmcc\tf1\tgenes_mcc\tgenes_f1\tstops_exact\tstarts_exact\n' \
    > "$rows"
metrics() {  # eval's TSV (with --calls) → roc pr best_mcc mcc f1 genes_mcc genes_f1 stops starts
    awk -F '\t' 'NR == 2 { print $7 "\t" $8 "\t" $9 "\t" $15 "\t" $14 "\t" $16 "\t" $17 "\t" $18 "\t" $19 }'
}
mkdir -p "$work/calls"
for k in "${!folds[@]}"; do
    for g in ${folds[$k]}; do
        ga=(--genome "$data/$g/genome.fa.gz" --annotation "$data/$g/annotation.gff3.gz")
        gc=$(zcat "$data/$g/genome.fa.gz" | grep -v '^>' | tr -d '\nNn' \
            | awk '{ n += length($0); c += gsub(/[GCgc]/, "") } END { printf "%.1f", 100 * c / n }')
        line="$g\t$(group "$g")\t$gc\t$((k + 1))"
        # The fold's model: its track, and its decoded gene calls (GFF3) scored by eval --calls.
        "$bin" -q -m "$work/fold$((k + 1)).safetensors" --genetic-code "$(code "$g")" -f gff \
            -o "$work/calls/$g.gff" "$data/$g/genome.fa.gz"
        printf "$line\tcodingscan\t%s\n" "$("$bin" eval -q "${ga[@]}" -m "$work/fold$((k + 1)).safetensors" \
            --genetic-code "$(code "$g")" --calls "$work/calls/$g.gff" | metrics)" >> "$rows"
        # The same with --adapt: the adapted window track (eval --adapt: the genome's own statistics and
        # the network fine-tuned on its calls) and the adapted calls (its statistics only).
        "$bin" -q -m "$work/fold$((k + 1)).safetensors" --genetic-code "$(code "$g")" -f gff --adapt \
            -o "$work/calls/$g.adapt.gff" "$data/$g/genome.fa.gz"
        printf "$line\tadapt\t%s\n" "$("$bin" eval -q --adapt "${ga[@]}" -m "$work/fold$((k + 1)).safetensors" \
            --genetic-code "$(code "$g")" --calls "$work/calls/$g.adapt.gff" | metrics)" >> "$rows"
        if [ -n "${BASELINE:-}" ]; then
            "$bin" -q -m "$BASELINE" --genetic-code "$(code "$g")" -f gff -o "$work/calls/$g.baseline.gff" \
                "$data/$g/genome.fa.gz"
            printf "$line\tbaseline\t%s\n" "$("$bin" eval -q "${ga[@]}" -m "$BASELINE" \
                --genetic-code "$(code "$g")" --calls "$work/calls/$g.baseline.gff" | metrics)" >> "$rows"
        fi
        prodigal_track "$g"
        printf "$line\tprodigal\t%s\n" "$("$bin" eval -q "${ga[@]}" --track "$work/prodigal/$g.bedgraph" \
            --calls "$work/prodigal/$g.gff" | metrics)" >> "$rows"
    done
done
python3 scripts/generalisation-table.py "$rows" > "$work/table.md"
cat "$work/table.md"
