import ArgumentParser
import Foundation
import SiftServer

/// `sift-server`: the team screening server, its reviewer accounts and store copies.
@main
struct SiftServerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sift-server",
    abstract: "The team screening server of a Sift project (see docs/server.md).",
    subcommands: [ServeCommand.self, ReviewerCommand.self, StoreCommand.self]
  )
}

/// Options naming the project and its store, shared by the subcommands.
struct ProjectOptions: ParsableArguments {
  @Option(name: .long, help: "The project folder (default: the nearest folder upward holding sift.sqlite).")
  var project: String?

  @Option(
    name: .long,
    help: "The store: a path to a project (SQLite) or postgres://user:pass@host:port/db (default: the project's).")
  var store: String?
}
