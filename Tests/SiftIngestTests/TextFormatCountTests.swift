import SiftCore
import SiftIngest
import TestSupport
import Testing

@Suite("Text formats: record counts of every fixture")
struct TextFormatCountTests {
  @Test("Fixture gives the record count in PROVENANCE.md", arguments: try TextFixture.all())
  func count(_ fixture: TextFixture) throws {
    if fixture.records == 0 {
      #expect(throws: IngestError.self) { try readAll(fixture.input) }
      return
    }
    let (records, summary) = try readAll(fixture.input)
    #expect(records.count == fixture.records)
    #expect(summary.recordCount == fixture.records)
    #expect(summary.format == fixture.format)
    // Provenance: file, format, index in order, a line for every record.
    for (i, record) in records.enumerated() {
      #expect(record.provenance.index == i)
      #expect(record.provenance.format == fixture.format)
      #expect(record.provenance.file == fixture.url.path)
      #expect((record.provenance.line ?? 0) >= 1)
      #expect(!record.fields.isEmpty)
    }
    // Lines strictly increase through the file.
    let lines = records.compactMap(\.provenance.line)
    #expect(lines == lines.sorted() && Set(lines).count == lines.count)
  }

  @Test("Detection picks the format of every fixture file", arguments: try TextFixture.everyFile())
  func detection(_ fixture: TextFixture) throws {
    let known = ReaderRegistry.reader(for: fixture.format) != nil
    if known && fixture.records > 0 {
      let reader = try Ingest.detect(fixture.input)
      #expect(reader.format == fixture.format)
    } else if !known {
      // A format this branch does not read: no text reader may claim the file.
      let head = try fixture.input.readHead().text
      for reader in ReaderRegistry.all where TextFixture.textFormats.contains(reader.format) {
        #expect(
          reader.sniff(head, fileExtension: fixture.input.fileExtension) < Ingest.minimumScore,
          "\(reader.format) claims \(fixture.path)")
      }
    }
  }

  @Test func emptyWoSFileIsRejectedWithAClearMessage() throws {
    let input = InputSource.file(path: Fixtures.export("edge/jabref-IsiImporterTestEmpty.isi").path)
    let error = try #require(throws: IngestError.self) { try readAll(input) }
    #expect(error.message.contains("tried"))
    let forced = try #require(throws: IngestError.self) { try readAll(input, format: .wosTagged) }
    #expect(forced.message.contains("no Web of Science records"))
  }

  @Test func unknownContentIsRejectedListingTheFormatsTried() throws {
    let input = InputSource.memory(name: "notes.txt", bytes: Array("Just some notes\nabout nothing\n".utf8))
    let error = try #require(throws: IngestError.self) { try Ingest.detect(input) }
    #expect(error.file == "notes.txt")
    #expect(error.message.contains("RIS"))
    #expect(error.message.contains("Web of Science tagged"))
  }
}
