#ifndef CODINGSCAN_CHTSLIB_SHIM_H
#define CODINGSCAN_CHTSLIB_SHIM_H
// htslib for Swift: the headers, plus static inline shims for the macros and
// struct fields Swift cannot import or reach conveniently.
#include <htslib/hts.h>
#include <htslib/hfile.h>
#include <htslib/bgzf.h>
#include <htslib/sam.h>
#include <htslib/hts_log.h>
#include <htslib/faidx.h>
#include <htslib/kstring.h>

/// Switches htslib's own stderr logging off (the library reports errors by throwing). Idempotent and
/// cheap: every reader calls it before opening a file.
static inline void cs_hts_quiet(void) { hts_set_log_level(HTS_LOG_OFF); }
/// The underlying BGZF stream of an open htsFile (valid when compression != no_compression).
static inline BGZF *cs_hts_bgzf(htsFile *fp) { return fp->fp.bgzf; }
/// The underlying raw hFILE of an open htsFile (valid for uncompressed text formats).
static inline hFILE *cs_hts_hfile(htsFile *fp) { return fp->fp.hfile; }
/// Read name (NUL-terminated) of a BAM record.
static inline const char *cs_bam_qname(const bam1_t *b) { return bam_get_qname(b); }
/// Length of the query sequence in bases.
static inline int32_t cs_bam_seq_len(const bam1_t *b) { return b->core.l_qseq; }
/// FLAG field of a BAM record.
static inline uint16_t cs_bam_flag(const bam1_t *b) { return b->core.flag; }
/// 4-bit code of base i of the query sequence (seq_nt16 encoding, "=ACMGRSVTWYHKDBN").
static inline uint8_t cs_bam_seqi(const bam1_t *b, int i) { return bam_seqi(bam_get_seq(b), i); }
/// The seq_nt16_str table: 4-bit code -> IUPAC letter.
static inline char cs_nt16_letter(int code) { return seq_nt16_str[code & 15]; }
/// Block-read wrappers: return bytes read, 0 at EOF, < 0 on error.
static inline ssize_t cs_bgzf_read(BGZF *fp, void *buf, size_t n) { return bgzf_read(fp, buf, n); }
static inline ssize_t cs_hread(hFILE *fp, void *buf, size_t n) { return hread(fp, buf, n); }
/// Next read of a region iterator: >= 0 a read, -1 the end, < -1 an error.
static inline int cs_sam_itr_next(htsFile *fp, hts_itr_t *itr, bam1_t *b) { return sam_itr_next(fp, itr, b); }
#endif
