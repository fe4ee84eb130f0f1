import Foundation
import SiftCore
import SiftKit
import SiftStore
import SiftTeamStore
import TestSupport

/// A real project made with the CLI's use cases: 64 PsycINFO records and 6 more imported from the shared fixtures,
/// de-duplicated, rules applied, decisions at both stages (a supersede, a withdrawal, conflicts, a resolution), a
/// full text not retrieved and a study label.
struct SeedProject {
  let root: URL
  let project: Project
  /// The first records of ana's title-abstract queue the decisions were made on.
  let decided: [String]

  static let protocolText = """
    title: Team store test
    reviewers: [ana, ben]
    databases:
      - name: PsycINFO
      - name: Ovid
    criteria:
      - {id: E1, label: Not therapy, text: Not about therapy.}
      - {id: E2, label: Before 2000, text: Published before 2000., rule: {field: year, min: 2000}}
    stages: [title-abstract, full-text]
    """

  init() throws {
    root = try Fixtures.temporaryDirectory("sift-teamstore-seed")
    try Data(Self.protocolText.utf8).write(to: root.appendingPathComponent("protocol.yaml"))
    _ = try Project.create(at: root.path)
    project = try Project(root: root.path)
    _ = try ProjectImport.run(
      project: project, paths: [Fixtures.export("ris/citesource-psycinfo_64.ris").path],
      source: ImportSource(name: "PsycINFO", column: .databases))
    _ = try ProjectImport.run(
      project: project, paths: [Fixtures.export("ris/asreview-ovid_psycinfo.ris").path],
      source: ImportSource(name: "Ovid", column: .databases))
    _ = try ProjectDedup.run(projectPath: root.path)
    _ = try ProjectRules.run(project: project)
    let queue = try ProjectScreening.queue(project: project, reviewer: "ana", stage: .titleAbstract)
    let ids = Array(queue.todo.prefix(12))
    decided = ids
    func decision(_ reviewer: String, _ id: String, _ stage: Stage, _ verdict: Verdict?, _ criteria: [String] = [])
      -> DecisionInput
    {
      DecisionInput(
        origin: "seed", reference: id, reviewer: reviewer, stage: stage, verdict: verdict, criteria: criteria,
        note: verdict == .maybe ? "unsure, \"quoted\"" : nil, time: "2024-03-05T10:00:00Z")
    }
    var inputs: [DecisionInput] = []
    for (index, id) in ids.enumerated() {
      inputs.append(decision("ana", id, .titleAbstract, index < 8 ? .include : .exclude, index < 8 ? [] : ["E1"]))
      inputs.append(decision("ben", id, .titleAbstract, index < 6 ? .include : .exclude, index < 6 ? [] : ["E1"]))
    }
    try ProjectScreening.record(inputs, project: project)
    // A change of mind (supersedes) and a withdrawal.
    try ProjectScreening.record([decision("ana", ids[0], .titleAbstract, .maybe)], project: project)
    try ProjectScreening.record([decision("ana", ids[11], .titleAbstract, nil)], project: project)
    // Records 6 and 7 are in conflict; resolve 6.
    try ProjectScreening.resolve(
      [
        ResolutionInput(
          origin: "seed", reference: ids[6], stage: .titleAbstract, verdict: .include, by: "ana", note: "agreed",
          time: "2024-03-06T10:00:00Z")
      ], project: project)
    _ = try ProjectFulltext.record(reference: ids[5], location: .notRetrieved, project: project)
    _ = try ProjectFulltext.record(reference: ids[0], location: .url("https://example.org/a.pdf"), project: project)
    var fulltext = decision("ana", ids[0], .fullText, .include)
    fulltext.study = "Smith 2010"
    try ProjectScreening.record(
      [
        fulltext, decision("ben", ids[0], .fullText, .include), decision("ana", ids[1], .fullText, .exclude, ["E1"]),
        decision("ben", ids[1], .fullText, .include),
      ], project: project)
  }

  func dump() throws -> StoreDump {
    try project.store.read { try $0.dump() }
  }

  func rows(only: [String]? = nil) throws -> ProjectRows {
    try project.store.read { try $0.projectRows(only: only) }
  }

  /// A fresh store of `kind` holding this project's rows.
  func store(into store: any TeamStore) async throws {
    try await store.load(try dump())
  }
}
