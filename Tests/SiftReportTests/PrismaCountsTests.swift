import SiftCore
import Testing

@testable import SiftReport

@Suite struct PrismaCountsTests {
  @Test func everyBoxOfATypicalFlow() throws {
    let counts = try PrismaCounts(flow: FlowFixture.typical.flow)
    #expect(counts.identified.n == 29)
    #expect(counts.identified.item("identified.databases")?.n == 29)
    #expect(counts.identified.item("identified.databases.1")?.label == "Scopus")
    #expect(counts.identified.item("identified.databases.1")?.n == 15)
    #expect(counts.identified.item("identified.databases.2")?.label == "PsycINFO")
    #expect(counts.identified.item("identified.databases.2")?.n == 14)
    #expect(counts.identified.item("identified.registers")?.n == 0)
    #expect(counts.removed.n == 7)
    #expect(counts.removed.item("removed.duplicates")?.records == ["r2", "r3", "r4", "r5"])
    #expect(counts.removed.item("removed.automation")?.records == ["r6", "r7"])
    #expect(counts.removed.item("removed.other")?.records == ["r8"])
    #expect(counts.screening.count == 1)
    let step = try #require(counts.screening.first)
    #expect(step.screened.id == "screened.title-abstract")
    #expect(step.screened.label == "Records screened")
    #expect(step.screened.n == 22)
    #expect(step.screened.awaiting == nil)
    #expect(step.excluded.n == 10)
    #expect(step.excluded.records.first == "r9")
    #expect(counts.sought.n == 12)
    #expect(counts.notRetrieved.records == ["r19", "r20"])
    #expect(counts.assessed.n == 10)
    #expect(counts.reportsExcluded.n == 4)
    #expect(counts.reportsExcluded.items.map(\.id) == ["reports-excluded.E1", "reports-excluded.E2"])
    #expect(counts.reportsExcluded.items.map(\.label) == ["E1: Wrong population", "E2: Not text-based"])
    #expect(counts.reportsExcluded.items.map(\.n) == [1, 3])
    #expect(counts.included.item("included.studies")?.n == 4)  // S1, S2 and two without a study id
    #expect(counts.included.item("included.reports")?.n == 6)
    #expect(counts.included.records == ["r1", "r25", "r26", "r27", "r28", "r29"])
    #expect(counts.otherMethods == nil)
    #expect(counts.previous == nil)
    #expect(counts.total == nil)
    #expect(counts.footnotes.isEmpty)
  }

  @Test func zeroRecordsGiveZeroInEveryBox() throws {
    let counts = try PrismaCounts(flow: FlowFixture().flow)
    for box in counts.allBoxes {
      #expect(box.n == 0, "\(box.id)")
      #expect(box.records.isEmpty, "\(box.id)")
    }
    #expect(counts.reportsExcluded.items.isEmpty)
    #expect(counts.identified.item("identified.databases.2")?.n == 0)
    #expect(counts.allBoxes.count == 9)
  }

  @Test func titleAndAbstractAreSeparateBoxesWhenTheProtocolHasBoth() throws {
    var fixture = FlowFixture()
    fixture.stages = [.title, .abstract, .fullText]
    fixture.add(5, .excluded(stage: .title, criteria: []))
    fixture.add(3, .excluded(stage: .abstract, criteria: ["E1"]))
    fixture.add(2, .included(study: "S1"))
    let counts = try PrismaCounts(flow: fixture.flow)
    #expect(counts.screening.map(\.screened.id) == ["screened.title", "screened.abstract"])
    #expect(counts.screening.map(\.screened.label) == ["Records screened (title)", "Records screened (abstract)"])
    #expect(counts.screening.map(\.excluded.label) == ["Records excluded (title)", "Records excluded (abstract)"])
    #expect(counts.screening.map(\.screened.n) == [10, 5])
    #expect(counts.screening.map(\.excluded.n) == [5, 3])
    #expect(counts.sought.n == 2)
  }

  @Test func withoutScreeningStagesBeforeFullTextEveryKeptRecordIsSought() throws {
    var fixture = FlowFixture()
    fixture.stages = [.fullText]
    fixture.add(1, .included(study: "S1"))
    fixture.add(1, .duplicate(of: "r1"))
    fixture.add(1, .excluded(stage: .fullText, criteria: ["E1"]))
    let counts = try PrismaCounts(flow: fixture.flow)
    #expect(counts.screening.isEmpty)
    #expect(counts.sought.records == ["r1", "r3"])
    #expect(counts.reportsExcluded.n == 1)
    let svg = PrismaSVG.render(counts)
    #expect(!svg.contains("Records screened"))
  }

