import SiftCore

/// Checks of a decoded protocol that its types alone cannot express.
enum ProtocolChecks {
  static func problems(_ review: ReviewProtocol) -> [ProtocolError.Problem] {
    var problems: [ProtocolError.Problem] = []
    func add(_ pointer: String, _ message: String) { problems.append(.init(pointer: pointer, message: message)) }

    if review.title.trimmingSpaces.isEmpty { add("/title", "must not be empty") }

    if review.reviewers.isEmpty { add("/reviewers", "list at least one reviewer (two for dual screening)") }
    var seenReviewers: Set<String> = []
    for (i, name) in review.reviewers.enumerated() {
      if name.trimmingSpaces.isEmpty || name != name.trimmingSpaces {
        add("/reviewers/\(i)", "a reviewer name must be non-empty without leading or trailing spaces")
      }
      if !seenReviewers.insert(name).inserted { add("/reviewers/\(i)", "`\(name)` is listed twice") }
    }

    var seenSources: Set<String> = []
    let lists: [(String, [SearchSource])] = [
      ("databases", review.databases), ("registers", review.registers ?? []),
      ("other_methods", review.otherMethods ?? []),
    ]
    for (key, list) in lists {
      for (i, source) in list.enumerated() {
        if source.name.trimmingSpaces.isEmpty { add("/\(key)/\(i)/name", "must not be empty") }
        if !seenSources.insert(source.name.lowercased()).inserted {
          add("/\(key)/\(i)/name", "`\(source.name)` is already a source; source names must be unique")
        }
      }
    }

    var seenCriteria: Set<String> = []
    for (i, criterion) in review.criteria.enumerated() {
      if !isCriterionID(criterion.id) {
        add("/criteria/\(i)/id", "`\(criterion.id)` is not a criterion id; expected I<n> or E<n>, e.g. I1, E2")
      }
      if !seenCriteria.insert(criterion.id).inserted {
        add("/criteria/\(i)/id", "`\(criterion.id)` is used twice; criterion ids must be unique")
      }
      if criterion.label.trimmingSpaces.isEmpty { add("/criteria/\(i)/label", "must not be empty") }
      if let rule = criterion.rule {
        for message in ruleProblems(rule) { add("/criteria/\(i)/rule", message) }
      }
    }

    problems += stageProblems(review.stages)

    if let dedup = review.dedup {
      for (key, value) in [("merge_threshold", dedup.mergeThreshold), ("review_threshold", dedup.reviewThreshold)] {
        if let value, !(0...1).contains(value) { add("/dedup/\(key)", "must be between 0 and 1") }
      }
      if let merge = dedup.mergeThreshold, let review = dedup.reviewThreshold, review > merge {
        add("/dedup/review_threshold", "must not be above merge_threshold")
      }
    }
    if let window = review.dateWindow, let from = window.from, let to = window.to, from > to {
      add("/date_window", "`from` (\(from)) is after `to` (\(to))")
    }
    if let previous = review.previousReview {
      if previous.studies < 0 { add("/previous_review/studies", "must not be negative") }
      if previous.reports < 0 { add("/previous_review/reports", "must not be negative") }
    }
    return problems
  }

  static func isCriterionID(_ id: String) -> Bool {
    guard let first = id.first, first == "I" || first == "E" else { return false }
    let digits = id.dropFirst()
    return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber) && digits.first != "0"
  }

  static func ruleProblems(_ rule: AutoRule) -> [String] {
    var messages: [String] = []
    switch rule.field {
    case .year:
      if rule.anyOf != nil || rule.noneOf != nil { messages.append("a year rule takes `min`/`max`, not lists") }
      if rule.min == nil, rule.max == nil { messages.append("a year rule needs `min` or `max`") }
      if let min = rule.min, let max = rule.max, min > max { messages.append("`min` (\(min)) is above `max` (\(max))") }
    case .language, .publicationType:
      if rule.min != nil || rule.max != nil {
        messages.append("a \(rule.field.rawValue) rule takes `any_of`/`none_of`, not `min`/`max`")
      }
      if rule.anyOf == nil, rule.noneOf == nil { messages.append("needs `any_of` or `none_of`") }
      if rule.anyOf?.isEmpty == true || rule.noneOf?.isEmpty == true { messages.append("lists must not be empty") }
    }
    return messages
  }

  static func stageProblems(_ stages: [Stage]) -> [ProtocolError.Problem] {
    guard !stages.isEmpty else {
      return [.init(pointer: "/stages", message: "list the screening stages, e.g. [title, abstract, full-text]")]
    }
    func rank(_ stage: Stage) -> Int {
      switch stage {
      case .title, .titleAbstract: 0
      case .abstract: 1
      case .fullText: 2
      }
    }
    var problems: [ProtocolError.Problem] = []
    for (i, stage) in stages.enumerated() {
      if stages[..<i].contains(stage) {
        problems.append(.init(pointer: "/stages/\(i)", message: "`\(stage.rawValue)` is listed twice"))
      } else if i > 0, rank(stages[i - 1]) >= rank(stage) || (stage == .abstract && stages[i - 1] == .titleAbstract) {
        problems.append(
          .init(
            pointer: "/stages/\(i)",
            message: "`\(stage.rawValue)` cannot follow `\(stages[i - 1].rawValue)`; the order is title, abstract, "
              + "full-text (or title-abstract, full-text)"))
      }
    }
    if stages.contains(.titleAbstract), stages.contains(.title) || stages.contains(.abstract) {
      problems.append(
        .init(pointer: "/stages", message: "`title-abstract` replaces `title` and `abstract`; do not combine them"))
    }
    return problems
  }
}
