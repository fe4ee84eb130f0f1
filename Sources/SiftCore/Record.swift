/// One bibliographic record, normalised from any export format, with its verbatim fields and provenance.
public struct Record: Sendable, Hashable, Codable {
  /// Normalised reference type (RIS type code such as `JOUR`, `BOOK`, `CHAP`, `CONF`, `THES`, `RPRT`, `GEN`).
  public var type: String?
  public var title: String?
  public var authors: [Author]
  public var year: Int?
  /// Journal, book or proceedings title.
  public var sourceTitle: String?
  public var volume: String?
  public var issue: String?
  /// Pages as written, e.g. `123-129` or `e88`.
  public var pages: String?
  /// Normalised DOI (see ``Identifier/normalizeDOI(_:)``).
  public var doi: String?
  public var pmid: String?
  public var issn: [String]
  public var isbn: [String]
  public var abstract: String?
  public var keywords: [String]
  public var language: String?
  /// Publication type as the database states it (e.g. `Review`, `Meta-Analysis`, `Journal Article`).
  public var publicationTypes: [String]
  public var urls: [String]
  /// Database of origin (e.g. `Scopus`, `PsycINFO`, `Web of Science`), inferred or given by the user.
  public var database: String?
  /// The record's own identifier in its file or database (RIS `ID`/`AN`, EndNote `rec-number`, WoS `UT`, Scopus `EID`).
  public var accession: String?
  /// Every original field, verbatim and in file order.
  public var fields: [Field]
  public var provenance: Provenance

  public init(
    type: String? = nil, title: String? = nil, authors: [Author] = [], year: Int? = nil,
    sourceTitle: String? = nil, volume: String? = nil, issue: String? = nil, pages: String? = nil,
    doi: String? = nil, pmid: String? = nil, issn: [String] = [], isbn: [String] = [],
    abstract: String? = nil, keywords: [String] = [], language: String? = nil,
    publicationTypes: [String] = [], urls: [String] = [], database: String? = nil,
    accession: String? = nil, fields: [Field] = [], provenance: Provenance = Provenance()
  ) {
    self.type = type
    self.title = title
    self.authors = authors
    self.year = year
    self.sourceTitle = sourceTitle
    self.volume = volume
    self.issue = issue
    self.pages = pages
    self.doi = doi
    self.pmid = pmid
    self.issn = issn
    self.isbn = isbn
    self.abstract = abstract
    self.keywords = keywords
    self.language = language
    self.publicationTypes = publicationTypes
    self.urls = urls
    self.database = database
    self.accession = accession
    self.fields = fields
    self.provenance = provenance
  }
}

/// An author as written, with the family/given split Sift made of it.
public struct Author: Sendable, Hashable, Codable {
  /// Exactly as the file wrote it, e.g. `Andersson, G.` or `Gerhard Andersson`.
  public var asWritten: String
  public var family: String
  public var given: String?

  public init(asWritten: String, family: String, given: String? = nil) {
    self.asWritten = asWritten
    self.family = family
    self.given = given
  }

  /// Splits a name written as `Family, Given`, `Family Initials` (MEDLINE `AU`) or `Given Family`.
  public static func parse(_ raw: String) -> Author {
    var text = raw
    // Names made of ASCII and Latin letters (every scalar below U+0300, so each Character is one scalar or CR LF)
    // are split on UTF-8 bytes; others take the Character-based path. Both give the same result.
    if let author = text.withUTF8({ AuthorBytes.parse($0, raw: raw) }) { return author }
    return parseCharacters(raw)
  }

  /// ``parse(_:)`` on Characters, for names with scalars from U+0300 on (combining marks, other scripts).
  static func parseCharacters(_ raw: String) -> Author {
    let text = raw.trimmingSpaces
    if let comma = text.firstIndex(of: ",") {
      let family = String(text[..<comma]).trimmingSpaces
      let given = String(text[text.index(after: comma)...]).trimmingSpaces
      return Author(asWritten: text, family: family, given: given.isEmpty ? nil : given)
    }
    let parts = text.split(separator: " ").map(String.init)
    guard parts.count > 1, let last = parts.last else {
      return Author(asWritten: text, family: text, given: nil)
    }
    // MEDLINE style "Andersson G" / "Bergman Nordgren L": trailing all-caps initials.
    if last.count <= 3, last.allSatisfy({ $0.isUppercase || $0 == "." || $0 == "-" }) {
      return Author(asWritten: text, family: parts.dropLast().joined(separator: " "), given: last)
    }
    // "Given [particles] Family": lower-case particles (van, von, de, ten…) belong to the family name.
    var familyStart = parts.count - 1
    while familyStart > 1, Author.particles.contains(parts[familyStart - 1]) { familyStart -= 1 }
    return Author(
      asWritten: text, family: parts[familyStart...].joined(separator: " "),
      given: parts[..<familyStart].joined(separator: " "))
  }

  /// Lower-case name particles that start a family name.
  static let particles: Set<String> = [
    "van", "von", "de", "der", "den", "ten", "ter", "la", "le", "da", "dos", "das", "del", "di", "du", "van't",
  ]
}

