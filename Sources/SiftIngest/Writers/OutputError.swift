/// A failure to write an output file.
public struct OutputError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var message: String
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }
  public var description: String { "\(path): error: \(message)" }
}
