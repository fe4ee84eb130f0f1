import Foundation
import SiftCore
import SiftIngest
import TestSupport

/// One fixture file of a text format this target reads, with its expected record count from PROVENANCE.md.
struct TextFixture: Sendable, CustomStringConvertible {
  var path: String
  var records: Int
  var format: Format

  var description: String { path }
  var url: URL { Fixtures.export(path) }
  var input: InputSource { .file(path: url.path) }

  /// The format a fixture file holds, judged from its folder or (in edge/) its name.
  static func expectedFormat(_ path: String) -> Format? {
    let folder = path.split(separator: "/").first.map(String.init) ?? ""
    switch folder {
    case "ris": return .ris
    case "wos": return .wosTagged
    case "medline": return .medline
    case "ovid": return .ovid
    case "endnote-tagged": return .endnoteTagged
    case "endnote-xml": return .endnoteXML
    case "pubmed-xml": return .pubmedXML
    case "scopus-csv": return .scopusCSV
    case "bibtex": return .bibtex
    default: break
    }
    let name = path.split(separator: "/").last.map(String.init) ?? ""
    if name.hasPrefix("rispy-") || name.hasPrefix("jabref-Ris") || name.hasPrefix("asreview-") { return .ris }
    if name.hasPrefix("jabref-Isi") { return .wosTagged }
    if name.hasPrefix("jabref-MedlinePlain") { return .medline }
    if name.hasPrefix("jabref-Ovid") { return .ovid }
    if name.hasPrefix("jabref-Endnote.entries") { return .endnoteTagged }
    if name.hasPrefix("jabref-MedlineImporter") { return .pubmedXML }
    if name.hasSuffix(".bib") { return .bibtex }
    return nil
  }

  static let textFormats: Set<Format> = [.ris, .wosTagged, .medline, .ovid, .endnoteTagged]

  /// Fixture files of the five text formats.
  static func all() throws -> [TextFixture] {
    try Fixtures.provenanceCounts().compactMap { row in
      guard let format = expectedFormat(row.path), textFormats.contains(format) else { return nil }
      return TextFixture(path: row.path, records: row.records, format: format)
    }
  }

  /// Every fixture file with the format it holds.
  static func everyFile() throws -> [TextFixture] {
    try Fixtures.provenanceCounts().compactMap { row in
      guard let format = expectedFormat(row.path) else { return nil }
      return TextFixture(path: row.path, records: row.records, format: format)
    }
  }
}

/// Reads a fixture through the public entry point, collecting records.
func readAll(_ input: InputSource, format: Format? = nil) throws -> (records: [Record], summary: FileReadSummary) {
  var records: [Record] = []
  let summary = try Ingest.read(input, format: format) { records.append($0) }
  return (records, summary)
}
