import SiftCore
import Testing

@testable import SiftDedup

/// Which pairs blocking proposes: the same citation with titles that differ at both ends is found; records that
/// share only a common first author and year, or only a volume and page, are not compared.
@Suite struct BlockerTests {
  static func features(_ records: [Record]) -> [RecordFeatures] {
    records.enumerated().map { RecordFeatures(key: "k\($0.offset)", record: $0.element) }
  }

  @Test func sameCitationWithTitlesDifferingAtBothEndsIsACandidateAndMerges() {
    // haematology id_0000072 / id_0000073: a section heading before the title, a different end.
    let a = DeduplicatorTests.article(
      "Atypical hemolytic-uremic syndrome", authors: ["Noris, M.", "Remuzzi, G."], year: 2009,
      journal: "New England Journal of Medicine", volume: "361", pages: "1676-1687")
    var b = a
    b.title = "MEDICAL PROGRESS Atypical Hemolytic-Uremic Syndrome"
    #expect(Blocker.candidatePairs(Self.features([a, b])).map { [$0.0, $0.1] } == [[0, 1]])
    #expect(DeduplicatorTests.merged(DeduplicatorTests.run([a, b])))
  }

  @Test(arguments: [("first author and year", true), ("volume and page", false)])
  func aSharedWeakFieldAloneProposesNoPair(field: String, sameAuthor: Bool) {
    // 30 unrelated papers: before, a block of 30 under the 32-record limit compared all 435 pairs.
    let words = [
      "anxiety", "bipolar", "cancer", "diabetes", "eczema", "fatigue", "glaucoma", "hepatitis", "insomnia", "jaundice",
      "kidney", "leukaemia", "migraine", "nausea", "obesity", "psoriasis", "quinsy", "rickets", "stroke", "tinnitus",
      "ulcer", "vertigo", "whiplash", "xerosis", "yaws", "zoster", "asthma", "bronchitis", "cholera", "dengue",
    ]
    let records = words.enumerated().map { i, word in
      DeduplicatorTests.article(
        "\(word) in adults: outcomes of care for \(words[(i + 7) % 30])",
        authors: sameAuthor ? ["Wang, L."] : ["Author\(i), A."],
        year: sameAuthor ? 2020 : 1990 + i, journal: "Journal \(i)", volume: sameAuthor ? String(i + 1) : "1",
        pages: sameAuthor ? "\(100 + i)-\(110 + i)" : "1-9")
    }
    #expect(Blocker.candidatePairs(Self.features(records)).isEmpty, "\(field)")
  }

  @Test func theSameVolumeAndPageWithAnotherYearIsStillFoundThroughTheAuthor() {
    let a = DeduplicatorTests.article(
      "Online first title of the trial in full", year: 2019, volume: "12", pages: "40-49")
    var b = a
    b.year = 2020
    b.title = "The online-first title of the trial, in full."
    #expect(Blocker.keys(Self.features([a])[0]).contains("va:12:40:andersson"))
    #expect(Blocker.candidatePairs(Self.features([a, b])).count == 1)
  }
}
