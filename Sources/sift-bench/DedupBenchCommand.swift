import ArgumentParser
import Foundation
import SiftCore
import SiftDedup
import SiftIngest
import SiftKit

/// `sift-bench dedup`: accuracy of the de-duplicator on a labelled set, or its speed and memory at scale.
struct DedupBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dedup",
    abstract: "Measure de-duplication accuracy (on a labelled CSV) and speed.",
    discussion: """
      Accuracy: --records records_pre_merged.csv --truth merged_record_ids.csv (bib-dedupe benchmark layout; ids
      `id_0000NNN` in the truth also match a bare `NNN` record id, as in the ASySD sets).
      Scale: --scale 10000 generates that many records, a fifth of them injected duplicates with typical
      export differences, and reports time and peak memory.
      """
  )

  @Option(help: "CSV of records with an ID column.") var records: String?
  @Option(help: "CSV with a `merged_ids` column: one true duplicate group per row, ids joined by `;`.")
  var truth: String?
  @Option(help: "Generate this many synthetic records instead of reading a file.") var scale: Int?
  @Option(help: "Merge threshold.") var mergeThreshold: Double?
  @Option(help: "Review threshold.") var reviewThreshold: Double?
  @Flag(help: "List false merges and missed pairs (for tuning).") var errors = false
  @Option(help: "Name printed on the result line.") var name: String?

  func run() throws {
    var options = DedupOptions()
    if let mergeThreshold { options.mergeThreshold = mergeThreshold }
    if let reviewThreshold { options.reviewThreshold = reviewThreshold }
    if let scale {
      try runScale(scale, options: options)
      return
    }
    guard let records, let truth else {
      throw ValidationError("give --records and --truth, or --scale N")
    }
    let clock = ContinuousClock()
    let cpuStart = cpuSeconds()
    let start = clock.now
    var input: [DedupRecord] = []
    var sink = RecordSink { record in
      let key = record.accession ?? "row-\(record.provenance.index)"
      input.append(DedupRecord(key: key, record: record))
    }
    try GenericCSVReader().read(.file(path: records), into: &sink)
    let readTime = clock.now - start
    let result = Deduplicator.run(input, options: options)
    let total = clock.now - start
    let cpu = cpuSeconds() - cpuStart
    let groups = try Self.truthGroups(truth, ids: Set(input.map(\.key)))
    let predicted = result.clusters.map { $0.members.map(\.key) }
    let kept = Set(result.clusters.map(\.primary))
    let pair = PairMetrics(truth: groups, predicted: predicted)
    let rec = RecordLevelMetrics(truth: groups, all: input.map(\.key), kept: kept)
    let label = name ?? URL(fileURLWithPath: records).deletingLastPathComponent().lastPathComponent
    print(
      String(
        format:
          "%@ sift       records %5d  pairwise P %.3f R %.3f F1 %.3f  record-level P %.3f R %.3f F1 %.3f  time %.3f s (cpu %.3f s, read %.3f s)  maybe %d",
        label.padding(toLength: 20, withPad: " ", startingAt: 0) as NSString, input.count, pair.precision, pair.recall,
        pair.f1, rec.precision, rec.recall, rec.f1,
        total.seconds, cpu, readTime.seconds, result.maybe.count))
    if errors {
      let byKey = Dictionary(input.map { ($0.key, $0.record) }, uniquingKeysWith: { a, _ in a })
      let reasons = Dictionary(
        result.clusters.flatMap { c in c.members.map { ($0.key, $0.reason) } }, uniquingKeysWith: { a, _ in a })
      for (a, b) in pair.falsePositives {
        print("FALSE MERGE \(a) ~ \(b) [\(reasons[b] ?? "") / \(reasons[a] ?? "")]")
        Self.show(byKey[a])
        Self.show(byKey[b])
      }
      let maybeScore = Dictionary(
        result.maybe.map { ("\($0.a);\($0.b)", "\($0.reason)") }, uniquingKeysWith: { a, _ in a })
      for (a, b) in pair.falseNegatives {
        print("MISSED \(a) ~ \(b) \(maybeScore["\(a);\(b)"].map { "maybe: \($0)" } ?? "")")
        Self.show(byKey[a])
        Self.show(byKey[b])
      }
    }
  }

  static func show(_ r: Record?) {
    guard let r else { return }
    let authors = r.authors.map(\.family).joined(separator: "; ")
    print(
      "    \(r.title ?? "-") | \(authors) | \(r.year.map(String.init) ?? "-") | \(r.sourceTitle ?? "-") | \(r.volume ?? "-")(\(r.issue ?? "-")) \(r.pages ?? "-") | \(r.doi ?? "-")"
    )
  }

  /// The truth groups, with `id_0000NNN` mapped to `NNN` when the records use bare numbers.
  static func truthGroups(_ path: String, ids: Set<String>) throws -> [[String]] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ValidationError("cannot read \(path)")
    }
    var tokenizer = CSVTokenizer(bytes: [UInt8](data))
    guard let header = tokenizer.next(), let column = header.fields.firstIndex(of: "merged_ids") else {
      throw ValidationError("\(path): no `merged_ids` column")
    }
    var groups: [[String]] = []
    while let row = tokenizer.next() {
      guard column < row.fields.count else { continue }
      let group = row.fields[column].split(separator: ";").map { raw -> String in
        let id = String(raw).trimmingSpaces
        if ids.contains(id) { return id }
        let bare = String(id.drop { !$0.isNumber }.drop { $0 == "0" })
        return ids.contains(bare) ? bare : id
      }
      if group.count > 1 { groups.append(group) }
    }
    return groups
  }

  func runScale(_ count: Int, options: DedupOptions) throws {
    let clock = ContinuousClock()
    let records = SyntheticCorpus.records(count: count, seed: 42)
    let input = records.map { DedupRecord(key: $0.key, record: $0.record) }
    let cpuStart = cpuSeconds()
    let start = clock.now
    let result = Deduplicator.run(input, options: options)
    let elapsed = clock.now - start
    let cpu = cpuSeconds() - cpuStart
    let truth = Dictionary(grouping: records, by: \.original).values.map { $0.map(\.key) }.filter { $0.count > 1 }
    let pair = PairMetrics(truth: truth, predicted: result.clusters.map { $0.members.map(\.key) })
    print(
      String(
        format:
          "scale %7d records  clusters %7d  pairs %8d  time %.3f s (cpu %.3f s)  peak RSS %@  pairwise P %.3f R %.3f",
        count, result.clusters.count, result.candidatePairs, elapsed.seconds, cpu, peakRSS() as NSString,
        pair.precision, pair.recall))
  }

  /// User + system CPU time of this process so far.
  func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
  }

  /// VmHWM from /proc/self/status.
  func peakRSS() -> String {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "n/a" }
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let kb = Int(line.filter(\.isNumber)) ?? 0
      return String(format: "%.1f MiB", Double(kb) / 1024)
    }
    return "n/a"
  }
}

