import Foundation

/// A parsed `postgres://user:password@host:port/database` URL.
public struct PostgresLocation: Sendable, Hashable {
  public var host: String
  public var port: Int
  public var user: String
  public var password: String?
  public var database: String

  /// Parses `url` (`postgres://` or `postgresql://`; port 5432 and database = user when left out).
  public init(url: String) throws {
    guard let components = URLComponents(string: url),
      let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql"
    else {
      throw TeamStoreError(
        location: Self.redacted(url),
        message: "not a PostgreSQL URL; write postgres://USER:PASSWORD@HOST:PORT/DATABASE")
    }
    guard let host = components.host, !host.isEmpty else {
      throw TeamStoreError(location: Self.redacted(url), message: "the URL names no host (postgres://USER@HOST/DB)")
    }
    guard let user = components.user, !user.isEmpty else {
      throw TeamStoreError(location: Self.redacted(url), message: "the URL names no user (postgres://USER@HOST/DB)")
    }
    self.host = host
    self.port = components.port ?? 5432
    self.user = user.removingPercentEncoding ?? user
    self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
    let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
    self.database = path.isEmpty ? self.user : (path.removingPercentEncoding ?? path)
  }

  /// The URL without the password, for messages.
  public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

  /// `url` with any password replaced by `***`.
  static func redacted(_ url: String) -> String {
    guard var components = URLComponents(string: url), components.password != nil else { return url }
    components.password = "***"
    return components.string ?? url
  }
}
