import ArgumentParser
import SiftKit

@main
struct Sift: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sift",
    abstract: "Systematic reviews from database exports to published tables.",
    discussion: "Run `sift help <command>` for the options of one command. See README.md and docs/.",
    version: SiftVersion.current,
    subcommands: [
      InitCommand.self,
      ImportCommand.self,
      ConvertCommand.self,
      DedupCommand.self,
      RulesCommand.self,
      ScreenCommand.self,
      DecisionsCommand.self,
      FulltextCommand.self,
      ConflictsCommand.self,
      ResolveCommand.self,
      AgreementCommand.self,
      ProjectStatusCommand.self,
      PrismaCommand.self,
      ExtractCommand.self,
      TablesCommand.self,
      SynthesisCommand.self,
      VerifyCommand.self,
      ReportCommand.self,
      ServeCommand.self,
      ReviewerCommand.self,
      StoreCommand.self,
    ]
  )
}