  @Test func anInclusionCriterionReadsAsNotMet() throws {
    var fixture = FlowFixture()
    fixture.criteria.append(Criterion(id: "I2", label: "Adults", text: "Participants aged 18 or over."))
    fixture.add(1, .excluded(stage: .fullText, criteria: ["I2"]))
    let counts = try PrismaCounts(flow: fixture.flow)
    #expect(counts.reportsExcluded.items.map(\.label) == ["I2 not met: Adults"])
  }

  @Test func oneExclusionReason() throws {
    var fixture = FlowFixture()
    fixture.add(2, .excluded(stage: .fullText, criteria: ["E3"]))
    let counts = try PrismaCounts(flow: fixture.flow)
    #expect(counts.reportsExcluded.items.count == 1)
    #expect(counts.reportsExcluded.items.first?.label == "E3: Not original research")
    #expect(counts.reportsExcluded.items.first?.records == ["r1", "r2"])
    #expect(counts.footnotes.isEmpty)
  }

  @Test func manyReasonsInProtocolOrderEachReportOnceUnderItsFirstReason() throws {
    var fixture = FlowFixture()
    fixture.add(1, .excluded(stage: .fullText, criteria: ["E3"]))
    fixture.add(2, .excluded(stage: .fullText, criteria: ["E2", "E1"]))
    fixture.add(1, .excluded(stage: .fullText, criteria: ["E1", "E3"]))
    fixture.add(1, .excluded(stage: .fullText, criteria: ["E4"]))
    let counts = try PrismaCounts(flow: fixture.flow)
    #expect(counts.reportsExcluded.n == 5)
    #expect(
      counts.reportsExcluded.items.map(\.id) == [
        "reports-excluded.E1", "reports-excluded.E2", "reports-excluded.E3", "reports-excluded.E4",
      ])
    #expect(counts.reportsExcluded.items.map(\.records) == [["r4"], ["r2", "r3"], ["r1"], ["r5"]])
    #expect(counts.footnotes.count == 1)
    #expect(counts.footnotes.first?.hasPrefix("3 reports were excluded for more than one reason") == true)
    #expect(counts.footnotes.first?.contains("under the first reason") == true)
  }

  @Test func studiesAreDistinctStudyValuesAndAMissingStudyIsItsOwnStudy() throws {
    var fixture = FlowFixture()
    fixture.add(3, .included(study: "S1"))
    fixture.add(1, .included(study: "S2"), source: "PsycINFO")
    fixture.add(1, .included(study: "S1"), source: "PsycINFO")
    fixture.add(2, .included(study: nil))
    let counts = try PrismaCounts(flow: fixture.flow)
    #expect(counts.included.n == 4)
    #expect(counts.included.item("included.studies")?.n == 4)
    #expect(counts.included.item("included.reports")?.n == 7)
    #expect(counts.included.label == "Studies included in review")
  }

  @Test func registersAreCountedApart() throws {
    var fixture = FlowFixture()
    fixture.sources.append(FlowSource(name: "ClinicalTrials.gov", column: .registers))
    fixture.add(2, .excluded(stage: .titleAbstract, criteria: []), source: "ClinicalTrials.gov")
    fixture.add(1, .excluded(stage: .titleAbstract, criteria: []))
    let counts = try PrismaCounts(flow: fixture.flow)
    #expect(counts.identified.item("identified.registers")?.n == 2)
    #expect(counts.identified.item("identified.registers.1")?.label == "ClinicalTrials.gov")
    #expect(counts.identified.item("identified.databases")?.n == 1)
    #expect(counts.screening.first?.screened.n == 3)
  }

  @Test func otherMethodsHaveTheirOwnChainJoiningTheIncludedBox() throws {
    var fixture = FlowFixture.typical
    fixture.sources += [
      FlowSource(name: "Citation searching", column: .otherMethods),
      FlowSource(name: "Websites", column: .otherMethods),
    ]
    fixture.add(2, .included(study: "S9"), source: "Citation searching")  // r30-r31
    fixture.add(1, .included(study: "S1"), source: "Websites")  // r32: a new report of a known study
    fixture.add(1, .notRetrieved, source: "Citation searching")  // r33
    fixture.add(2, .excluded(stage: .fullText, criteria: ["E3", "E1"]), source: "Websites")  // r34-r35
    let counts = try PrismaCounts(flow: fixture.flow)
    let other = try #require(counts.otherMethods)
    #expect(other.identified.n == 6)
    #expect(other.identified.items.map(\.label) == ["Citation searching", "Websites"])
    #expect(other.identified.items.map(\.n) == [3, 3])
    #expect(other.notSought == nil)
    #expect(other.sought.n == 6)
    #expect(other.notRetrieved.records == ["r33"])
    #expect(other.assessed.n == 5)
    #expect(other.reportsExcluded.items.map(\.id) == ["other.reports-excluded.E3"])
    // The databases column is unchanged.
    #expect(counts.identified.n == 29)
    #expect(counts.reportsExcluded.n == 4)
    // Included: S1, S2, two without study, S9.
    #expect(counts.included.item("included.studies")?.n == 5)
    #expect(counts.included.item("included.reports")?.n == 9)
    #expect(counts.footnotes.count == 1)
  }

  @Test func otherMethodsColumnIsShownWhenTheProtocolHasSuchASourceEvenWithoutRecords() throws {
    var fixture = FlowFixture.typical
    fixture.sources.append(FlowSource(name: "Citation searching", column: .otherMethods))
    let counts = try PrismaCounts(flow: fixture.flow)
    let other = try #require(counts.otherMethods)
    #expect(other.identified.n == 0)
    #expect(other.sought.n == 0)
    #expect(counts.box("other.assessed")?.n == 0)
  }

  @Test func otherMethodsRecordsRemovedBeforeRetrievalGetANotSoughtBox() throws {
    var fixture = FlowFixture()
    fixture.sources.append(FlowSource(name: "Citation searching", column: .otherMethods))
    fixture.add(1, .included(study: "S1"))
    fixture.add(2, .duplicate(of: "r1"), source: "Citation searching")
    fixture.add(1, .excluded(stage: .titleAbstract, criteria: []), source: "Citation searching")
    fixture.add(1, .awaiting(stage: .titleAbstract), source: "Citation searching")
    fixture.add(1, .included(study: "S2"), source: "Citation searching")
    let counts = try PrismaCounts(flow: fixture.flow)
    let notSought = try #require(counts.otherMethods?.notSought)
    #expect(notSought.n == 4)
    #expect(
      notSought.items.map(\.id) == [
        "other.not-sought.duplicates", "other.not-sought.excluded", "other.not-sought.awaiting",
      ])
    #expect(notSought.items.map(\.n) == [2, 1, 1])
    #expect(counts.otherMethods?.sought.records == ["r6"])
    // Other-methods records are not screened in the databases column.
    #expect(counts.screening.first?.screened.n == 1)
  }

  @Test func previousReviewAddsPreviousAndTotalBoxes() throws {
    var fixture = FlowFixture.typical
    fixture.previousReview = PreviousReview(citation: "Smith 2019", studies: 12, reports: 15)
    let counts = try PrismaCounts(flow: fixture.flow)
    let previous = try #require(counts.previous)
    let total = try #require(counts.total)
    #expect(previous.item("previous.studies")?.n == 12)
    #expect(previous.item("previous.reports")?.n == 15)
    #expect(counts.included.label == "New studies included in review")
    #expect(counts.included.item("included.reports")?.label == "Reports of new included studies")
    #expect(total.item("total.studies")?.n == 16)
    #expect(total.item("total.reports")?.n == 21)
    #expect(counts.allBoxes.first?.id == "previous")
    #expect(counts.allBoxes.last?.id == "total")
  }

  @Test func awaitingRecordsShowAsInProgressInTheirStagesBox() throws {
    var fixture = FlowFixture()
    fixture.stages = [.title, .abstract, .fullText]
    fixture.add(4, .awaiting(stage: .title))
    fixture.add(2, .awaiting(stage: .abstract))
    fixture.add(3, .awaiting(stage: .fullText))
    fixture.add(1, .included(study: "S1"))
    let counts = try PrismaCounts(flow: fixture.flow)
    #expect(counts.screening.map(\.screened.n) == [10, 6])
    #expect(counts.screening.map { $0.screened.awaiting?.n } == [4, 2])
    #expect(counts.screening.map(\.excluded.n) == [0, 0])
    #expect(counts.sought.n == 4)
    #expect(counts.assessed.awaiting?.records == ["r7", "r8", "r9"])
    #expect(counts.assessed.awaiting?.id == "assessed.awaiting")
    #expect(counts.included.item("included.reports")?.n == 1)
    #expect(counts.footnotes.contains { $0.contains("9 records have no final decision") })
  }

  @Test func everyBoxCarriesTheRecordsBehindIt() throws {
    let counts = try PrismaCounts(flow: FlowFixture.typical.flow)
    for box in counts.allBoxes where box.id != "included" {
      #expect(box.n == box.records.count, "\(box.id)")
    }
    #expect(Set(counts.identified.records) == Set((1...29).map { "r\($0)" }))
  }
}
