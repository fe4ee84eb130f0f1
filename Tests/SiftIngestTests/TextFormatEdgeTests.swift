import SiftCore
import SiftIngest
import TestSupport
import Testing

@Suite("Text formats: edge files warn and keep every record")
struct TextFormatEdgeTests {
  func read(_ path: String) throws -> (records: [Record], summary: FileReadSummary) {
    try readAll(.file(path: Fixtures.export(path).path))
  }

  func warnings(_ summary: FileReadSummary, containing text: String) -> [Diagnostic] {
    summary.diagnostics.filter { $0.message.contains(text) }
  }

  @Test func risWithoutTYIsReadWithAWarning() throws {
    let (records, summary) = try read("edge/jabref-RisImporterCorrupted.ris")
    #expect(records.count == 1)
    #expect(records.first?.type == "GEN")
    let w = warnings(summary, containing: "no TY line")
    #expect(w.count == 1)
    #expect(w.first?.severity == .warning)
    #expect(w.first?.line == 2)
  }

  @Test func repeatedTYInsideARecordIsWarnedNotSplit() throws {
    let (records, summary) = try read("edge/jabref-RisImporterTest1.ris")
    #expect(records.count == 1)
    #expect(records.first?.fields.filter { $0.tag == "TY" }.count == 11)
    #expect(warnings(summary, containing: "TY line inside a record").count == 1)
  }

  @Test func junkBetweenRecordsIsANoteNotARecord() throws {
    let (records, summary) = try read("edge/rispy-example_extraneous_data.ris")
    #expect(records.count == 2)
    let note = try #require(warnings(summary, containing: "outside records were skipped").first)
    #expect(note.severity == .note)
    #expect(note.line == 1)
  }

  @Test func ovidNLAfterERMakesNoPhantomRecord() throws {
    let (records, summary) = try read("ris/asreview-ovid_psycinfo.ris")
    #expect(records.count == 6)
    #expect(warnings(summary, containing: "tag line(s) between records").count == 1)
    #expect(records.allSatisfy { !$0.fields.contains { $0.tag == "NL" } })
  }

  @Test func untaggedLinesContinueThePreviousTag() throws {
    let (records, _) = try read("ris/rispy-example_multiline.ris")
    #expect(records.count == 3)
    let n2 = records.map { $0.fields.first { $0.tag == "N2" }?.value }
    #expect(n2[0] == "first line, ER then second line and at the end the last line")
    #expect(n2[2] == "first line,\nER then second line and at the end\nthe last line")
    #expect(records[0].fields.first { $0.tag == "N1" }?.value == "first line\n* second line\n* last line")
    let (rayyan, _) = try read("edge/asreview-ris_issue_992.txt")
    #expect(rayyan.first?.keywords.first == "Health Facility Administration")
    #expect(rayyan.first?.keywords.contains("Joint Commission") == true)
  }

  @Test func unknownTagsAreKeptVerbatim() throws {
    let (records, _) = try read("edge/rispy-example_multi_unknown_tags.ris")
    let r = try #require(records.first)
    #expect(r.fields.contains(Field("JP", "CRISPR")))
    #expect(r.fields.contains(Field("DC", "Direct Current")))
  }

  @Test func risTruncatedAtEndOfFileIsKeptWithAWarning() throws {
    let text = "TY  - JOUR\nTI  - Complete\nER  - \n\nTY  - JOUR\nTI  - Cut off\nAU  - Doe, J"
    let (records, summary) = try readAll(.memory(name: "cut.ris", bytes: Array(text.utf8)))
    #expect(records.map(\.title) == ["Complete", "Cut off"])
    let w = try #require(warnings(summary, containing: "file ends inside a record").first)
    #expect(w.line == 5)
    #expect(w.recordIndex == 1)
  }

  @Test func medlineMalformedAndJunkLinesAreWarned() throws {
    let (records, summary) = try read("edge/jabref-MedlinePlainImporterStringOutOfBounds.txt")
    #expect(records.map(\.pmid) == ["27433151", "27394443"])
    #expect(warnings(summary, containing: "malformed MEDLINE tag line").map(\.line) == [3, 7])
    let (multi, multiSummary) = try read("medline/jabref-MedlinePlainImporterTestMultipleEntries.txt")
    #expect(multi.count == 7)
    #expect(warnings(multiSummary, containing: "untagged line outside a record").map(\.line) == [53])
  }

  @Test func endNoteTypeOnlyRecordsAreSkippedWithAWarning() throws {
    let (records, summary) = try read("edge/jabref-Endnote.entries.enw")
    #expect(records.count == 5)
    #expect(warnings(summary, containing: "type line (%0) and nothing else").count == 8)
    let (enl, _) = try read("endnote-tagged/colrev-enl_data.enl")
    #expect(enl.first?.type == "JOUR")
    #expect(enl.last?.title == "MISQ Volume 45, Issue 3 Table of Contents")
  }

  @Test func wosWithoutEFIsComplete() throws {
    let (records, summary) = try read("wos/bibliometrix-performance_soccer.txt")
    #expect(records.count == 101)
    #expect(summary.diagnostics.filter { $0.severity != .note }.isEmpty)
  }
}
