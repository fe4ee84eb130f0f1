import Foundation
import SiftCore
import SiftKit
import SiftTeamStore

/// What the `sift-server` subcommands share: opening a project's store, adding accounts, copying stores.
public enum ServerSetup {
  /// A project's protocol and its store, migrated.
  public struct Opened: Sendable {
    public var root: String
    public var review: ReviewProtocol
    public var store: any TeamStore
  }

  /// Locates the project (`project`, or the nearest above the current folder), reads its protocol and opens `store`
  /// (nil: the project's SQLite file; `postgres://…`: PostgreSQL), brought up to the current schema.
  public static func open(project: String?, store: String?) async throws -> Opened {
    let root = try Project.locate(explicit: project)
    let review = try ProtocolLoader.load(path: (root as NSString).appendingPathComponent(Project.protocolFile))
    let opened = try await TeamStores.open(store: store ?? review.store.map(expandEnvironment), projectPath: root)
    do {
      try await opened.migrate()
    } catch {
      try? await opened.close()
      throw error
    }
    return Opened(root: root, review: review, store: opened)
  }

  /// `text` with each `${NAME}` replaced by the environment variable NAME (empty when unset).
  static func expandEnvironment(_ text: String) -> String {
    let environment = ProcessInfo.processInfo.environment
    var result = ""
    var rest = Substring(text)
    while let start = rest.range(of: "${") {
      result += rest[..<start.lowerBound]
      guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
        rest = rest[start.lowerBound...]
        break
      }
      result += environment[String(rest[start.upperBound..<end])] ?? ""
      rest = rest[rest.index(after: end)...]
    }
    return result + rest
  }

  /// Hashes `password` (scrypt, `hasher`) and saves the account.
  public static func addReviewer(
    name: String, role: String, password: String, store: any TeamStore, hasher: PasswordHasher = .standard
  ) async throws {
    let hash = try hasher.hash(password)
    try await store.saveReviewer(
      ReviewerAccount(name: name, passwordHash: hash, role: role, createdAt: SiftClock.now()))
  }

  /// `store copy`: opens both stores, copies, closes; the report as printed.
  public static func copy(from: String, to: String, project: String?) async throws -> String {
    let projectPath = try project ?? Project.locate(explicit: nil)
    let source = try await TeamStores.open(store: from, projectPath: projectPath)
    let target: any TeamStore
    do {
      target = try await TeamStores.open(store: to, projectPath: projectPath, create: true)
    } catch {
      try? await source.close()
      throw error
    }
    do {
      let report = try await StoreCopy.run(from: source, to: target)
      try await source.close()
      try await target.close()
      return "\(report)"
    } catch {
      try? await source.close()
      try? await target.close()
      throw error
    }
  }
}
