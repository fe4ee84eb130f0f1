import ArgumentParser
import SiftKit

struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "Apply the protocol's automatic rules (year window, language, type).",
    discussion: "A record fails a rule only when its field is known and outside the rule. Running it again is safe."
  )

  @OptionGroup var projectOptions: ProjectOptions

  func run() throws {
    print(try ProjectRules.run(project: projectOptions.open()))
  }
}
