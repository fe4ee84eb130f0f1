import SiftCore

extension PrismaCounts {
  /// Derives the counts from the records' fates, after checking the input and verifying every identity.
  /// - Throws: ``PrismaError`` listing each problem with the ids of the records concerned.
  public init(flow: FlowInput) throws(PrismaError) {
    let problems = PrismaFlowCheck.problems(in: flow)
    guard problems.isEmpty else { throw PrismaError(problems: problems) }
    self = PrismaDerivation(flow: flow).counts()
    try verify()
  }
}

/// Where one record ended, in the terms of the diagram.
enum PrismaPath: Hashable {
  enum Removal: Hashable { case duplicate, automation, other }
  case removed(Removal)
  /// Stopped at pre-full-text screening step `step` (excluded, or awaiting a decision).
  case screenedOut(step: Int, awaiting: Bool)
  case notRetrieved
  case fullTextExcluded(criterion: String, reasons: Int)
  case fullTextAwaiting
  case included(study: String?)

  /// Whether the record was screened at pre-full-text step `step`.
  func reaches(step: Int) -> Bool {
    switch self {
    case .removed: false
    case .screenedOut(let last, _): last >= step
    default: true
    }
  }

  var isSought: Bool {
    switch self {
    case .removed, .screenedOut: false
    default: true
    }
  }

  var isAssessed: Bool { isSought && self != .notRetrieved }
}

/// Counting, column by column. Assumes ``PrismaFlowCheck`` found no problem.
struct PrismaDerivation {
  let flow: FlowInput
  let steps: [Stage]

  init(flow: FlowInput) {
    self.flow = flow
    self.steps = flow.stages.filter { $0 != .fullText }
  }

  func path(_ fate: Fate) -> PrismaPath {
    switch fate {
    case .duplicate: .removed(.duplicate)
    case .automation: .removed(.automation)
    case .removedOther: .removed(.other)
    case .excluded(let stage, let criteria):
      if stage == .fullText {
        .fullTextExcluded(criterion: criteria.first ?? "", reasons: criteria.count)
      } else {
        .screenedOut(step: steps.firstIndex(of: stage) ?? 0, awaiting: false)
      }
    case .awaiting(let stage):
      stage == .fullText ? .fullTextAwaiting : .screenedOut(step: steps.firstIndex(of: stage) ?? 0, awaiting: true)
    case .notRetrieved: .notRetrieved
    case .included(let study): .included(study: study)
    }
  }

  typealias Entry = (id: String, path: PrismaPath)

