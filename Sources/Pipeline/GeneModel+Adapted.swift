import GeneCalling
import ReadingFrames
import ModelFormat

extension AdaptedGeneModel {
    /// The genetic code the statistics were learnt with (`adapted_to`'s `genetic_code`; 11 when it is
    /// not recorded or not supported).
    public var geneticCode: GeneticCode {
        adaptedTo.objectValue?["genetic_code"]?.intValue.flatMap { GeneticCode.ncbi($0) } ?? .standard
    }
}

extension GeneModel {
    /// This gene model with what a model file's `gene_model` (`codingscan adapt`) learnt: its hexamer
    /// table and weight, start codon and motif scores, start context; unless a prior, the posterior
    /// temperature of adapted models.
    public func applying(_ adapted: AdaptedGeneModel) -> GeneModel {
        var model = self
        model.hexamers = HexamerTable(ratios: adapted.hexamers.map { Float($0) })
        model.hexamerWeight = adapted.hexamerWeight
        model.startScores = adapted.startScores
        model.motifScore = adapted.motifScore
        model.upstream = adapted.upstream.map { Float($0) }
        model.upstreamWeight = adapted.upstreamWeight
        model.statisticsArePrior = adapted.prior
        // A genome's or species' own statistics decode as `--adapt` does; a prior's as no statistics.
        if !adapted.prior { model.posteriorTemperature = GeneModel.adaptedPosteriorTemperature }
        return model
    }

    /// What a model file stores of this gene model's genome-specific part (nil without a hexamer table
    /// and a start context),
    /// with `adaptedTo` as its provenance.
    public func adaptedEntry(adaptedTo: JSONValue) -> AdaptedGeneModel? {
        guard let hexamers, let upstream else { return nil }
        // 4 decimals (as `GeneStatistics.adapted` rounds them) print short and read back to the same Float.
        let decimal4 = { (value: Float) in (Double(value) * 10_000).rounded() / 10_000 }
        return AdaptedGeneModel(hexamers: hexamers.ratios.map(decimal4), hexamerWeight: hexamerWeight,
                                startScores: startScores, motifScore: motifScore, upstream: upstream.map(decimal4),
                                upstreamWeight: upstreamWeight, adaptedTo: adaptedTo)
    }
}
