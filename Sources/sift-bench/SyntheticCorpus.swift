import SiftCore

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
    let words = vocabulary
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
        let f = families[Int(rng.next() % UInt64(families.count))]
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

  static let surnames: [String] = """
    Andersson Smith Jones Williams Brown Taylor Wilson Johnson Lee Wang Zhang Li Liu Chen Yang Huang Zhao Wu Zhou \
    Kim Park Nguyen Garcia Martinez Rodriguez Lopez Gonzalez Muller Schmidt Schneider Fischer Weber Meyer Rossi \
    Russo Ferrari Bianchi Dubois Martin Bernard Petit Durand Leroy Moreau Nilsson Johansson Karlsson Larsson \
    Olsen Hansen Jensen Nielsen Kowalski Nowak Ivanov Smirnov Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}