  func counts() -> PrismaCounts {
    let column = Dictionary(flow.sources.map { ($0.name, $0.column) }, uniquingKeysWith: { first, _ in first })
    let all = flow.records.map { (record: $0, path: path($0.fate)) }
    let main = all.filter { column[$0.record.source] != .otherMethods }
    let other = all.filter { column[$0.record.source] == .otherMethods }
    let hasOtherColumn = flow.sources.contains { $0.column == .otherMethods }

    // Databases and registers.
    let identified = PrismaBox(
      id: "identified", label: "Records identified from", records: main.map(\.record.id),
      items: [
        sourceGroup(main, column: .databases, id: "identified.databases", label: "Databases"),
        sourceGroup(main, column: .registers, id: "identified.registers", label: "Registers"),
      ])
    let removed = PrismaBox(
      id: "removed", label: "Records removed before screening", records: ids(main) { $0.isRemoved },
      items: [
        PrismaItem(
          id: "removed.duplicates", label: "Duplicate records removed",
          records: ids(main) { $0 == .removed(.duplicate) }),
        PrismaItem(
          id: "removed.automation", label: "Records marked as ineligible by automation tools",
          records: ids(main) { $0 == .removed(.automation) }),
        PrismaItem(
          id: "removed.other", label: "Records removed for other reasons",
          records: ids(main) { $0 == .removed(.other) }),
      ])
    var screening: [PrismaScreeningStep] = []
    for (step, stage) in steps.enumerated() {
      let qualifier = steps.count == 1 ? "" : " (\(stage.displayName.lowercased()))"
      let awaiting = ids(main) { $0 == .screenedOut(step: step, awaiting: true) }
      screening.append(
        PrismaScreeningStep(
          stage: stage,
          screened: PrismaBox(
            id: "screened.\(stage.rawValue)", label: "Records screened\(qualifier)",
            records: ids(main) { $0.reaches(step: step) },
            awaiting: awaitingItem("screened.\(stage.rawValue).awaiting", awaiting)),
          excluded: PrismaBox(
            id: "excluded.\(stage.rawValue)", label: "Records excluded\(qualifier)",
            records: ids(main) { $0 == .screenedOut(step: step, awaiting: false) })))
    }
    let chain = retrievalChain(main, prefix: "")

    // Other methods.
    var otherMethods: PrismaOtherMethods?
    if hasOtherColumn {
      let otherChain = retrievalChain(other, prefix: "other.")
      let notSoughtRecords = ids(other) { !$0.isSought }
      let notSought = PrismaBox(
        id: "other.not-sought", label: "Records not sought for retrieval", records: notSoughtRecords,
        items: [
          PrismaItem(
            id: "other.not-sought.duplicates", label: "Duplicate records removed",
            records: ids(other) { $0 == .removed(.duplicate) }),
          PrismaItem(
            id: "other.not-sought.automation", label: "Records marked as ineligible by automation tools",
            records: ids(other) { $0 == .removed(.automation) }),
          PrismaItem(
            id: "other.not-sought.other", label: "Records removed for other reasons",
            records: ids(other) { $0 == .removed(.other) }),
          PrismaItem(
            id: "other.not-sought.excluded", label: "Records excluded at screening",
            records: ids(other) { if case .screenedOut(_, false) = $0 { true } else { false } }),
          PrismaItem(
            id: "other.not-sought.awaiting", label: "Records awaiting a screening decision",
            records: ids(other) { if case .screenedOut(_, true) = $0 { true } else { false } }),
        ].filter { $0.n > 0 })
      otherMethods = PrismaOtherMethods(
        identified: PrismaBox(
          id: "other.identified", label: "Records identified from", records: other.map(\.record.id),
          items: flow.sources.filter { $0.column == .otherMethods }.enumerated().map { index, source in
            PrismaItem(
              id: "other.identified.\(index + 1)", label: source.name,
              records: other.filter { $0.record.source == source.name }.map(\.record.id))
          }),
        notSought: notSoughtRecords.isEmpty ? nil : notSought,
        sought: otherChain.sought, notRetrieved: otherChain.notRetrieved, assessed: otherChain.assessed,
        reportsExcluded: otherChain.excluded)
    }

    // Included.
    let includedReports = ids(all.map { (id: $0.record.id, path: $0.path) }) {
      if case .included = $0 { true } else { false }
    }
    var studies: [String] = []
    var seenStudies = Set<String>()
    for entry in all {
      guard case .included(let study) = entry.path else { continue }
      if let study {
        if seenStudies.insert(study).inserted { studies.append(study) }
      } else {
        studies.append("")
      }
    }
    let updated = flow.previousReview != nil
    let included = PrismaBox(
      id: "included", label: updated ? "New studies included in review" : "Studies included in review",
      n: studies.count, records: includedReports,
      items: [
        PrismaItem(
          id: "included.studies", label: updated ? "New studies included in review" : "Studies included in review",
          n: studies.count, records: includedReports),
        PrismaItem(
          id: "included.reports", label: updated ? "Reports of new included studies" : "Reports of included studies",
          records: includedReports),
      ])
    var previous: PrismaBox?
    var total: PrismaBox?
    if let review = flow.previousReview {
      previous = PrismaBox(
        id: "previous", label: "Studies included in previous version of review", n: review.studies, records: [],
        items: [
          PrismaItem(
            id: "previous.studies", label: "Studies included in previous version of review", n: review.studies,
            records: []),
          PrismaItem(
            id: "previous.reports", label: "Reports of studies included in previous version of review",
            n: review.reports, records: []),
        ])
      total = PrismaBox(
        id: "total", label: "Total studies included in review", n: studies.count + review.studies,
        records: includedReports,
        items: [
          PrismaItem(
            id: "total.studies", label: "Total studies included in review", n: studies.count + review.studies,
            records: includedReports),
          PrismaItem(
            id: "total.reports", label: "Reports of total included studies", n: includedReports.count + review.reports,
            records: includedReports),
        ])
    }

    return PrismaCounts(
      identified: identified, removed: removed, screening: screening, sought: chain.sought,
      notRetrieved: chain.notRetrieved, assessed: chain.assessed, reportsExcluded: chain.excluded,
      otherMethods: otherMethods, previous: previous, included: included, total: total,
      footnotes: footnotes(all.map(\.path)))
  }

