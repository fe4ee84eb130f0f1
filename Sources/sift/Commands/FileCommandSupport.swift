import SiftIngest

/// What `sift convert` and `sift dedup` (files mode) share: the output format they write and how they report
/// the files they read.
enum FileCommandSupport {
  /// The format named by `--to`, else by `--out`'s extension, else RIS; a message when neither names one.
  static func outputFormat(to: String?, out: String?) -> Result<OutputFormat, FormatChoiceError> {
    if let to {
      guard let format = OutputFormat(rawValue: to.lowercased()) ?? OutputFormat(fileExtension: to) else {
        return .failure(FormatChoiceError("unknown output format `\(to)`; use ris, csv, jsonl or bibtex"))
      }
      return .success(format)
    }
    if let out, let dot = out.lastIndex(of: ".") {
      guard let format = OutputFormat(fileExtension: String(out[dot...])) else {
        return .failure(
          FormatChoiceError(
            "\(out): cannot tell the output format from the extension; use .ris, .csv, .jsonl or .bib, or --to"))
      }
      return .success(format)
    }
    return .success(.ris)
  }

  /// One line per file (format, records, rejected, warnings, database), then its diagnostics: errors always,
  /// warnings unless `quiet`, at most 20.
  static func reportLines(_ summary: FileReadSummary, quiet: Bool) -> [String] {
    var lines: [String] = []
    let warnings = summary.diagnostics.filter { $0.severity == .warning }.count
    if !quiet {
      var line = "\(summary.path): \(summary.format.displayName), \(summary.recordCount) records"
      if summary.rejectedCount > 0 { line += ", \(summary.rejectedCount) rejected" }
      line += ", \(warnings) warning\(warnings == 1 ? "" : "s")"
      if let database = summary.database { line += ", database \(database)" }
      lines.append(line)
    }
    let shown = summary.diagnostics.filter { !quiet || $0.severity == .error }
    for diagnostic in shown.prefix(20) { lines.append("  \(diagnostic)") }
    if shown.count > 20 { lines.append("  … and \(shown.count - 20) more") }
    return lines
  }
}

/// Why no output format could be chosen.
struct FormatChoiceError: Error {
  var message: String
  init(_ message: String) { self.message = message }
}
