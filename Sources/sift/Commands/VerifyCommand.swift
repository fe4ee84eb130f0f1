import ArgumentParser
import Foundation
import SiftExtract
import SiftKit

struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Compare the figures a paper reported with those Sift reproduces.",
    discussion: "Reads reported.yaml (docs/extraction.md, section 4) and the consensus."
  )

  @OptionGroup var options: ProjectOption
  @Option(help: "The reported figures (default: reported.yaml in the project).") var reported: String?
  @Option(help: "Also write a Markdown report here.") var out: String?
  @Flag(help: "Exit with status 1 when a figure differs or cannot be computed.") var strict = false

  func run() throws {
    let project = try options.load()
    let verification = try reporting {
      try VerifyRun.run(project: project, reported: reported.map(URL.init(fileURLWithPath:)))
    }
    print(verification.text(), terminator: "")
    if let out {
      try reporting { try project.write(verification.markdown(), to: URL(fileURLWithPath: out)) }
      print("wrote \(out)")
    }
    if strict && (!verification.differing.isEmpty || !verification.notComputed.isEmpty) { throw ExitCode(1) }
  }
}
