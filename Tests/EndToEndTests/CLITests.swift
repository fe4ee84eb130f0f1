import Foundation
import TestSupport
import Testing

@Suite struct CLITests {
  @Test func helpListsEverySubcommand() throws {
    let result = try SiftBinary.run(["--help"])
    #expect(result.status == 0)
    for name in ["init", "import", "convert", "dedup", "screen", "prisma", "tables", "synthesis", "verify"] {
      #expect(result.stdout.contains("  \(name) "), "missing \(name) in help")
    }
  }

  @Test func versionPrints() throws {
    let result = try SiftBinary.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
  }

  @Test func unknownSubcommandFailsWithOneLine() throws {
    let result = try SiftBinary.run(["frobnicate"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("frobnicate"))
    #expect(!result.stderr.contains("Fatal error"))
  }
}
