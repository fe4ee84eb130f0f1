/// A team server account (`sift reviewer add`): the scrypt hash of the password, never the password.
public struct ReviewerRow: SnakeCaseRecord, Sendable, Hashable {
  public static let databaseTableName = "reviewers"
  /// The name decisions are recorded under.
  public var name: String
  /// PHC string (`$scrypt$…`).
  public var passwordHash: String
  /// `reviewer` or `adjudicator`.
  public var role: String
  public var createdAt: String

  public init(name: String, passwordHash: String, role: String, createdAt: String) {
    self.name = name
    self.passwordHash = passwordHash
    self.role = role
    self.createdAt = createdAt
  }
}
