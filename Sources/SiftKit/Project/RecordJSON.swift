import Foundation
import SiftCore
import SiftIngest
import SiftStore

/// The JSON form records are stored in.
enum RecordJSON {
  /// The stored record; `withFields: false` leaves its verbatim fields out (for uses that read only the normalised
  /// values, such as de-duplication).
  static func decode(_ row: RecordRow, withFields: Bool = true) throws -> Record {
    // The store's own JSON is read byte by byte; anything else goes through `JSONDecoder`, which names the problem.
    if let record = StoredRecordJSON.decode(row.recordJson, withFields: withFields) { return record }
    do {
      return try JSONDecoder().decode(Record.self, from: Data(row.recordJson.utf8))
    } catch {
      throw ProjectError("record \(row.id): stored JSON cannot be read (\(error)); the database may be damaged")
    }
  }
}
