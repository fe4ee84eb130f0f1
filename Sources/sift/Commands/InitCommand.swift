import ArgumentParser
import SiftKit

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a review project (protocol template and database).",
    discussion: "Writes protocol.yaml (a commented template, or a copy of --protocol) and sift.sqlite into DIR."
  )

  @Argument(help: "The project folder (created if missing; default: the current folder).")
  var directory: String = "."

  @Option(name: .long, help: "Start from this protocol.yaml instead of the template (it is checked first).")
  var `protocol`: String?

  func run() throws {
    print(try Project.create(at: directory, protocolSource: `protocol`))
  }
}
