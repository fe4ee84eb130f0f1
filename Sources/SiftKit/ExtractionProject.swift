import Foundation
import SiftCore
import SiftExtract
import Yams

/// A review project as the extraction commands see it: its folder, protocol settings, form and files.
public struct ExtractionProject: Sendable {
  /// A problem that stops an extraction command; the text says what to do.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
  }

  /// The folder holding `protocol.yaml`.
  public var directory: URL
  /// The settings read from `protocol.yaml` (only those extraction needs).
  public var settings: Settings
  public var form: ExtractionForm

  /// The protocol keys extraction reads. TODO: use the store's protocol loading (branch `store`) once merged.
  public struct Settings: Sendable, Decodable {
    public var reviewers: [String]?
    public var extractionForm: String?
    public var synthesis: SynthesisSettings?

    enum CodingKeys: String, CodingKey {
      case reviewers
      case extractionForm = "extraction_form"
      case synthesis
    }

    public init(reviewers: [String]? = nil, extractionForm: String? = nil, synthesis: SynthesisSettings? = nil) {
      self.reviewers = reviewers
      self.extractionForm = extractionForm
      self.synthesis = synthesis
    }
  }

  /// Finds the project: `directory` if given (must hold protocol.yaml), else the current folder and upward.
  public static func locate(_ directory: String?) throws(Failure) -> ExtractionProject {
    let fileManager = FileManager.default
    var start = URL(fileURLWithPath: directory ?? fileManager.currentDirectoryPath).standardizedFileURL
    if let directory {
      guard fileManager.fileExists(atPath: start.appendingPathComponent("protocol.yaml").path) else {
        throw Failure("\(directory): no protocol.yaml here; give the project folder with --project")
      }
      return try load(start)
    }
    while true {
      if fileManager.fileExists(atPath: start.appendingPathComponent("protocol.yaml").path) { return try load(start) }
      let parent = start.deletingLastPathComponent()
      if parent.path == start.path {
        throw Failure(
          "no protocol.yaml in \(fileManager.currentDirectoryPath) or above; run inside a project or give --project DIR"
        )
      }
      start = parent
    }
  }

  /// Loads a project folder.
  public static func load(_ directory: URL) throws(Failure) -> ExtractionProject {
    let protocolURL = directory.appendingPathComponent("protocol.yaml")
    let settings: Settings
    do {
      let text = try String(contentsOf: protocolURL, encoding: .utf8)
      settings = try YAMLDecoder().decode(Settings.self, from: text.isEmpty ? "{}" : text)
    } catch {
      throw Failure("\(protocolURL.path): cannot read extraction settings: \(error)")
    }
    let form = try loadForm(settings.extractionForm ?? ExtractionBuiltinForms.defaultID, project: directory)
    return ExtractionProject(directory: directory, settings: settings, form: form)
  }

  /// A form by id or path: `forms/<id>.yaml` in the project, a path relative to the project, or a built-in form.
  public static func loadForm(_ reference: String, project: URL?) throws(Failure) -> ExtractionForm {
    let fileManager = FileManager.default
    var candidates: [URL] = []
    if let project {
      candidates.append(project.appendingPathComponent("forms/\(reference).yaml"))
      candidates.append(project.appendingPathComponent(reference))
    }
    candidates.append(URL(fileURLWithPath: reference))
    for url in candidates where fileManager.fileExists(atPath: url.path) && !url.hasDirectoryPath {
      var isDirectory: ObjCBool = false
      guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
        continue
      }
      do {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try parseForm(text, file: url.path)
      } catch let failure as Failure {
        throw failure
      } catch {
        throw Failure("\(url.path): cannot read the form: \(error)")
      }
    }
    if let text = ExtractionBuiltinForms.text(for: reference) {
      return try parseForm(text, file: "built-in form \(reference)")
    }
    throw Failure(
      "extraction form \(reference) not found (looked for forms/\(reference).yaml in the project, the path, and the "
        + "built-in forms: \(ExtractionBuiltinForms.ids.joined(separator: ", ")))")
  }

  /// Decodes and checks a form.
  public static func parseForm(_ text: String, file: String) throws(Failure) -> ExtractionForm {
    let form: ExtractionForm
    do {
      form = try YAMLDecoder().decode(ExtractionForm.self, from: text)
    } catch {
      throw Failure("\(file): not a valid extraction form (schemas/extraction-form.schema.json): \(error)")
    }
    let problems = form.problems()
    guard problems.isEmpty else { throw Failure("\(file): " + problems.joined(separator: "; ")) }
    return form
  }

  // MARK: Paths

  /// `extraction/`.
  public var extractionDirectory: URL { directory.appendingPathComponent("extraction") }
  /// `extraction/<reviewer>.yaml` (`consensus` for the consensus).
  public func extractionURL(_ reviewer: String) -> URL {
    extractionDirectory.appendingPathComponent("\(reviewer).yaml")
  }
  public var consensusURL: URL { extractionURL(Self.consensus) }
  public var resolutionsURL: URL { extractionDirectory.appendingPathComponent("resolutions.yaml") }
  public var reportedURL: URL { directory.appendingPathComponent("reported.yaml") }

  /// The reviewer name of the consensus file.
  public static let consensus = "consensus"

  /// The correlation thresholds of the protocol, or Cohen's defaults.
  public var correlationScale: CorrelationScale {
    guard let thresholds = settings.synthesis?.correlationThresholds else { return CorrelationScale() }
    return CorrelationScale(small: thresholds.small, moderate: thresholds.moderate, strong: thresholds.strong)
  }

  /// The path relative to the project, for messages.
  public func relative(_ url: URL) -> String {
    let base = directory.standardizedFileURL.path + "/"
    let path = url.standardizedFileURL.path
    return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
  }

  // MARK: Files

  /// Reads an extraction file (YAML or CSV by extension) and checks it against the form.
  public func read(_ url: URL, displayName: String? = nil) throws(Failure) -> (Extraction, [ExtractionIssue]) {
    let name = displayName ?? relative(url)
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw Failure("\(name): cannot read: \(error.localizedDescription)")
    }
    if url.pathExtension.lowercased() == "csv" {
      let result = CSVExtractionReader(form: form, file: name).read(text)
      return (result.extraction, result.issues + requiredWarnings(result.extraction, file: name))
    }
    let node: ExtractionNode
    do {
      node = try ExtractionYAML.parse(text, file: name)
    } catch {
      throw Failure(error.description)
    }
    let result = ExtractionParser(form: form, file: name).parse(node)
    return (result.extraction, result.issues)
  }

  /// Loads a stored extraction; nil when the file does not exist. Stored files must be valid.
  public func loadStored(_ reviewer: String) throws(Failure) -> Extraction? {
    let url = extractionURL(reviewer)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    let (extraction, issues) = try read(url)
    let errors = issues.filter(\.isError)
    guard errors.isEmpty else {
      throw Failure(
        errors.map(\.description).joined(separator: "\n")
          + "\n\(relative(url)): fix these errors (or re-import the file with sift extract import)")
    }
    return extraction
  }

  /// Writes an extraction to `extraction/<reviewer>.yaml`.
  public func store(_ extraction: Extraction, as reviewer: String) throws(Failure) {
    var extraction = extraction
    extraction.reviewer = reviewer
    extraction.form = form.id
    let text = YAMLExtractionWriter(form: form).write(extraction)
    try write(text, to: extractionURL(reviewer))
  }

  /// Writes text, creating folders.
  public func write(_ text: String, to url: URL) throws(Failure) {
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
      throw Failure("\(url.path): cannot write: \(error.localizedDescription)")
    }
  }

  /// Warnings for required columns left empty in existing entries (CSV files; YAML checks while parsing).
  func requiredWarnings(_ extraction: Extraction, file: String) -> [ExtractionIssue] {
    var issues: [ExtractionIssue] = []
    for (study, row) in extraction.rows {
      for table in form.tables {
        for (index, entry) in (row.tables[table.id] ?? []).enumerated() {
          for column in table.columns where column.required == true && entry.cells[column.id] == nil {
            issues.append(
              ExtractionIssue(
                .warning, "required column is empty (not yet extracted)", file: file, study: study.id, row: row.id,
                table: table.id, entry: table.isMany ? index + 1 : nil, column: column.id))
          }
        }
      }
    }
    return issues
  }
}
