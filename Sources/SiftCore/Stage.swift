/// A screening stage. A protocol lists the stages it uses, in order.
public enum Stage: String, Sendable, Hashable, Codable, CaseIterable {
  case title
  case abstract
  /// Title and abstract screened together in one step.
  case titleAbstract = "title-abstract"
  case fullText = "full-text"

  public var displayName: String {
    switch self {
    case .title: "Title"
    case .abstract: "Abstract"
    case .titleAbstract: "Title and abstract"
    case .fullText: "Full text"
    }
  }
}

/// A reviewer's verdict on a record at a stage.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
  case include, exclude, maybe
}
