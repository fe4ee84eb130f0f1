/// Problems found in a `protocol.yaml`, each located by a JSON pointer (and a line when known).
public struct ProtocolError: Error, Sendable, CustomStringConvertible {
  public struct Problem: Sendable, Hashable, CustomStringConvertible {
    /// JSON pointer to the value, e.g. `/criteria/2/id`; empty for the whole document.
    public var pointer: String
    public var line: Int?
    public var message: String
    public init(pointer: String, line: Int? = nil, message: String) {
      self.pointer = pointer
      self.line = line
      self.message = message
    }
    public var description: String { "\(pointer.isEmpty ? "/" : pointer): \(message)" }
  }

  public var file: String
  public var problems: [Problem]

  public init(file: String, problems: [Problem]) {
    self.file = file
    self.problems = problems
  }

  public var description: String {
    problems.map { problem in
      let location = problem.line.map { "\(file):\($0)" } ?? file
      return "\(location): error: \(problem)"
    }.joined(separator: "\n")
  }
}
