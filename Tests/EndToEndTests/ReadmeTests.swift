import Foundation
import TestSupport
import Testing

/// Every `sift …` command shown in README.md names a real subcommand and real options, so the README cannot rot.
@Suite struct ReadmeTests {
  /// The `sift` invocations in README.md's code blocks, split at `&&`, comments removed.
  static func readmeCommands() throws -> [[String]] {
    let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    var commands: [[String]] = []
    var inCode = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") {
        inCode.toggle()
        continue
      }
      guard inCode else { continue }
      let code = line.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
      for part in code.components(separatedBy: "&&") {
        let words = part.split(separator: " ").map(String.init)
        if words.first == "sift" { commands.append(Array(words.dropFirst())) }
      }
    }
    return commands
  }

  @Test func readmeShowsCommands() throws {
    #expect(try Self.readmeCommands().count >= 10)
  }

  @Test(arguments: try readmeCommands())
  func commandAndOptionsExist(words: [String]) throws {
    let first = try #require(words.first)
    var path = [first]
    if words.count > 1, let second = words.dropFirst().first, second.allSatisfy({ $0.isLowercase }) {
      let nested = try SiftBinary.run([first, second, "--help"])
      // `sift serve`, `sift reviewer`, `sift store` forward to sift-server, whose help names itself.
      let names = ["sift \(first) \(second)", "sift-server \(first) \(second)"]
      if nested.status == 0, names.contains(where: nested.stdout.contains) { path.append(second) }
    }
    let help = try SiftBinary.run(path + ["--help"])
    #expect(help.status == 0, "`sift \(path.joined(separator: " "))` is not a command")
    for word in words where word.hasPrefix("--") {
      let option = String(word.split(separator: "=").first ?? Substring(word))
      #expect(help.stdout.contains(option), "`sift \(path.joined(separator: " "))` has no option \(option)")
    }
  }
}
