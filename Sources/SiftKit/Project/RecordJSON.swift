import Foundation
import SiftCore
import SiftStore

/// The JSON form records are stored in.
enum RecordJSON {
  static func decode(_ row: RecordRow) throws -> Record {
    do {
      return try JSONDecoder().decode(Record.self, from: Data(row.recordJson.utf8))
    } catch {
      throw ProjectError("record \(row.id): stored JSON cannot be read (\(error)); the database may be damaged")
    }
  }
}
