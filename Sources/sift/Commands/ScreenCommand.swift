import ArgumentParser
import SiftKit

struct ScreenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "screen",
    abstract: "Screen records one at a time in the terminal."
  )

  func run() throws {
    throw NotYetBuilt(command: "screen")
  }
}
