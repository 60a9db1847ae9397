import ArgumentParser
import SequenceIO

/// `scan`'s region options: `-r/--region` (samtools syntax, repeatable) and `--regions-file` (BED).
struct RegionOptions: ParsableArguments {
    @Option(name: [.short, .long],
            help: ArgumentHelp("Scan only this region of indexed inputs: CHR, CHR:BEG or CHR:BEG-END, 1-based "
                               + "inclusive as in samtools (repeatable; in the order given).", valueName: "region"))
    var region: [String] = []

    @Option(help: ArgumentHelp("Scan only the regions of this BED file (0-based half-open; after any -r).",
                               valueName: "file"))
    var regionsFile: String?

    /// Whether any region was asked for.
    var any: Bool { !region.isEmpty || regionsFile != nil }

    func validate() throws {
        for text in region {
            do { _ = try GenomicRegion.parse(text) } catch { throw ValidationError(error.commandLineText) }
        }
    }

    /// The regions in order (`-r` first, then the regions file's lines); a usage error when regions are
    /// asked for on stdin, an input error (exit 1) for a bad regions file or one without regions.
    func regions(inputs: [String]) throws -> [GenomicRegion] {
        guard any else { return [] }
        if inputs.contains("-") { throw Failure(RegionError.standardInput) }
        var regions: [GenomicRegion] = []
        for text in region {
            do { regions.append(try GenomicRegion.parse(text)) } catch { throw Failure(error) }
        }
        if let regionsFile {
            do {
                let listed = try RegionsFile.read(path: regionsFile)
                if listed.isEmpty { throw Failure.message("\(regionsFile): no regions in regions file") }
                regions += listed
            } catch let error as RegionError {
                throw Failure(error)
            }
        }
        return regions
    }
}
