import Foundation
import GRDB

/// Typed reads and writes inside one ``ProjectStore`` transaction. Only valid inside the closure it is given to.
public struct StoreAccess {
  let db: Database

  /// Lower-case letters and digits of a title, the key other tools' exports are matched by.
  public static func titleKey(_ title: String?) -> String? {
    guard let title else { return nil }
    let key = String(
      title.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    return key.isEmpty ? nil : key
  }

  /// The id a record with sequence number `seq` gets: `R000001`.
  public static func recordID(seq: Int) -> String {
    let digits = String(seq)
    return "R" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }

  func nextID(_ table: String) throws -> Int64 {
    (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM \(table)") ?? 0) + 1
  }
}
