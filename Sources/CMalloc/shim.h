#ifndef CODINGSCAN_CMALLOC_SHIM_H
#define CODINGSCAN_CMALLOC_SHIM_H
// glibc's allocator settings (mallopt, M_MMAP_THRESHOLD, M_TRIM_THRESHOLD) for Swift: Glibc's module
// does not export <malloc.h>. Part of the C library; nothing to link.
#include <malloc.h>
#endif