/// One field of the original record, as the file wrote it.
public struct Field: Sendable, Hashable, Codable {
  /// The tag, e.g. `AU`, `PMID` or `titles/title`. A tag of one to four ASCII characters is kept as its code
  /// alone (``tagCode`` spells it) and made into a string when asked for; others are kept as written.
  public var tag: String {
    get { spelledTag ?? Self.tag(spelledBy: tagCode) }
    set { self = Field(newValue, value) }
  }
  public var value: String
  /// ``code(of:)`` of ``tag``, kept with the field so that mapping can switch on it without reading the tag.
  public private(set) var tagCode: UInt32
  /// The tag when ``tagCode`` does not spell it (longer than four bytes, empty, or not plain ASCII).
  private var spelledTag: String?

  public init(_ tag: String, _ value: String) {
    self.init(tag, value, tagCode: Self.code(of: tag))
  }

  /// A field whose tag's code is known (`tagCode` must be ``code(of:)`` of `tag`), as a reader that parsed the
  /// tag from bytes has it.
  public init(_ tag: String, _ value: String, tagCode: UInt32) {
    self.value = value
    self.tagCode = tagCode
    self.spelledTag = Self.codeSpells(tag, code: tagCode) ? nil : tag
  }

  /// A field whose tag is one to four ASCII characters from U+0001 to U+007F, given by its code alone (as a reader
  /// that parsed `AU` or `PMID` from bytes has it): no tag string is made or kept.
  public init(spelledBy tagCode: UInt32, _ value: String) {
    self.value = value
    self.tagCode = tagCode
    self.spelledTag = nil
  }

  /// A tag as a number: its first four UTF-8 bytes big-endian (`AU` is 0x4155, `PMID` 0x504D4944), with the top
  /// bit set for tags longer than four bytes (which never equal a code of four bytes or fewer).
  @inline(__always)
  public static func code(of tag: String) -> UInt32 {
    var text = tag
    return text.withUTF8 { b in
      var code: UInt32 = 0
      for i in 0..<min(b.count, 4) { code = code << 8 | UInt32(b[i]) }
      return b.count > 4 ? code | 0x8000_0000 : code
    }
  }

  /// Whether `code` (``code(of:)`` of `tag`) spells the tag back: one to four bytes, each from 0x01 to 0x7F. A code
  /// with the top bit set (a longer tag) never does.
  @inline(__always)
  static func codeSpells(_ tag: String, code: UInt32) -> Bool {
    guard code & 0x8000_0000 == 0 else { return false }
    var text = tag
    return text.withUTF8 { b in
      (1...4).contains(b.count) && b.allSatisfy { $0 != 0 && $0 < 0x80 }
    }
  }

  /// The tag a code spells (its non-zero bytes, first to last).
  static func tag(spelledBy code: UInt32) -> String {
    let length = (32 - code.leadingZeroBitCount + 7) / 8
    return String(unsafeUninitializedCapacity: length) { buffer in
      for i in 0..<length { buffer[i] = UInt8(truncatingIfNeeded: code >> (8 * UInt32(length - 1 - i))) }
      return length
    }
  }

  private enum CodingKeys: String, CodingKey { case tag, value }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(try container.decode(String.self, forKey: .tag), try container.decode(String.self, forKey: .value))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(tag, forKey: .tag)
    try container.encode(value, forKey: .value)
  }

  public static func == (a: Field, b: Field) -> Bool {
    // Codes that spell their tags compare as the tags would (plain ASCII); otherwise the tags are compared as
    // strings (canonical equivalence, as `String` compares).
    let sameTag =
      a.spelledTag == nil && b.spelledTag == nil ? a.tagCode == b.tagCode : a.tag == b.tag
    return sameTag && a.value == b.value
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(tag)
    hasher.combine(value)
  }
}

/// Where a record came from: file, format, position.
public struct Provenance: Sendable, Hashable, Codable {
  /// Path of the file as given by the user.
  public var file: String
  public var format: Format?
  /// 0-based index of the record in its file.
  public var index: Int
  /// 1-based line where the record starts (text formats).
  public var line: Int?
  /// Byte offset where the record starts, when known.
  public var byteOffset: Int?

  public init(file: String = "", format: Format? = nil, index: Int = 0, line: Int? = nil, byteOffset: Int? = nil) {
    self.file = file
    self.format = format
    self.index = index
    self.line = line
    self.byteOffset = byteOffset
  }
}

extension StringProtocol {
  /// The string without leading and trailing spaces, tabs and line ends.
  public var trimmingSpaces: String {
    // Fast path: a visible ASCII character at both ends (the first and last Characters then start with a scalar
    // that is no whitespace) means nothing to trim.
    let clean = utf8.withContiguousStorageIfAvailable { b -> Bool in
      guard let first = b.first, let last = b.last else { return false }
      return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
    }
    if clean == true { return String(self) }
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s.removeFirst() }
    while let l = s.last, l.isWhitespace { s.removeLast() }
    return String(s)
  }
}
