/// A message about input, rendered like a compiler diagnostic: `file:line: warning: message`.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable {
    case note, warning, error
  }
  public var severity: Severity
  public var message: String
  public var file: String?
  public var line: Int?
  /// 0-based index of the record concerned, when there is one.
  public var recordIndex: Int?

  public init(_ severity: Severity, _ message: String, file: String? = nil, line: Int? = nil, recordIndex: Int? = nil) {
    self.severity = severity
    self.message = message
    self.file = file
    self.line = line
    self.recordIndex = recordIndex
  }

  public var description: String {
    var location = file ?? "<input>"
    if let line { location += ":\(line)" }
    var text = "\(location): \(severity.rawValue): \(message)"
    if let recordIndex { text += " (record \(recordIndex + 1))" }
    return text
  }
}
