import SiftCore

/// What the CSV readers share: a header looked up case-insensitively, and the parsing of author lists,
/// years and page ranges as spreadsheets write them.
public struct CSVFields: Sendable {
  public let header: [String]
  private let lookup: [String: Int]

  public init(header: [String]) {
    self.header = header.map { $0.trimmingSpaces }
    var lookup: [String: Int] = [:]
    for (i, name) in self.header.enumerated() where lookup[name.lowercased()] == nil { lookup[name.lowercased()] = i }
    self.lookup = lookup
  }

  /// The column of the first of `names` the header has (case-insensitive).
  public func column(_ names: String...) -> Int? {
    for name in names { if let i = lookup[name.lowercased()] { return i } }
    return nil
  }

  /// The trimmed value of `column` in `row`; nil when empty or the R missing value `NA`.
  public static func value(_ row: [String], _ column: Int?) -> String? {
    guard let column, column < row.count else { return nil }
    let v = row[column].trimmingSpaces
    return v.isEmpty || v == "NA" || v == "N/A" ? nil : v
  }

  /// The first 4-digit year (1000–2999) in `raw`.
  public static func year(_ raw: String?) -> Int? {
    guard let raw else { return nil }
    let chars = Array(raw)
    var i = 0
    while i + 4 <= chars.count {
      let slice = chars[i..<(i + 4)]
      let before = i == 0 || !chars[i - 1].isNumber
      let after = i + 4 == chars.count || !chars[i + 4].isNumber
      if before, after, slice.allSatisfy(\.isASCII), slice.allSatisfy(\.isNumber), let y = Int(String(slice)),
        (1000...2999).contains(y)
      {
        return y
      }
      i += 1
    }
    return nil
  }

  /// Splits a list of values on `;` (the Scopus and Embase keyword lists).
  public static func list(_ raw: String?, separator: Character = ";") -> [String] {
    guard let raw else { return [] }
    return raw.split(separator: separator).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
  }

  /// Splits an author list written ` and `-separated (BibTeX), `;`-separated, or concatenated with no
  /// separator at all (`Adeli K.Lewis G. F.`: a new name starts where `.` is followed by a capitalised word).
  public static func authors(_ raw: String?) -> [Author] {
    guard let raw else { return [] }
    var parts: [String]
    if raw.contains(" and ") {
      parts = raw.components(separatedBy: " and ")
    } else if raw.contains(";") {
      parts = raw.split(separator: ";").map(String.init)
    } else {
      parts = splitConcatenated(raw)
    }
    return parts.map { $0.trimmingSpaces }.filter { !$0.isEmpty }.map(author)
  }

  /// `Adeli K.Lewis G. F.` → [`Adeli K.`, `Lewis G. F.`].
  static func splitConcatenated(_ raw: String) -> [String] {
    let chars = Array(raw)
    var parts: [String] = []
    var current = ""
    var i = 0
    while i < chars.count {
      current.append(chars[i])
      if chars[i] == ".", i + 2 < chars.count, chars[i + 1].isUppercase,
        chars[i + 2].isLowercase || chars[i + 2] == "'"
      {
        parts.append(current)
        current = ""
      }
      i += 1
    }
    if !current.trimmingSpaces.isEmpty { parts.append(current) }
    return parts
  }

  /// One name: `Family, Given` or `Family I. J.` (initials after the family name, Scopus and MEDLINE style)
  /// or `Given Family`.
  public static func author(_ raw: String) -> Author {
    let text = raw.trimmingSpaces
    if text.contains(",") { return Author.parse(text) }
    let tokens = text.split(separator: " ").map(String.init)
    if let firstInitial = tokens.firstIndex(where: isInitials), firstInitial > 0,
      tokens[firstInitial...].allSatisfy(isInitials)
    {
      return Author(
        asWritten: text, family: tokens[..<firstInitial].joined(separator: " "),
        given: tokens[firstInitial...].joined(separator: " "))
    }
    return Author.parse(text)
  }

  /// `K.`, `G.F.`, `JR`, `M.-L.`: initials rather than a name.
  static func isInitials(_ token: String) -> Bool {
    let letters = token.filter(\.isLetter)
    guard !letters.isEmpty, letters.allSatisfy(\.isUppercase) else { return false }
    return token.contains(".") || letters.count <= 2
  }

  /// RIS type codes a CSV may already hold (upper case, as written by `sift` and by RIS-minded tools).
  static let risTypeCodes: Set<String> = [
    "ABST", "BOOK", "CHAP", "CONF", "CPAPER", "DATA", "EBOOK", "ECHAP", "EDBOOK", "EJOUR", "GEN", "JFULL", "JOUR",
    "MGZN", "NEWS", "RPRT", "SER", "THES", "UNPB",
  ]

  /// RIS reference type for a BibTeX entry type, a database document type, or a RIS code (kept as is).
  public static func risType(_ raw: String?) -> String? {
    guard let raw else { return nil }
    // Sift's own CSV (and other RIS-minded tools) write the RIS code itself.
    if risTypeCodes.contains(raw) { return raw }
    switch raw.lowercased() {
    case "article", "review", "letter", "editorial", "note", "erratum", "short survey", "journal article",
      "article in press":
      return "JOUR"
    case "inproceedings", "conference paper", "conference review", "proceedings", "conference abstract": return "CONF"
    case "book": return "BOOK"
    case "incollection", "inbook", "book chapter", "chapter": return "CHAP"
    case "phdthesis", "mastersthesis", "thesis": return "THES"
    case "techreport", "report": return "RPRT"
    default: return "GEN"
    }
  }
}
