import ArgumentParser
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `sift serve`, `sift reviewer`, `sift store`: the team server's commands live in the separate `sift-server`
/// executable (built only when asked, so the CLI builds fast); these forward to it with the same arguments.
enum ServerForwarding {
  /// The `sift-server` beside this executable, else on `PATH`.
  static func executable() -> String? {
    let selfPath =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    let beside = URL(fileURLWithPath: selfPath).deletingLastPathComponent().appendingPathComponent("sift-server").path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/sift-server"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Replaces this process with `sift-server COMMAND ARGUMENTS…` (so a password prompt keeps the terminal).
  static func run(_ command: String, _ arguments: [String]) throws -> Never {
    guard let server = executable() else { throw ServerNotBuilt(command: command) }
    let argv = [server, command] + arguments
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
    cArgs.append(nil)
    execv(server, cArgs)
    let reason = String(cString: strerror(errno))
    throw ValidationError("could not start \(server): \(reason)")
  }
}

/// `sift-server` is missing: says how to build it.
struct ServerNotBuilt: Error, CustomStringConvertible {
  var command: String
  var description: String {
    "`sift \(command)` runs the team server, which is built separately: run `make server` "
      + "(or `swift build -c release --product sift-server`) and put `sift-server` beside `sift` or on PATH."
  }
}

struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the project to a screening team in the browser (runs sift-server; see docs/server.md).")

  @Argument(parsing: .captureForPassthrough, help: "Options of `sift-server serve` (--project, --store, --port…).")
  var arguments: [String] = []

  func run() throws { try ServerForwarding.run("serve", arguments) }
}

struct ReviewerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reviewer",
    abstract: "Manage the team server's reviewer accounts: `sift reviewer add NAME` (runs sift-server).")

  @Argument(
    parsing: .captureForPassthrough,
    help: "`add NAME [--role reviewer|adjudicator] [--password-stdin] [--project DIR] [--store URL]`.")
  var arguments: [String] = []

  func run() throws { try ServerForwarding.run("reviewer", arguments) }
}

struct StoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store",
    abstract: "Copy a project between SQLite and PostgreSQL: `sift store copy --from … --to …` (runs sift-server).")

  @Argument(parsing: .captureForPassthrough, help: "`copy --from URL|PATH --to URL|PATH [--project DIR]`.")
  var arguments: [String] = []

  func run() throws { try ServerForwarding.run("store", arguments) }
}
