import Foundation
import SiftCore

/// BibTeX output. Keys are the record's accession when it has one, else family name + year + a letter
/// (`andersson2014a`, `andersson2014b`, …), unique within one output. Values are TeX-escaped. Records read from
/// BibTeX keep their entry type, key and every field as written.
struct BibTeXEncoder: RecordEncoder {
  private var usedKeys: Set<String> = []

  var header: String { "" }

  mutating func encode(_ record: Record, into out: inout [UInt8]) {
    out.append(contentsOf: entry(record).utf8)
  }

  /// The text of one entry, including its line ends.
  mutating func entry(_ record: Record) -> String {
    if let verbatim = verbatimEntry(record) { return verbatim }
    let entryType = Self.entryType(for: record.type)
    let key = makeKey(record)
    var lines: [String] = []
    func add(_ name: String, _ value: String?, escape: Bool = true) {
      guard let value, !value.trimmingSpaces.isEmpty else { return }
      lines.append("  \(name) = {\(escape ? Self.escape(value) : value)}")
    }
    if !record.authors.isEmpty {
      add("author", record.authors.map(Self.authorText).joined(separator: " and "), escape: false)
    }
    add("title", record.title)
    add(entryType == "inproceedings" || entryType == "incollection" ? "booktitle" : "journal", record.sourceTitle)
    add("year", record.year.map(String.init))
    add("volume", record.volume)
    add("number", record.issue)
    add(
      "pages",
      record.pages.map { $0.replacingOccurrences(of: "--", with: "-").replacingOccurrences(of: "-", with: "--") })
    add("doi", record.doi)
    add("pmid", record.pmid)
    add("issn", record.issn.isEmpty ? nil : record.issn.joined(separator: "; "))
    add("isbn", record.isbn.isEmpty ? nil : record.isbn.joined(separator: "; "))
    add("abstract", record.abstract)
    add("keywords", record.keywords.isEmpty ? nil : record.keywords.joined(separator: "; "))
    add("language", record.language)
    add("url", record.urls.first)
    add("database", record.database)
    return "@\(entryType){\(key),\n" + lines.joined(separator: ",\n") + (lines.isEmpty ? "" : "\n") + "}\n\n"
  }

  /// A record read from BibTeX written back with its own entry type, key and fields as they were (values are
  /// balanced TeX as read, macros expanded), so BibTeX → BibTeX keeps every field. Nil for other records.
  private mutating func verbatimEntry(_ record: Record) -> String? {
    guard record.provenance.format == .bibtex, record.fields.count >= 2, record.fields[0].tag == "ENTRYTYPE",
      record.fields[1].tag == "ID"
    else { return nil }
    let type = record.fields[0].value
    guard !type.isEmpty, type.allSatisfy({ $0.isLetter }) else { return nil }
    let original = record.fields[1].value
    let key: String
    if !original.isEmpty, Self.keySafe(original) == original, !usedKeys.contains(original) {
      key = original
      usedKeys.insert(key)
    } else {
      var keyless = record
      keyless.accession = original.isEmpty ? nil : original
      key = makeKey(keyless)
    }
    let lines = record.fields.dropFirst(2).map { "  \($0.tag) = {\($0.value)}" }
    return "@\(type){\(key),\n" + lines.joined(separator: ",\n") + (lines.isEmpty ? "" : "\n") + "}\n\n"
  }

  /// The BibTeX entry type for a RIS type code.
  static func entryType(for risType: String?) -> String {
    switch risType?.uppercased() {
    case "JOUR", "JFULL", "MGZN", "NEWS", "EJOUR": "article"
    case "BOOK", "EBOOK", "EDBOOK": "book"
    case "CHAP", "ECHAP": "incollection"
    case "CONF", "CPAPER": "inproceedings"
    case "THES": "phdthesis"
    case "RPRT": "techreport"
    default: "misc"
    }
  }

  private mutating func makeKey(_ record: Record) -> String {
    if let accession = record.accession.map(Self.keySafe), !accession.isEmpty {
      var key = accession
      var suffix = 1
      while usedKeys.contains(key) {
        suffix += 1
        key = "\(accession)-\(suffix)"
      }
      usedKeys.insert(key)
      return key
    }
    let family = record.authors.first.map { Self.asciiKey($0.family) } ?? ""
    let base = (family.isEmpty ? "anon" : family) + (record.year.map(String.init) ?? "")
    var n = 0
    while true {
      let key = base + Self.letters(n)
      if !usedKeys.contains(key) {
        usedKeys.insert(key)
        return key
      }
      n += 1
    }
  }

  /// `a`, `b`, … `z`, `aa`, `ab`, …
  static func letters(_ n: Int) -> String {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
    var n = n
    var out = ""
    repeat {
      out = String(alphabet[n % 26]) + out
      n = n / 26 - 1
    } while n >= 0
    return out
  }

  /// Lower-case ASCII letters and digits of a name (accents folded: `Preißel` → `preissel`).
  static func asciiKey(_ name: String) -> String {
    var out = ""
    for scalar in name.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
      if scalar.isASCII {
        if ("a"..."z").contains(Character(scalar)) || ("0"..."9").contains(Character(scalar)) {
          out.unicodeScalars.append(scalar)
        }
      } else if let folded = foldedLetters[scalar] {
        out += folded
      }
    }
    return out
  }

  private static let foldedLetters: [Unicode.Scalar: String] = [
    "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ð": "d", "þ": "th", "ł": "l", "đ": "d", "ı": "i",
  ]

  /// A key without the characters BibTeX keys cannot hold.
  static func keySafe(_ raw: String) -> String {
    String(raw.trimmingSpaces.map { " \t\n\r,{}()\"#%'=\\~".contains($0) ? "_" : $0 })
  }

  /// `Family, Given`, braced when the name would otherwise be split or reordered.
  static func authorText(_ author: Author) -> String {
    let family = escape(author.family)
    guard let given = author.given, !given.isEmpty else {
      return family.contains(" ") || family.contains(",") ? "{\(family)}" : family
    }
    let safeFamily = family.contains(",") || family.lowercased().contains(" and ") ? "{\(family)}" : family
    let safeGiven = given.lowercased().contains(" and ") || given.contains(",") ? "{\(escape(given))}" : escape(given)
    return "\(safeFamily), \(safeGiven)"
  }

  /// Escapes TeX's special characters so the value reads back as the same text; braces become
  /// `\textbraceleft{}` / `\textbraceright{}` so the value's braces stay balanced.
  static func escape(_ text: String) -> String {
    var out = ""
    for ch in text {
      switch ch {
      case "\\": out += "\\textbackslash{}"
      case "{": out += "\\textbraceleft{}"
      case "}": out += "\\textbraceright{}"
      case "&": out += "\\&"
      case "%": out += "\\%"
      case "$": out += "\\$"
      case "#": out += "\\#"
      case "_": out += "\\_"
      case "~": out += "\\textasciitilde{}"
      case "^": out += "\\textasciicircum{}"
      case "\r\n", "\n", "\r": out += " "
      default: out.append(ch)
      }
    }
    return out
  }
}
