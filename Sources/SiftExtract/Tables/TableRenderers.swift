import SiftCore

/// Output formats of `sift tables`.
public enum TableFormat: String, Sendable, CaseIterable {
  case csv, md, tex, html

  /// File extension.
  public var fileExtension: String { rawValue }
}

/// Renders printed tables as CSV, Markdown, LaTeX (booktabs) or accessible HTML. Output is deterministic.
public enum TableRenderer {
  /// One table in a format, ending with a newline.
  public static func render(_ table: PrintedTable, as format: TableFormat) -> String {
    switch format {
    case .csv: return csv(table)
    case .md: return markdown(table)
    case .tex: return latex(table)
    case .html: return html(table)
    }
  }

  // MARK: CSV

  /// Header `Row,<reference>,<columns>`, one line per printed line; footnotes are not part of the CSV.
  public static func csv(_ table: PrintedTable) -> String {
    // Cells are guarded against spreadsheet formula injection (numbers stay numbers).
    var lines = [ExtractionCSV.line((["Row", table.referenceHeader] + table.headers).map(SpreadsheetSafety.guarded))]
    for line in table.lines {
      lines.append(ExtractionCSV.line(([line.id, line.reference] + line.cells).map(SpreadsheetSafety.guarded)))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: Markdown

  /// A pipe table under a bold `Table N` caption; line breaks as `<br>`, footnotes as paragraphs.
  public static func markdown(_ table: PrintedTable) -> String {
    func cell(_ text: String) -> String {
      text.replacingAll("\\", with: "\\\\").replacingAll("|", with: "\\|").replacingAll("\n", with: "<br>")
    }
    var lines = ["**Table \(table.number).** \(cell(table.caption))", ""]
    let header = [""] + [table.referenceHeader] + table.headers
    lines.append("| " + header.map(cell).joined(separator: " | ") + " |")
    lines.append("|" + header.map { _ in " --- " }.joined(separator: "|") + "|")
    for line in table.lines {
      lines.append("| " + ([line.id, line.reference] + line.cells).map(cell).joined(separator: " | ") + " |")
    }
    for footnote in table.footnotes {
      lines.append("")
      lines.append(cell(footnote))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: LaTeX

  /// A `table` float with a booktabs `tabular`; text columns as `p{}` columns, a little space between studies.
  public static func latex(_ table: PrintedTable) -> String {
    func escape(_ text: String) -> String {
      var result = ""
      for character in text {
        switch character {
        case "\\": result += "\\textbackslash{}"
        case "&": result += "\\&"
        case "%": result += "\\%"
        case "$": result += "\\$"
        case "#": result += "\\#"
        case "_": result += "\\_"
        case "{": result += "\\{"
        case "}": result += "\\}"
        case "~": result += "\\textasciitilde{}"
        case "^": result += "\\textasciicircum{}"
        case "\n": result += "\\newline "
        default: result.append(character)
        }
      }
      return result
    }
    let spec = "@{}ll" + table.types.map { $0 == .text ? "p{3.2cm}" : "p{2.4cm}" }.joined() + "@{}"
    var lines = [
      "% Requires \\usepackage{booktabs}",
      "\\begin{table}[htbp]",
      "\\centering",
      "\\footnotesize",
      "\\caption{\(escape(table.caption))}",
      "\\label{tab:\(table.tableID)}",
      "\\begin{tabular}{\(spec)}",
      "\\toprule",
      ([""] + [table.referenceHeader] + table.headers).map(escape).joined(separator: " & ") + " \\\\",
      "\\midrule",
    ]
    for (index, group) in table.groups.enumerated() {
      if index > 0 { lines.append("\\addlinespace") }
      for line in group {
        lines.append(([line.id, line.reference] + line.cells).map(escape).joined(separator: " & ") + " \\\\")
      }
    }
    lines.append("\\bottomrule")
    lines.append("\\end{tabular}")
    for footnote in table.footnotes {
      lines.append("\\par\\smallskip\\parbox{\\linewidth}{\\scriptsize \(escape(footnote))}")
    }
    lines.append("\\end{table}")
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: HTML

  /// An accessible table: `<caption>`, `<th scope="col">` headers, `<th scope="row">` row ids, one `<tbody>`
  /// per study, footnotes in `<tfoot>`.
  public static func html(_ table: PrintedTable) -> String {
    func escape(_ text: String) -> String {
      var result = ""
      for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "\n": result += "<br>"
        default: result.append(character)
        }
      }
      return result
    }
    let columnCount = 2 + table.headers.count
    var lines = [
      "<table class=\"sift-table\" id=\"table-\(table.number)\">",
      "  <caption><strong>Table \(table.number).</strong> \(escape(table.caption))</caption>",
      "  <thead>",
      "    <tr>",
      "      <th scope=\"col\">Row</th>",
      "      <th scope=\"col\">\(escape(table.referenceHeader))</th>",
    ]
    lines += table.headers.map { "      <th scope=\"col\">\(escape($0))</th>" }
    lines += ["    </tr>", "  </thead>"]
    for group in table.groups {
      lines.append("  <tbody>")
      for line in group {
        lines.append("    <tr>")
        lines.append("      <th scope=\"row\">\(escape(line.id))</th>")
        lines.append("      <td>\(escape(line.reference))</td>")
        lines += line.cells.map { "      <td>\(escape($0))</td>" }
        lines.append("    </tr>")
      }
      lines.append("  </tbody>")
    }
    if !table.footnotes.isEmpty {
      lines.append("  <tfoot>")
      for footnote in table.footnotes {
        lines.append("    <tr><td colspan=\"\(columnCount)\">\(escape(footnote))</td></tr>")
      }
      lines.append("  </tfoot>")
    }
    lines.append("</table>")
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
