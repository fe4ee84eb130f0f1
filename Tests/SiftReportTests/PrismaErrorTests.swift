import SiftCore
import Testing

@testable import SiftReport

@Suite struct PrismaErrorTests {
  /// A broken input: what to add to the typical flow, the problem expected and the records it must name.
  struct Broken: Sendable, CustomTestStringConvertible {
    var name: String
    var fate: Fate
    var source = "Scopus"
    var kind: PrismaProblem.Kind
    var mentions: String
    var testDescription: String { name }
  }

  static let broken: [Broken] = [
    Broken(
      name: "exclusion at a stage the protocol lacks", fate: .excluded(stage: .abstract, criteria: []),
      kind: .unknownStage, mentions: "`abstract`"),
    Broken(
      name: "awaiting a stage the protocol lacks", fate: .awaiting(stage: .title), kind: .unknownStage,
      mentions: "`title`"),
    Broken(
      name: "full-text exclusion without criterion", fate: .excluded(stage: .fullText, criteria: []),
      kind: .missingCriterion, mentions: "without a criterion"),
    Broken(
      name: "unknown criterion at full text", fate: .excluded(stage: .fullText, criteria: ["E9"]),
      kind: .unknownCriterion, mentions: "`E9`"),
    Broken(
      name: "unknown criterion at screening", fate: .excluded(stage: .titleAbstract, criteria: ["X1"]),
      kind: .unknownCriterion, mentions: "`X1`"),
    Broken(
      name: "unknown automation criterion", fate: .automation(criterion: "E7"), kind: .unknownCriterion,
      mentions: "`E7`"),
    Broken(
      name: "unknown source", fate: .included(study: "S1"), source: "Embase", kind: .unknownSource,
      mentions: "`Embase`"),
    Broken(
      name: "duplicate of a record not in the project", fate: .duplicate(of: "r999"), kind: .unknownPrimary,
      mentions: "`r999`"),
  ]

  @Test(arguments: broken)
  func brokenInputNamesTheRecord(_ broken: Broken) throws {
    var fixture = FlowFixture.typical
    let ids = fixture.add(2, broken.fate, source: broken.source)
    let error = try #require(throws: PrismaError.self) { try PrismaCounts(flow: fixture.flow) }
    #expect(error.problems.count == 1)
    let problem = try #require(error.problems.first)
    #expect(problem.kind == broken.kind)
    #expect(problem.records == ids)
    #expect(problem.message.contains(broken.mentions))
    let text = error.description
    #expect(text.contains("r30, r31"))
    #expect(text.contains(broken.mentions))
  }

  @Test func duplicateOfItselfIsNamed() throws {
    var fixture = FlowFixture.typical
    fixture.records.append(FlowRecord(id: "r30", source: "Scopus", fate: .duplicate(of: "r30")))
    let error = try #require(throws: PrismaError.self) { try PrismaCounts(flow: fixture.flow) }
    #expect(error.problems.map(\.kind) == [.unknownPrimary])
    #expect(error.records == ["r30"])
  }

  @Test func fullTextExclusionWhenTheProtocolHasNoFullTextStage() throws {
    var fixture = FlowFixture()
    fixture.stages = [.titleAbstract]
    fixture.add(1, .excluded(stage: .fullText, criteria: ["E1"]))
    let error = try #require(throws: PrismaError.self) { try PrismaCounts(flow: fixture.flow) }
    #expect(error.problems.map(\.kind) == [.unknownStage])
    #expect(error.records == ["r1"])
  }

  @Test func repeatedRecordIDs() throws {
    var fixture = FlowFixture.typical
    fixture.records.append(FlowRecord(id: "r7", source: "Scopus", fate: .included(study: nil)))
    let error = try #require(throws: PrismaError.self) { try PrismaCounts(flow: fixture.flow) }
    #expect(error.problems.map(\.kind) == [.duplicateRecordID])
    #expect(error.records == ["r7"])
  }

  @Test func protocolProblems() throws {
    var fixture = FlowFixture()
    fixture.stages = [.fullText, .titleAbstract]
    fixture.sources.append(FlowSource(name: "Scopus", column: .registers))
    fixture.criteria.append(Criterion(id: "E1", label: "again", text: ""))
    let error = try #require(throws: PrismaError.self) { try PrismaCounts(flow: fixture.flow) }
    #expect(error.problems.map(\.kind) == [.invalidProtocol, .invalidProtocol, .invalidProtocol])
    #expect(error.description.contains("full text must be the last stage"))
    #expect(error.description.contains("source `Scopus` more than once"))
    #expect(error.description.contains("criterion `E1` more than once"))
  }

