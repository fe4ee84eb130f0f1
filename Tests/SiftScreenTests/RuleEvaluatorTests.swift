import SiftCore
import Testing

@testable import SiftScreen

@Suite struct RuleEvaluatorTests {
  @Test(arguments: [(2004, true), (2005, false), (2020, false), (2021, true)])
  func yearWindow(year: Int, fails: Bool) {
    let rule = AutoRule(field: .year, min: 2005, max: 2020)
    #expect(RuleEvaluator.fails(Record(year: year), rule) == fails)
  }

  @Test func unknownFieldNeverExcludes() {
    #expect(!RuleEvaluator.fails(Record(), AutoRule(field: .year, min: 2005)))
    #expect(!RuleEvaluator.fails(Record(), AutoRule(field: .language, anyOf: ["English"])))
    #expect(!RuleEvaluator.fails(Record(), AutoRule(field: .publicationType, noneOf: ["Review"])))
  }

  @Test(arguments: [
    ("English", false), ("eng", false), ("German", true), ("ger; English", false), ("Spanish", true),
  ])
  func languageAnyOf(language: String, fails: Bool) {
    let rule = AutoRule(field: .language, anyOf: ["English", "Dutch"])
    #expect(RuleEvaluator.fails(Record(language: language), rule) == fails)
  }

  @Test func publicationTypeNoneOf() {
    let rule = AutoRule(field: .publicationType, noneOf: ["Review", "Meta-Analysis"])
    #expect(RuleEvaluator.fails(Record(publicationTypes: ["Journal Article", "Meta-analysis"]), rule))
    #expect(!RuleEvaluator.fails(Record(publicationTypes: ["Journal Article"]), rule))
  }

  @Test func failedCriteriaInProtocolOrder() {
    let criteria = [
      Criterion(id: "I1", label: "", text: "", rule: AutoRule(field: .year, min: 2005)),
      Criterion(id: "E1", label: "", text: ""),
      Criterion(id: "E2", label: "", text: "", rule: AutoRule(field: .language, anyOf: ["English"])),
    ]
    #expect(RuleEvaluator.failedCriteria(Record(year: 1999, language: "French"), criteria: criteria) == ["I1", "E2"])
    #expect(RuleEvaluator.failedCriteria(Record(year: 2010, language: "English"), criteria: criteria).isEmpty)
  }

  @Test func highlighterMarksTermsCaseInsensitively() {
    let runs = Highlighter.runs("The Therapeutic Alliance online", terms: ["therapeutic alliance", "alliance"])
    #expect(runs.map(\.text) == ["The ", "Therapeutic Alliance", " online"])
    #expect(runs.map(\.highlighted) == [false, true, false])
  }
}
