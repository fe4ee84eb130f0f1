import Foundation

/// The score of one candidate pair and the words that explain it.
struct PairScore: Sendable {
  var score: Double
  var reason: String
}

/// Compares two records field by field.
///
/// Stage 1, exact identifiers: the same DOI, PMID, Scopus EID or WoS UT is a match (score 1) unless the titles
/// disagree outright. Two different DOIs (or PMIDs) are evidence against: the pair is never merged automatically.
/// Stage 2, fields: the score starts from the title similarity (0…1) and moves with each other field:
/// authors, year, journal, volume, pages. A field missing on either side never counts as agreement.
enum PairScorer {
  static func score(_ a: RecordFeatures, _ b: RecordFeatures, mergeThreshold: Double) -> PairScore {
    let titleSim = titleSimilarity(a, b)
    // Stage 1: identifiers.
    let idMatch: String? =
      if let x = a.doi, x == b.doi { "doi" } else if let x = a.pmid, x == b.pmid {
        "pmid"
      } else if let x = a.eid,
        x == b.eid
      { "eid" } else if let x = a.ut, x == b.ut { "wos-ut" } else { nil }
    if let idMatch {
      if a.title.isEmpty || b.title.isEmpty || titleSim.value >= 0.5 {
        return PairScore(score: 1, reason: idMatch)
      }
      return PairScore(score: max(0, mergeThreshold - 0.01), reason: "\(idMatch) but titles differ")
    }
    var conflicts: [String] = []
    if let x = a.doi, let y = b.doi, x != y { conflicts.append("DOIs differ") }
    if let x = a.pmid, let y = b.pmid, x != y { conflicts.append("PMIDs differ") }

    // Stage 2: fields.
    var agree: [String] = []
    var score: Double
    let authors = authorAgreement(a.families, b.families)
    let hasTitles = !a.title.isEmpty && !b.title.isEmpty
    if hasTitles {
      score = titleSim.value
      agree.append(titleSim.label)
    } else {
      // No title to compare: only a full bibliographic citation match counts.
      guard authors == .match, let y = a.year, y == b.year, let v = a.volume, v == b.volume,
        let p = a.firstPage, p == b.firstPage, journalAgreement(a.source, b.source) == .match
      else { return PairScore(score: 0, reason: "no title") }
      score = 0.95
      agree.append("no title")
    }

    switch authors {
    case .match: agree.append("authors")
    case .partial:
      agree.append("first author")
      score -= 0.02
    case .missing: score -= 0.04
    case .conflict:
      score -= 0.25
      conflicts.append("authors differ")
    }

    switch (a.year, b.year) {
    case (let x?, let y?) where x == y: agree.append("year")
    case (let x?, let y?) where abs(x - y) == 1:
      score -= 0.03
      agree.append("year±1")
    case (.some, .some):
      score -= 0.25
      conflicts.append("years differ")
    default: score -= 0.06
    }

    let journal = journalAgreement(a.source, b.source)
    if journal == .match { agree.append("journal") } else if journal == .conflict { score -= 0.03 }

    if let x = a.volume, let y = b.volume {
      if x == y {
        agree.append("volume")
        score += 0.01
      } else {
        score -= 0.1
        conflicts.append("volumes differ")
      }
    }
    if let x = a.firstPage, let y = b.firstPage {
      if x == y {
        agree.append("pages")
        score += 0.02
      } else {
        score -= 0.15
        conflicts.append("pages differ")
      }
    }
    // Short generic titles ("Editorial", "Reply", "Erratum") need the citation to agree too.
    if hasTitles, min(a.titleWordCount, b.titleWordCount) <= 3, a.firstPage == nil || a.firstPage != b.firstPage {
      score -= 0.2
      conflicts.append("short title")
    }
    score = min(1, max(0, score))
    if !conflicts.filter({ $0 == "DOIs differ" || $0 == "PMIDs differ" }).isEmpty {
      score = min(score, max(0, mergeThreshold - 0.01))
    }
    var reason = agree.joined(separator: "+") + " " + format(score)
    if !conflicts.isEmpty { reason += "; " + conflicts.joined(separator: ", ") }
    return PairScore(score: score, reason: reason)
  }

  /// Title similarity with its label: exact, near (edit ratio), or subtitle (one is the other's main title).
  static func titleSimilarity(_ a: RecordFeatures, _ b: RecordFeatures) -> (value: Double, label: String) {
    guard !a.title.isEmpty, !b.title.isEmpty else { return (0, "") }
    if a.title == b.title { return (1, "title") }
    let r = Similarity.ratio(a.titleBytes, b.titleBytes, minimum: 0.7)
    var best = (r, "title \(format(r))")
    // Subtitle dropped on one side: the shorter title is the other's main title (at least 4 words).
    let pairs = [(a.title, b.mainTitle), (b.title, a.mainTitle), (a.mainTitle, b.mainTitle)]
    for (x, y) in pairs {
      if let x, let y, x == y, x.split(separator: " ").count >= 4, best.0 < 0.93 { best = (0.93, "main title") }
    }
    // One title is a prefix of the other (truncated export), at least 6 words.
    let (short, long) = a.title.count < b.title.count ? (a.title, b.title) : (b.title, a.title)
    if best.0 < 0.92, long.hasPrefix(short + " "), short.split(separator: " ").count >= 6 {
      best = (0.92, "title prefix")
    }
    return best
  }

  enum Agreement { case match, partial, missing, conflict }

  static func authorAgreement(_ a: [String], _ b: [String]) -> Agreement {
    guard let fa = a.first, let fb = b.first else { return .missing }
    let firstSame = Similarity.sameFamily(fa, fb)
    let (small, large) = a.count <= b.count ? (a, b) : (b, a)
    var found = 0
    for name in small where large.contains(where: { Similarity.sameFamily($0, name) }) { found += 1 }
    let overlap = Double(found) / Double(small.count)
    if firstSame && overlap >= 0.5 { return .match }
    if overlap >= 0.8 && small.count >= 2 { return .match }
    if firstSame || overlap >= 0.5 { return .partial }
    // Concatenated or differently split author strings: compare all letters.
    if a.joined().hasPrefix(fb) || b.joined().hasPrefix(fa) { return .partial }
    return .conflict
  }

  /// Journal names: equal, or one abbreviates the other word by word (`Nat Rev Nephrol` / `Nature Reviews Nephrology`).
  static func journalAgreement(_ a: [String], _ b: [String]) -> Agreement {
    guard !a.isEmpty, !b.isEmpty else { return .missing }
    if a == b || a.joined() == b.joined() { return .match }
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    // Every word of the shorter name is the prefix of a later word of the longer, in order.
    var j = 0
    var matched = 0
    for w in short {
      while j < long.count, !long[j].hasPrefix(w) { j += 1 }
      if j < long.count {
        matched += 1
        j += 1
      }
    }
    if matched == short.count, short.count * 2 >= long.count { return .match }
    if short.count == 1, let only = short.first, long.map({ String($0.prefix(1)) }).joined() == only { return .match }
    return .conflict
  }

  static func format(_ x: Double) -> String {
    String(format: "%.2f", x)
  }
}
