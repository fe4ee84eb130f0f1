/// The formats Sift writes records in (`sift convert --to`).
public enum OutputFormat: String, Sendable, CaseIterable {
  case ris, csv, jsonl, bibtex

  /// The format for a file extension: `ris`, `csv`, `jsonl`/`json`, `bib`/`bibtex` (case-insensitive, with or without dot).
  public init?(fileExtension: String) {
    var ext = fileExtension.lowercased()
    if ext.hasPrefix(".") { ext.removeFirst() }
    switch ext {
    case "ris": self = .ris
    case "csv": self = .csv
    case "jsonl", "json", "ndjson": self = .jsonl
    case "bib", "bibtex": self = .bibtex
    default: return nil
    }
  }

  /// The usual file extension for this format.
  public var fileExtension: String {
    switch self {
    case .ris: "ris"
    case .csv: "csv"
    case .jsonl: "jsonl"
    case .bibtex: "bib"
    }
  }
}
