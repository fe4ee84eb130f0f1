import ArgumentParser
import SiftKit

struct PrismaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prisma",
    abstract: "PRISMA 2020 flow counts and diagram, derived from the data."
  )

  func run() throws {
    throw NotYetBuilt(command: "prisma")
  }
}
