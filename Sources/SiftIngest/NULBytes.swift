import Foundation
import SiftCore

/// NUL bytes (U+0000) in a record: a sign of a damaged or binary file. They are removed from every value and
/// reported once per record, naming the fields.
enum NULBytes {
  /// True when `text` holds a U+0000 (a `memchr` over the UTF-8 bytes: cheap enough for every value).
  static func contains(_ text: String) -> Bool {
    var copy = text
    return copy.withUTF8 { bytes in
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
      return memchr(base, 0, bytes.count) != nil
    }
  }

  /// The tags of the fields holding a NUL byte; empty for a clean record (the common case, one scan per value).
  static func fieldsWithNUL(_ record: Record) -> [String] {
    var tags: [String] = []
    for field in record.fields where contains(field.value) {
      let tag = field.tag
      if !tags.contains(tag) { tags.append(tag) }
    }
    return tags
  }

  /// `record` with every NUL byte removed from its values, and the warning that says so.
  static func scrub(_ record: Record, tags: [String], file: String, index: Int) -> (Record, Diagnostic) {
    func clean(_ s: String) -> String { contains(s) ? s.replacingOccurrences(of: "\u{0}", with: "") : s }
    func clean(_ s: String?) -> String? { s.map(clean) }
    var r = record
    r.type = clean(r.type)
    r.title = clean(r.title)
    r.authors = r.authors.map {
      Author(asWritten: clean($0.asWritten), family: clean($0.family), given: clean($0.given))
    }
    r.sourceTitle = clean(r.sourceTitle)
    r.volume = clean(r.volume)
    r.issue = clean(r.issue)
    r.pages = clean(r.pages)
    r.doi = clean(r.doi)
    r.pmid = clean(r.pmid)
    r.issn = r.issn.map(clean)
    r.isbn = r.isbn.map(clean)
    r.abstract = clean(r.abstract)
    r.keywords = r.keywords.map(clean)
    r.language = clean(r.language)
    r.publicationTypes = r.publicationTypes.map(clean)
    r.urls = r.urls.map(clean)
    r.database = clean(r.database)
    r.accession = clean(r.accession)
    r.fields = r.fields.map { Field($0.tag, clean($0.value)) }
    let names = tags.map { "`\($0)`" }.joined(separator: ", ")
    let diagnostic = Diagnostic(
      .warning,
      "NUL bytes (0x00) in \(tags.count == 1 ? "field" : "fields") \(names) were removed; the file looks damaged, "
        + "export it again if this record looks wrong",
      file: file, line: record.provenance.line, recordIndex: index)
    return (r, diagnostic)
  }
}