  // MARK: Pieces

  private func ids(_ entries: [(record: FlowRecord, path: PrismaPath)], where test: (PrismaPath) -> Bool) -> [String] {
    entries.filter { test($0.path) }.map(\.record.id)
  }

  private func ids(_ entries: [Entry], where test: (PrismaPath) -> Bool) -> [String] {
    entries.filter { test($0.path) }.map(\.id)
  }

  private func awaitingItem(_ id: String, _ records: [String]) -> PrismaItem? {
    records.isEmpty ? nil : PrismaItem(id: id, label: "In progress, awaiting decision", records: records)
  }

  private func sourceGroup(
    _ entries: [(record: FlowRecord, path: PrismaPath)], column: FlowColumn, id: String, label: String
  ) -> PrismaItem {
    let sources = flow.sources.filter { $0.column == column }
    let items = sources.enumerated().map { index, source in
      PrismaItem(
        id: "\(id).\(index + 1)", label: source.name,
        records: entries.filter { $0.record.source == source.name }.map(\.record.id))
    }
    let names = Set(sources.map(\.name))
    return PrismaItem(
      id: id, label: label, records: entries.filter { names.contains($0.record.source) }.map(\.record.id),
      items: items)
  }

  private struct Chain {
    var sought, notRetrieved, assessed, excluded: PrismaBox
  }

  /// Sought → not retrieved → assessed → excluded with reasons, for one column.
  private func retrievalChain(_ entries: [(record: FlowRecord, path: PrismaPath)], prefix: String) -> Chain {
    let excludedEntries = entries.compactMap { entry -> (id: String, criterion: String)? in
      guard case .fullTextExcluded(let criterion, _) = entry.path else { return nil }
      return (entry.record.id, criterion)
    }
    let reasons = flow.criteria.compactMap { criterion -> PrismaItem? in
      let records = excludedEntries.filter { $0.criterion == criterion.id }.map(\.id)
      guard !records.isEmpty else { return nil }
      return PrismaItem(
        id: "\(prefix)reports-excluded.\(criterion.id)",
        label: criterion.isInclusion
          ? "\(criterion.id) not met: \(criterion.label)" : "\(criterion.id): \(criterion.label)",
        records: records)
    }
    return Chain(
      sought: PrismaBox(
        id: "\(prefix)sought", label: "Reports sought for retrieval", records: ids(entries) { $0.isSought }),
      notRetrieved: PrismaBox(
        id: "\(prefix)not-retrieved", label: "Reports not retrieved", records: ids(entries) { $0 == .notRetrieved }),
      assessed: PrismaBox(
        id: "\(prefix)assessed", label: "Reports assessed for eligibility", records: ids(entries) { $0.isAssessed },
        awaiting: awaitingItem("\(prefix)assessed.awaiting", ids(entries) { $0 == .fullTextAwaiting })),
      excluded: PrismaBox(
        id: "\(prefix)reports-excluded", label: "Reports excluded", records: excludedEntries.map(\.id),
        items: reasons))
  }

  private func footnotes(_ paths: [PrismaPath]) -> [String] {
    var notes: [String] = []
    let several = paths.filter {
      if case .fullTextExcluded(_, let reasons) = $0 { reasons > 1 } else { false }
    }.count
    if several > 0 {
      let reports = several == 1 ? "1 report was" : "\(several) reports were"
      notes.append(
        "\(reports) excluded for more than one reason; each excluded report is counted once, "
          + "under the first reason recorded.")
    }
    let awaiting = paths.filter {
      switch $0 {
      case .fullTextAwaiting, .screenedOut(_, true): true
      default: false
      }
    }.count
    if awaiting > 0 {
      notes.append(
        "Screening is in progress: \(awaiting) record\(awaiting == 1 ? " has" : "s have") no final decision yet "
          + "(shown as \u{201C}in progress\u{201D}).")
    }
    return notes
  }
}

extension PrismaPath {
  var isRemoved: Bool {
    if case .removed = self { true } else { false }
  }
}
