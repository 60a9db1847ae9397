#!/usr/bin/env python3
"""Writes a bedGraph as bigWig with pyBigWig, sequences and their sizes from a FASTA index.

    bedgraph_to_bigwig.py GENOME.fa.fai TRACK.bedGraph TRACK.bw

The header lists every `.fai` sequence in `.fai` order (the FASTA's own order), with its length;
the bedGraph's intervals (0-based half-open) must come in that order, sorted by start within a
sequence and not overlapping, as `codingscan` and the workflow's merge write them. Each value is
stored as the 32-bit float nearest to its text, with 10 zoom levels: for a codingscan bedGraph
the result reads back exactly as `codingscan -f bigwig -o TRACK.bw GENOME.fa` of the same genome.
Lines starting with `track`, `browser` or `#` are skipped. The output is written beside TRACK.bw
under a temporary name and renamed when complete. Errors are one line naming the file and line;
exit status 1.
"""
import os
import sys

# libBigWig's limits (as codingscan's own bigWig writer enforces them).
MAX_SEQUENCES = 65_535
MAX_COORDINATE = 2**32 - 1
ZOOM_LEVELS = 10
BATCH = 100_000


class InputError(Exception):
    pass


def read_sizes(fai):
    """(name, length) of every line of a samtools faidx index, in order."""
    sizes = []
    seen = set()
    with open(fai) as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 5 or not fields[0] or not fields[1].isdigit():
                raise InputError(f"{fai}: line {number}: expected 'name<TAB>length<TAB>offset<TAB>linebases"
                                 f"<TAB>linewidth' (samtools faidx)")
            name, length = fields[0], int(fields[1])
            if name in seen:
                raise InputError(f"{fai}: line {number}: sequence name '{name}' occurs twice; "
                                 f"a bigWig needs unique names")
            if length > MAX_COORDINATE:
                raise InputError(f"{fai}: line {number}: sequence '{name}' is {length} bp, more than "
                                 f"a bigWig's 32-bit coordinates hold")
            seen.add(name)
            sizes.append((name, length))
    if not sizes:
        raise InputError(f"{fai}: no sequences")
    if len(sizes) > MAX_SEQUENCES:
        raise InputError(f"{fai}: a bigWig holds at most {MAX_SEQUENCES} sequences (libBigWig), "
                         f"the index has {len(sizes)}")
    return sizes


def intervals(bedgraph, sizes, fai):
    """Yields (name, start, end, value) of the bedGraph, checked against the index order and lengths."""
    order = {name: (index, length) for index, (name, length) in enumerate(sizes)}
    last_index, last_end = -1, 0
    with open(bedgraph) as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith(("track", "browser", "#")):
                continue
            fields = line.rstrip("\n").split("\t")
            where = f"{bedgraph}: line {number}"
            if len(fields) != 4:
                raise InputError(f"{where}: expected 'chrom<TAB>start<TAB>end<TAB>value' (bedGraph)")
            name = fields[0]
            try:
                start, end, value = int(fields[1]), int(fields[2]), float(fields[3])
            except ValueError:
                raise InputError(f"{where}: expected integer start and end and a numeric value") from None
            if name not in order:
                raise InputError(f"{where}: sequence '{name}' is not in {fai}")
            index, length = order[name]
            if index < last_index:
                raise InputError(f"{where}: sequence '{name}' is out of the order of {fai}")
            if index > last_index:
                last_index, last_end = index, 0
            if not 0 <= start < end <= length:
                raise InputError(f"{where}: interval {start}-{end} is not within '{name}' (0-{length})")
            if start < last_end:
                raise InputError(f"{where}: interval {start}-{end} starts before the previous one ends "
                                 f"({last_end}); sort it (sort -k2,2n within each sequence)")
            last_end = end
            yield name, start, end, value


def convert(fai, bedgraph, output):
    import pyBigWig

    sizes = read_sizes(fai)
    directory, base = os.path.split(output)
    temporary = os.path.join(directory, f".{base}.partial-{os.getpid()}")
    open(temporary, "wb").close()  # an OSError naming the path here; pyBigWig would crash on it later
    bw = None
    try:
        bw = pyBigWig.open(temporary, "w")
        if bw is None:
            raise InputError(f"{output}: cannot open for writing")
        bw.addHeader(sizes, maxZooms=ZOOM_LEVELS)
        chroms, starts, ends, values = [], [], [], []
        for name, start, end, value in intervals(bedgraph, sizes, fai):
            chroms.append(name)
            starts.append(start)
            ends.append(end)
            values.append(value)
            if len(starts) >= BATCH:
                bw.addEntries(chroms, starts, ends=ends, values=values)
                chroms, starts, ends, values = [], [], [], []
        if starts:
            bw.addEntries(chroms, starts, ends=ends, values=values)
        bw.close()
        bw = None
        os.replace(temporary, output)
    finally:
        if bw is not None:
            bw.close()
        if os.path.exists(temporary):
            os.remove(temporary)


def main(argv):
    if len(argv) != 4:
        print(f"usage: {os.path.basename(argv[0])} GENOME.fa.fai TRACK.bedGraph TRACK.bw", file=sys.stderr)
        return 64
    try:
        import pyBigWig  # noqa: F401
    except ImportError:
        print(f"{os.path.basename(argv[0])}: pyBigWig is not installed (pip install pyBigWig==0.3.29)", file=sys.stderr)
        return 1
    try:
        convert(argv[1], argv[2], argv[3])
    except InputError as error:
        print(f"{os.path.basename(argv[0])}: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{os.path.basename(argv[0])}: {error.filename or argv[3]}: {error.strerror}", file=sys.stderr)
        return 1
    except RuntimeError as error:  # pyBigWig reports libBigWig failures this way
        print(f"{os.path.basename(argv[0])}: {argv[3]}: pyBigWig: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
