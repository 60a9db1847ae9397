#ifndef CODINGSCAN_CPU_FEATURES_H
#define CODINGSCAN_CPU_FEATURES_H

// What the running x86-64 CPU (and its operating system) can execute, for choosing a kernel variant
// at run time. Both functions return 0 on other architectures.

/// 1 when AVX2 and FMA are usable (CPU support and OS-enabled YMM state), else 0.
int codingscan_cpu_has_avx2_fma(void);

/// 1 when AVX-512 F, VL, BW and DQ plus AVX2 and FMA are usable (CPU support and OS-enabled ZMM
/// state), else 0.
int codingscan_cpu_has_avx512(void);

#endif
