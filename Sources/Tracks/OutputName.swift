/// What an output file's name asks for, as samtools and bgzip users expect: `.gz`/`.bgz` for BGZF
/// text (`OutputSink` compresses), `.bw`/`.bigwig` for a bigWig (the CLI's default `-f`). Any case.
public enum OutputName {
    /// The name ends in `.gz` or `.bgz`.
    public static func impliesBGZF(_ path: String) -> Bool {
        endsWith(path, [".gz", ".bgz"])
    }

    /// The name ends in `.bw` or `.bigwig`.
    public static func impliesBigWig(_ path: String) -> Bool {
        endsWith(path, [".bw", ".bigwig"])
    }

    private static func endsWith(_ path: String, _ suffixes: [String]) -> Bool {
        let lower = path.lowercased()
        return suffixes.contains { lower.hasSuffix($0) }
    }
}
