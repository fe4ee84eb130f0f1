import Foundation
import SiftExtract

/// `sift synthesis`: weighted means, counts by category and correlation strengths from the consensus.
public enum SynthesisRun {
  /// The report; `countBy` overrides the protocol's `synthesis.count_by` (default interventions).
  public static func report(project: ExtractionProject, countBy: ExtractionQuery.CountBy?)
    throws(ExtractionProject.Failure) -> SynthesisReport
  {
    guard let consensus = try project.loadStored(ExtractionProject.consensus) else {
      throw ExtractionProject.Failure(
        "no consensus: \(project.relative(project.consensusURL)) is missing; run sift extract consensus first")
    }
    var chosen = countBy ?? .interventions
    if countBy == nil, let setting = project.settings.synthesis?.countBy {
      guard let parsed = ExtractionQuery.CountBy(rawValue: setting), parsed != .entries else {
        throw ExtractionProject.Failure("protocol.yaml: synthesis.count_by must be studies or interventions")
      }
      chosen = parsed
    }
    return SynthesisBuilder(form: project.form, scale: project.correlationScale, countBy: chosen).build(consensus)
  }

  /// The report as Markdown.
  public static func markdown(_ report: SynthesisReport, project: ExtractionProject) -> String {
    SynthesisMarkdown.render(report, formTitle: project.form.title)
  }
}
