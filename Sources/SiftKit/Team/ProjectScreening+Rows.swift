import SiftCore
import SiftStore

extension ProjectScreening {
  /// A stored record's normalised content (title, abstract, authors, …), e.g. from a team store's `record(id:)`.
  public static func content(of row: RecordRow) throws -> Record {
    try RecordJSON.decode(row)
  }
}
