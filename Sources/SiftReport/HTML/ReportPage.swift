import Foundation

/// The `index.html` of `sift report`: the PRISMA diagram inline, then every table, synthesis and check file
/// found in the output folder, embedded when it is Markdown or CSV and linked in every format.
/// Self-contained (inline CSS, no scripts), escaped, and deterministic.
public struct ReportPage: Sendable {
  /// A file of the output folder: its name and, for text formats, its contents.
  public struct File: Sendable, Hashable {
    public var name: String
    public var contents: String?
    public init(name: String, contents: String?) {
      self.name = name
      self.contents = contents
    }
  }

  public var title: String
  /// The PRISMA SVG document, embedded inline.
  public var prismaSVG: String
  /// Files the PRISMA section links to (e.g. `prisma.svg`, `prisma.json`).
  public var prismaFiles: [String]
  public var files: [File]

  public init(title: String, prismaSVG: String, prismaFiles: [String] = [], files: [File]) {
    self.title = title
    self.prismaSVG = prismaSVG
    self.prismaFiles = prismaFiles
    self.files = files
  }

  /// Files with the same base name (e.g. `table1.md`, `table1.csv`, `table1.tex`) form one section.
  struct Section {
    var stem: String
    var files: [File]
    var anchor: String { "file-" + stem.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined() }
  }

  /// Sections in a fixed order: tables, then the synthesis, then the verification, then the rest, by name.
  var sections: [Section] {
    var byStem: [String: [File]] = [:]
    for file in files {
      byStem[Self.stem(of: file.name), default: []].append(file)
    }
    func rank(_ stem: String) -> Int {
      let lower = stem.lowercased()
      if lower.hasPrefix("table") || lower.hasPrefix("extraction") { return 0 }
      if lower.hasPrefix("synthesis") { return 1 }
      if lower.hasPrefix("verify") { return 2 }
      return 3
    }
    return byStem.keys.sorted { (rank($0), $0) < (rank($1), $1) }.map { stem in
      Section(stem: stem, files: (byStem[stem] ?? []).sorted { $0.name < $1.name })
    }
  }

  static func stem(of name: String) -> String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }

  static func fileExtension(of name: String) -> String {
    guard let dot = name.lastIndex(of: ".") else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }

  /// The whole page.
  public var html: String {
    let sections = sections
    var out: [String] = [
      "<!DOCTYPE html>",
      "<html lang=\"en\">",
      "<head>",
      "<meta charset=\"utf-8\">",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
      "<title>\(XMLText.escape(title))</title>",
      "<style>",
      Self.css,
      "</style>",
      "</head>",
      "<body>",
      "<main>",
      "<h1>\(XMLText.escape(title))</h1>",
      "<nav><ul>",
      "<li><a href=\"#prisma\">PRISMA 2020 flow diagram</a></li>",
    ]
    for section in sections {
      out.append("<li><a href=\"#\(section.anchor)\">\(XMLText.escape(section.stem))</a></li>")
    }
    out.append("</ul></nav>")
    out.append("<section id=\"prisma\">")
    out.append("<h2>PRISMA 2020 flow diagram</h2>")
    out.append("<figure class=\"prisma\">")
    out.append(Self.inlineSVG(prismaSVG))
    out.append("</figure>")
    if !prismaFiles.isEmpty {
      out.append("<p class=\"files\">Files: " + prismaFiles.map(Self.link).joined(separator: " · ") + "</p>")
    }
    out.append("</section>")
    for section in sections {
      out.append("<section id=\"\(section.anchor)\">")
      out.append("<h2>\(XMLText.escape(section.stem))</h2>")
      out.append(
        "<p class=\"files\">Files: " + section.files.map(\.name).map(Self.link).joined(separator: " · ") + "</p>")
      if let body = Self.embedded(section.files) { out.append(body) }
      out.append("</section>")
    }
    out.append("</main>")
    out.append("</body>")
    out.append("</html>")
    return out.joined(separator: "\n") + "\n"
  }

  /// The one view of a section: Markdown if there is one, else CSV, else plain text; nil for binary files.
  static func embedded(_ files: [File]) -> String? {
    let preference = ["md", "markdown", "csv", "tsv", "txt"]
    for ext in preference {
      guard let file = files.first(where: { fileExtension(of: $0.name) == ext }), let text = file.contents else {
        continue
      }
      let body: String
      switch ext {
      case "md", "markdown": body = MarkdownHTML.html(text)
      case "csv": body = ReportCSV.html(text)
      default: body = "<pre>\(XMLText.escape(text))</pre>"
      }
      return "<div class=\"embedded\">\n\(body)\n</div>"
    }
    return nil
  }

  static func link(_ name: String) -> String {
    let href = name.unicodeScalars.map { scalar -> String in
      let allowed =
        (scalar.properties.isAlphabetic && scalar.isASCII) || ("0"..."9").contains(scalar)
        || "-_.~".unicodeScalars.contains(scalar)
      return allowed ? String(scalar) : scalar.utf8Bytes.map { "%" + $0.hexByte }.joined()
    }.joined()
    return "<a href=\"\(href)\">\(XMLText.escape(name))</a>"
  }

  /// The SVG without an XML declaration or doctype, ready to sit inside HTML.
  static func inlineSVG(_ svg: String) -> String {
    guard let start = svg.range(of: "<svg") else { return "<p>(no diagram)</p>" }
    return String(svg[start.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static let css = """
    body { margin: 0; background: #f6f6f4; color: #1d1d1d; font: 15px/1.5 Helvetica, Arial, sans-serif; }
    main { max-width: 960px; margin: 0 auto; padding: 24px 28px 64px; background: #ffffff; }
    h1 { font-size: 26px; margin: 8px 0 12px; }
    h2 { font-size: 20px; margin: 36px 0 8px; border-bottom: 1px solid #d8d8d8; padding-bottom: 4px; }
    h3, h4, h5, h6 { margin: 20px 0 6px; }
    nav ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
    a { color: #1f5fa8; }
    figure.prisma { margin: 12px 0; }
    figure.prisma svg { width: 100%; max-width: 794px; height: auto; display: block; }
    p.files { font-size: 13px; color: #555555; }
    .embedded { overflow-x: auto; }
    table { border-collapse: collapse; margin: 10px 0; font-size: 13px; }
    th, td { border: 1px solid #c8c8c8; padding: 4px 8px; text-align: left; vertical-align: top; }
    th { background: #f0f0ec; }
    td.num, th.num { text-align: right; }
    pre { background: #f4f4f0; padding: 10px; overflow-x: auto; font-size: 13px; }
    code { font-family: Menlo, Consolas, monospace; font-size: 0.92em; }
    @media print { body { background: #ffffff; } main { max-width: none; padding: 0; } }
    """
}

extension Unicode.Scalar {
  fileprivate var utf8Bytes: [UInt8] { Array(String(self).utf8) }
}

extension UInt8 {
  fileprivate var hexByte: String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(self >> 4)], digits[Int(self & 0x0F)]])
  }
}
