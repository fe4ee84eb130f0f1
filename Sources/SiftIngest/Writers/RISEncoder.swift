import SiftCore

/// RIS output. Records read from RIS keep every original field verbatim, in file order, so RIS → RIS
/// loses nothing; records from other formats are written from their normalised fields.
struct RISEncoder: RecordEncoder {
  var header: String { "" }

  mutating func encode(_ record: Record, into out: inout [UInt8]) {
    if record.provenance.format == .ris, !record.fields.isEmpty {
      for field in record.fields where field.tag != "ER" {
        Self.appendLine(field.tag, field.value, to: &out)
      }
    } else {
      out.append(contentsOf: Self.normalisedLines(record).utf8)
    }
    out.append(contentsOf: "ER  - \n\n".utf8)
  }

  /// Appends a verbatim tag line as ``line(_:_:keepLineBreaks:)`` writes it (with `keepLineBreaks`); values
  /// without line breaks and two-byte ASCII tags (nearly all) go straight through as bytes.
  static func appendLine(_ tag: String, _ value: String, to out: inout [UInt8]) {
    let tagBytes = tag.utf8
    let simpleTag = tagBytes.count == 2 && tagBytes.allSatisfy { $0 >= 0x20 && $0 < 0x80 }
    guard simpleTag, !value.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else {
      out.append(contentsOf: line(tag, value, keepLineBreaks: true).utf8)
      return
    }
    out.append(contentsOf: tagBytes)
    out.append(contentsOf: "  - ".utf8)
    out.append(contentsOf: value.utf8)
    out.append(UInt8(ascii: "\n"))
  }

  /// The RIS lines of a record's normalised fields (without `ER`).
  static func normalisedLines(_ record: Record) -> String {
    var out = line("TY", record.type ?? "GEN")
    func add(_ tag: String, _ value: String?) {
      if let value, !value.trimmingSpaces.isEmpty { out += line(tag, value) }
    }
    add("TI", record.title)
    for author in record.authors { add("AU", authorText(author)) }
    add("PY", record.year.map(String.init))
    add("T2", record.sourceTitle)
    add("VL", record.volume)
    add("IS", record.issue)
    if let pages = record.pages?.trimmingSpaces, !pages.isEmpty {
      let parts = pages.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
      if parts.count == 2, !parts[0].trimmingSpaces.isEmpty, !parts[1].trimmingSpaces.isEmpty {
        add("SP", parts[0].trimmingSpaces)
        add("EP", parts[1].trimmingSpaces)
      } else {
        add("SP", pages)
      }
    }
    add("DO", record.doi)
    for value in record.issn + record.isbn { add("SN", value) }
    add("AB", record.abstract)
    for keyword in record.keywords { add("KW", keyword) }
    add("LA", record.language)
    for type in record.publicationTypes { add("M3", type) }
    for url in record.urls { add("UR", url) }
    add("DB", record.database)
    // RIS has no PMID tag: the PMID goes in C2, as PubMed's own RIS export writes it (all digits, so the reader
    // takes it back as the PMID); the accession number (AN) carries the record's own id.
    add("C2", record.pmid)
    add("AN", record.accession)
    return out
  }

  /// An author as RIS writes it: as written when that reads back the same, else `Family, Given` (`Family,` for
  /// an organisation).
  static func authorText(_ author: Author) -> String {
    let reparsed = Author.parse(author.asWritten)
    if reparsed.family == author.family, reparsed.given == author.given { return author.asWritten }
    if let given = author.given, !given.isEmpty { return "\(author.family), \(given)" }
    // A name without a given part (an organisation) ends with a comma, as EndNote writes corporate authors.
    return author.family + ","
  }

  /// One tag line. Line breaks inside a value become spaces (normalised) or continuation lines (verbatim).
  static func line(_ tag: String, _ value: String, keepLineBreaks: Bool = false) -> String {
    let paddedTag = tag.count >= 2 ? tag : tag + String(repeating: " ", count: 2 - tag.count)
    var text = value
    if text.contains(where: { $0 == "\n" || $0 == "\r" }) {
      if keepLineBreaks {
        text = text.split(
          omittingEmptySubsequences: false, whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }
        )
        .joined(separator: "\n")
      } else {
        text = text.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }).map { $0.trimmingSpaces }
          .joined(separator: " ")
      }
    }
    return "\(paddedTag)  - \(text)\n"
  }
}
