import SiftCore
import Testing

@testable import SiftDedup

/// Hand-made pairs, one per matching stage and rule.
@Suite struct DeduplicatorTests {
  static func article(
    _ title: String?, authors: [String] = ["Andersson, G.", "Carlbring, P."], year: Int? = 2019,
    journal: String? = "Journal of Clinical Psychology", volume: String? = "75", pages: String? = "123-129",
    doi: String? = nil, pmid: String? = nil, accession: String? = nil, type: String? = "JOUR"
  ) -> Record {
    Record(
      type: type, title: title, authors: authors.map(Author.parse), year: year, sourceTitle: journal, volume: volume,
      pages: pages, doi: doi, pmid: pmid, accession: accession)
  }

  static func run(_ records: [Record], overrides: [DedupOverride] = []) -> DedupResult {
    Deduplicator.run(
      records.enumerated().map { DedupRecord(key: "k\($0.offset)", record: $0.element) }, overrides: overrides)
  }

  static func merged(_ result: DedupResult) -> Bool {
    result.clusters.count == 1
  }

  static let title = "Internet-delivered cognitive behaviour therapy for insomnia: a randomised controlled trial"

  @Test func sameDOIMerges() {
    let r = Self.run([
      Self.article(Self.title, doi: "10.1000/abc"),
      Self.article(Self.title.uppercased(), authors: [], year: nil, journal: nil, doi: "https://doi.org/10.1000/ABC"),
    ])
    #expect(Self.merged(r))
    #expect(r.clusters.first?.members.last?.reason == "doi")
  }

  @Test(
    arguments: [
      ("pmid", "12345", nil), ("eid", nil, "2-s2.0-85000000000"), ("wos-ut", nil, "WOS:000123456700001"),
    ] as [(String, String?, String?)])
  func sameIdentifierMerges(reason: String, pmid: String?, accession: String?) {
    let r = Self.run([
      Self.article(Self.title, pmid: pmid, accession: accession),
      Self.article(Self.title + ".", authors: [], year: nil, pmid: pmid, accession: accession),
    ])
    #expect(Self.merged(r))
    #expect(r.clusters.first?.members.last?.reason == reason)
  }

  @Test func scopusLinkAndISIPrefixCountAsIdentifiers() {
    var a = Self.article(Self.title)
    a.urls = ["https://www.scopus.com/inward/record.uri?eid=2-s2.0-85074596690&doi=10.1016%2fx&partnerID=40"]
    var b = Self.article(Self.title.uppercased(), authors: [], year: nil, journal: nil, volume: nil, pages: nil)
    b.accession = "2-s2.0-85074596690"
    #expect(Self.run([a, b]).clusters.first?.members.last?.reason == "eid")
    let c = Self.article(Self.title, accession: "ISI:000380625800019")
    let d = Self.article(Self.title + ".", authors: [], year: nil, accession: "WOS:000380625800019")
    #expect(Self.run([c, d]).clusters.first?.members.last?.reason == "wos-ut")
  }

  @Test func differentDOIsNeverMergeAutomatically() {
    let r = Self.run([
      Self.article(Self.title, doi: "10.1000/one"),
      Self.article(Self.title, doi: "10.1000/two"),
    ])
    #expect(r.clusters.count == 2)
    #expect(r.maybe.count == 1)
    #expect(r.maybe.first?.reason.contains("DOIs differ") == true)
  }

  @Test func sameAbstractPrintedUnderTwoDOIsMerges() {
    // ASySD diabetes set, records 1347 and 1610: one meeting abstract printed in two journals' supplements.
    let authors = ["Hansen, F.", "Hansen, G.", "Pedersen, P. J.", "Jelsing, J."]
    let r = Self.run([
      Self.article(Self.title, authors: authors, volume: "59", pages: "e24", doi: "10.1016/j.appet.2012.05.003"),
      Self.article(Self.title, authors: authors, volume: "1", pages: "e24", doi: "10.1016/j.regpep.2012.05.039"),
    ])
    #expect(r.clusters.count == 1)
    #expect(r.clusters.first?.members.last?.reason.contains("same abstract printed twice") == true)
  }

