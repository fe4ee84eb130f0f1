import Foundation
import PropertyBased
import SiftCore
import Testing

@testable import SiftDedup

/// De-duplication of random projects does not depend on the input order, nor on the keys the records carry
/// (the deduplicator sorts by key, so renaming keys is how another input order reaches it).
@Suite struct PropertyOrderTests {
  /// SplitMix64: small and seeded, so a failure replays from its seed.
  struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let topics = [
    "internet", "cognitive", "behavioural", "therapy", "depression", "anxiety", "text", "messaging", "adolescents",
    "randomised", "trial", "meta-analysis", "chat", "counselling", "insomnia", "alcohol", "smoking", "cessation",
    "older", "adults", "guided", "self-help", "outcomes", "feasibility", "pilot", "study", "Ünïcødé",
  ]
  static let families = ["Andersson", "Smith", "Müller", "O'Brien", "van der Berg", "Nguyen", "Kim", "Zhang", "Li"]

  /// Publications, each written by 1–3 "databases" with the differences real exports show.
  static func project(seed: UInt64) -> [Record] {
    var rng = SplitMix64(state: seed)
    func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
    func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    var records: [Record] = []
    for p in 0..<int(5...25) {
      let words = (0..<int(3...12)).map { _ in pick(topics) }
      let authors = (0..<int(1...4)).map { _ in
        let family = pick(families)
        return Author(asWritten: "\(family), A.", family: family, given: "A.")
      }
      var base = Record(
        type: "JOUR", title: words.joined(separator: " ").capitalized, authors: authors, year: int(1995...2025),
        sourceTitle: "Journal of \(pick(topics).capitalized)", volume: String(int(1...60)),
        issue: String(int(1...12)), pages: "\(int(1...400))-\(int(401...800))")
      if int(1...100) <= 60 { base.doi = "10.\(int(1000...9999))/j.\(p).\(int(1...99_999))" }
      if int(1...100) <= 30 { base.pmid = String(int(10_000_000...39_999_999)) }
      // The first publication always has two copies, so every project has duplicates to find.
      for c in 0..<(p == 0 ? 2 : int(1...3)) {
        var copy = base
        switch p == 0 && c == 0 ? -1 : int(0...6) {
        case 0: copy.title = copy.title?.uppercased()
        case 1: copy.title = (copy.title ?? "") + "."
        case 2: copy.doi = nil
        case 3: copy.year = copy.year.map { $0 + 1 }
        case 4: copy.sourceTitle = copy.sourceTitle.map { String($0.prefix(8)) }
        case 5: copy.authors = copy.authors.map { Author(asWritten: $0.family, family: $0.family) }
        case 6: copy.pages = nil
        default: break
        }
        records.append(copy)
      }
    }
    return records
  }

  /// The partition of the records (by their position in `records`) and the near-miss pairs, independent of keys.
  static func shape(_ records: [Record], keys: [String]) -> (groups: Set<Set<Int>>, maybe: Set<Set<Int>>) {
    let result = Deduplicator.run(zip(keys, records).map { DedupRecord(key: $0, record: $1) })
    let position = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    let groups = Set(result.clusters.map { Set($0.members.compactMap { position[$0.key] }) })
    let maybe = Set(result.maybe.map { Set([position[$0.a] ?? -1, position[$0.b] ?? -1]) })
    return (groups, maybe)
  }

  @Test func resultDoesNotDependOnOrderOrKeys() async {
    await propertyCheck(count: 60, input: Gen.uint64()) { seed in
      let records = Self.project(seed: seed)
      let keys = records.indices.map { String(format: "r%04d", $0) }
      let reference = Self.shape(records, keys: keys)
      #expect(reference.groups.reduce(0) { $0 + $1.count } == records.count, "every record in exactly one cluster")
      #expect(reference.groups.contains { $0.count > 1 }, "seed \(seed): the project has duplicates to find")

      var rng = SplitMix64(state: seed ^ 0xDEAD_BEEF)
      let permutation = Array(records.indices).shuffled(using: &rng)
      // Same records, keys handed out in another order: the deduplicator sees them in that order.
      var renamed = keys
      for (i, p) in permutation.enumerated() { renamed[p] = keys[i] }
      let again = Self.shape(records, keys: renamed)
      #expect(again.groups == reference.groups, "seed \(seed)")
      #expect(again.maybe == reference.maybe, "seed \(seed)")

      // Same keys, input array shuffled.
      let shuffled = permutation.map { DedupRecord(key: keys[$0], record: records[$0]) }
      let third = Deduplicator.run(shuffled)
      let plain = Deduplicator.run(zip(keys, records).map { DedupRecord(key: $0, record: $1) })
      #expect(third.clusters == plain.clusters)
      #expect(third.maybe == plain.maybe)
    }
  }
}
