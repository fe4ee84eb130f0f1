import ArgumentParser
import SiftKit

struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate", abstract: "Write a deterministic synthetic RIS/EndNote XML corpus.")
  func run() throws {
    print("sift-bench generate: not built yet")
  }
}