  @Test func twoDOIsWithAnyDifferenceStayApart() {
    let authors = ["Hansen, F.", "Hansen, G.", "Pedersen, P. J.", "Jelsing, J."]
    let first = Self.article(Self.title, authors: authors, pages: "e24", doi: "10.1000/one")
    let variants = [
      Self.article(Self.title, authors: Array(authors.reversed()), pages: "e24", doi: "10.1000/two"),
      Self.article(Self.title, authors: authors, year: 2020, pages: "e24", doi: "10.1000/two"),
      Self.article(Self.title, authors: authors, pages: "e25", doi: "10.1000/two"),
      Self.article(Self.title + " 2", authors: authors, pages: "e24", doi: "10.1000/two"),
    ]
    for variant in variants { #expect(Self.run([first, variant]).clusters.count == 2) }
  }

  @Test func numberedSupplementRecordMergesButGenericShortTitleDoesNot() {
    func supplement(_ title: String, journal: String) -> Record {
      Self.article(title, authors: [], year: 2017, journal: journal, volume: "21", pages: nil)
    }
    let journal = "Indian Journal of Endocrinology and Metabolism"
    let numbered = Self.run([
      supplement("ESICON 2017 Abstracts", journal: journal),
      supplement("ESICON 2017 Abstracts", journal: journal + ". Conference: 47th Annual Conference ESICON"),
    ])
    #expect(numbered.clusters.count == 1)
    let generic = Self.run([supplement("Editorial", journal: journal), supplement("Editorial", journal: journal)])
    #expect(generic.clusters.count == 2)
  }

  @Test func sharedDOIWithUnrelatedTitlesIsOnlyAMaybe() {
    let r = Self.run([
      Self.article("Dapagliflozin alleviates atherosclerosis in mice", doi: "10.1007/supplement"),
      Self.article("Combination therapy suppresses foam cell formation in rats", doi: "10.1007/supplement"),
    ])
    #expect(r.clusters.count == 2)
  }

  @Test func clustersWithDifferentDOIsAreNotChainedTogether() {
    // a~c and b~c by fields, but a and b carry different DOIs: c joins one of them only.
    let r = Self.run([
      Self.article(Self.title, doi: "10.1000/one"),
      Self.article(Self.title, doi: "10.1000/two"),
      Self.article(Self.title),
    ])
    #expect(r.clusters.count == 2)
  }

  @Test(arguments: [
    (
      "case and punctuation",
      "INTERNET-DELIVERED COGNITIVE BEHAVIOUR THERAPY FOR INSOMNIA; A RANDOMISED CONTROLLED TRIAL."
    ),
    ("subtitle dropped", "Internet-delivered cognitive behaviour therapy for insomnia"),
    (
      "language tag",
      "Internet-delivered cognitive behaviour therapy for insomnia: a randomised controlled trial. [Swedish]"
    ),
    ("markup", "Internet-delivered <i>cognitive behaviour therapy</i> for insomnia: a randomised controlled trial"),
    ("typo", "Internet-delivered cognitive behavior therapy for insomnia: a randomized controlled trial"),
  ])
  func titleVariantsMerge(label: String, variant: String) {
    let r = Self.run([Self.article(Self.title), Self.article(variant)])
    #expect(Self.merged(r), "\(label)")
  }

  @Test func abbreviatedJournalAndShortPagesMerge() {
    let r = Self.run([
      Self.article(Self.title, journal: "Journal of Clinical Psychology", pages: "123-129"),
      Self.article(Self.title, authors: ["Andersson G", "Carlbring P"], journal: "J Clin Psychol", pages: "123-9"),
    ])
    #expect(Self.merged(r))
    #expect(r.clusters.first?.members.last?.reason.contains("journal") == true, "\(r.clusters)")
  }

  @Test func differentNumbersInTitlesDoNotMerge() {
    let r = Self.run([
      Self.article("FOCUS 1: a randomised trial of ceftaroline versus ceftriaxone in pneumonia", pages: nil),
      Self.article("FOCUS 2: a randomised trial of ceftaroline versus ceftriaxone in pneumonia", pages: nil),
    ])
    #expect(r.clusters.count == 2)
  }

  @Test func conferencePaperAndJournalVersionDoNotMerge() {
    let r = Self.run([
      Self.article(
        "Cultural universality versus particularity in CMC", authors: ["Stahl, B."], year: 2003,
        journal: "Americas Conference on Information Systems", volume: nil, pages: nil, type: "CONF"),
      Self.article(
        "Cultural universality versus particularity in CMC", authors: ["Stahl, B.", "Elbeltagi, I."], year: 2004,
        journal: "Journal of Global Information Technology Management", volume: "7", pages: "47-65"),
    ])
    #expect(r.clusters.count == 2)
  }

  @Test func shortGenericTitlesNeedTheCitation() {
    let r = Self.run([
      Self.article("Editorial", authors: ["Smith, J."], pages: "1"),
      Self.article("Editorial", authors: ["Smith, J."], pages: "77"),
    ])
    #expect(r.clusters.count == 2)
  }

  @Test func missingTitleIsNeverMerged() {
    let r = Self.run([Self.article(Self.title), Self.article(nil)])
    #expect(r.clusters.count == 2)
    // The full citation agrees: a person is asked.
    #expect(r.maybe.count == 1)
  }

  @Test func missingYearAloneIsNotEnough() {
    let r = Self.run([
      Self.article(Self.title, authors: [], year: nil, journal: nil, volume: nil, pages: nil),
      Self.article(Self.title, authors: [], year: nil, journal: nil, volume: nil, pages: nil),
    ])
    #expect(r.clusters.count == 2)
  }

  @Test func differentYearsDoNotMerge() {
    let r = Self.run([Self.article(Self.title, year: 2010), Self.article(Self.title, year: 2019)])
    #expect(r.clusters.count == 2)
  }

  @Test func primaryIsTheRichestRecord() {
    var rich = Self.article(Self.title)
    rich.abstract = "An abstract."
    rich.doi = "10.1000/x"
    let r = Deduplicator.run([
      DedupRecord(key: "a", record: Self.article(Self.title)), DedupRecord(key: "b", record: rich),
    ])
    #expect(r.clusters.count == 1)
    #expect(r.clusters.first?.primary == "b")
    #expect(r.clusters.first?.id == "c-a")
    #expect(r.clusters.first?.members.map(\.key) == ["b", "a"])
    #expect(r.clusters.first?.members.first?.reason == "primary")
  }

  @Test func everyRecordIsInExactlyOneCluster() {
    let records = (0..<30).map { i in Self.article("Study number \(i % 10) of anxiety treatment in adults", pages: nil)
    }
    let r = Self.run(records)
    let keys = r.clusters.flatMap { $0.members.map(\.key) }
    #expect(keys.count == 30)
    #expect(Set(keys).count == 30)
  }

  @Test func manualMergeAndSplitWin() {
    let records = [
      DedupRecord(key: "a", record: Self.article(Self.title)),
      DedupRecord(key: "b", record: Self.article(Self.title)),
      DedupRecord(key: "c", record: Self.article("A completely different paper on sleep in adolescents")),
    ]
    let auto = Deduplicator.run(records)
    #expect(auto.clusters.count == 2)
    let split = Deduplicator.run(records, overrides: [.split("b")])
    #expect(split.clusters.count == 3)
    #expect(split.clusters.first { $0.primary == "b" }?.members.first?.reason == "manual split")
    let merged = Deduplicator.run(records, overrides: [.merge("a", "c")])
    #expect(merged.clusters.count == 1)
    #expect(merged.clusters.first?.members.first { $0.key == "c" }?.reason == "manual merge")
    // Later overrides win over earlier ones.
    let both = Deduplicator.run(records, overrides: [.split("b"), .merge("b", "a")])
    #expect(both.clusters.count == 2)
    // Unknown keys are ignored.
    #expect(Deduplicator.run(records, overrides: [.merge("a", "zzz"), .split("zzz")]).clusters.count == 2)
  }

  @Test func maybePairsAreBetweenDifferentClusters() {
    let r = Self.run([
      Self.article(Self.title, pages: "1-9"),
      Self.article(Self.title, authors: ["Smith, J."], pages: "20-29"),
    ])
    for pair in r.maybe {
      let ca = r.clusters.first { $0.members.contains { $0.key == pair.a } }
      let cb = r.clusters.first { $0.members.contains { $0.key == pair.b } }
      #expect(ca?.id != cb?.id)
      #expect(pair.score >= DedupOptions().reviewThreshold)
      #expect(pair.a < pair.b)
    }
  }

  @Test func thresholdsComeFromSettings() {
    let o = DedupOptions(settings: DedupSettings(mergeThreshold: 0.95, reviewThreshold: 0.6))
    #expect(o.mergeThreshold == 0.95)
    #expect(o.reviewThreshold == 0.6)
    #expect(DedupOptions().mergeThreshold == 0.90)
  }
}
