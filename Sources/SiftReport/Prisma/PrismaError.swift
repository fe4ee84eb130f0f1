/// Why PRISMA counts could not be derived: every problem found, each naming the records concerned.
public struct PrismaError: Error, Sendable, Hashable, CustomStringConvertible {
  public var problems: [PrismaProblem]

  public init(problems: [PrismaProblem]) {
    self.problems = problems
  }

  /// Ids of every record named by any problem, in order, without repeats.
  public var records: [String] {
    var seen = Set<String>()
    return problems.flatMap(\.records).filter { seen.insert($0).inserted }
  }

  public var description: String {
    var lines = ["PRISMA counts cannot be derived (\(problems.count) problem\(problems.count == 1 ? "" : "s")):"]
    lines += problems.map { "- \($0)" }
    return lines.joined(separator: "\n")
  }
}

/// One problem with the flow input or one broken identity.
public struct PrismaProblem: Sendable, Hashable, CustomStringConvertible {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// Two records share an id.
    case duplicateRecordID = "duplicate-record-id"
    /// A record names a source the protocol does not list.
    case unknownSource = "unknown-source"
    /// A fate names a stage the protocol does not list.
    case unknownStage = "unknown-stage"
    /// A full-text exclusion without a criterion.
    case missingCriterion = "missing-criterion"
    /// A fate names a criterion the protocol does not list.
    case unknownCriterion = "unknown-criterion"
    /// A duplicate of a record that is not in the input (or of itself).
    case unknownPrimary = "unknown-primary"
    /// The protocol's stages or sources are themselves inconsistent.
    case invalidProtocol = "invalid-protocol"
    /// An identity between boxes does not hold.
    case brokenIdentity = "broken-identity"
  }

  public var kind: Kind
  /// What is wrong and what to do, without the record ids.
  public var message: String
  public var records: [String]

  public init(kind: Kind, message: String, records: [String]) {
    self.kind = kind
    self.message = message
    self.records = records
  }

  /// At most this many record ids are printed per problem.
  public static let printedRecordLimit = 20

  public var description: String {
    guard !records.isEmpty else { return "\(kind.rawValue): \(message)" }
    let shown = records.prefix(Self.printedRecordLimit).joined(separator: ", ")
    let more = records.count > Self.printedRecordLimit ? " and \(records.count - Self.printedRecordLimit) more" : ""
    return "\(kind.rawValue): \(message) Records: \(shown)\(more)."
  }
}
