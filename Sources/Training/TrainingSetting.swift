/// A training setting that can be out of range, named without any command-line spelling (the CLI maps
/// each to its option, e.g. `windowsPerEpoch` → `--windows-per-epoch`). The raw value names it in the
/// library's own messages.
public enum TrainingSetting: String, Sendable, CaseIterable {
    case name, window, step, smooth, orfGate = "ORF gate", minLength = "minimum length"
    case maxWindow = "maximum window", epochs, batchSize = "batch size", learningRate = "learning rate"
    case learningRateSchedule = "learning-rate schedule"
    case weightDecay = "weight decay", dropout, mutationRate = "mutation rate", indelRate = "indel rate", codingFraction = "coding fraction"
    case labelSpan = "label span", windowsPerEpoch = "windows per epoch", validationWindows = "validation windows"
    case patience, threads, channels, kernels, pools, poolKinds = "pool kinds", hidden
    case holdoutFraction = "holdout fraction", genomeWeighting = "genome weighting", seed
    case genome = "training genome", annotation, validationGenomes = "validation genomes", initialModel = "initial model"
}
