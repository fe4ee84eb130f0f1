import SiftCore
import SiftScreen
import SiftStore

/// Screening use cases on a project: record decisions and resolutions, list conflicts, the reviewer's queue.
public enum ProjectScreening {
  /// Records `inputs` in one transaction after checking every one; any problem: nothing stored, and the error lists
  /// each problem with its origin.
  @discardableResult
  public static func record(_ inputs: [DecisionInput], project: Project) throws -> RecordingSummary {
    let review = project.review
    let now = SiftClock.now()
    return try project.store.write { access in
      let (ids, snapshot, resolveProblems) = try prepare(inputs.map(\.reference), access: access, review: review)
      var problems: [String] = []
      var seen: [String: String] = [:]
      var checked: [(DecisionInput, String, String)] = []
      for (index, input) in inputs.enumerated() {
        do {
          try DecisionCheck.check(
            reviewer: input.reviewer, stage: input.stage, verdict: input.verdict ?? .include,
            criteria: input.verdict == nil ? [] : input.criteria, review: review)
          if let problem = resolveProblems[index] { throw problem }
          guard let id = ids[index] else { continue }
          try checkReached(id, stage: input.stage, snapshot: snapshot)
          let key = "\(id)|\(input.stage.rawValue)|\(input.reviewer)"
          if let previous = seen[key] {
            throw ProjectError(
              "\(id) is decided twice for \(input.reviewer) at \(input.stage.rawValue) (first at \(previous))")
          }
          seen[key] = input.origin
          try checkStudy(input.study, stage: input.stage, verdict: input.verdict)
          checked.append((input, id, try resolveTime(input.time, now: now)))
        } catch {
          problems.append("\(input.origin): error: \(error)")
        }
      }
      if !problems.isEmpty { throw ProjectError(inputs.count == 1 ? problems[0] : problemText(problems)) }
      var summary = RecordingSummary()
      for (input, id, time) in checked {
        let added = try access.appendDecision(
          recordID: id, stage: input.stage.rawValue, reviewer: input.reviewer, verdict: input.verdict?.rawValue,
          criteria: snapshot.policy.ordered(input.criteria), note: input.note, time: time)
        if added { summary.added += 1 } else { summary.unchanged += 1 }
        if let study = input.study, !study.isEmpty { try access.linkStudy(recordID: id, study: study, time: time) }
      }
      return summary
    }
  }

  /// Records consensus decisions in one transaction after checking every one.
  @discardableResult
  public static func resolve(_ inputs: [ResolutionInput], project: Project) throws -> RecordingSummary {
    let review = project.review
    let now = SiftClock.now()
    return try project.store.write { access in
      let (ids, snapshot, resolveProblems) = try prepare(inputs.map(\.reference), access: access, review: review)
      var problems: [String] = []
      var checked: [(ResolutionInput, String, String)] = []
      var seen: Set<String> = []
      for (index, input) in inputs.enumerated() {
        do {
          try DecisionCheck.check(
            reviewer: nil, stage: input.stage, verdict: input.verdict, criteria: input.criteria, review: review)
          if input.by.trimmingSpaces.isEmpty { throw ProjectError("--by: say who resolved it") }
          if let problem = resolveProblems[index] { throw problem }
          guard let id = ids[index] else { continue }
          try checkReached(id, stage: input.stage, snapshot: snapshot)
          guard seen.insert("\(id)|\(input.stage.rawValue)").inserted else {
            throw ProjectError("\(id) is resolved twice at \(input.stage.rawValue)")
          }
          try checkStudy(input.study, stage: input.stage, verdict: input.verdict)
          checked.append((input, id, try resolveTime(input.time, now: now)))
        } catch {
          problems.append("\(input.origin): error: \(error)")
        }
      }
      if !problems.isEmpty { throw ProjectError(inputs.count == 1 ? problems[0] : problemText(problems)) }
      var summary = RecordingSummary()
      for (input, id, time) in checked {
        let added = try access.appendResolution(
          recordID: id, stage: input.stage.rawValue, verdict: input.verdict.rawValue,
          criteria: snapshot.policy.ordered(input.criteria), by: input.by, note: input.note, time: time)
        if added { summary.added += 1 } else { summary.unchanged += 1 }
        if let study = input.study, !study.isEmpty { try access.linkStudy(recordID: id, study: study, time: time) }
      }
      return summary
    }
  }

  /// Checks one decision as `sift screen` does (reviewer, stage and criteria fit the protocol; the record has reached
  /// the stage; a study label only with a full-text include) against `rows`, e.g. from a team store. `reference` must
  /// be a record id (`R000012`). Returns the record id; throws the same messages as the CLI.
  public static func check(_ input: DecisionInput, rows: ProjectRows, review: ReviewProtocol) throws -> String {
    try DecisionCheck.check(
      reviewer: input.reviewer, stage: input.stage, verdict: input.verdict ?? .include,
      criteria: input.verdict == nil ? [] : input.criteria, review: review)
    let id = try recordID(input.reference, rows: rows)
    try checkReached(id, stage: input.stage, snapshot: ScreeningSnapshot(rows: rows, review: review))
    try checkStudy(input.study, stage: input.stage, verdict: input.verdict)
    return id
  }

