import Foundation
import SiftCore

/// The text formats `sift prisma` writes.
public enum PrismaFormat: String, Sendable, CaseIterable {
  case svg, json, csv, md

  /// Renders `counts`; with `explain`, every box and line lists the record ids behind it.
  public func render(_ counts: PrismaCounts, explain: Bool = false) -> String {
    switch self {
    case .svg: PrismaSVG.render(counts, explain: explain)
    case .json: PrismaExport.json(counts, explain: explain)
    case .csv: PrismaExport.csv(counts, explain: explain)
    case .md: PrismaExport.markdown(counts, explain: explain)
    }
  }
}

/// JSON, CSV and Markdown listings of every box, in diagram order.
public enum PrismaExport {
  private struct JSONLine: Encodable {
    var id: String
    var label: String
    var n: Int
    var records: [String]?
    var items: [JSONLine]

    init(_ item: PrismaItem, explain: Bool) {
      id = item.id
      label = item.label
      n = item.n
      records = explain ? item.records : nil
      items = item.items.map { JSONLine($0, explain: explain) }
    }
  }

  private struct JSONBox: Encodable {
    var id: String
    var label: String
    var n: Int
    var records: [String]?
    var items: [JSONLine]
    var awaiting: JSONLine?
  }

  private struct Document: Encodable {
    var boxes: [JSONBox]
    var footnotes: [String]
  }

  /// `{"boxes": [{id, label, n, items, awaiting?, records?}], "footnotes": [...]}`, keys sorted.
  public static func json(_ counts: PrismaCounts, explain: Bool = false) -> String {
    let boxes = counts.allBoxes.map { box in
      JSONBox(
        id: box.id, label: box.label, n: box.n, records: explain ? box.records : nil,
        items: box.items.map { JSONLine($0, explain: explain) },
        awaiting: box.awaiting.map { JSONLine($0, explain: explain) })
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(Document(boxes: boxes, footnotes: counts.footnotes)) else {
      return "{}\n"
    }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// One row per box and per line: `box,id,label,n` (and `records`, space-separated, with `explain`).
  public static func csv(_ counts: PrismaCounts, explain: Bool = false) -> String {
    var rows = [["box", "id", "label", "n"] + (explain ? ["records"] : [])]
    for (box, id, label, n, records, _) in rowsOf(counts) {
      rows.append([box, id, label, String(n)] + (explain ? [records.joined(separator: " ")] : []))
    }
    return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
  }

  /// A Markdown table of every box and line, then the footnotes.
  public static func markdown(_ counts: PrismaCounts, explain: Bool = false) -> String {
    var lines = ["# PRISMA 2020 flow counts", ""]
    lines.append("| Box | Count | n |" + (explain ? " Records |" : ""))
    lines.append("|---|---|---:|" + (explain ? "---|" : ""))
    for (_, id, label, n, records, depth) in rowsOf(counts) {
      let shown =
        depth == 0 ? "**\(markdownCell(label))**" : String(repeating: "\u{2003}", count: depth) + markdownCell(label)
      var row = "| `\(id)` | \(shown) | \(n) |"
      if explain { row += " \(markdownCell(records.joined(separator: ", "))) |" }
      lines.append(row)
    }
    if !counts.footnotes.isEmpty {
      lines.append("")
      lines += counts.footnotes.map { "- \($0)" }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Box, id, label, n, records and depth (0 for a box) of every box and line.
  private static func rowsOf(_ counts: PrismaCounts) -> [(String, String, String, Int, [String], Int)] {
    var rows: [(String, String, String, Int, [String], Int)] = []
    func add(_ item: PrismaItem, box: String, depth: Int) {
      rows.append((box, item.id, item.label, item.n, item.records, depth))
      for sub in item.items { add(sub, box: box, depth: depth + 1) }
    }
    for box in counts.allBoxes {
      rows.append((box.id, box.id, box.label, box.n, box.records, 0))
      for item in box.items { add(item, box: box.id, depth: 1) }
      if let awaiting = box.awaiting { add(awaiting, box: box.id, depth: 1) }
    }
    return rows
  }

  private static func csvField(_ value: String) -> String {
    let text = SpreadsheetSafety.guarded(value)
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private static func markdownCell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }
}