  @Test func everyProblemIsReportedAtOnce() throws {
    var fixture = FlowFixture.typical
    fixture.add(1, .excluded(stage: .fullText, criteria: []))
    fixture.add(1, .included(study: nil), source: "Nowhere")
    fixture.add(1, .awaiting(stage: .abstract))
    let error = try #require(throws: PrismaError.self) { try PrismaCounts(flow: fixture.flow) }
    #expect(Set(error.problems.map(\.kind)) == [.missingCriterion, .unknownSource, .unknownStage])
    #expect(Set(error.records) == ["r30", "r31", "r32"])
    #expect(error.description.hasPrefix("PRISMA counts cannot be derived (3 problems):"))
  }

  @Test func longListsOfRecordsAreShortenedInTheMessageButKeptInTheError() throws {
    var fixture = FlowFixture()
    let ids = fixture.add(25, .excluded(stage: .fullText, criteria: []))
    let error = try #require(throws: PrismaError.self) { try PrismaCounts(flow: fixture.flow) }
    #expect(error.records == ids)
    #expect(error.description.contains("r20 and 5 more."))
    #expect(!error.description.contains("r21"))
  }

  // MARK: Identities, checked on tampered counts.

  @Test func aRecordMissingFromTheScreenedBoxIsNamed() throws {
    var counts = try PrismaCounts(flow: FlowFixture.typical.flow)
    counts.screening[0].screened.records.removeAll { $0 == "r12" }
    counts.screening[0].screened.n -= 1
    let error = try #require(throws: PrismaError.self) { try counts.verify() }
    #expect(error.problems.allSatisfy { $0.kind == .brokenIdentity })
    #expect(error.records.contains("r12"))
    #expect(error.description.contains("screened.title-abstract = identified − removed"))
  }

  @Test func aNumberThatDisagreesWithItsRecordsIsCaught() throws {
    var counts = try PrismaCounts(flow: FlowFixture.typical.flow)
    counts.notRetrieved.n = 5
    let error = try #require(throws: PrismaError.self) { try counts.verify() }
    #expect(error.description.contains("box `not-retrieved` says n = 5 but lists 2 records"))
  }

  @Test func aReportUnderTwoReasonsIsNamed() throws {
    var counts = try PrismaCounts(flow: FlowFixture.typical.flow)
    counts.reportsExcluded.items[0].records.append("r21")
    counts.reportsExcluded.items[0].n += 1
    let error = try #require(throws: PrismaError.self) { try counts.verify() }
    #expect(error.records.contains("r21"))
    #expect(error.description.contains("more than one line of `reports-excluded`"))
  }

  @Test func reasonsThatDoNotAddUpAreNamed() throws {
    var counts = try PrismaCounts(flow: FlowFixture.typical.flow)
    counts.reportsExcluded.items.removeFirst()
    let error = try #require(throws: PrismaError.self) { try counts.verify() }
    #expect(error.records == ["r24"])
    #expect(error.description.contains("reports-excluded = sum over reasons"))
  }

  @Test func assessedMustBeSoughtMinusNotRetrieved() throws {
    var counts = try PrismaCounts(flow: FlowFixture.typical.flow)
    counts.assessed.records.append("r19")
    counts.assessed.n += 1
    let error = try #require(throws: PrismaError.self) { try counts.verify() }
    #expect(error.records.contains("r19"))
    #expect(error.description.contains("assessed = sought − not-retrieved"))
  }

  @Test func includedReportsMustBeAssessedMinusExcluded() throws {
    var counts = try PrismaCounts(flow: FlowFixture.typical.flow)
    counts.included.items[1].records.removeLast()
    counts.included.items[1].n -= 1
    let error = try #require(throws: PrismaError.self) { try counts.verify() }
    #expect(error.records == ["r29"])
  }

  @Test func totalMustBeNewPlusPrevious() throws {
    var fixture = FlowFixture.typical
    fixture.previousReview = PreviousReview(studies: 3, reports: 4)
    var counts = try PrismaCounts(flow: fixture.flow)
    counts.total?.items[0].n = 99
    let error = try #require(throws: PrismaError.self) { try counts.verify() }
    #expect(error.description.contains("total studies (99) ≠ new (4) + previous (3)"))
  }

  @Test func removedRecordsMustBeIdentified() throws {
    var counts = try PrismaCounts(flow: FlowFixture.typical.flow)
    counts.removed.records.append("ghost")
    counts.removed.items[2].records.append("ghost")
    counts.removed.items[2].n += 1
    counts.removed.n += 1
    let error = try #require(throws: PrismaError.self) { try counts.verify() }
    #expect(error.records.contains("ghost"))
    #expect(error.description.contains("removed ⊆ identified"))
  }
}
