import Training

extension TrainingSetting {
    /// The `codingscan train` option that sets it: the CLI owns the setting-to-flag table. Settings
    /// with no option (the maximum window, the holdout fraction) keep their names.
    var flag: String {
        switch self {
        case .name: return "--name"
        case .window: return "--window"
        case .step: return "--step"
        case .smooth: return "--smooth"
        case .orfGate: return "--orf-gate"
        case .minLength: return "--min-length"
        case .maxWindow: return "max window"
        case .epochs: return "--epochs"
        case .batchSize: return "--batch-size"
        case .learningRate: return "--learning-rate"
        case .learningRateSchedule: return "--lr-schedule"
        case .weightDecay: return "--weight-decay"
        case .dropout: return "--dropout"
        case .mutationRate: return "--mutation-rate"
        case .indelRate: return "--indel-rate"
        case .codingFraction: return "--coding-fraction"
        case .labelSpan: return "--label-span"
        case .windowsPerEpoch: return "--windows-per-epoch"
        case .validationWindows: return "--validation-windows"
        case .patience: return "--patience"
        case .threads: return "--threads"
        case .channels: return "--channels"
        case .kernels: return "--kernels"
        case .pools: return "--pools"
        case .poolKinds: return "--pool-kinds"
        case .hidden: return "--hidden"
        case .holdoutFraction: return "holdout fraction"
        case .genomeWeighting: return "--genome-weighting"
        case .seed: return "--seed"
        case .genome: return "--genome"
        case .annotation: return "--annotation"
        case .validationGenomes: return "--validate-genome/--validate-annotation"
        case .initialModel: return "--initial-model"
        }
    }
}

extension TrainingError {
    /// True for errors in what the command line asked (exit status 64).
    var isUsage: Bool {
        switch self {
        case .outOfRange, .listLength, .windowBelowMinimum, .noTrainingGenome: return true
        default: return false
        }
    }

    /// The one line `codingscan train` prints: every setting spelled as its option.
    var commandLineText: String { text { $0.flag } }
}
