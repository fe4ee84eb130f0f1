import PropertyBased
import SiftCore
import Testing

@testable import SiftReport

/// PRISMA identities hold for random valid projects: every fate, every column, 1–3 screening steps, updates.
@Suite struct PropertyPrismaTests {
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

  static let protocols: [[Stage]] = [
    [.titleAbstract, .fullText], [.title, .abstract, .fullText], [.title, .fullText], [.abstract, .fullText],
    [.title, .titleAbstract, .fullText],
  ]

  static func project(seed: UInt64) -> FlowInput {
    var rng = SplitMix64(state: seed)
    func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
    func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    let stages = pick(protocols)
    let criteria = (1...int(1...5)).map { Criterion(id: "E\($0)", label: "Reason \($0)", text: "Reason \($0).") }
    var sources = (1...int(1...3)).map { FlowSource(name: "DB\($0)", column: .databases) }
    sources += (0..<int(0...2)).map { FlowSource(name: "Register\($0 + 1)", column: .registers) }
    sources += (0..<int(0...2)).map { FlowSource(name: "Other\($0 + 1)", column: .otherMethods) }
    var records: [FlowRecord] = []
    var primaries: [String] = []
    for i in 0..<int(0...150) {
      let id = "r\(i + 1)"
      let fate: Fate
      switch int(0...9) {
      case 0 where !primaries.isEmpty: fate = .duplicate(of: pick(primaries))
      case 1: fate = .automation(criterion: pick(criteria).id)
      case 2: fate = .removedOther(reason: "retracted")
      case 3, 4:
        let stage = pick(stages)
        let reasons = stage == .fullText ? (0..<int(1...2)).map { _ in pick(criteria).id } : []
        fate = .excluded(stage: stage, criteria: reasons)
      case 5: fate = .awaiting(stage: pick(stages))
      case 6: fate = .notRetrieved
      default: fate = .included(study: int(1...100) <= 70 ? "S\(int(1...8))" : nil)
      }
      if case .duplicate = fate {} else { primaries.append(id) }
      records.append(FlowRecord(id: id, source: pick(sources).name, fate: fate))
    }
    let previous = int(1...100) <= 25 ? PreviousReview(studies: int(0...20), reports: int(20...40)) : nil
    return FlowInput(records: records, stages: stages, criteria: criteria, sources: sources, previousReview: previous)
  }

  @Test func identitiesHoldForRandomProjects() async {
    await propertyCheck(count: 300, input: Gen.uint64()) { seed in
      let flow = Self.project(seed: seed)
      let counts = try PrismaCounts(flow: flow)  // derives, then verifies every identity (throws on a broken one)
      try counts.verify()

      // The numbers, recounted independently from the fates.
      let otherNames = Set(flow.sources.filter { $0.column == .otherMethods }.map(\.name))
      let main = flow.records.filter { !otherNames.contains($0.source) }
      let other = flow.records.filter { otherNames.contains($0.source) }
      #expect(counts.identified.n == main.count, "seed \(seed)")
      #expect((counts.otherMethods?.identified.n ?? 0) == other.count, "seed \(seed)")
      let removed = main.filter {
        switch $0.fate {
        case .duplicate, .automation, .removedOther: true
        default: false
        }
      }
      #expect(counts.removed.n == removed.count, "seed \(seed)")
      #expect(counts.screening.first?.screened.n == main.count - removed.count, "seed \(seed)")
      let included = flow.records.filter { if case .included = $0.fate { true } else { false } }
      #expect(counts.included.item("included.reports")?.n == included.count, "seed \(seed)")
      var studies = Set<String>()
      var unnamed = 0
      for record in included {
        if case .included(let study?) = record.fate { studies.insert(study) } else { unnamed += 1 }
      }
      #expect(counts.included.item("included.studies")?.n == studies.count + unnamed, "seed \(seed)")
      if let previous = flow.previousReview {
        #expect(counts.total?.item("total.reports")?.n == included.count + previous.reports, "seed \(seed)")
      }
      // No box counts a record twice, and no record appears in two terminal boxes of one column.
      for box in counts.allBoxes {
        #expect(Set(box.records).count == box.records.count, "\(box.id) repeats a record, seed \(seed)")
      }
    }
  }

  /// Reordering the records changes no number.
  @Test func countsDoNotDependOnRecordOrder() async {
    await propertyCheck(count: 50, input: Gen.uint64()) { seed in
      var flow = Self.project(seed: seed)
      let reference = try PrismaCounts(flow: flow)
      var rng = SplitMix64(state: ~seed)
      flow.records.shuffle(using: &rng)
      let again = try PrismaCounts(flow: flow)
      #expect(again.allBoxes.map(\.n) == reference.allBoxes.map(\.n), "seed \(seed)")
      #expect(again.allBoxes.map { Set($0.records) } == reference.allBoxes.map { Set($0.records) }, "seed \(seed)")
    }
  }

  static let hostile = [
    "<script>alert(1)</script>", "A & B", "\"q\" 'a'", "]]>", "ctl\u{0001}\u{0008}", "x\u{FFFE}y", "日本語 ü",
    "<!--", "&amp;", "<svg onload=x>",
  ]

  /// Hostile source names and criterion labels: the SVG stays well-formed XML and runs nothing.
  @Test func svgOfHostileNamesIsWellFormed() async {
    await propertyCheck(count: 40, input: Gen.uint64()) { seed in
      var flow = Self.project(seed: seed)
      var rng = SplitMix64(state: seed &+ 77)
      var renamed: [String: String] = [:]
      for (i, source) in flow.sources.enumerated() {
        let name = Self.hostile[Int.random(in: 0..<Self.hostile.count, using: &rng)] + " \(i)"
        renamed[source.name] = name
        flow.sources[i].name = name
      }
      for i in flow.records.indices { flow.records[i].source = renamed[flow.records[i].source] ?? "" }
      for i in flow.criteria.indices {
        flow.criteria[i].label = Self.hostile[Int.random(in: 0..<Self.hostile.count, using: &rng)]
      }
      let svg = PrismaSVG.render(try PrismaCounts(flow: flow), explain: true)
      _ = try SVGInspector(svg)  // throws unless well-formed
      for forbidden in ["<script", "<svg onload", "<!--", "]]>"] {
        #expect(!svg.contains(forbidden), "seed \(seed): \(forbidden)")
      }
    }
  }
}
