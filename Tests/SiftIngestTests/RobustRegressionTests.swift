import Foundation
import SiftCore
import TestSupport
import Testing

@testable import SiftIngest

/// Inputs the fuzzers found crashing, hanging or exhausting memory (kept under `Tests/Regressions/fuzz/<reader>/`)
/// are read again by their reader and by detection: each must finish, with records or a clear error naming the file.
@Suite struct RobustRegressionTests {
  static let root = Fixtures.packageRoot.appendingPathComponent("Tests/Regressions/fuzz")

  /// The reader of each regression folder.
  static let readers: [String: any RecordReader] = [
    "ris": RISReader(), "wos": WoSReader(), "medline": MedlineReader(), "ovid": OvidReader(),
    "endnote-tagged": EndNoteTaggedReader(), "scopus-csv": ScopusCSVReader(), "csv": GenericCSVReader(),
    "bibtex": BibTeXReader(), "endnote-xml": EndNoteXMLReader(), "pubmed-xml": PubMedXMLReader(),
  ]

  /// `folder/file` of every kept input.
  static let inputs: [String] = {
    let fm = FileManager.default
    let folders = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
    return folders.flatMap { folder in
      ((try? fm.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []).sorted()
        .filter { !$0.hasPrefix(".") && $0 != "README.md" }.map { "\(folder)/\($0)" }
    }
  }()

  @Test(arguments: inputs)
  func keptInputIsReadWithoutCrashing(_ input: String) throws {
    let bytes = Array(try Data(contentsOf: Self.root.appendingPathComponent(input)))
    let folder = String(input.prefix { $0 != "/" })
    let source = InputSource.memory(name: input, bytes: bytes)
    if let reader = Self.readers[folder] {
      var records: [Record] = []
      var sink = RecordSink { records.append($0) }
      do {
        try reader.read(source, into: &sink)
        for format in OutputFormat.allCases { _ = RecordText.render(records, as: format) }
      } catch let error as IngestError {
        #expect(error.file == input)
        #expect(!error.message.isEmpty)
      }
    }
    do {
      var count = 0
      let summary = try Ingest.read(source) { _ in count += 1 }
      #expect(summary.recordCount == count)
    } catch let error as IngestError {
      #expect(error.file == input)
      #expect(!error.message.isEmpty)
    }
  }
}
