#!/usr/bin/env bash
# What --adapt does on genomes the network never saw: each of the 19 shared genomes scored with the model
# of the cross-validation fold that held it out, without and with --adapt.
# Usage: scripts/adapt-heldout.sh DATA_DIR WORK_DIR
#   DATA_DIR (or $CODINGSCAN_DATA): the shared genomes (see scripts/generalisation.sh for where each comes
#   from); WORK_DIR: holds fold1..4.safetensors from `scripts/generalisation.sh DATA_DIR WORK_DIR`.
#   OLD=BINARY  also scores the decoded track with BINARY's --adapt (e.g. a build of 586cdc2, whose --adapt
#               learnt the decoder's statistics only), as the "statistics only" columns.
# Per genome and variant `codingscan eval` (base level): the window track (`eval`, `eval --adapt`) and the
# decoded track with the decoder's calls (`eval --decoded`, `eval --decoded --adapt`), with the seconds
# each command took. Output: WORK/adapt-rows.tsv and WORK/adapt-table.md.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-${CODINGSCAN_DATA:?usage: scripts/adapt-heldout.sh DATA_DIR WORK_DIR}}
work=${2:?usage: scripts/adapt-heldout.sh DATA_DIR WORK_DIR}
# shellcheck source=scripts/folds.sh
source scripts/folds.sh
swift build -c release --product codingscan >/dev/null
bin=$work/codingscan-adapt
cp .build/release/codingscan "$bin"
rows=$work/adapt-rows.tsv
printf 'genome\tfold\tvariant\troc_auc\tbest_mcc\tcalls_mcc\tstops\tstarts\tseconds\n' > "$rows"
for k in "${!folds[@]}"; do
    for g in ${folds[$k]}; do
        ga=(-q -m "$work/fold$((k + 1)).safetensors" --genetic-code "$(code "$g")"
            --genome "$data/$g/genome.fa.gz" --annotation "$data/$g/annotation.gff3.gz")
        run() {  # variant command...: one row from eval's TSV
            local variant=$1 started ended
            shift
            started=$(date +%s.%N)
            local figures
            figures=$("$@" | awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
                NR == 2 { print $c["roc_auc"] "\t" $c["best_mcc"] "\t" (c["calls_mcc"] ? $c["calls_mcc"] : "") "\t" \
                    (c["stops_exact"] ? $c["stops_exact"] : "") "\t" (c["starts_exact"] ? $c["starts_exact"] : "") }')
            ended=$(date +%s.%N)
            printf '%s\t%s\t%s\t%s\t%.1f\n' "$g" "$((k + 1))" "$variant" "$figures" "$(echo "$ended - $started" | bc)" >> "$rows"
        }
        run window "$bin" eval "${ga[@]}"
        run window-adapt "$bin" eval "${ga[@]}" --adapt
        run decoded "$bin" eval "${ga[@]}" --decoded
        if [ -n "${OLD:-}" ]; then run decoded-adapt-stats "$OLD" eval "${ga[@]}" --decoded --adapt; fi
        run decoded-adapt "$bin" eval "${ga[@]}" --decoded --adapt
    done
done
python3 scripts/adapt-table.py "$rows" > "$work/adapt-table.md"
cat "$work/adapt-table.md"
