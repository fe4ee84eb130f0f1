import Foundation
import PropertyBased
import SiftCore
import TestSupport
import Testing

@testable import SiftIngest

/// The fast XML scanner and libxml2 give the same records and diagnostics, on real exports, on generated
/// documents split at every kind of chunk boundary, and on files the fast scanner hands back to libxml2.
@Suite struct XMLFastDifferentialTests {
  /// Every XML file under the shared fixtures, with the reader that reads it.
  static let fixtures: [String] = {
    let roots = [Fixtures.exports, Fixtures.dedup]
    var out: [String] = []
    for root in roots {
      let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
      while let url = files?.nextObject() as? URL {
        if url.pathExtension.lowercased() == "xml" { out.append(url.path) }
      }
    }
    return out.sorted()
  }()

  static func kind(of path: String) -> XMLFastDiff.Kind {
    let head = (try? String(contentsOfFile: path, encoding: .utf8))?.prefix(4096) ?? ""
    return head.contains("<xml>") || head.contains("<records>") ? .endnote : .pubmed
  }

  @Test func fixturesAreFound() {
    #expect(Self.fixtures.count >= 10)
  }

  @Test(arguments: fixtures)
  func fixtureReadsAsWithLibXML2(_ path: String) {
    let kind = Self.kind(of: path)
    let reference = XMLFastDiff.read(kind, .file(path: path), path: .libxml2)
    for chunk in [XMLStream.chunkSize, 7] {
      let fast = XMLFastDiff.read(kind, .file(path: path), path: .automatic, chunk: chunk)
      #expect(fast == reference, "\(path), chunk \(chunk): \(XMLFastDiff.firstDifference(fast, reference))")
    }
  }

  /// Generated documents that hold only what the fast path reads: it reads them alone (no anomaly) and gives
  /// exactly what libxml2 gives, whatever the chunk size.
  @Test(arguments: [1, 2, 3, 5, 16, 61, 4096])
  func generatedDocumentsMatchAtChunkSize(_ chunk: Int) {
    for seed in UInt64(0)..<12 {
      var generator = XMLDocumentGenerator(seed: seed &* 31 &+ UInt64(chunk))
      for (kind, text) in [
        (XMLFastDiff.Kind.endnote, generator.endNote(records: 5)), (.pubmed, generator.pubMed(records: 3)),
      ] {
        let input = XMLFastDiff.memory("gen.xml", text)
        let reference = XMLFastDiff.read(kind, input, path: .libxml2)
        let fast = XMLFastDiff.read(kind, input, path: .fastOnly, chunk: chunk)
        #expect(reference.error == nil && reference.recordCount > 0, "seed \(seed): \(reference)")
        #expect(
          fast == reference, "seed \(seed), chunk \(chunk): \(XMLFastDiff.firstDifference(fast, reference))")
      }
    }
  }

  @Test func randomDocumentsMatchLibXML2() async {
    await propertyCheck(count: 150, input: Gen.uint64()) { seed in
      var generator = XMLDocumentGenerator(seed: seed)
      let text = seed % 3 == 0 ? generator.pubMed(records: 2) : generator.endNote(records: Int(seed % 6))
      let kind: XMLFastDiff.Kind = seed % 3 == 0 ? .pubmed : .endnote
      let input = XMLFastDiff.memory("random.xml", text)
      let reference = XMLFastDiff.read(kind, input, path: .libxml2)
      let fast = XMLFastDiff.read(kind, input, path: .fastOnly, chunk: 1 + Int(seed % 97))
      #expect(fast == reference, "seed \(seed): \(XMLFastDiff.firstDifference(fast, reference))")
    }
  }

  /// Line numbers come from the tag's closing `>`, as libxml2 reports them, also for tags over several lines.
  @Test func multiLineTagsKeepLibXML2Lines() throws {
    let text = """
      <xml><records>
      <record
        a="1"
        b='2'
      ><rec-number>1</rec-number><titles><title
      >One</title></titles></record>
      <record><rec-number>2</rec-number><titles><title>Two</title></titles></record></records></xml>
      """
    let input = XMLFastDiff.memory("lines.xml", text)
    let fast = XMLFastDiff.read(.endnote, input, path: .fastOnly, chunk: 4)
    let reference = XMLFastDiff.read(.endnote, input, path: .libxml2)
    #expect(fast == reference, "\(XMLFastDiff.firstDifference(fast, reference))")
    #expect(fast.records.map { $0.provenance.line } == [5, 7])
  }
}

