import Foundation
import SiftExtract
import Yams

/// `sift verify`: reported versus reproduced figures.
public enum VerifyRun {
  /// Reads `reported` (default `reported.yaml` in the project) and compares every figure with the consensus.
  public static func run(project: ExtractionProject, reported: URL?) throws(ExtractionProject.Failure) -> Verification {
    let url = reported ?? project.reportedURL
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw ExtractionProject.Failure(
        "\(url.path): cannot read the reported figures (format: docs/extraction.md, section 4): "
          + error.localizedDescription)
    }
    let file: ReportedFile
    do {
      file = try YAMLDecoder().decode(ReportedFile.self, from: text)
    } catch {
      throw ExtractionProject.Failure("\(url.path): not a valid reported.yaml (schemas/reported.schema.json): \(error)")
    }
    var seen = Set<String>()
    for item in file.items where !seen.insert(item.id).inserted {
      throw ExtractionProject.Failure("\(url.path): item id \(item.id) appears twice")
    }
    guard let consensus = try project.loadStored(ExtractionProject.consensus) else {
      throw ExtractionProject.Failure(
        "no consensus: \(project.relative(project.consensusURL)) is missing; nothing to reproduce figures from")
    }
    let evaluator = StatisticEvaluator(form: project.form, extraction: consensus, scale: project.correlationScale)
    return Verification.run(file, evaluator: evaluator)
  }
}
