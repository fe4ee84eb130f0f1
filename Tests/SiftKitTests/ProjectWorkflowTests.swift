import Foundation
import SiftCore
import SiftDedup
import TestSupport
import Testing

@testable import SiftKit

@Suite struct ProjectWorkflowTests {
  @Test func importAssignsIDsAndSkipsTheSameContent() throws {
    let test = try TestProject()
    let path = try test.write("a.ris", TestProject.ris(title: "One", year: 2010, id: "X1"))
    let first = try ProjectImport.run(project: test.project, paths: [path], source: nil)
    #expect(first[0].read == 1 && first[0].stored == 1 && first[0].rejected == 0)
    #expect(first[0].firstID == "R000001")
    let again = try ProjectImport.run(project: test.project, paths: [path], source: nil)
    #expect(again[0].alreadyImportedAs != nil)
    #expect(again[0].stored == 0)
    #expect(try test.project.store.read { try $0.recordCount() } == 1)
  }

  @Test(arguments: try Fixtures.provenanceCounts().filter { $0.path.hasPrefix("ris/") })
  func readEqualsStoredPlusRejected(fixture: (path: String, records: Int)) throws {
    let test = try TestProject()
    let report = try ProjectImport.run(
      project: test.project, paths: [Fixtures.export(fixture.path).path],
      source: ImportSource(name: "Scopus", column: .databases))[0]
    #expect(report.read == report.stored + report.rejected)
    #expect(report.stored == fixture.records, "\(fixture.path)")
  }

  @Test func unknownSourceIsWarnedAbout() throws {
    let test = try TestProject()
    let path = try test.write("a.ris", TestProject.ris(title: "One", year: 2010, id: "X1"))
    let report = try ProjectImport.run(
      project: test.project, paths: [path], source: ImportSource(name: "Embase", column: .databases))[0]
    #expect(report.diagnostics.contains { $0.message.contains("`Embase` is not among the protocol's") })
  }

  @Test func rulesExcludeByKnownFieldsOnlyAndAreIdempotent() throws {
    let test = try TestProject()
    try test.importStandard()
    let first = try ProjectRules.run(project: test.project)
    let second = try ProjectRules.run(project: test.project)
    #expect(first.contains("I1 Published before 2005: 1 excluded"))
    #expect(first.contains("E2 Not English: 1 excluded"))
    #expect(second.contains("(0 new, 0 no longer excluded"))
    let flow = try ProjectFlow.load(project: test.project)
    #expect(flow.records.first { $0.id == "R000002" }?.fate == .automation(criterion: "I1"))
    #expect(flow.records.first { $0.id == "R000005" }?.fate == .automation(criterion: "E2"))
  }

  @Test func dedupPersistsClustersAndOverridesSurviveReruns() throws {
    let test = try TestProject()
    try test.importStandard()
    let report = try ProjectDedup.run(projectPath: test.root.path)
    #expect(report.contains("5 records, 1 duplicates removed"))
    #expect(report.contains("PsycINFO: 2 → 1"))
    var flow = try ProjectFlow.load(project: test.project)
    #expect(flow.records.first { $0.id == "R000004" }?.fate == .duplicate(of: "R000001"))
    // A person splits R000004 out; the split survives a plain re-run.
    _ = try ProjectDedup.run(projectPath: test.root.path, split: ["R000004"])
    _ = try ProjectDedup.run(projectPath: test.root.path)
    flow = try ProjectFlow.load(project: test.project)
    #expect(flow.records.first { $0.id == "R000004" }?.fate == .awaiting(stage: .title))
    // And a merge of two different records.
    _ = try ProjectDedup.run(projectPath: test.root.path, merge: [("R000003", "R000005")])
    flow = try ProjectFlow.load(project: test.project)
    #expect(flow.records.first { $0.id == "R000005" }?.fate == .duplicate(of: "R000003"))
    #expect(throws: ProjectError.self) { try ProjectDedup.run(projectPath: test.root.path, split: ["R000099"]) }
    // From a folder inside the project too, and the report ends with a line break.
    let inside = test.root.appendingPathComponent("notes")
    try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
    #expect(try ProjectDedup.run(projectPath: inside.path).hasSuffix("\n"))
    #expect(try ProjectFlow.load(projectPath: inside.path).records.count == 5)
  }

