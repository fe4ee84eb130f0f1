import Foundation
import SiftCore
import SiftIngest
import TestSupport
import Testing

@testable import SiftDedup

/// The result does not depend on the order of the input (commutative), and the labelled special cases hold.
@Suite struct OrderIndependenceTests {
  static func labelled(_ set: String) throws -> (records: [DedupRecord], truth: [[String]]) {
    let dir = Fixtures.dedup.appendingPathComponent(set)
    var records: [DedupRecord] = []
    var sink = RecordSink { record in
      records.append(DedupRecord(key: record.accession ?? "", record: record))
    }
    try GenericCSVReader().read(.file(path: dir.appendingPathComponent("records_pre_merged.csv").path), into: &sink)
    var tokenizer = CSVTokenizer(
      text: try String(contentsOf: dir.appendingPathComponent("merged_record_ids.csv"), encoding: .utf8))
    _ = tokenizer.next()
    var truth: [[String]] = []
    while let row = tokenizer.next() { truth.append(row.fields[0].split(separator: ";").map(String.init).sorted()) }
    return (records, truth)
  }

  struct Shuffler: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state
    }
  }

  @Test(arguments: [1, 7, 42, 2026] as [UInt64])
  func shuffledInputGivesTheSameResult(seed: UInt64) throws {
    let (records, _) = try Self.labelled("stroke")
    let reference = Deduplicator.run(records)
    var rng = Shuffler(state: seed)
    let shuffled = records.shuffled(using: &rng)
    let again = Deduplicator.run(shuffled)
    #expect(again.clusters == reference.clusters)
    #expect(again.maybe == reference.maybe)
  }

  @Test func specialCasesMatchTheirTruth() throws {
    let (records, truth) = try Self.labelled("special_cases")
    #expect(records.count == 12)
    let result = Deduplicator.run(records)
    let groups = result.clusters.filter { $0.members.count > 1 }.map { $0.members.map(\.key).sorted() }
    #expect(Set(groups) == Set(truth))
  }

  @Test(arguments: ["stroke", "cytology_screening", "respiratory", "haematology"])
  func noFalseMergesOnLabelledSets(set: String) throws {
    let (records, truth) = try Self.labelled(set)
    let group = Dictionary(
      truth.enumerated().flatMap { i, ids in ids.map { ($0, i) } }, uniquingKeysWith: { a, _ in a })
    let result = Deduplicator.run(records)
    for cluster in result.clusters where cluster.members.count > 1 {
      let groups = Set(cluster.members.map { group[$0.key] ?? -1 })
      #expect(groups.count == 1 && !groups.contains(-1), "false merge in \(cluster.id)")
    }
  }
}
