import SiftCore

/// Checks a ``FlowInput`` before counting: every problem is collected, grouped, and names its records.
enum PrismaFlowCheck {
  static func problems(in flow: FlowInput) -> [PrismaProblem] {
    var problems = protocolProblems(flow)
    problems += duplicateIDs(flow)

    let sourceNames = Set(flow.sources.map(\.name))
    let stages = Set(flow.stages)
    let criteria = Set(flow.criteria.map(\.id))
    let recordIDs = Set(flow.records.map(\.id))

    var unknownSource = Grouped()
    var unknownStage = Grouped()
    var unknownCriterion = Grouped()
    var missingCriterion: [String] = []
    var unknownPrimary = Grouped()

    for record in flow.records {
      if !sourceNames.contains(record.source) { unknownSource.add(record.source, record.id) }
      switch record.fate {
      case .duplicate(let primary):
        if primary == record.id {
          unknownPrimary.add("itself", record.id)
        } else if !recordIDs.contains(primary) {
          unknownPrimary.add("`\(primary)`", record.id)
        }
      case .automation(let criterion):
        if !criteria.contains(criterion) { unknownCriterion.add(criterion, record.id) }
      case .excluded(let stage, let reasons):
        if !stages.contains(stage) { unknownStage.add(stage.rawValue, record.id) }
        if stage == .fullText && reasons.isEmpty { missingCriterion.append(record.id) }
        for reason in reasons where !criteria.contains(reason) { unknownCriterion.add(reason, record.id) }
      case .awaiting(let stage):
        if !stages.contains(stage) { unknownStage.add(stage.rawValue, record.id) }
      case .removedOther, .notRetrieved, .included:
        break
      }
    }

    let sourceList = flow.sources.map(\.name).joined(separator: ", ")
    for (name, ids) in unknownSource.groups {
      problems.append(
        PrismaProblem(
          kind: .unknownSource,
          message:
            "\(count(ids)) \(verb(ids, "names", "name")) source `\(name)`, which the protocol does not list (sources: \(sourceList)). "
            + "Add the source to protocol.yaml or correct the records' source.",
          records: ids))
    }
    let stageList = flow.stages.map(\.rawValue).joined(separator: ", ")
    for (stage, ids) in unknownStage.groups {
      problems.append(
        PrismaProblem(
          kind: .unknownStage,
          message:
            "\(count(ids)) \(verb(ids, "has", "have")) a decision at stage `\(stage)`, which the protocol does not list "
            + "(stages: \(stageList)). Add the stage to protocol.yaml or correct the decisions.",
          records: ids))
    }
    if !missingCriterion.isEmpty {
      problems.append(
        PrismaProblem(
          kind: .missingCriterion,
          message:
            "\(count(missingCriterion)) \(verb(missingCriterion, "was", "were")) excluded at full text without a criterion; PRISMA reports a reason for "
            + "every excluded report. Record the criterion of each exclusion.",
          records: missingCriterion))
    }
    let criterionList = flow.criteria.map(\.id).joined(separator: ", ")
    for (criterion, ids) in unknownCriterion.groups {
      problems.append(
        PrismaProblem(
          kind: .unknownCriterion,
          message:
            "\(count(ids)) \(verb(ids, "names", "name")) criterion `\(criterion)`, which the protocol does not list "
            + "(criteria: \(criterionList)). Add it to protocol.yaml or correct the decisions.",
          records: ids))
    }
    for (primary, ids) in unknownPrimary.groups {
      problems.append(
        PrismaProblem(
          kind: .unknownPrimary,
          message:
            "\(count(ids)) \(verb(ids, "is", "are")) marked as duplicates of \(primary), which is not a record of the project. "
            + "Re-run `sift dedup` or correct the duplicate's primary record.",
          records: ids))
    }
    return problems
  }

  private static func protocolProblems(_ flow: FlowInput) -> [PrismaProblem] {
    var problems: [PrismaProblem] = []
    func add(_ message: String) {
      problems.append(PrismaProblem(kind: .invalidProtocol, message: message, records: []))
    }
    for stage in repeats(flow.stages.map(\.rawValue)) {
      add("The protocol lists stage `\(stage)` more than once; list each stage once, in order.")
    }
    if let index = flow.stages.firstIndex(of: .fullText), index != flow.stages.count - 1 {
      add("The protocol lists stage `full-text` before other stages; full text must be the last stage.")
    }
    for name in repeats(flow.sources.map(\.name)) {
      add("The protocol lists source `\(name)` more than once; give each database, register or method once.")
    }
    for id in repeats(flow.criteria.map(\.id)) {
      add("The protocol lists criterion `\(id)` more than once; criterion ids must be unique.")
    }
    return problems
  }

  private static func duplicateIDs(_ flow: FlowInput) -> [PrismaProblem] {
    let ids = repeats(flow.records.map(\.id))
    guard !ids.isEmpty else { return [] }
    return [
      PrismaProblem(
        kind: .duplicateRecordID,
        message:
          "\(count(ids)) \(verb(ids, "appears", "appear")) more than once in the input; each record must have one fate.",
        records: ids)
    ]
  }

  /// Values that occur more than once, in order of their second occurrence, each once.
  private static func repeats(_ values: [String]) -> [String] {
    var seen = Set<String>()
    var reported = Set<String>()
    var result: [String] = []
    for value in values where !seen.insert(value).inserted && reported.insert(value).inserted {
      result.append(value)
    }
    return result
  }

  private static func verb(_ ids: [String], _ singular: String, _ plural: String) -> String {
    ids.count == 1 ? singular : plural
  }

  private static func count(_ ids: [String]) -> String {
    ids.count == 1 ? "1 record" : "\(ids.count) records"
  }

  /// Record ids grouped by a key, groups in order of first appearance.
  private struct Grouped {
    private(set) var groups: [(key: String, ids: [String])] = []
    private var index: [String: Int] = [:]
    mutating func add(_ key: String, _ id: String) {
      if let at = index[key] {
        if groups[at].ids.last != id { groups[at].ids.append(id) }
      } else {
        index[key] = groups.count
        groups.append((key, [id]))
      }
    }
  }
}
