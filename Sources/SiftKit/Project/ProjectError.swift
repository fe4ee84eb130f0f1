/// A project-level problem (no project found, unknown record, bad option), worded for the person at the terminal.
public struct ProjectError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
