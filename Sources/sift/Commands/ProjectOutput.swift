import Foundation

/// Output helpers of the project commands.
enum ProjectOutput {
  /// Writes a line to standard error.
  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
