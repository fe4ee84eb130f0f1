import SiftCore
import SiftScreen
import SiftStore

/// The fate of every record of a project, for PRISMA 2020 (see ``SiftCore/FlowInput``).
public enum ProjectFlow {
  /// Loads the project at `projectPath` (its folder, or a folder inside it) and derives each record's source and fate.
  public static func load(projectPath: String) throws -> FlowInput {
    try load(project: Project.open(near: projectPath))
  }

  public static func load(project: Project) throws -> FlowInput {
    let rows = try project.store.read { access in try access.projectRows() }
    return derive(rows: rows, review: project.review)
  }

  /// Each record's source and fate from `rows` (e.g. of a team store), for the PRISMA 2020 diagram.
  public static func derive(rows: ProjectRows, review: ReviewProtocol) -> FlowInput {
    let snapshot = ScreeningSnapshot(rows: rows, review: review)
    var sources: [FlowSource] = review.databases.map { FlowSource(name: $0.name, column: .databases) }
    sources += (review.registers ?? []).map { FlowSource(name: $0.name, column: .registers) }
    sources += (review.otherMethods ?? []).map { FlowSource(name: $0.name, column: .otherMethods) }
    let known = Set(sources.map(\.name))
    let columns = Dictionary(
      rows.imports.filter { !$0.source.isEmpty }.map { ($0.source, $0.sourceColumn) },
      uniquingKeysWith: { first, _ in first })
    let extra = Set(snapshot.sources.values).subtracting(known).sorted()
    sources += extra.map { FlowSource(name: $0, column: FlowColumn(rawValue: columns[$0] ?? "") ?? .databases) }
    let records = snapshot.recordIDs.map { id in
      FlowRecord(id: id, source: snapshot.sources[id] ?? "Unknown", fate: fate(id, snapshot: snapshot, review: review))
    }
    return FlowInput(
      records: records, stages: review.stages, criteria: review.criteria, sources: sources,
      previousReview: review.previousReview)
  }

  static func fate(_ id: String, snapshot: ScreeningSnapshot, review: ReviewProtocol) -> Fate {
    if let primary = snapshot.duplicateOf[id] { return .duplicate(of: primary) }
    if let criterion = snapshot.automation[id]?.first { return .automation(criterion: criterion) }
    let outcome = snapshot.policy.outcome(
      decisions: snapshot.decisions[id] ?? [:], resolutions: snapshot.resolutions[id] ?? [:])
    let retrievalStage = review.stages.contains(.fullText) ? Stage.fullText : nil
    switch outcome {
    case .excluded(let stage, let criteria):
      return .excluded(stage: stage, criteria: criteria)
    case .at(let stage, _):
      if stage == retrievalStage, snapshot.notRetrieved.contains(id) { return .notRetrieved }
      return .awaiting(stage: stage)
    case .passed:
      if retrievalStage == nil, snapshot.notRetrieved.contains(id) { return .notRetrieved }
      return .included(study: snapshot.studies[id])
    }
  }
}
