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
    // Stage 1: identifiers. A shared identifier with unrelated titles is a data error (a DOI given to a whole
    // supplement of abstracts is common): a person decides.
    let idMatch: String? =
      if let x = a.doi, x == b.doi { "doi" } else if let x = a.pmid, x == b.pmid {
        "pmid"
      } else if let x = a.eid,
        x == b.eid
      { "eid" } else if let x = a.ut, x == b.ut { "wos-ut" } else { nil }
    if let idMatch {
      if a.title.isEmpty || b.title.isEmpty || titleSim.value >= 0.7 {
        return PairScore(score: 1, reason: idMatch)
      }
      return PairScore(score: max(0, mergeThreshold - 0.01), reason: "\(idMatch) but titles differ")
    }
    var conflicts: [String] = []
    if let x = a.doi, let y = b.doi, x != y { conflicts.append("DOIs differ") }
    if let x = a.pmid, let y = b.pmid, x != y { conflicts.append("PMIDs differ") }

    // Cochrane reviews: the review number (`CD006828`) names the review across its updates.
    if let p = a.firstPage, p == b.firstPage, p.hasPrefix("cd"), p.count >= 8, titleSim.value >= 0.9 {
      return PairScore(score: conflicts.isEmpty ? 1 : max(0, mergeThreshold - 0.01), reason: "cochrane review number")
    }

    // Stage 2: fields. Titles that differ this much are not worth the rest.
    let hasTitles = !a.title.isEmpty && !b.title.isEmpty
    let sameVolume = a.volume != nil && a.volume == b.volume
    let pages = pageAgreement(a, b)
    let samePages = pages == .match
    if hasTitles, titleSim.value < 0.7, !(sameVolume && samePages) {
      return PairScore(score: 0, reason: "titles differ")
    }
    var agree: [String] = []
    var score: Double
    var authors = authorAgreement(a, b)
    let journal = journalAgreement(a.source, b.source)
    if hasTitles {
      score = titleSim.value
      agree.append(titleSim.label)
    } else {
      // No title to compare: a full citation match is only worth a look by a person.
      guard authors == .match, let y = a.year, y == b.year, sameVolume, samePages, journal == .match else {
        return PairScore(score: 0, reason: "no title")
      }
      return PairScore(
        score: min(0.85, max(0, mergeThreshold - 0.01)), reason: "no title; authors+year+journal+volume+pages")
    }
    // Authors written differently (group names, given names taken for family names) do not outweigh
    // a title and a full citation that agree.
    if authors == .conflict, titleSim.value >= 0.95, sameVolume, samePages, journal == .match { authors = .missing }

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

    var yearApart = false
    switch (a.year, b.year) {
    case (let x?, let y?) where x == y: agree.append("year")
    case (let x?, let y?) where abs(x - y) == 1:
      score -= 0.03
      yearApart = true
      agree.append("year±1")
    case (.some, .some):
      score -= 0.25
      conflicts.append("years differ")
    default: score -= 0.06
    }

    if journal == .match { agree.append("journal") } else if journal == .conflict { score -= 0.03 }
    // A conference paper and its journal version a year later are two publications.
    let typesDiffer = a.type != nil && b.type != nil && Self.kind(a.type) != Self.kind(b.type)
    if typesDiffer {
      score -= 0.1
      conflicts.append("types differ")
    }
    if yearApart, journal == .conflict, !typesDiffer {
      score -= 0.1
      conflicts.append("journal and year differ")
    }

    if let x = a.volume, let y = b.volume {
      if x == y {
        agree.append("volume")
        score += 0.01
      } else {
        score -= 0.1
        conflicts.append("volumes differ")
      }
    }
    if pages != .missing {
      if samePages {
        agree.append("pages")
        score += 0.02
      } else if pages == .partial {
        agree.append("last page")
      } else {
        // Other pages with the same authors: most often the same paper cited two ways (supplement, e-page).
        score -= authors == .match && journal != .conflict ? 0.08 : 0.2
        conflicts.append("pages differ")
      }
    }
    // The whole citation agrees (authors, year, journal, volume, first page): a title written differently
    // (translated, transliterated, symbols spelled out) is still the same paper.
    let fullCitation =
      authors == .match && a.year != nil && a.year == b.year && journal == .match && sameVolume && samePages
    // With titles that share only half their words, the page range must agree too: a one-page abstract in a
    // meeting supplement shares its page with other abstracts by the same group.
    let sameRange = a.lastPage != nil && a.lastPage == b.lastPage && a.lastPage != a.firstPage
    let titlesClose =
      titleSim.value >= 0.75 || (sameRange && Similarity.dice(a.titleWords, b.titleWords) >= 0.5)
    if fullCitation, titlesClose, score < 0.92 {
      score = 0.92
      agree = ["citation"] + agree
    }
    // Short generic titles ("Editorial", "Reply", "Erratum") need the citation to agree too.
    let sameIssueAuthors =
      authors == .match && journal == .match && sameVolume && a.year != nil && a.year == b.year
    // A short title that carries a number ("ESICON 2017 Abstracts"), written identically in the same journal volume
    // and year with no authors and no pages on either side: the same supplement record.
    let numberedSupplement =
      titleSim.value == 1 && a.title.contains(where: \.isNumber) && authors == .missing && journal == .match
      && sameVolume && a.year != nil && a.year == b.year && pages == .missing
    if min(a.titleWordCount, b.titleWordCount) <= 3, !samePages, !(sameIssueAuthors && pages == .missing),
      !numberedSupplement
    {
      score -= 0.2
      conflicts.append("short title")
    }
    // A similar title with nothing else that agrees is not enough.
    let corroborated =
      authors == .match || authors == .partial || samePages || (sameVolume && journal == .match)
      || (titleSim.value == 1 && a.year != nil && a.year == b.year)
    if !corroborated {
      score = min(score, max(0, mergeThreshold - 0.01))
      conflicts.append("nothing but the title agrees")
    }
    score = min(1, max(0, score))
    // The same abstract printed in two journals' supplements under two DOIs: the identical long title, the same
    // three or more authors in order, year, journal name and pages. Anything less and two DOIs keep records apart.
    let reprinted =
      conflicts.contains("DOIs differ") && titleSim.value == 1 && a.titleWordCount >= 8 && a.familyBytes.count >= 3
      && a.familyBytes == b.familyBytes && a.year != nil && a.year == b.year && samePages && journal == .match
    if reprinted, let index = conflicts.firstIndex(of: "DOIs differ") { conflicts[index] = Self.reprintedNote }
    if conflicts.contains("DOIs differ") || conflicts.contains("PMIDs differ") {
      score = min(score, max(0, mergeThreshold - 0.01))
    }
    var reason = agree.joined(separator: "+") + " " + format(score)
    if !conflicts.isEmpty { reason += "; " + conflicts.joined(separator: ", ") }
    return PairScore(score: score, reason: reason)
  }

  /// The conflict noted on a pair whose two DOIs do not keep it apart (see the `reprinted` rule).
  static let reprintedNote = "DOIs differ, same abstract printed twice"

  /// Journal article, conference paper, book or other: the kinds a type code falls in.
  static func kind(_ type: String?) -> String {
    switch type {
    case "JOUR", "JFULL", "ABST", "EJOUR", "MGZN", "NEWS": "journal"
    case "CONF", "CPAPER": "conference"
    case "BOOK", "CHAP", "EBOOK", "ECHAP", "EDBOOK": "book"
    case "THES": "thesis"
    default: "other"
    }
  }

  /// How alike two titles are, and why; the label is written only for pairs that get past the title filter.
  struct TitleSimilarity {
    enum Kind { case none, exact, near, mainTitle, subtitle, prefix }
    var value: Double
    var kind: Kind
    var label: String {
      switch kind {
      case .none: ""
      case .exact: "title"
      case .near: "title \(PairScorer.format(value))"
      case .mainTitle: "main title"
      case .subtitle: "subtitle"
      case .prefix: "title prefix"
      }
    }
  }

  /// Title similarity with its label: exact, near (edit ratio, less for words substituted), subtitle dropped,
  /// or one title cut short.
  static func titleSimilarity(_ a: RecordFeatures, _ b: RecordFeatures) -> TitleSimilarity {
    guard !a.title.isEmpty, !b.title.isEmpty else { return TitleSimilarity(value: 0, kind: .none) }
    if a.title == b.title { return TitleSimilarity(value: 1, kind: .exact) }
    var r = 0.0
    let longer = max(a.titleBytes.count, b.titleBytes.count)
    if Similarity.dice(a.titleWords, b.titleWords) >= 0.5,
      Similarity.histogramBound(a.titleHistogram, b.titleHistogram) <= Int(0.3 * Double(longer))
    {
      r = Similarity.ratio(a.titleBytes, b.titleBytes, minimum: 0.7)
    }
    if r > 0 {
      // Words replaced by other words ("adult" / "pediatric", "2" / "3") are different studies, not typos.
      let substituted = Similarity.substitutedWords(a.title, b.title)
      r -= 0.06 * Double(substituted.words) + 0.2 * Double(substituted.numbers)
    }
    var best = TitleSimilarity(value: max(0, r), kind: .near)
    // Subtitle dropped on one side: the shorter title is the other's main title or subtitle (at least 4 words).
    let pairs = [(a.title, b.mainTitle), (b.title, a.mainTitle), (a.mainTitle, b.mainTitle)]
    for (x, y) in pairs {
      if let x, let y, x == y, x.split(separator: " ").count >= 4, best.value < 0.93 {
        best = TitleSimilarity(value: 0.93, kind: .mainTitle)
      }
    }
    for (x, y) in [(a.title, b.subtitle), (b.title, a.subtitle)] {
      if let y, x == y, x.split(separator: " ").count >= 5, best.value < 0.92 {
        best = TitleSimilarity(value: 0.92, kind: .subtitle)
      }
    }
    // One title is a prefix of the other (truncated export), at least 6 words.
    let (short, long) = a.titleBytes.count < b.titleBytes.count ? (a.title, b.title) : (b.title, a.title)
    if best.value < 0.92, long.hasPrefix(short), short.split(separator: " ").count >= 6 {
      best = TitleSimilarity(value: 0.92, kind: .prefix)
    }
    return best
  }

  enum Agreement { case match, partial, missing, conflict }

  static func authorAgreement(_ x: RecordFeatures, _ y: RecordFeatures) -> Agreement {
    let a = x.familyBytes
    let b = y.familyBytes
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
    if x.families.joined().hasPrefix(y.families[0]) || y.families.joined().hasPrefix(x.families[0]) { return .partial }
    return .conflict
  }

  /// Journal names: equal, or one abbreviates the other word by word (`Nat Rev Nephrol` / `Nature Reviews Nephrology`).
  static func journalAgreement(_ a: [String], _ b: [String]) -> Agreement {
    guard !a.isEmpty, !b.isEmpty else { return .missing }
    if a == b || a.joined() == b.joined() { return .match }
    if abbreviates(a, b) || abbreviates(b, a) { return .match }
    // `Nephron` / `Nephron - Clinical Practice`: a journal and its section.
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    return long.starts(with: short) ? .partial : .conflict
  }

  /// First pages equal (`c37` = `37` when only one side has a letter prefix): match; only the last pages equal:
  /// partial; both given and different: conflict.
  static func pageAgreement(_ a: RecordFeatures, _ b: RecordFeatures) -> Agreement {
    guard let x = a.firstPage, let y = b.firstPage else { return .missing }
    if x == y { return .match }
    let dx = x.drop { $0.isLetter }
    let dy = y.drop { $0.isLetter }
    if dx == dy, dx.count < x.count || dy.count < y.count, dx.count == x.count || dy.count == y.count { return .match }
    if let l = a.lastPage, l == b.lastPage { return .partial }
    return .conflict
  }

  /// Every word of `short` is the prefix of a word of `long`, in order, and covers at least half of `long`;
  /// or `short` is one word made of the initials of `long` (`BMJ`).
  static func abbreviates(_ short: [String], _ long: [String]) -> Bool {
    guard short.count <= long.count else { return false }
    var j = 0
    var matched = 0
    for w in short {
      while j < long.count, !long[j].hasPrefix(w) { j += 1 }
      if j < long.count {
        matched += 1
        j += 1
      }
    }
    if matched == short.count, short.count * 2 >= long.count { return true }
    if short.count == 1, let only = short.first, long.map({ String($0.prefix(1)) }).joined() == only { return true }
    return false
  }

  /// Two decimals, `0.97` (without Foundation's slow formatter: this runs once per candidate pair).
  static func format(_ x: Double) -> String {
    let hundredths = Int((min(1, max(0, x)) * 100).rounded())
    let frac = hundredths % 100
    return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
  }
}
