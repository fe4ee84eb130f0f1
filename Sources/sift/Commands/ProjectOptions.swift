import ArgumentParser
import SiftCore
import SiftKit

/// `--project DIR`, shared by every command that works on a project.
struct ProjectOptions: ParsableArguments {
  @Option(
    name: .long, help: "The project folder (default: the current folder or the nearest one above holding sift.sqlite).")
  var project: String?

  /// Opens the project.
  func open() throws -> Project {
    try Project.open(explicit: project)
  }

  /// The project folder.
  func locate() throws -> String {
    try Project.locate(explicit: project)
  }
}

/// Argument parsing for model enums, as transforms (no conformances, so other commands may conform them freely).
enum ProjectArgument {
  /// Splits `E1;E2` or `E1,E2` into criterion ids.
  static func criterionList(_ text: String?) -> [String] {
    (text ?? "").split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
  }

  static func stage(_ text: String) throws -> Stage {
    guard let stage = Stage(rawValue: text) else {
      throw ValidationError("`\(text)` is not a stage; use title, abstract, title-abstract or full-text")
    }
    return stage
  }

  static func verdict(_ text: String) throws -> Verdict {
    guard let verdict = Verdict(rawValue: text.lowercased()) else {
      throw ValidationError("`\(text)` is not a verdict; use include, exclude or maybe")
    }
    return verdict
  }

  static func format(_ text: String) throws -> Format {
    guard let format = Format(rawValue: text) else {
      throw ValidationError(
        "`\(text)` is not a format; use one of \(Format.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return format
  }

  static func decisionsFormat(_ text: String) throws -> DecisionsFormat {
    guard let format = DecisionsFormat(rawValue: text) else {
      throw ValidationError("`\(text)` is not a decisions format; use sift, asreview or rayyan")
    }
    return format
  }
}