extension Duration {
  var seconds: Double {
    let c = components
    return Double(c.seconds) + Double(c.attoseconds) / 1e18
  }
}

/// Pairwise precision and recall: every pair of records in one cluster is a predicted duplicate pair.
struct PairMetrics {
  var truePairs: Int
  var predictedPairs: Int
  var correct: Int
  var falsePositives: [(String, String)]
  var falseNegatives: [(String, String)]

  init(truth: [[String]], predicted: [[String]]) {
    func pairs(_ groups: [[String]]) -> Set<String> {
      var out = Set<String>()
      for g in groups {
        let s = g.sorted()
        for i in 0..<s.count { for j in (i + 1)..<s.count { out.insert(s[i] + ";" + s[j]) } }
      }
      return out
    }
    let t = pairs(truth)
    let p = pairs(predicted)
    truePairs = t.count
    predictedPairs = p.count
    correct = t.intersection(p).count
    func split(_ s: String) -> (String, String) {
      let parts = s.split(separator: ";").map(String.init)
      return (parts.first ?? "", parts.last ?? "")
    }
    falsePositives = p.subtracting(t).sorted().map(split)
    falseNegatives = t.subtracting(p).sorted().map(split)
  }
  var precision: Double { predictedPairs == 0 ? 1 : Double(correct) / Double(predictedPairs) }
  var recall: Double { truePairs == 0 ? 1 : Double(correct) / Double(truePairs) }
  var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}

/// bib-dedupe's record-level metric (DedupeBenchmarker.compare_dedupe_id): which records are kept.
struct RecordLevelMetrics {
  var tp = 0
  var fp = 0
  var fn = 0
  var tn = 0
  init(truth: [[String]], all: [String], kept: Set<String>) {
    let inGroup = Set(truth.flatMap { $0 })
    for id in all where !inGroup.contains(id) {
      if kept.contains(id) { tn += 1 } else { fp += 1 }
    }
    for group in truth {
      let n = group.filter { kept.contains($0) }.count
      if n == 0 {
        fp += 1
        tp += group.count - 1
      } else {
        tn += 1
        fn += n - 1
        tp += group.count - n
      }
    }
  }
  var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
  var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
  var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}

/// A deterministic synthetic corpus for the scale run: unique records plus injected duplicates that differ the way
/// exports of one paper differ (case, punctuation, a dropped subtitle, abbreviated journal, `123-9` pages).
enum SyntheticCorpus {
  struct Item {
    var key: String
    var original: Int
    var record: Record
  }

