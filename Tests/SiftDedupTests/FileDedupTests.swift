import SiftCore
import Testing

@testable import SiftDedup

@Suite struct FileDedupTests {
  static let title = "Internet-delivered cognitive behaviour therapy for insomnia: a randomised controlled trial"

  static func record(_ title: String, accession: String? = nil, volume: String = "4", pages: String = "1-9") -> Record {
    Record(
      type: "JOUR", title: title, authors: [Author.parse("Andersson, G.")], year: 2019, sourceTitle: "Sleep",
      volume: volume, pages: pages, accession: accession)
  }

  @Test func keysSortInInputOrder() {
    #expect(FileDedup.key(fileNumber: 0, index: 12) == "f001-r0000012")
    #expect(FileDedup.key(fileNumber: 1, index: 2) > FileDedup.key(fileNumber: 0, index: 999))
    #expect(FileDedup.key(fileNumber: 0, index: 10) > FileDedup.key(fileNumber: 0, index: 9))
  }

  @Test func reportsHaveOneRowPerRecordAndQuoteCells() {
    let outcome = FileDedup.run(files: [
      ("a, first.ris", [Self.record(Self.title, accession: "A1"), Self.record("Another study of sleep in teenagers")]),
      ("b.ris", [Self.record(Self.title.uppercased(), accession: "B1")]),
    ])
    let rows = outcome.clustersCSV.split(separator: "\n").map(String.init)
    #expect(rows.count == 4)
    #expect(rows[1].hasPrefix("c-f001-r0000000,\"a, first.ris\",0,A1,true,primary"))
    #expect(rows[3].hasPrefix("c-f001-r0000000,b.ris,0,B1,false,title+authors+year+journal+volume+pages 1.00"))
    #expect(outcome.unique.map(\.accession) == ["A1", nil])
    #expect(outcome.summary.hasPrefix("3 records in, 2 unique (1 clusters of duplicates), 1 duplicates removed"))
    #expect(outcome.summary.contains("b.ris: 1 records, 0 kept, 1 duplicates (0 of a record in the same file)"))
  }

  @Test func maybePairsNameFileAndIndex() {
    // Same title, authors, year and journal; another volume and page: a near miss for a person.
    let outcome = FileDedup.run(files: [
      ("a.ris", [Self.record(Self.title)]),
      ("b.ris", [Self.record(Self.title, volume: "5", pages: "50-59")]),
    ])
    #expect(outcome.result.clusters.count == 2)
    let rows = outcome.maybeCSV.split(separator: "\n").map(String.init)
    #expect(rows.first == "a_file,a_index,b_file,b_index,score,reason")
    #expect(rows.count == 2)
    #expect(rows.last?.hasPrefix("a.ris,0,b.ris,0,0.82,") == true)
    #expect(rows.last?.contains("volumes differ, pages differ") == true)
  }
}
