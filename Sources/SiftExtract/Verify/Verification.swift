/// Reported versus reproduced figures.
public struct Verification: Sendable, Hashable {
  /// The comparison of one reported figure.
  public struct Line: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
      /// Within the reported precision.
      case reproduced
      /// Beyond the reported precision.
      case differs
      /// Could not be computed from the consensus.
      case notComputed = "not computed"
    }

    public var item: ReportedItem
    public var outcome: StatisticEvaluator.Outcome
    public var status: Status

    /// reproduced − reported.
    public var difference: Double? { outcome.value.map { $0 - item.reported } }
  }

  public var lines: [Line]

  /// Compares every item; a value differs when |reproduced − reported| > ½·10^−decimals.
  public static func run(_ reported: ReportedFile, evaluator: StatisticEvaluator) -> Verification {
    Verification(
      lines: reported.items.map { item in
        let outcome = evaluator.evaluate(item.statistic)
        let status: Line.Status
        if let value = outcome.value {
          status = withinPrecision(value, item.reported, decimals: item.decimals ?? 0) ? .reproduced : .differs
        } else {
          status = .notComputed
        }
        return Line(item: item, outcome: outcome, status: status)
      })
  }

  /// Whether `value` rounds to `reported` at `decimals` decimals (|difference| ≤ ½·10^−decimals, 1e-9 slack).
  public static func withinPrecision(_ value: Double, _ reported: Double, decimals: Int) -> Bool {
    var tolerance = 0.5
    for _ in 0..<max(0, decimals) { tolerance /= 10 }
    return abs(value - reported) <= tolerance + 1e-9
  }

  public var differing: [Line] { lines.filter { $0.status == .differs } }
  public var notComputed: [Line] { lines.filter { $0.status == .notComputed } }

  /// A plain-text table for the terminal.
  public func text() -> String {
    var rows = [["id", "reported", "reproduced", "difference", "status"]]
    for line in lines {
      let decimals = line.item.decimals ?? 0
      rows.append([
        line.item.id, line.item.reportedText ?? NumberFormat.fixed(line.item.reported, decimals: decimals),
        line.outcome.value.map { NumberFormat.fixed($0, decimals: decimals + 2) } ?? "–",
        line.difference.map { signed(NumberFormat.fixed($0, decimals: decimals + 2)) } ?? "–",
        line.status == .differs ? "DIFFERS" : line.status.rawValue,
      ])
    }
    let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
    var text = rows.map { row in
      row.enumerated().map { index, cell in
        index == 0 || index == 4
          ? cell + String(repeating: " ", count: widths[index] - cell.count)
          : String(repeating: " ", count: widths[index] - cell.count) + cell
      }.joined(separator: "  ").trimmedRight
    }.joined(separator: "\n")
    text +=
      "\n\n\(lines.count) figures: \(lines.count - differing.count - notComputed.count) reproduced, "
      + "\(differing.count) differ, \(notComputed.count) not computed.\n"
    for line in notComputed { text += "\(line.item.id): \(line.outcome.problem ?? "not computed")\n" }
    return text
  }

  /// The Markdown report written by `sift verify --out`.
  public func markdown() -> String {
    var out = ["# Verification: reported versus reproduced", ""]
    out.append(
      "A figure differs when |reproduced − reported| > ½·10^−decimals of the reported figure. Reproduced values "
        + "are computed from the consensus only.")
    out.append("")
    out.append("| Figure | Reported | Reproduced | Difference | Status |")
    out.append("| --- | ---: | ---: | ---: | --- |")
    for line in lines {
      let decimals = line.item.decimals ?? 0
      let status = line.status == .differs ? "**differs**" : line.status.rawValue
      out.append(
        "| \(md(line.item.id)) | \(md(line.item.reportedText ?? NumberFormat.fixed(line.item.reported, decimals: decimals))) | "
          + "\(line.outcome.value.map { NumberFormat.fixed($0, decimals: decimals + 2) } ?? "–") | "
          + "\(line.difference.map { signed(NumberFormat.fixed($0, decimals: decimals + 2)) } ?? "–") | \(status) |")
    }
    out.append("")
    out.append(
      "\(lines.count) figures: \(lines.count - differing.count - notComputed.count) reproduced, "
        + "\(differing.count) differ, \(notComputed.count) not computed.")
    for line in lines {
      out += ["", "## \(md(line.item.id))", ""]
      if let sentence = line.item.sentence { out.append("> \(md(sentence))") }
      if let location = line.item.location { out += ["", "Where: \(md(location))."] }
      out += ["", "Computed: \(md(line.item.statistic.summary))."]
      if !line.outcome.used.isEmpty { out.append("Used: \(md(line.outcome.used.joined(separator: ", "))).") }
      if !line.outcome.skipped.isEmpty {
        out.append("Left out: \(md(line.outcome.skipped.joined(separator: ", "))).")
      }
      if let problem = line.outcome.problem { out.append("Not computed: \(md(problem)).") }
      if let alternative = line.outcome.alternative {
        out.append(
          "For comparison, \(alternative.label) = "
            + "\(NumberFormat.fixed(alternative.value, decimals: (line.item.decimals ?? 0) + 2)).")
      }
      if let note = line.item.note { out.append("Note: \(md(sentence(note)))") }
    }
    return out.joined(separator: "\n") + "\n"
  }

  private func md(_ text: String) -> String { text.replacingAll("|", with: "\\|").replacingAll("\n", with: " ") }
  /// Text ending with exactly one full stop.
  private func sentence(_ text: String) -> String {
    let trimmed = text.trimmingTrailingSpaces
    return trimmed.hasSuffix(".") ? trimmed : trimmed + "."
  }

  private func signed(_ text: String) -> String { text.hasPrefix("-") ? text : "+" + text }
}

extension String {
  var trimmingTrailingSpaces: String {
    var text = Substring(self)
    while let last = text.last, last.isWhitespace { text = text.dropLast() }
    return String(text)
  }

  var trimmedRight: String {
    var text = Substring(self)
    while let last = text.last, last == " " { text = text.dropLast() }
    return String(text)
  }
}
