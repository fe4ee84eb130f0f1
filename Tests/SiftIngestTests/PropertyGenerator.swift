import SiftCore

/// SplitMix64: a small seeded generator, so every property test failure replays from its seed.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  /// Seeds are hashed once, so neighbouring seeds give unrelated sequences.
  init(seed: UInt64) {
    state = seed
    state = next()
  }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Random records whose normalised fields each writer can hold: no line breaks inside a value, no list
/// separator (`;`) inside a list element, values already trimmed and normalised (DOI lower-case).
struct RecordGenerator {
  var rng: SplitMix64
  init(seed: UInt64) { rng = SplitMix64(seed: seed) }

  /// Words with the characters writers must escape: TeX specials, quotes, markup, non-ASCII letters.
  static let words = [
    "depression", "therapy", "text-based", "Internet", "CBT", "randomised", "trial", "of", "and", "the", "Ünïcødé",
    "naïve", "Straße", "Ærø", "São", "Paulo", "Łódź", "“quoted”", "‘single’", "50%", "100 %", "a/b", "x&y", "<i>",
    "</i>", "{braced}", "$math$", "#1", "under_score", "tilde~", "caret^", "back\\slash", "\"dq\"", "(paren)",
    "[bracket]", "—dash—", "α-β", "日本語", "Ёлка", "e.g.,", "vs.", "?", "!", "'s", "@home", "ﬁ", "né", "e\u{301}",
  ]
  static let families = [
    "Andersson", "Smith", "Müller-Lüdenscheidt", "O'Brien", "van der Berg", "de la Cruz", "Nguyen", "Łukasiewicz",
    "García Márquez", "Kim", "Zhang", "Ørsted", "D'Angelo",
  ]
  static let givens = ["Anna", "G.", "A. B.", "Jürgen", "Mary Ann", "J.-P.", "Li", "Ø.", "Kwame"]
  static let organisations = ["World Health Organization", "Cochrane Collaboration", "NICE Guideline Group"]
  static let types = ["JOUR", "BOOK", "CHAP", "CONF", "THES", "RPRT"]

  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
  mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
  mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

  /// Words joined by single spaces; starts with a capitalised plain word so no writer's guard applies.
  mutating func phrase(_ count: ClosedRange<Int>) -> String {
    let n = int(count)
    return (["Study"] + (0..<n).map { _ in pick(Self.words) }).joined(separator: " ")
  }

  mutating func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(int(0...9))) }) }

  mutating func author() -> Author {
    if chance(10) {
      let org = pick(Self.organisations)
      return Author(asWritten: org + ",", family: org)
    }
    let family = pick(Self.families)
    let given = pick(Self.givens)
    return Author(asWritten: "\(family), \(given)", family: family, given: given)
  }

  mutating func record() -> Record {
    var r = Record()
    r.type = pick(Self.types)
    r.title = phrase(1...12)
    r.authors = (0..<int(0...5)).map { _ in author() }
    r.year = chance(90) ? int(1900...2030) : nil
    r.sourceTitle = chance(80) ? "Journal of " + phrase(0...3) : nil
    r.volume = chance(70) ? String(int(1...300)) : nil
    r.issue = chance(60) ? (chance(80) ? String(int(1...12)) : "\(int(1...5))-\(int(6...9))") : nil
    r.pages = chance(70) ? (chance(80) ? "\(int(1...500))-\(int(501...900))" : "e\(int(1...9999))") : nil
    if chance(70) {
      r.doi = Identifier.normalizeDOI(
        "10.\(int(1000...99999))/\(pick(["abc", "j.x", "s1-2", "(3)4", "x_y"]))\(digits(4))")
    }
    r.pmid = chance(40) ? String(int(1_000_000...39_999_999)) : nil
    r.issn = chance(50) ? ["\(digits(4))-\(digits(3))\(pick(["X", "1", "7"]))"] : []
    r.isbn = chance(20) ? ["978\(digits(10))"] : []
    r.abstract = chance(70) ? (0..<int(1...4)).map { _ in phrase(3...30) + "." }.joined(separator: " ") : nil
    // Keywords are a set in every format that de-duplicates them (BibTeX): no repeats.
    var keywords = ["CBT", "internet", "text messaging", "ß-test", "α level", "e-health", "Ünïcødé"]
    keywords.shuffle(using: &rng)
    r.keywords = Array(keywords.prefix(int(0...5)))
    r.language = chance(50) ? pick(["English", "German", "eng"]) : nil
    r.urls = chance(40) ? ["https://example.org/\(digits(5))?q=\(int(1...9))&lang=en"] : []
    return r
  }
}