  /// Checks one resolution as `sift resolve` does, against `rows`. Returns the record id.
  public static func check(_ input: ResolutionInput, rows: ProjectRows, review: ReviewProtocol) throws -> String {
    try DecisionCheck.check(
      reviewer: nil, stage: input.stage, verdict: input.verdict, criteria: input.criteria, review: review)
    if input.by.trimmingSpaces.isEmpty { throw ProjectError("--by: say who resolved it") }
    let id = try recordID(input.reference, rows: rows)
    try checkReached(id, stage: input.stage, snapshot: ScreeningSnapshot(rows: rows, review: review))
    try checkStudy(input.study, stage: input.stage, verdict: input.verdict)
    return id
  }

  /// The record id a reference names among `rows` (`R000012` or `R12`).
  static func recordID(_ reference: String, rows: ProjectRows) throws -> String {
    let text = reference.trimmingSpaces
    guard let first = text.first, first == "R" || first == "r", let number = Int(text.dropFirst()), number > 0 else {
      throw ProjectError("`\(text)` does not name a record; write its id (R000012)")
    }
    let id = StoreAccess.recordID(seq: number)
    guard rows.recordSources.contains(where: { $0.id == id }) else {
      throw ProjectError("no record \(id) in this project (`sift import` assigns R000001…)")
    }
    return id
  }

  /// Throws, saying why, unless the record has reached `stage`.
  static func checkReached(_ id: String, stage: Stage, snapshot: ScreeningSnapshot) throws {
    guard snapshot.hasReached(id, stage: stage) else {
      throw ProjectError("\(id) has not reached stage \(stage.rawValue): \(snapshot.whyNotReached(id, stage: stage))")
    }
  }

  /// A study label is only taken with an include at full text.
  static func checkStudy(_ study: String?, stage: Stage, verdict: Verdict?) throws {
    if let study, !study.isEmpty, stage != .fullText || verdict != .include {
      throw ProjectError("a `study` label is only taken with an include at full-text")
    }
  }

  /// Resolves every reference (problems by index) and reads the screening state of the records named (all records
  /// when there are many).
  static func prepare(_ references: [String], access: StoreAccess, review: ReviewProtocol) throws -> (
    ids: [String?], snapshot: ScreeningSnapshot, problems: [Int: ProjectError]
  ) {
    let resolver = RecordResolver(access: access)
    var ids: [String?] = []
    var problems: [Int: ProjectError] = [:]
    for (index, reference) in references.enumerated() {
      do {
        ids.append(try resolver.resolve(reference))
      } catch let error as ProjectError {
        ids.append(nil)
        problems[index] = error
      }
    }
    let named = Array(Set(ids.compactMap { $0 })).sorted()
    let snapshot = try ScreeningSnapshot(access: access, review: review, only: named.count <= 500 ? named : nil)
    return (ids, snapshot, problems)
  }

  static func resolveTime(_ text: String?, now: String) throws -> String {
    guard let text, !text.isEmpty else { return now }
    guard let time = SiftClock.normalise(text) else {
      throw ProjectError("time `\(text)` is not ISO 8601 (e.g. 2024-03-05T14:30:00Z or 2024-03-05)")
    }
    return time
  }

  static func problemText(_ problems: [String]) -> String {
    let shown = problems.prefix(50).joined(separator: "\n")
    let more = problems.count > 50 ? "\n… and \(problems.count - 50) more problems" : ""
    return shown + more + "\nnothing was stored; fix the problems and run the command again"
  }

  /// A reviewer's work at a stage: records still to decide (id order), decided, and the total reached.
  public struct Queue: Sendable, Hashable {
    public var todo: [String]
    public var done: Int
    public var total: Int
    public init(todo: [String], done: Int, total: Int) {
      self.todo = todo
      self.done = done
      self.total = total
    }
  }

  /// The records `reviewer` still has to decide at `stage`, for `sift screen` (resumes where they stopped).
  public static func queue(project: Project, reviewer: String, stage: Stage) throws -> Queue {
    try DecisionCheck.check(reviewer: reviewer, stage: stage, verdict: .include, criteria: [], review: project.review)
    let review = project.review
    let rows = try project.store.read { access in try access.projectRows() }
    return queue(rows: rows, review: review, reviewer: reviewer, stage: stage)
  }

  /// The records `reviewer` still has to decide at `stage` in `rows` (import order), how many are decided, and how
  /// many reached the stage. The reviewer and stage are not checked here (``DecisionCheck``).
  public static func queue(rows: ProjectRows, review: ReviewProtocol, reviewer: String, stage: Stage) -> Queue {
    let snapshot = ScreeningSnapshot(rows: rows, review: review)
    let reached = snapshot.recordIDs.filter { snapshot.hasReached($0, stage: stage) }
    let todo = reached.filter { snapshot.decisions[$0]?[stage]?[reviewer] == nil }
    return Queue(todo: todo, done: reached.count - todo.count, total: reached.count)
  }

  /// A record's normalised content.
  public static func content(of id: String, project: Project) throws -> Record {
    try project.store.read { access in
      guard let row = try access.record(id: id) else { throw ProjectError("no record \(id)") }
      return try RecordJSON.decode(row)
    }
  }
}
