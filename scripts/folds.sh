# Sourced by scripts/generalisation.sh and scripts/bench-reads.sh: the cross-validation folds over the
# 19 shared genomes (`folds`, one string of genome folders per fold), each genome's group for the
# summaries (`group NAME`) and its genetic code (`code NAME`).
# shellcheck shell=bash
# shellcheck disable=SC2034
# Folds: each holds out a mix of GC-rich and AT-rich, bacteria, archaea, eukaryotes and viruses.
# E. coli and the Klebsiella loci (both Enterobacteriaceae) are held out together, so neither
# vouches for the other; so are the two plant/animal slices.
folds=(
    "caulobacter_crescentus_cb15 staphylococcus_aureus_CP007454 pyrococcus_furiosus saccharomyces_cerevisiae_chrI_II lambda_phage"
    "pseudomonas_fluorescens_CP008896 mycoplasma_gallisepticum methanocaldococcus_jannaschii trypanosoma_brucei_chr1 mpox_virus"
    "haloferax_volcanii bsubtilis_168 sulfolobus_acidocaldarius cryptosporidium_parvum_chr1"
    "ecoli_k12_mg1655 klebsiella_k_loci athaliana_slice dmelanogaster_slice ypestis_pPCP1"
)
# group GC-class of each genome for the summaries, and its genetic code.
group() {
    case $1 in
        caulobacter*|pseudomonas*) echo "bacteria GC-rich" ;;
        haloferax*) echo "archaea GC-rich" ;;
        staphylococcus*|mycoplasma*) echo "bacteria AT-rich" ;;
        pyrococcus*|methanocaldococcus*|sulfolobus*) echo "archaea" ;;
        saccharomyces*|trypanosoma*|cryptosporidium*|athaliana*|dmelanogaster*) echo "eukaryotes" ;;
        lambda*|mpox*) echo "viruses" ;;
        *) echo "bacteria" ;;
    esac
}
code() { case $1 in mycoplasma*) echo 4 ;; *) echo 11 ;; esac; }
