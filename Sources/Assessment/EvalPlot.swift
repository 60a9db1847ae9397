import Evaluation
import Tracks

/// The ROC and precision-recall curves of an evaluation as an SVG file.
///
/// Left panel ROC (coding as the positive class), right panel precision-recall of the non-coding
/// class (bases ranked by increasing score), so the legend's AP is the report's `pr_auc_noncoding`.
/// One series per genome, named by the genome file's base name.
public enum EvalPlot {
    /// Largest number of points per curve.
    public static let maxPoints = 500

    /// The SVG document (see `CurvePlotSVG`).
    public static func svg(_ assessments: [GenomeAssessment], model: String, window: Int, step: Int) -> String {
        let series = assessments.map {
            PlotSeries(name: $0.metrics.genome, evaluation: $0.evaluation, target: .negative, maxPoints: maxPoints)
        }
        let title = "codingscan eval: model \(model), window \(window) bp, step \(step) bp"
        return CurvePlotSVG.render(series, title: title, prLabel: "non-coding")
    }

    /// Writes `text` to `path` atomically: a temporary file beside it, renamed over `path` on success.
    public static func write(_ text: String, to path: String) throws(AssessmentError) {
        let sink: OutputSink
        do { sink = try OutputSink(path: path) } catch { throw .output(error) }
        do { try sink.write(text) } catch {
            sink.abandon()
            throw .output(error)
        }
        // A failed commit removes the temporary file itself.
        do { try sink.commit() } catch { throw .output(error) }
    }
}
