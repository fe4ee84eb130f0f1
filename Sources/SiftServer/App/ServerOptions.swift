import Foundation

/// How the screening server runs.
public struct ServerOptions: Sendable {
  public var host: String
  /// 0 picks a free port (the URL passed to `onRunning` names it).
  public var port: Int
  /// Parameters for hashing new passwords (verification reads them from the stored hash).
  public var hasher: PasswordHasher
  /// How long a signed-in session lives after its last request.
  public var sessionLifetime: TimeInterval
  /// Failed sign-ins allowed per account name within 15 minutes before further attempts get 429.
  public var signInAttempts: Int
  /// Adds `Secure` to the session cookie (set when the server is behind HTTPS).
  public var secureCookies: Bool
  /// Called once the server listens, with its URL (`http://127.0.0.1:8080/`).
  public var onRunning: @Sendable (String) async -> Void

  public init(
    host: String = "127.0.0.1", port: Int = 8080, hasher: PasswordHasher = .standard,
    sessionLifetime: TimeInterval = 8 * 3600, signInAttempts: Int = 10, secureCookies: Bool = false,
    onRunning: @escaping @Sendable (String) async -> Void = { _ in }
  ) {
    self.host = host
    self.port = port
    self.hasher = hasher
    self.sessionLifetime = sessionLifetime
    self.signInAttempts = signInAttempts
    self.secureCookies = secureCookies
    self.onRunning = onRunning
  }
}
