#ifndef CODINGSCAN_CPU_FEATURES_H
#define CODINGSCAN_CPU_FEATURES_H

// What the running x86-64 CPU (and its operating system) can execute, for choosing a kernel variant
// at run time. Every function returns 0 on other architectures.

/// 1 when AVX2 and FMA are usable (CPU support and OS-enabled YMM state), else 0.
int codingscan_cpu_has_avx2_fma(void);

/// 1 when AVX-512 F, VL, BW and DQ plus AVX2 and FMA are usable (CPU support and OS-enabled ZMM
/// state), else 0.
int codingscan_cpu_has_avx512(void);

/// 1 when AVX-512 VNNI (8-bit dot products into 32-bit sums, `vpdpbusd`) is usable besides
/// everything `codingscan_cpu_has_avx512` needs, else 0.
int codingscan_cpu_has_avx512_vnni(void);

/// 1 when AVX-VNNI (the 256-bit VEX-encoded `vpdpbusd` of CPUs without AVX-512, such as Intel's
/// Alder Lake and later) is usable besides AVX2 and FMA, else 0.
int codingscan_cpu_has_avx_vnni(void);

#endif