  @Test func dualScreeningThroughEveryStageGivesFates() throws {
    let test = try TestProject()
    try test.importStandard()
    _ = try ProjectDedup.run(projectPath: test.root.path)
    _ = try ProjectRules.run(project: test.project)
    // Screenable: R000001, R000003 (R000002 year, R000005 language excluded; R000004 duplicate).
    let title = "record,verdict,criteria,note\nR000001,include,,\nR000003,include,,\n"
    try test.decide("CML", .title, title)
    try test.decide("LJ", .title, "record,verdict,criteria,note\nR000001,include,,\nR000003,exclude,E1,\n")
    #expect(try ProjectConflicts.list(project: test.project, stage: nil).map(\.recordID) == ["R000003"])
    // R000003 has not reached abstract while in conflict.
    #expect(throws: ProjectError.self) {
      try test.decide("CML", .abstract, "record,verdict\nR000003,include\n")
    }
    _ = try ProjectScreening.resolve(
      [ResolutionInput(origin: "t", reference: "R000003", stage: .title, verdict: .include, by: "CML", note: "agreed")],
      project: test.project)
    #expect(try ProjectConflicts.list(project: test.project, stage: nil).isEmpty)
    try test.decide("CML", .abstract, "record,verdict\ndoi:10.1000/a,include\nid:S3,include\n")
    try test.decide("LJ", .abstract, "record,verdict\nR000001,include\nR000003,maybe\n")
    // Full text: R000003 not retrieved; R000001 included as study "Smith2010".
    _ = try ProjectFulltext.record(reference: "R000003", location: .notRetrieved, project: test.project)
    #expect(throws: ProjectError.self) {
      try test.decide("CML", .fullText, "record,verdict,criteria\nR000003,exclude,E1\n")
    }
    #expect(throws: ProjectError.self) {
      try test.decide("CML", .fullText, "record,verdict,criteria\nR000001,exclude,\n")
    }
    try test.decide(
      "CML", .fullText, "record,verdict,criteria,note,time,study\nR000001,include,,,2024-03-01,Smith2010\n")
    try test.decide("LJ", .fullText, "record,verdict,criteria,note,time,study\nR000001,include,,,2024-03-02,\n")
    let flow = try ProjectFlow.load(project: test.project)
    let fates = Dictionary(uniqueKeysWithValues: flow.records.map { ($0.id, $0.fate) })
    #expect(fates["R000001"] == .included(study: "Smith2010"))
    #expect(fates["R000002"] == .automation(criterion: "I1"))
    #expect(fates["R000003"] == .notRetrieved)
    #expect(fates["R000004"] == .duplicate(of: "R000001"))
    #expect(fates["R000005"] == .automation(criterion: "E2"))
    #expect(flow.records.map(\.source) == ["Scopus", "Scopus", "Scopus", "PsycINFO", "PsycINFO"])
    #expect(flow.sources.map(\.name) == ["Scopus", "PsycINFO", "Citation searching"])
    #expect(flow.sources.last?.column == .otherMethods)
  }

  @Test func exclusionAtAStageCarriesTheReasons() throws {
    let test = try TestProject()
    try test.importStandard()
    try test.decide("CML", .title, "record,verdict,criteria\nR000001,exclude,E1\n")
    try test.decide("LJ", .title, "record,verdict,criteria\nR000001,exclude,I1;E1\n")
    let flow = try ProjectFlow.load(project: test.project)
    #expect(flow.records.first?.fate == .excluded(stage: .title, criteria: ["I1", "E1"]))
  }

  @Test func aBadFileChangesNothingAndNamesEveryLine() throws {
    let test = try TestProject()
    try test.importStandard()
    let path = try test.write(
      "bad.csv",
      "record,verdict,criteria\nR000001,include,\nR000099,include,\ndoi:10.9/none,exclude,\nR000003,exclude,E9\nR000001,maybe,\n"
    )
    do {
      _ = try DecisionsImport.run(path: path, options: .init(reviewer: "CML", stage: .title), project: test.project)
      Issue.record("should fail")
    } catch {
      let text = "\(error)"
      #expect(text.contains("bad.csv:3: error: no record R000099"))
      #expect(text.contains("bad.csv:4: error: no record with DOI 10.9/none"))
      #expect(text.contains("bad.csv:5: error: unknown criterion `E9`"))
      #expect(text.contains("bad.csv:6: error: R000001 is decided twice"))
      #expect(text.contains("nothing was stored"))
    }
    #expect(try test.project.store.read { try $0.decisionHistory() }.isEmpty)
  }

  @Test(arguments: [
    ("record,verdict\nR000001,perhaps\n", "is not include, exclude or maybe"),
    ("rec,verdict\nR000001,include\n", "unknown column `rec`"),
    ("record,verdict\n\"R000001,include\n", "quoted field is not closed"),
  ])
  func malformedFiles(csv: String, message: String) throws {
    let test = try TestProject()
    try test.importStandard()
    let path = try test.write("bad.csv", csv)
    #expect {
      try DecisionsImport.run(path: path, options: .init(reviewer: "CML", stage: .title), project: test.project)
    } throws: { error in
      "\(error)".contains(message)
    }
  }

  @Test func reviewerMayChangeTheirDecisionWithHistoryKept() throws {
    let test = try TestProject()
    try test.importStandard()
    try test.decide("CML", .title, "record,verdict\nR000001,include\n")
    try test.decide("CML", .title, "record,verdict,criteria\nR000001,exclude,E1\n")
    let history = try test.project.store.read { try $0.decisionHistory() }
    #expect(history.count == 2)
    let export = try DecisionsExport.run(project: test.project, stage: nil, reviewer: "CML", all: false, history: false)
    #expect(export.csv.contains("R000001,title,CML,exclude,E1,"))
    #expect(!export.csv.contains("include"))
  }

  @Test func exportIsBlindedUntilEveryReviewerDecided() throws {
    let test = try TestProject()
    try test.importStandard()
    try test.decide("CML", .title, "record,verdict,criteria,note,time\nR000001,include,,,2024-01-02T10:00:00Z\n")
    var export = try DecisionsExport.run(project: test.project, stage: nil, reviewer: nil, all: false, history: false)
    #expect(export.withheld == 1)
    #expect(export.csv == "record,stage,reviewer,verdict,criteria,note,time,study\n")
    try test.decide("LJ", .title, "record,verdict,criteria,note,time\nR000001,exclude,E1,\"a, b\",2024-01-03\n")
    export = try DecisionsExport.run(project: test.project, stage: .title, reviewer: nil, all: false, history: false)
    #expect(
      export.csv == """
        record,stage,reviewer,verdict,criteria,note,time,study
        R000001,title,CML,include,,,2024-01-02T10:00:00Z,
        R000001,title,LJ,exclude,E1,"a, b",2024-01-03T00:00:00Z,

        """)
  }

  @Test func exportRoundTripsThroughImport() throws {
    let test = try TestProject()
    try test.importStandard()
    try test.decide("CML", .title, "record,verdict,criteria,note,time\nR000001,include,,,2024-01-02T10:00:00Z\n")
    try test.decide("LJ", .title, "record,verdict,criteria,note,time\nR000001,include,,,2024-01-02T11:00:00Z\n")
    let export = try DecisionsExport.run(project: test.project, stage: nil, reviewer: "CML", all: false, history: false)
    let path = try test.write("export.csv", export.csv)
    let summary = try DecisionsImport.run(path: path, options: .init(reviewer: "CML"), project: test.project)
    #expect(summary.contains("0 decisions recorded, 1 unchanged"))
  }

  @Test func agreementPerStage() throws {
    let test = try TestProject()
    try test.importStandard()
    try test.decide("CML", .title, "record,verdict\nR000001,include\nR000003,include\nR000004,exclude\n")
    try test.decide("LJ", .title, "record,verdict\nR000001,include\nR000003,exclude\nR000004,exclude\n")
    let results = try ProjectAgreement.compute(project: test.project, stage: .title)
    #expect(results.count == 1)
    #expect(results[0].table.counts == [[1, 1], [0, 1]])
    let text = ProjectAgreement.text(results)
    // po = 2/3, pe = (2/3·1/3) + (1/3·2/3) = 4/9, κ = (2/3 − 4/9)/(5/9) = 0.4.
    #expect(text.contains("raw agreement 0.667; Cohen's kappa 0.400"))
    #expect(text.contains("PABAK 0.333"))
  }

  @Test func asreviewExportIsMatchedByDOIThenTitle() throws {
    let test = try TestProject()
    try test.importStandard()
    // Before de-duplication the DOI names two unrelated records: ambiguous.
    let ambiguous = try test.write("a.csv", "included,doi,title\n1,10.1000/a,x\n")
    #expect {
      try DecisionsImport.run(
        path: ambiguous, options: .init(format: .asreview, reviewer: "LJ", stage: .title), project: test.project)
    } throws: { "\($0)".contains("matches several records") }
    _ = try ProjectDedup.run(projectPath: test.root.path)
    let path = try test.write(
      "asreview.csv",
      """
      record_id,title,abstract,doi,included
      0,Therapeutic alliance in online therapy,,https://doi.org/10.1000/A,1
      1,Alliance in Email Counselling!,,,0
      2,Old study of alliance,,,
      """)
    let summary = try DecisionsImport.run(
      path: path, options: .init(format: .asreview, reviewer: "LJ", stage: .title), project: test.project)
    #expect(summary.contains("2 decisions recorded"))
    let export = try DecisionsExport.run(project: test.project, stage: nil, reviewer: "LJ", all: false, history: false)
    #expect(export.csv.contains("R000001,title,LJ,include"))
    #expect(export.csv.contains("R000003,title,LJ,exclude"))
  }

  @Test func rayyanInclusionNotesGiveTheNamedReviewersVerdict() throws {
    let test = try TestProject()
    try test.importStandard()
    _ = try ProjectDedup.run(projectPath: test.root.path)
    let path = try test.write(
      "rayyan.csv",
      """
      key,title,year,url,notes
      1,Therapeutic alliance in online therapy,2010,https://doi.org/10.1000/a,"RAYYAN-INCLUSION: {""Lisa""=>""Excluded"", ""Carla""=>""Included""} | RAYYAN-EXCLUSION-REASONS: wrong population"
      2,Alliance in email counselling,2015,,"RAYYAN-INCLUSION: {""Carla""=>""Maybe""}"
      """)
    _ = try DecisionsImport.run(
      path: path, options: .init(format: .rayyan, reviewer: "LJ", stage: .title, rayyanName: "Lisa"),
      project: test.project)
    let export = try DecisionsExport.run(project: test.project, stage: nil, reviewer: "LJ", all: false, history: false)
    #expect(export.csv.contains("R000001,title,LJ,exclude,,Rayyan exclusion reasons: wrong population"))
    #expect(!export.csv.contains("R000003"))
    #expect(
      ForeignDecisions.inclusion(in: "RAYYAN-INCLUSION: {\"A\"=>\"Included\", \"B\"=>\"Excluded\"}") == [
        "A": "Included", "B": "Excluded",
      ])
  }

  @Test func otherMethodsSourceIsKept() throws {
    let test = try TestProject()
    let path = try test.write("snowball.ris", TestProject.ris(title: "Found by citation", year: 2012, id: "C1"))
    let report = try ProjectImport.run(
      project: test.project, paths: [path], source: try ImportSource(parsing: "other-methods:Citation searching"))[0]
    #expect(report.sources == ["Citation searching": 1])
    let flow = try ProjectFlow.load(project: test.project)
    #expect(flow.records.first?.source == "Citation searching")
    #expect(throws: ProjectError.self) { try ImportSource(parsing: "elsewhere:X") }
  }

  @Test func screeningSessionResumesAndUndoes() throws {
    let test = try TestProject()
    try test.importStandard()
    var session = try ScreeningSession(project: test.project, reviewer: "CML", stage: .title)
    #expect(session.total == 5 && session.done == 0)
    #expect(session.current == "R000001")
    try session.decide(.include)
    session.skip()
    try session.decide(.exclude)
    #expect(session.current == "R000004")
    #expect(try session.undo() == "R000003")
    #expect(session.current == "R000003")
    // A new session resumes at the first undecided record.
    let resumed = try ScreeningSession(project: test.project, reviewer: "CML", stage: .title)
    #expect(resumed.done == 1)
    #expect(resumed.current == "R000002")
    let card = try resumed.card("R000001", width: 80, style: .plain)
    #expect(card.contains("Therapeutic **alliance** in online therapy"))
    #expect(!card.contains("About the"))  // no abstract at the title stage
    // The other reviewer's session shows nothing of CML's verdicts.
    let other = try ScreeningSession(project: test.project, reviewer: "LJ", stage: .title)
    #expect(other.done == 0 && other.current == "R000001")
  }
}

