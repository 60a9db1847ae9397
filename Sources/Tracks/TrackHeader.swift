/// The UCSC `track` line of a text track, written once before its first line when `settings.trackLine`
/// is set: the one place the bedGraph, BED and decoded writers decide whether and when to write it.
struct TrackHeader {
    private var written = false

    /// Writes the line once: `defaults(model)` gives the writer's default settings, `model` being
    /// " (MODEL NAME)" or "" (for the description); `settings.line` goes on top.
    mutating func write(_ settings: TrackSettings, to sink: OutputSink,
                        defaults: (String) -> [(String, String)]) throws(TrackError) {
        guard settings.trackLine && !written else { return }
        written = true
        let model = settings.modelName.isEmpty ? "" : " (\(settings.modelName))"
        try sink.write(settings.line.render(defaults: defaults(model)))
    }
}
