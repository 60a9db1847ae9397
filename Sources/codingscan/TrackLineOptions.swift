import ArgumentParser
import Tracks

extension TrackLine.Visibility: ExpressibleByArgument {}

/// `scan`'s track line options. Each one implies `--track-line`.
struct TrackLineOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Track line name (implies --track-line). (default: codingscan)", valueName: "text"))
    var trackName: String?

    @Option(help: ArgumentHelp("Track line description (implies --track-line).", valueName: "text"))
    var trackDescription: String?

    @Option(help: ArgumentHelp("Track line display mode: full, dense, pack, squish or hide (implies --track-line).",
                               valueName: "mode"))
    var trackVisibility: TrackLine.Visibility?

    @Option(help: ArgumentHelp("Track line colour as R,G,B, each 0-255 (implies --track-line).", valueName: "r,g,b"))
    var trackColor: String?

    @Option(help: ArgumentHelp("Any other track line setting as KEY=VALUE, replacing a default of the same key "
                               + "(repeatable; implies --track-line), e.g. viewLimits=0.2:1.", valueName: "key=value"))
    var trackOption: [String] = []

    /// Whether any of these options was given.
    var any: Bool {
        trackName != nil || trackDescription != nil || trackVisibility != nil || trackColor != nil || !trackOption.isEmpty
    }

    func validate() throws {
        _ = try line()
    }

    /// The settings, or a usage error naming the option.
    func line() throws -> TrackLine {
        var line = TrackLine(name: trackName, description: trackDescription, visibility: trackVisibility)
        for (option, value) in [("--track-name", trackName), ("--track-description", trackDescription)] {
            if let value, let problem = TrackLine.problem(in: value) {
                throw ValidationError("\(option): the value \(problem)")
            }
        }
        if let trackColor {
            guard let color = TrackLine.color(trackColor) else {
                throw ValidationError("--track-color must be R,G,B with each 0-255 (got '\(trackColor)')")
            }
            line.color = color
        }
        for text in trackOption {
            guard let pair = TrackLine.option(text) else {
                throw ValidationError("--track-option must be KEY=VALUE with a KEY of letters, digits and _ "
                    + "(got '\(text)')")
            }
            if let problem = TrackLine.problem(in: pair.value) {
                throw ValidationError("--track-option \(pair.key): the value \(problem)")
            }
            line.options.append(pair)
        }
        return line
    }
}
