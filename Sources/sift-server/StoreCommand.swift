import ArgumentParser
import Foundation
import SiftServer

/// `sift-server store copy`: moves a project between SQLite and PostgreSQL, checked.
struct StoreCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store", abstract: "Copy a project's store between SQLite and PostgreSQL.", subcommands: [Copy.self])

  struct Copy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Copy every table; row counts and a SHA-256 of the decisions are compared after the copy.")

    @Option(name: .long, help: "Source: a project folder (its sift.sqlite) or postgres://…")
    var from: String

    @Option(name: .long, help: "Target (must be empty): a project folder or postgres://…")
    var to: String

    @Option(name: .long, help: "The project folder, when --from or --to is not a path.")
    var project: String?

    func run() async throws {
      print(try await ServerSetup.copy(from: from, to: to, project: project))
    }
  }
}
