import ArgumentParser
import Foundation
import SiftServer

/// `sift-server reviewer add NAME`: creates or updates an account.
struct ReviewerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reviewer", abstract: "Manage reviewer accounts.", subcommands: [Add.self])

  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add an account (or set a new password and role for an existing one).")

    @Argument(help: "The account name; decisions are recorded under it, so use the protocol's reviewer name.")
    var name: String

    @Option(name: .long, help: "reviewer, or adjudicator (may also resolve conflicts).")
    var role = "reviewer"

    @Flag(name: .long, help: "Read the password from the first line of standard input instead of prompting.")
    var passwordStdin = false

    @OptionGroup var options: ProjectOptions

    func validate() throws {
      guard ["reviewer", "adjudicator"].contains(role) else {
        throw ValidationError("--role must be `reviewer` or `adjudicator`, not `\(role)`")
      }
      guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("NAME is empty") }
    }

    func run() async throws {
      let password = try passwordStdin ? PasswordInput.fromStandardInput() : PasswordInput.prompt()
      guard password.count >= PasswordHasher.minimumLength else {
        throw ValidationError("the password needs at least \(PasswordHasher.minimumLength) characters")
      }
      let opened = try await ServerSetup.open(project: options.project, store: options.store)
      let existed = try await opened.store.reviewer(named: name) != nil
      try await ServerSetup.addReviewer(name: name, role: role, password: password, store: opened.store)
      try await opened.store.close()
      print("\(existed ? "updated" : "added") \(role) `\(name)` in \(opened.store.location)")
      if !opened.review.reviewers.contains(name) {
        let note =
          role == "adjudicator"
          ? "note: `\(name)` is not among the protocol's reviewers, so can resolve conflicts but has no queue\n"
          : "warning: `\(name)` is not among the protocol's reviewers "
            + "(\(opened.review.reviewers.joined(separator: ", "))); the server will not take decisions from it\n"
        FileHandle.standardError.write(Data(note.utf8))
      }
    }
  }
}

/// Reads a password without showing it.
enum PasswordInput {
  static func fromStandardInput() throws -> String {
    guard let line = readLine(strippingNewline: true) else {
      throw ValidationError("--password-stdin: standard input is empty")
    }
    return line.hasSuffix("\r") ? String(line.dropLast()) : line
  }

  /// Prompts twice on the terminal with echo off.
  static func prompt() throws -> String {
    guard isatty(STDIN_FILENO) != 0 else {
      throw ValidationError("standard input is not a terminal; pass --password-stdin and pipe the password")
    }
    let first = try readHidden("Password: ")
    let second = try readHidden("Again: ")
    guard first == second else { throw ValidationError("the two passwords differ") }
    return first
  }

  private static func readHidden(_ prompt: String) throws -> String {
    FileHandle.standardError.write(Data(prompt.utf8))
    var saved = termios()
    tcgetattr(STDIN_FILENO, &saved)
    var silent = saved
    silent.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(STDIN_FILENO, TCSANOW, &silent)
    defer {
      tcsetattr(STDIN_FILENO, TCSANOW, &saved)
      FileHandle.standardError.write(Data("\n".utf8))
    }
    guard let line = readLine(strippingNewline: true) else { throw ValidationError("no password entered") }
    return line
  }
}
