import ArgumentParser

/// Thrown by a command whose stage is not built yet; says so plainly.
struct NotYetBuilt: Error, CustomStringConvertible {
  var command: String
  var description: String {
    "`sift \(command)` is not built yet in this version of Sift; see README.md for what works."
  }
}