@Suite struct ProjectLifecycleTests {
  /// A richer duplicate imported after screening started does not orphan the screened record's decisions.
  @Test func screenedRecordStaysPrimaryWhenARicherDuplicateArrives() throws {
    let test = try TestProject()
    // The first record is poor (no abstract, journal, language or authors): the engine would keep the richer one.
    let first = try test.write("a.ris", "TY  - JOUR\nTI  - Alliance online\nPY  - 2010\nDO  - 10.1/x\nER  - \n")
    _ = try ProjectImport.run(
      project: test.project, paths: [first], source: ImportSource(name: "Scopus", column: .databases))
    try test.decide("CML", .title, "record,verdict\nR000001,include\n")
    let richer = try test.write(
      "b.ris",
      TestProject.ris(
        title: "Alliance online", year: 2010, doi: "10.1/x", id: "B1", authors: ["Smith, J.", "Jones, K.", "Lee, M."],
        abstract: "A much longer abstract about the alliance in online therapy."))
    _ = try ProjectImport.run(
      project: test.project, paths: [richer], source: ImportSource(name: "PsycINFO", column: .databases))
    _ = try ProjectDedup.run(projectPath: test.root.path)
    let flow = try ProjectFlow.load(project: test.project)
    #expect(flow.records.first { $0.id == "R000002" }?.fate == .duplicate(of: "R000001"))
    #expect(flow.records.first { $0.id == "R000001" }?.fate == .awaiting(stage: .title))
  }

