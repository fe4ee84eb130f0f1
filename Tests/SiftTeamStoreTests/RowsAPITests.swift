import Foundation
import SiftCore
import SiftKit
import SiftStore
import Testing

@testable import SiftTeamStore

/// The SiftKit rows-based API (what the server calls) gives what the CLI path gives, from either store's rows.
@Suite struct RowsAPITests {
  @Test(arguments: StoreKind.all)
  func rowsAPIMatchesTheCLI(kind: StoreKind) async throws {
    let seed = try SeedProject()
    let review = seed.project.review
    try await withScratchStore(kind) { store in
      try await seed.store(into: store)
      let rows = try await store.projectRows()
      for stage in review.stages {
        for reviewer in review.reviewers {
          #expect(
            ProjectScreening.queue(rows: rows, review: review, reviewer: reviewer, stage: stage)
              == (try ProjectScreening.queue(project: seed.project, reviewer: reviewer, stage: stage)))
        }
      }
      #expect(ProjectFlow.derive(rows: rows, review: review) == (try ProjectFlow.load(project: seed.project)))
      #expect(
        ProjectAgreement.compute(rows: rows, review: review, stage: .titleAbstract)
          == (try ProjectAgreement.compute(project: seed.project, stage: .titleAbstract)))
      let cli = try ProjectConflicts.list(project: seed.project, stage: nil)
      let untitled = ProjectConflicts.list(rows: rows, review: review, records: [], stage: nil)
      let records = try await store.records(ids: untitled.map(\.recordID))
      #expect(ProjectConflicts.list(rows: rows, review: review, records: records, stage: nil) == cli)
      #expect(cli.map(\.stage) == [.titleAbstract, .fullText], "the seed has one conflict per stage")
      #expect(!cli.allSatisfy { $0.title.isEmpty })
      let exported = try DecisionsExport.run(
        project: seed.project, stage: nil, reviewer: nil, all: false, history: true)
      let fromRows = DecisionsExport.csv(
        rows: rows, history: try await store.decisionHistory(), review: review, stage: nil, reviewer: nil, all: false)
      #expect(fromRows.csv == exported.csv && fromRows.withheld == exported.withheld)
    }
  }

  @Test func checkUsesTheCLIRules() throws {
    let seed = try SeedProject()
    let review = seed.project.review
    let rows = try seed.rows()
    let queue = ProjectScreening.queue(rows: rows, review: review, reviewer: "ben", stage: .titleAbstract)
    let next = try #require(queue.todo.first)
    func input(
      _ reference: String, reviewer: String = "ben", stage: Stage = .titleAbstract, verdict: Verdict? = .include,
      criteria: [String] = []
    ) -> DecisionInput {
      DecisionInput(
        origin: "web", reference: reference, reviewer: reviewer, stage: stage, verdict: verdict, criteria: criteria)
    }
    #expect(try ProjectScreening.check(input(next), rows: rows, review: review) == next)
    #expect(
      try ProjectScreening.check(input("r" + String(Int(next.dropFirst()) ?? 0)), rows: rows, review: review) == next)
    func message(_ decision: DecisionInput) -> String {
      do {
        _ = try ProjectScreening.check(decision, rows: rows, review: review)
        return ""
      } catch { return "\(error)" }
    }
    #expect(message(input(next, reviewer: "eve")).contains("`eve` is not a reviewer"))
    #expect(message(input(next, verdict: .exclude, criteria: ["E9"])).contains("unknown criterion `E9`"))
    #expect(message(input("doi:10.1/x")).contains("does not name a record"))
    #expect(message(input("R999999")).contains("no record R999999"))
    #expect(message(input(next, stage: .fullText)).contains("has not reached stage full-text"))
    let duplicates = rows.dedupMembers.filter { $0.recordId != $0.primaryRecord }
    if let duplicate = duplicates.first {
      #expect(message(input(duplicate.recordId)).contains("is a duplicate of \(duplicate.primaryRecord)"))
    }
    let resolution = ResolutionInput(
      origin: "web", reference: seed.decided[7], stage: .titleAbstract, verdict: .exclude, criteria: ["E1"], by: "ana")
    #expect(try ProjectScreening.check(resolution, rows: rows, review: review) == seed.decided[7])
    var nobody = resolution
    nobody.by = " "
    #expect(throws: (any Error).self) { try ProjectScreening.check(nobody, rows: rows, review: review) }
  }
}
