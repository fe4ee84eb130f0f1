import Foundation
import SiftCore

/// The normalised fields of one record that matching compares, computed once per record.
final class RecordFeatures: Sendable {
  let key: String
  /// Normalised title (words separated by spaces), empty when the record has none.
  let title: String
  let titleBytes: [UInt8]
  /// Sorted distinct hashes of the title's words.
  let titleWords: [UInt64]
  /// Letter and digit counts of the title, for a cheap lower bound of the edit distance.
  let titleHistogram: [Int32]
  /// Normalised main title before a subtitle separator, when the title has one.
  let mainTitle: String?
  /// Normalised subtitle (after the first separator), when the title has one.
  let subtitle: String?
  /// Reference type (RIS code), to tell a conference paper from its journal version.
  let type: String?
  let titleWordCount: Int
  /// Normalised author family names, in order.
  let families: [String]
  /// The same, as bytes (compared often).
  let familyBytes: [[UInt8]]
  let year: Int?
  /// Journal words without stop words.
  let source: [String]
  let volume: String?
  let firstPage: String?
  let lastPage: String?
  let doi: String?
  let pmid: String?
  /// Scopus EID (`2-s2.0-…`).
  let eid: String?
  /// Web of Science UT (`WOS:…`).
  let ut: String?
  /// Number of non-empty fields, to choose the primary of a cluster.
  let richness: Int

  init(key: String, record r: Record) {
    self.key = key
    let parts = r.title.map(TextNormalizer.titleParts)
    let t = parts?.title ?? ""
    title = t
    titleBytes = Array(t.utf8)
    let tokens = t.utf8.split(separator: 0x20)
    titleWords = Array(Set(tokens.map { Similarity.fnv($0) })).sorted()
    var histogram = [Int32](repeating: 0, count: 37)
    for b in titleBytes {
      switch b {
      case 0x61...0x7A: histogram[Int(b - 0x61)] += 1
      case 0x30...0x39: histogram[26 + Int(b - 0x30)] += 1
      default: histogram[36] += 1
      }
    }
    titleHistogram = histogram
    mainTitle = parts?.main
    subtitle = parts?.sub
    type = r.type
    titleWordCount = tokens.count
    families = r.authors.compactMap { a in
      let f = TextNormalizer.compact(a.family.isEmpty ? a.asWritten : a.family)
      return f.isEmpty || f == "etal" || f == "anonymous" ? nil : f
    }
    familyBytes = families.map { Array($0.utf8) }
    year = r.year
    source = (r.sourceTitle.map(Self.journalName).map(TextNormalizer.words) ?? []).filter {
      !Self.stopWords.contains($0)
    }
    volume = Self.number(r.volume)
    let pages = Self.pageRange(r.pages)
    firstPage = pages.0
    lastPage = pages.1
    // `10.1016/s0025-7753%2817%2930624-3` is `10.1016/s0025-7753(17)30624-3` URL-encoded.
    doi = r.doi.flatMap { raw in Identifier.normalizeDOI(raw.contains("%") ? raw.removingPercentEncoding ?? raw : raw) }
    pmid = r.pmid.map { $0.filter(\.isNumber) }.flatMap { $0.isEmpty ? nil : String($0.drop { $0 == "0" }) }
    let acc = r.accession?.trimmingSpaces ?? ""
    eid = acc.lowercased().hasPrefix("2-s2.0-") ? acc.lowercased() : Self.eidInLinks(r.urls)
    let upper = acc.uppercased()
    ut =
      upper.hasPrefix("WOS:") ? upper : upper.hasPrefix("ISI:") ? "WOS:" + upper.dropFirst(4) : nil
    var n = 0
    for s in [r.title, r.sourceTitle, r.volume, r.issue, r.pages, r.doi, r.pmid, r.abstract, r.language, r.type] {
      if let s, !s.trimmingSpaces.isEmpty { n += 1 }
    }
    if r.year != nil { n += 1 }
    if !r.authors.isEmpty { n += 1 }
    for list in [r.issn, r.isbn, r.keywords, r.publicationTypes, r.urls] where !list.isEmpty { n += 1 }
    richness = n
  }

  static let stopWords: Set<String> = ["the", "of", "and", "for", "in", "on", "de", "la", "le", "des", "et", "a", "an"]

  /// The Scopus EID in a Scopus record link (`…record.uri?eid=2-s2.0-85074596690&…`), as Scopus RIS exports carry it.
  static func eidInLinks(_ urls: [String]) -> String? {
    for url in urls {
      guard let r = url.range(of: "eid=2-s2.0-") else { continue }
      let digits = url[r.upperBound...].prefix { $0.isNumber }
      if !digits.isEmpty { return "2-s2.0-" + digits }
    }
    return nil
  }

  /// The journal without a meeting note: `J Clin Hypertens. Conference: 28th Annual Meeting…` → `J Clin Hypertens`.
  static func journalName(_ raw: String) -> String {
    guard raw.utf8.contains(UInt8(ascii: ":")) else { return raw }  // the common case, without Foundation's search
    for marker in [". Conference:", ".Conference:", " Conference:"] {
      if let r = raw.range(of: marker), r.lowerBound > raw.startIndex { return String(raw[..<r.lowerBound]) }
    }
    return raw
  }

  /// Digits of a volume, without leading zeros: `Vol. 07` → `7`; nil when there are none.
  static func number(_ raw: String?) -> String? {
    guard let raw else { return nil }
    let digits = raw.prefix { !$0.isNumber }.count
    let run = raw.dropFirst(digits).prefix { $0.isNumber }
    let trimmed = run.drop { $0 == "0" }
    if run.isEmpty { return nil }
    return trimmed.isEmpty ? "0" : String(trimmed)
  }

  /// First and last page, the last expanded: `123-9` → (`123`, `129`), `e88` → (`e88`, nil), `S12-S15` → (`s12`, `s15`).
  static func pageRange(_ raw: String?) -> (String?, String?) {
    guard let raw else { return (nil, nil) }
    let text = raw.lowercased().trimmingSpaces
    // `532, 534-536` and `233-238+230-235`: the first range counts.
    let firstRange = text.split(whereSeparator: { $0 == "," || $0 == "+" || $0 == ";" }).first.map(String.init) ?? text
    let parts = firstRange.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "—" }).map {
      String($0).trimmingSpaces
    }
    guard let first = parts.first.map(normalizePage), !first.isEmpty else { return (nil, nil) }
    guard parts.count > 1 else { return (first, nil) }
    var last = normalizePage(parts[1])
    let fDigits = first.filter(\.isNumber)
    let lDigits = last.filter(\.isNumber)
    if !lDigits.isEmpty, lDigits.count < fDigits.count, last == lDigits {
      let prefix = first.prefix(first.count - lDigits.count)
      last = prefix + lDigits
    }
    return (first, last.isEmpty ? nil : last)
  }

  private static func normalizePage(_ s: String) -> String {
    let kept = s.filter { $0.isLetter || $0.isNumber }
    let letters = kept.prefix { $0.isLetter }
    let digits = kept.dropFirst(letters.count).drop { $0 == "0" }
    // `Suppl`, `t` (a spreadsheet-mangled range): not a page number.
    if digits.isEmpty || letters.count > 2 { return "" }
    return String(letters) + String(digits)
  }
}
