/// A team store failure people can act on: which store, and what to do.
public struct TeamStoreError: Error, Sendable, CustomStringConvertible {
  /// The store (`sqlite:/path`, `postgres://user@host:port/db`; never a password).
  public var location: String
  public var message: String

  public init(location: String, message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): error: \(message)" }
}