  static func records(count: Int, seed: UInt64) -> [Item] {
    var rng = SplitMix(seed: seed)
    // Real titles draw on tens of thousands of words: blend pairs of the base words into new ones.
    let words =
      vocabulary
      + vocabulary.flatMap { a in vocabulary.prefix(60).map { b in String(a.prefix(4)) + String(b.suffix(4)) } }
    let families = surnames
    let journals: [(String, String)] = [
      ("Journal of Clinical Psychology", "J Clin Psychol"), ("Behaviour Research and Therapy", "Behav Res Ther"),
      ("The Lancet", "Lancet"), ("British Medical Journal", "BMJ"), ("Psychological Medicine", "Psychol Med"),
      ("Journal of Medical Internet Research", "J Med Internet Res"),
      (
        "Cochrane Database of Systematic Reviews",
        "Cochrane Database Syst Rev"
      ), ("American Journal of Psychiatry", "Am J Psychiatry"),
    ]
    let originals = count * 4 / 5
    var items: [Item] = []
    items.reserveCapacity(count)
    var bases: [Record] = []
    for i in 0..<originals {
      let n = 6 + Int(rng.next() % 10)
      var title = (0..<n).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
      title = title.prefix(1).uppercased() + title.dropFirst()
      if rng.next() % 3 == 0 {
        title += ": " + (0..<4).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
      }
      let authors = (0..<(1 + Int(rng.next() % 6))).map { _ -> Author in
        let f =
          families[Int(rng.next() % UInt64(families.count))]
          + syllables[Int(rng.next() % UInt64(syllables.count))]
        let g = String(UnicodeScalar(UInt8(65 + rng.next() % 26)))
        return Author(asWritten: "\(f), \(g).", family: f, given: "\(g).")
      }
      let j = journals[Int(rng.next() % UInt64(journals.count))]
      let first = 1 + Int(rng.next() % 900)
      var r = Record(
        type: "JOUR", title: title, authors: authors, year: 1990 + Int(rng.next() % 35), sourceTitle: j.0,
        volume: String(1 + rng.next() % 80), issue: String(1 + rng.next() % 12),
        pages: "\(first)-\(first + 3 + Int(rng.next() % 20))")
      if rng.next() % 2 == 0 { r.doi = "10.1000/synthetic.\(i)" }
      bases.append(r)
      items.append(Item(key: String(format: "r%07d", i), original: i, record: r))
    }
    var k = originals
    while items.count < count {
      let o = Int(rng.next() % UInt64(originals))
      var r = bases[o]
      switch rng.next() % 4 {
      case 0: r.title = r.title?.uppercased()
      case 1:
        if let t = r.title, let colon = t.firstIndex(of: ":") {
          r.title = String(t[..<colon])
        } else {
          r.title = (r.title ?? "") + "."
        }
      case 2:
        r.sourceTitle = journals.first { $0.0 == r.sourceTitle }?.1 ?? r.sourceTitle
        r.doi = nil
      default:
        r.authors = r.authors.map { Author(asWritten: "\($0.family) \($0.given?.prefix(1) ?? "")", family: $0.family) }
        if let p = r.pages, let dash = p.firstIndex(of: "-") {
          let last = p[p.index(after: dash)...]
          r.pages = p[..<dash] + "-" + last.suffix(1)
        }
      }
      items.append(Item(key: String(format: "r%07d", k), original: o, record: r))
      k += 1
    }
    return items
  }

  struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let vocabulary: [String] = """
    anxiety depression therapy cognitive behavioural internet delivered randomised controlled trial adults children \
    adolescents effect efficacy outcome treatment intervention primary care mental health stroke diabetes insulin \
    cardiovascular risk factors cohort study review meta analysis systematic screening cancer cervical cytology \
    human papillomavirus women men older patients hospital mortality survival quality life sleep insomnia pain \
    chronic acute exercise physical activity diet obesity smoking cessation alcohol use disorder schizophrenia \
    bipolar trauma posttraumatic stress veterans community based nurse led telephone mobile application digital \
    feasibility pilot protocol long term follow up costs economic evaluation network comparison placebo drug \
    blood pressure hypertension kidney liver lung asthma infection vaccine children school university students
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

  /// Endings that turn the 64 surnames into 64 × 40 distinct family names.
  static let syllables: [String] = [
    "", "son", "berg", "ström", "er", "ini", "ez", "ov", "ski", "ani", "elli", "and", "ard", "ens", "man", "ley",
    "ton", "well", "ford", "wood", "ler", "stein", "feld", "mann", "ovic", "escu", "aki", "oto", "ura", "ida",
    "ek", "ak", "as", "is", "os", "us", "an", "en", "in", "on",
  ]

  static let surnames: [String] = """
    Andersson Smith Jones Williams Brown Taylor Wilson Johnson Lee Wang Zhang Li Liu Chen Yang Huang Zhao Wu Zhou \
    Kim Park Nguyen Garcia Martinez Rodriguez Lopez Gonzalez Muller Schmidt Schneider Fischer Weber Meyer Rossi \
    Russo Ferrari Bianchi Dubois Martin Bernard Petit Durand Leroy Moreau Nilsson Johansson Karlsson Larsson \
    Olsen Hansen Jensen Nielsen Kowalski Nowak Ivanov Smirnov Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}