  @Test func keepScreenedPrimaryMovesThePrimary() {
    let cluster = DuplicateCluster(
      id: "c-R1", primary: "R2",
      members: [ClusterMember(key: "R2", reason: "primary"), ClusterMember(key: "R1", reason: "doi")])
    let kept = ProjectDedup.keepScreenedPrimary(cluster, screened: ["R1"])
    #expect(kept.primary == "R1")
    #expect(kept.members.map(\.key) == ["R1", "R2"])
    #expect(ProjectDedup.keepScreenedPrimary(cluster, screened: ["R2"]) == cluster)
    #expect(ProjectDedup.keepScreenedPrimary(cluster, screened: []) == cluster)
  }

  @Test func resolutionsFromAFileAndStudiesWithSeveralReports() throws {
    let test = try TestProject()
    try test.importStandard()
    _ = try ProjectDedup.run(projectPath: test.root.path)
    _ = try ProjectRules.run(project: test.project)
    try test.decide("CML", .title, "record,verdict\nR000001,include\nR000003,exclude\n")
    try test.decide("LJ", .title, "record,verdict\nR000001,include\nR000003,include\n")
    let resolutions = try test.write("title-resolved.csv", "record,verdict,note\nR000003,include,talked\n")
    let summary = try DecisionsImport.run(
      path: resolutions, options: .init(stage: .title, resolveBy: "CML"), project: test.project)
    #expect(summary.contains("1 resolutions recorded"))
    for stage in [Stage.abstract, .fullText] {
      let csv = "record,verdict,criteria,note,time,study\nR000001,include,,,,S1\nR000003,include,,,,S1\n"
      try test.decide("CML", stage, stage == .fullText ? csv : "record,verdict\nR000001,include\nR000003,include\n")
      try test.decide("LJ", stage, "record,verdict\nR000001,include\nR000003,include\n")
    }
    let flow = try ProjectFlow.load(project: test.project)
    let included = flow.records.filter { if case .included = $0.fate { return true } else { return false } }
    #expect(included.map(\.id) == ["R000001", "R000003"])
    #expect(Set(included.map(\.fate)) == [.included(study: "S1")])
    let export = try DecisionsExport.run(
      project: test.project, stage: .fullText, reviewer: nil, all: false, history: false)
    #expect(export.csv.split(separator: "\n").filter { $0.hasSuffix(",S1") }.count == 4)
    let status = try ProjectStatus.text(project: test.project)
    #expect(status.contains("records: 5 from 2 files; duplicates: 1; excluded by automation: 2"), "\(status)")
    #expect(status.contains("title: 2 reached; decided: CML 2/2, LJ 2/2; final 2, conflicts 0, in progress 0"))
    #expect(status.contains("included: 2 reports of 1 studies"))
    // A study label at title is refused.
    #expect(throws: ProjectError.self) {
      try test.decide("LJ", .title, "record,verdict,study\nR000001,include,S9\n")
    }
  }

  @Test func maybeAsItsOwnVerdictNeedsResolution() throws {
    let text = TestProject.protocolText.replacingOccurrences(
      of: "screening:\n  highlight: [alliance]", with: "screening:\n  maybe_counts_as_include: false")
    let test = try TestProject(protocolText: text)
    try test.importStandard()
    try test.decide("CML", .title, "record,verdict\nR000001,maybe\nR000003,maybe\n")
    try test.decide("LJ", .title, "record,verdict\nR000001,include\nR000003,maybe\n")
    let conflicts = try ProjectConflicts.list(project: test.project, stage: .title)
    #expect(conflicts.map(\.recordID) == ["R000001", "R000003"])
    let agreement = try ProjectAgreement.compute(project: test.project, stage: .title)
    #expect(agreement.first?.table.categories == [.include, .exclude, .maybe])
  }
}
