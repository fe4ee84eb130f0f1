import SiftCore

/// A problem in an extraction file, naming file, line, study, row, table, entry and column.
public struct ExtractionIssue: Sendable, Hashable, CustomStringConvertible {
  public var severity: Diagnostic.Severity
  public var message: String
  public var file: String?
  public var line: Int?
  public var study: String?
  public var row: String?
  public var table: String?
  public var entry: Int?
  public var column: String?

  public init(
    _ severity: Diagnostic.Severity, _ message: String, file: String? = nil, line: Int? = nil, study: String? = nil,
    row: String? = nil, table: String? = nil, entry: Int? = nil, column: String? = nil
  ) {
    self.severity = severity
    self.message = message
    self.file = file
    self.line = line
    self.study = study
    self.row = row
    self.table = table
    self.entry = entry
    self.column = column
  }

  public var isError: Bool { severity == .error }

  /// `study 2, row 2, table study, column sample_size` (the parts known).
  public var whereText: String {
    var parts: [String] = []
    if let study { parts.append("study \(study)") }
    if let row { parts.append("row \(row)") }
    if let table { parts.append("table \(table)") }
    if let entry { parts.append("entry \(entry)") }
    if let column { parts.append("column \(column)") }
    return parts.joined(separator: ", ")
  }

  /// `file:line: error: study 2, row 2, table study, column sample_size: message`.
  public var description: String {
    let place = whereText
    return Diagnostic(severity, place.isEmpty ? message : "\(place): \(message)", file: file, line: line).description
  }
}
