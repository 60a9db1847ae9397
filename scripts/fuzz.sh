#!/usr/bin/env bash
# Builds and runs one libFuzzer target (Swift's -sanitize=fuzzer,address) without SwiftPM.
#
#   scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer options...]
#   TARGET: sequence (SequenceIO: FASTA/FASTQ/SAM/BAM/CRAM), annotation (GFF3/GTF/BED), model
#   (safetensors loader). SECONDS: run length (default 60); 0 only builds.
#
# Each library module the target needs is compiled straight from Sources/ (one whole-module object
# plus its .swiftmodule) into .build-fuzz/TARGET/, then linked with scripts/fuzz/TARGET.swift and
# scripts/fuzz/FuzzInput.swift. The seed corpus is fixtures/fuzz/TARGET/ (read only); new inputs go
# to .build-fuzz/TARGET/corpus/, crashes/timeouts/OOMs to .build-fuzz/TARGET/artifacts/, and the
# libFuzzer log to .build-fuzz/TARGET/fuzz-0.log.
# Environment: FUZZ_JOBS (default 1), FUZZ_MAX_LEN (65536), FUZZ_RSS_MB (2048), FUZZ_TIMEOUT (10).
set -euo pipefail

target=${1:?usage: scripts/fuzz.sh sequence|annotation|model [SECONDS] [libFuzzer options...]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

case "$target" in
    sequence) modules=(GenomeCore SequenceIO) ;;
    annotation) modules=(GenomeCore Annotation) ;;
    model) modules=(GenomeCore Windows ReadingFrames Kernels ModelFormat ScalarInference) ;;
    *) echo "fuzz.sh: unknown target '$target' (sequence, annotation, model)" >&2; exit 64 ;;
esac

out=.build-fuzz/$target
mkdir -p "$out/corpus" "$out/artifacts"
htslib=(-Xcc -fmodule-map-file=Sources/CHTSlib/module.modulemap)
# The modules under test carry fuzzer coverage and ASan; -enable-testing allows @testable import.
instrumented=(-sanitize=fuzzer,address -parse-as-library -O -enable-testing -swift-version 5)

objects=()
for module in "${modules[@]}"; do
    flags=("${instrumented[@]}")
    # The SIMD kernels and GenomeCore are not under test: plain -O keeps their build fast and coverage focused.
    [[ $module == Kernels || $module == GenomeCore ]] && flags=(-sanitize=address -parse-as-library -O -swift-version 5)
    echo "fuzz.sh: compiling $module" >&2
    mapfile -t sources < <(find Sources/"$module" -name '*.swift' | sort)   # Kernels keeps its files in folders
    swiftc "${flags[@]}" "${htslib[@]}" -I "$out" -module-name "$module" -wmo -num-threads 0 \
        -emit-module -emit-module-path "$out/$module.swiftmodule" \
        -c "${sources[@]}" -o "$out/$module.o"
    objects+=("$out/$module.o")
done
echo "fuzz.sh: linking $out/fuzz-$target" >&2
# (ld.gold warns once per ASan helper symbol that it cannot export; those lines are dropped.)
{ swiftc "${instrumented[@]}" "${htslib[@]}" -I "$out" -module-name "Fuzz_$target" \
    scripts/fuzz/FuzzInput.swift scripts/fuzz/"$target".swift "${objects[@]}" -lhts \
    -o "$out/fuzz-$target" 2>&1 1>&3 | { grep -v "Cannot export local symbol '__asan" || true; } >&2; } 3>&1

[[ $seconds == 0 ]] && exit 0
# New inputs are written to the first corpus directory only; the checked-in seeds stay untouched.
# Each target also reads the fixture folders of its inputs in place as seeds (no copies of them in
# fixtures/fuzz, which keeps only seeds of its own).
case "$target" in
    sequence) extra=("$root/fixtures/seq" "$root/fixtures/bad") ;;
    annotation) extra=("$root/fixtures/real" "$root/fixtures/bad") ;;
    model) extra=("$root/fixtures/models" "$root/fixtures/models/bad") ;;
esac
# Run inside $out: with -jobs, libFuzzer writes its log to fuzz-JOB.log in the working directory.
cd "$out"
exec "./fuzz-$target" corpus "$root/fixtures/fuzz/$target" "${extra[@]}" \
    -max_total_time="$seconds" -jobs="${FUZZ_JOBS:-1}" -workers="${FUZZ_JOBS:-1}" \
    -max_len="${FUZZ_MAX_LEN:-65536}" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
    -timeout="${FUZZ_TIMEOUT:-10}" -artifact_prefix=artifacts/ -print_final_stats=1 "$@"
