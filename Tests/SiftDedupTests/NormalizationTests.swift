import Testing

@testable import SiftDedup

@Suite struct NormalizationTests {
  @Test(arguments: [
    ("Efficacy of X for Y. [Chinese]", "efficacy of x for y"),
    ("[Indications for living kidney donation]. [Spanish]", "indications for living kidney donation"),
    ("<i>Na</i><sup>+</sup> channel blockers", "na channel blockers"),
    ("{\\em Sleep} in Caf{\\'e} workers", "sleep in cafe workers"),
    ("Étude sur l'anxiété", "etude sur lanxiete"),
    ("TNF-α and IL-1β levels", "tnf alpha and il 1beta levels"),
    ("Long-term effects.[Erratum appears in Am J Hematol. 2010;85(11):911]", "long term effects"),
    ("Cancer screening. [Review] [42 refs]", "cancer screening"),
    ("\"Treatment for POEMS syndrome\"", "treatment for poems syndrome"),
    ("Risks &amp; benefits", "risks benefits"),
  ])
  func title(raw: String, expected: String) {
    #expect(TextNormalizer.title(raw) == expected)
  }

  @Test func mainTitleAndSubtitle() {
    let parts = TextNormalizer.titleParts("Screening for cervical cancer: new alternatives and research")
    #expect(parts.main == "screening for cervical cancer")
    #expect(parts.sub == "new alternatives and research")
    #expect(TextNormalizer.titleParts("No separator here").main == nil)
    #expect(TextNormalizer.titleParts("Stroke rehabilitation -- a pilot trial").main == "stroke rehabilitation")
  }

  @Test(
    arguments: [
      ("123-9", "123", "129"),
      ("123-129", "123", "129"),
      ("1524", "1524", nil),
      ("e88", "e88", nil),
      ("S12-S15", "s12", "s15"),
      ("532, 534-536", "532", nil),
      ("Suppl-29", nil, nil),
      ("007-010", "7", "10"),
    ] as [(String, String?, String?)])
  func pages(raw: String, first: String?, last: String?) {
    let (f, l) = RecordFeatures.pageRange(raw)
    #expect(f == first)
    #expect(l == last)
  }

  @Test func abbreviatedJournalsMatch() {
    func words(_ s: String) -> [String] {
      TextNormalizer.words(s).filter { !RecordFeatures.stopWords.contains($0) }
    }
    #expect(PairScorer.journalAgreement(words("Nat Rev Nephrol"), words("Nature Reviews Nephrology")) == .match)
    #expect(PairScorer.journalAgreement(words("J Clin Psychol"), words("Journal of Clinical Psychology")) == .match)
    #expect(
      PairScorer.journalAgreement(
        words("Jpen: Journal of Parenteral & Enteral Nutrition"),
        words("JPEN. Journal of parenteral and enteral nutrition")) == .match)
    #expect(PairScorer.journalAgreement(words("Lancet"), words("Stroke")) == .conflict)
    #expect(PairScorer.journalAgreement([], words("Stroke")) == .missing)
  }

  @Test func familyNames() {
    func same(_ a: String, _ b: String) -> Bool { Similarity.sameFamily(Array(a.utf8), Array(b.utf8)) }
    #expect(same("joode", "dejoode"))
    #expect(same("quintrec", "lequintrec"))
    #expect(same("andersson", "anderson"))
    #expect(!same("li", "lin"))
    #expect(!same("wang", "zhang"))
  }

  @Test func banded_levenshtein() {
    func d(_ a: String, _ b: String, _ k: Int) -> Int? {
      Similarity.levenshtein(Array(a.utf8), Array(b.utf8), limit: k)
    }
    #expect(d("kitten", "sitting", 3) == 3)
    #expect(d("kitten", "sitting", 2) == nil)
    #expect(d("", "abc", 3) == 3)
    #expect(d("same", "same", 0) == 0)
    #expect(d("abcdef", "abcxef", 1) == 1)
  }
}
