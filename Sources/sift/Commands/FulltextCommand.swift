import ArgumentParser
import SiftKit

struct FulltextCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fulltext",
    abstract: "Record where a report's full text is, or that it could not be retrieved."
  )

  @Argument(help: "The record: R000012, doi:10.…, pmid:… or id:….")
  var record: String

  @Option(name: .long, help: "A local file holding the full text.")
  var path: String?

  @Option(name: .long, help: "A URL of the full text.")
  var url: String?

  @Flag(name: .long, help: "The full text could not be retrieved (PRISMA: reports not retrieved).")
  var notRetrieved = false

  @OptionGroup var projectOptions: ProjectOptions

  func validate() throws {
    let given = [path != nil, url != nil, notRetrieved].filter { $0 }.count
    if given != 1 { throw ValidationError("give exactly one of --path, --url, --not-retrieved") }
  }

  func run() throws {
    let location: ProjectFulltext.Location
    if let path {
      location = .path(path)
    } else if let url {
      location = .url(url)
    } else {
      location = .notRetrieved
    }
    print(try ProjectFulltext.record(reference: record, location: location, project: projectOptions.open()))
  }
}
