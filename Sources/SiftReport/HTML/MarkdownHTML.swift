import Foundation

/// A small Markdown-to-HTML converter for the report's embedded files: headings, paragraphs, pipe tables,
/// bullet and numbered lists, fenced code, and inline code, bold, italics and links. Everything else is
/// shown as escaped text; raw HTML in the Markdown is escaped, never passed through.
public enum MarkdownHTML {
  /// HTML for `markdown`; headings are shifted down by `headingOffset` levels (capped at h6).
  public static func html(_ markdown: String, headingOffset: Int = 2) -> String {
    let lines = markdown.replacingOccurrences(of: "\r\n", with: "\n").split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map(String.init)
    var out: [String] = []
    var paragraph: [String] = []
    var index = 0

    func flushParagraph() {
      guard !paragraph.isEmpty else { return }
      out.append("<p>\(paragraph.map(inline).joined(separator: "\n"))</p>")
      paragraph = []
    }

    while index < lines.count {
      let line = lines[index]
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("```") {
        flushParagraph()
        var code: [String] = []
        index += 1
        while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
          code.append(lines[index])
          index += 1
        }
        out.append("<pre><code>\(XMLText.escape(code.joined(separator: "\n")))</code></pre>")
        index += 1
        continue
      }
      if trimmed.isEmpty {
        flushParagraph()
        index += 1
        continue
      }
      if let level = headingLevel(trimmed) {
        flushParagraph()
        let text = trimmed.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
        let tag = "h\(min(6, level + headingOffset))"
        out.append("<\(tag)>\(inline(text))</\(tag)>")
        index += 1
        continue
      }
      if trimmed.hasPrefix("|"), index + 1 < lines.count, isSeparator(lines[index + 1]) {
        flushParagraph()
        let header = cells(trimmed)
        let alignments = cells(lines[index + 1]).map { $0.hasSuffix(":") ? " class=\"num\"" : "" }
        var rows: [[String]] = []
        index += 2
        while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("|") {
          rows.append(cells(lines[index]))
          index += 1
        }
        out.append(table(header: header, rows: rows, alignments: alignments))
        continue
      }
      if let item = listItem(trimmed) {
        flushParagraph()
        let ordered = item.ordered
        var items: [String] = []
        while index < lines.count, let next = listItem(lines[index].trimmingCharacters(in: .whitespaces)),
          next.ordered == ordered
        {
          items.append("<li>\(inline(next.text))</li>")
          index += 1
        }
        let tag = ordered ? "ol" : "ul"
        out.append("<\(tag)>\n\(items.joined(separator: "\n"))\n</\(tag)>")
        continue
      }
      paragraph.append(trimmed)
      index += 1
    }
    flushParagraph()
    return out.joined(separator: "\n")
  }

  /// An HTML table; cells are inline Markdown.
  static func table(header: [String], rows: [[String]], alignments: [String]) -> String {
    func attribute(_ column: Int) -> String { column < alignments.count ? alignments[column] : "" }
    var out = ["<table>", "<thead><tr>"]
    out.append(header.enumerated().map { "<th\(attribute($0))>\(inline($1))</th>" }.joined())
    out.append("</tr></thead>")
    out.append("<tbody>")
    for row in rows {
      out.append("<tr>" + row.enumerated().map { "<td\(attribute($0))>\(inline($1))</td>" }.joined() + "</tr>")
    }
    out.append("</tbody>")
    out.append("</table>")
    return out.joined(separator: "\n")
  }

  private static func headingLevel(_ line: String) -> Int? {
    let hashes = line.prefix { $0 == "#" }.count
    guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
    return hashes
  }

  private static func isSeparator(_ line: String) -> Bool {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard trimmed.hasPrefix("|"), trimmed.contains("-") else { return false }
    return trimmed.allSatisfy { "|-: ".contains($0) }
  }

  /// The cells of a pipe-table row; `\|` is a literal bar.
  static func cells(_ line: String) -> [String] {
    var trimmed = Substring(line.trimmingCharacters(in: .whitespaces))
    if trimmed.hasPrefix("|") { trimmed = trimmed.dropFirst() }
    if trimmed.hasSuffix("|") && !trimmed.hasSuffix("\\|") { trimmed = trimmed.dropLast() }
    var cells: [String] = []
    var current = ""
    var escaped = false
    for character in trimmed {
      if escaped {
        current.append(character == "|" ? "|" : "\\\(character)")
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        cells.append(current.trimmingCharacters(in: .whitespaces))
        current = ""
      } else {
        current.append(character)
      }
    }
    if escaped { current.append("\\") }
    cells.append(current.trimmingCharacters(in: .whitespaces))
    return cells
  }

  private static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
    for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) {
      return (false, String(line.dropFirst(2)))
    }
    let digits = line.prefix { $0.isNumber }
    if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") {
      return (true, String(line.dropFirst(digits.count + 2)))
    }
    return nil
  }

  /// Inline Markdown: `code`, **bold**, *italics*, [text](url). Text is escaped first.
  public static func inline(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let first = rest.first {
      if first == "`", let end = rest.dropFirst().firstIndex(of: "`") {
        out += "<code>\(XMLText.escape(String(rest[rest.index(after: rest.startIndex)..<end])))</code>"
        rest = rest[rest.index(after: end)...]
      } else if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**") {
        out += "<strong>\(inline(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound])))</strong>"
        rest = rest[end.upperBound...]
      } else if first == "*", rest.count > 2, rest.dropFirst().first != " ",
        let end = rest.dropFirst().firstIndex(of: "*")
      {
        out += "<em>\(inline(String(rest[rest.index(after: rest.startIndex)..<end])))</em>"
        rest = rest[rest.index(after: end)...]
      } else if first == "[", let close = rest.range(of: "]("), let end = rest[close.upperBound...].firstIndex(of: ")")
      {
        let label = String(rest[rest.index(after: rest.startIndex)..<close.lowerBound])
        let url = String(rest[close.upperBound..<end])
        if isSafe(url) {
          out += "<a href=\"\(XMLText.escape(url))\">\(inline(label))</a>"
        } else {
          out += XMLText.escape(String(rest[rest.startIndex...end]))
        }
        rest = rest[rest.index(after: end)...]
      } else {
        out += XMLText.escape(String(first))
        rest = rest.dropFirst()
      }
    }
    return out
  }

  /// Links to web pages, anchors and relative files; never `javascript:` or `data:`.
  static func isSafe(_ url: String) -> Bool {
    let lower = url.lowercased()
    if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("#") { return true }
    return !lower.contains(":")
  }
}
