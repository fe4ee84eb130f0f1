import SiftCore

/// Which PRISMA source an import's records come from: `--database NAME` or `--source COLUMN:NAME`.
public struct ImportSource: Sendable, Hashable {
  public var name: String
  public var column: FlowColumn

  public init(name: String, column: FlowColumn) {
    self.name = name
    self.column = column
  }

  /// Parses `other-methods:Citation searching`, `registers:ClinicalTrials.gov` or `databases:Scopus`.
  public init(parsing text: String) throws {
    guard let colon = text.firstIndex(of: ":") else {
      throw ProjectError(
        "--source `\(text)`: expected COLUMN:NAME with COLUMN one of databases, registers, other-methods, "
          + "e.g. \"other-methods:Citation searching\"")
    }
    let columnText = String(text[..<colon]).trimmingSpaces
    let name = String(text[text.index(after: colon)...]).trimmingSpaces
    guard let column = FlowColumn(rawValue: columnText) else {
      throw ProjectError("--source `\(text)`: `\(columnText)` is not databases, registers or other-methods")
    }
    guard !name.isEmpty else { throw ProjectError("--source `\(text)`: the name after `:` is empty") }
    self.init(name: name, column: column)
  }

  /// The protocol's spelling and column for a source name (matched case-insensitively), if the protocol lists it.
  public static func fromProtocol(_ name: String, review: ReviewProtocol) -> ImportSource? {
    let lists: [(FlowColumn, [SearchSource])] = [
      (.databases, review.databases), (.registers, review.registers ?? []),
      (.otherMethods, review.otherMethods ?? []),
    ]
    for (column, list) in lists {
      if let match = list.first(where: { $0.name.lowercased() == name.lowercased() }) {
        return ImportSource(name: match.name, column: column)
      }
    }
    return nil
  }
}