/// Files the fast scanner does not read: it hands them to libxml2, and the outcome is exactly libxml2's, also when
/// records were handed out before the problem.
@Suite struct XMLFastAnomalyTests {
  static func record(_ i: Int, title: String = "Title") -> String {
    "<record><rec-number>\(i)</rec-number><titles><title>\(title) \(i)</title></titles>"
      + "<contributors><authors><author>Smith, J</author></authors></contributors></record>\n"
  }

  static func document(_ records: [String], head: String = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") -> String {
    head + "<xml><records>\n" + records.joined() + "</records></xml>\n"
  }

  static let cases: [(name: String, bytes: [UInt8])] = [
    (
      "doctype with an internal subset",
      Array(
        document(
          (1...4).map { record($0) }, head: "<?xml version=\"1.0\"?>\n<!DOCTYPE xml [<!ELEMENT xml ANY>]>\n"
        ).utf8)
    ),
    (
      "mismatched tag after 3 records",
      Array(
        document(
          (1...3).map { record($0) }
            + ["<record><rec-number>4</rec-number><titles><title>Bad</titel></titles></record>\n"]
            + (5...6).map { record($0) }
        ).utf8)
    ),
    (
      "invalid UTF-8 in record 2",
      Array(document([record(1)]).utf8.dropLast(17)) + Array("<record><rec-number>2</rec-number><titles><title>".utf8)
        + [0xC3, 0x28, 0xFF] + Array("</title></titles></record>\n".utf8) + Array(record(3).utf8)
        + Array("</records></xml>\n".utf8)
    ),
    ("undefined entity", Array(document([record(1), record(2, title: "A &nbsp; B"), record(3)]).utf8)),
    ("Latin-1 encoding", Array(document([record(1)], head: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n").utf8)),
    ("end of file inside a record", Array(document([record(1), record(2)]).utf8.dropLast(40))),
    ("CR LF in CDATA", Array(document([record(1), record(2, title: "<![CDATA[A\r\nB]]>")]).utf8)),
    ("lone CR", Array(document([record(1), record(2, title: "A\rB")]).utf8)),
    ("namespace prefix", Array(document([record(1), record(2, title: "<mml:math>x</mml:math>")]).utf8)),
    ("nested too deep", Array(document([record(1), record(2, title: String(repeating: "<style>", count: 120))]).utf8)),
  ]

  @Test(arguments: 0..<cases.count)
  func anomalyGivesLibXML2Outcome(_ index: Int) {
    let (name, bytes) = Self.cases[index]
    let input = InputSource.memory(name: "anomaly.xml", bytes: bytes)
    let reference = XMLFastDiff.read(.endnote, input, path: .libxml2)
    for chunk in [XMLStream.chunkSize, 64, 5] {
      let automatic = XMLFastDiff.read(.endnote, input, path: .automatic, chunk: chunk)
      #expect(automatic == reference, "\(name), chunk \(chunk): \(XMLFastDiff.firstDifference(automatic, reference))")
    }
    // The fast path alone does stop there.
    let fastOnly = XMLFastDiff.read(.endnote, input, path: .fastOnly, chunk: 64)
    #expect(fastOnly.diagnostics.contains { $0.contains("fast XML path anomaly") } || fastOnly.error != nil, "\(name)")
  }

  @Test func anomalyFileKeepsGoodRecordsOnce() {
    let (_, bytes) = Self.cases[1]
    let outcome = XMLFastDiff.read(.endnote, .memory(name: "m.xml", bytes: bytes), path: .automatic, chunk: 16)
    #expect(outcome.records.map(\.title) == ["Title 1", "Title 2", "Title 3"])
  }
}
