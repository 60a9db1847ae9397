import GenomeCore

/// The names genomes get in the report and the plot legend.
public enum GenomeLabels {
    /// The base name of each path ("stdin" for "-"). Where base names collide, those paths get as
    /// many trailing directories as it takes to tell them apart ("ecoli/genome.fa.gz"); a path given
    /// twice keeps one name.
    public static func labels(for paths: [String]) -> [String] {
        let parts = paths.map(components)
        var depth = [Int](repeating: 1, count: paths.count)
        func label(_ index: Int) -> String { parts[index].suffix(depth[index]).joined(separator: "/") }
        while true {
            var groups: [String: [Int]] = [:]
            for index in paths.indices { groups[label(index), default: []].append(index) }
            var grew = false
            for group in groups.values where group.count > 1 {
                for index in group where depth[index] < parts[index].count {
                    depth[index] += 1
                    grew = true
                }
            }
            if !grew { return paths.indices.map(label) }
        }
    }

    /// The last path component, trailing slashes ignored; "stdin" for "-".
    public static func baseName(_ path: String) -> String {
        PathName.base(path)
    }

    /// The non-empty components of `path` (["stdin"] for "-"; ["/"] for the root).
    private static func components(_ path: String) -> [String] {
        if path == "-" { return ["stdin"] }
        let parts = path.split(separator: "/").map(String.init)
        return parts.isEmpty ? [path] : parts
    }
}
