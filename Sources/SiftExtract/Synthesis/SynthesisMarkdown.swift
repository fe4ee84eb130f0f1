/// Renders a synthesis report as Markdown (deterministic; numbers with fixed decimals).
public enum SynthesisMarkdown {
  public static func render(_ report: SynthesisReport, formTitle: String? = nil) -> String {
    var lines: [String] = ["# Synthesis", ""]
    if let formTitle { lines += ["Form: \(formTitle).", ""] }
    lines.append(
      "Counts are by \(report.countBy.rawValue). Formulas: docs/synthesis.md. n of a row: its own `n` when "
        + "extracted, else the row's sample size.")
    lines.append("")
    lines += ["## Weighted means", ""]
    lines.append(
      "| Group | Rows with mean | Σn | Weighted mean Σnᵢmᵢ/Σnᵢ | Weighted SD Σnᵢsᵢ/Σnᵢ | Pooled SD √(Σ(nᵢ−1)sᵢ²/Σ(nᵢ−1)) |"
    )
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: |")
    for group in report.means {
      let summary = group.summary
      lines.append(
        "| \(cell(group.title)) (\(group.table).\(group.column)) | \(summary.valueCount) | "
          + "\(NumberFormat.plain(summary.totalN)) | \(fixed(summary.weightedMean, 2)) | "
          + "\(fixed(summary.weightedSD, 2)) | \(fixed(summary.pooledSD, 2)) |")
    }
    for group in report.means {
      lines += ["", "### \(group.title) (\(group.table).\(group.column))", ""]
      if group.summary.items.isEmpty {
        lines.append("No row reports a value.")
      } else {
        lines.append("| Row | n | Mean | SD |")
        lines.append("| --- | ---: | ---: | ---: |")
        for item in group.summary.items {
          lines.append(
            "| \(cell(item.name)) | \(NumberFormat.plain(item.n)) | \(item.valueText) | \(item.sdText) |")
        }
      }
      if !group.summary.skipped.isEmpty {
        lines.append("")
        lines.append(
          "Left out: " + group.summary.skipped.map { "\($0.name) (\($0.reason))" }.joined(separator: ", ") + ".")
      }
    }
    lines += ["", "## Counts by category", ""]
    for category in report.categories {
      lines.append("### \(cell(category.label)) (\(category.table).\(category.column))")
      lines.append("")
      lines.append("| Category | \(report.countBy.rawValue.capitalized) | Which |")
      lines.append("| --- | ---: | --- |")
      for count in category.counts {
        lines.append("| \(cell(count.value)) | \(count.count) | \(cell(count.units.joined(separator: ", "))) |")
      }
      lines.append("| Total \(report.countBy.rawValue) | \(category.total) | |")
      lines.append("")
    }
    lines.append("## Correlations")
    lines.append("")
    let scale = report.scale
    lines.append(
      "Strength of |r|: weak < \(NumberFormat.plain(scale.small)) ≤ small < \(NumberFormat.plain(scale.moderate)) "
        + "≤ moderate < \(NumberFormat.plain(scale.strong)) ≤ strong.")
    lines.append("")
    if report.correlations.isEmpty {
      lines.append("No correlation r extracted.")
    } else {
      lines.append("| Row | r | Strength | Reported strength | Significant |")
      lines.append("| --- | ---: | --- | --- | --- |")
      for correlation in report.correlations {
        let mismatch =
          correlation.reportedStrength.map { $0 != correlation.strength.rawValue ? " (differs)" : "" } ?? ""
        lines.append(
          "| \(cell(correlation.name)) | \(correlation.rWritten) | \(correlation.strength.rawValue) | "
            + "\(correlation.reportedStrength ?? "–")\(mismatch) | \(correlation.significant ?? "–") |")
      }
      lines.append("")
      lines.append("| Strength | Correlations | Significant |")
      lines.append("| --- | ---: | ---: |")
      for strength in CorrelationScale.Strength.allCases {
        let selected = report.correlations.filter { $0.strength == strength }
        lines.append(
          "| \(strength.rawValue) | \(selected.count) | \(selected.filter { $0.significant == "yes" }.count) |")
      }
    }
    if !report.significance.isEmpty {
      lines += ["", "## Significant relationships", ""]
      lines.append("| Analysis | Reported | Significant | Not significant | Not stated |")
      lines.append("| --- | ---: | ---: | ---: | ---: |")
      for line in report.significance {
        lines.append(
          "| \(cell(line.kind)) | \(line.reported) | \(line.significant) | \(line.notSignificant) | \(line.unknown) |")
      }
      lines.append("")
      lines.append("Counted by \(report.countBy.rawValue).")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func fixed(_ value: Double?, _ decimals: Int) -> String {
    value.map { NumberFormat.fixed($0, decimals: decimals) } ?? "–"
  }

  static func cell(_ text: String) -> String {
    text.replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
  }
}
