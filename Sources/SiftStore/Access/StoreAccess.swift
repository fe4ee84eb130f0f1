import Foundation
import GRDB

/// Typed reads and writes inside one ``ProjectStore`` transaction. Only valid inside the closure it is given to.
public struct StoreAccess {
  let db: Database

  /// Lower-case letters and digits of a title, the key other tools' exports are matched by.
  public static func titleKey(_ title: String?) -> String? {
    guard var title else { return nil }
    // ASCII titles (most) on bytes: the same letters and digits, lower-cased.
    let ascii = title.withUTF8 { bytes -> String?? in
      var isASCII = true
      let key = String(unsafeUninitializedCapacity: bytes.count) { out in
        var n = 0
        for c in bytes {
          if c >= 0x80 {
            isASCII = false
            return 0
          }
          if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
            out[n] = c
            n += 1
          } else if c >= 0x41 && c <= 0x5A {
            out[n] = c | 0x20
            n += 1
          }
        }
        return n
      }
      guard isASCII else { return .none }
      return .some(key.isEmpty ? nil : key)
    }
    if let ascii { return ascii }
    return titleKeySlowly(title)
  }

  /// ``titleKey(_:)`` for any title (the ASCII path's reference).
  static func titleKeySlowly(_ title: String?) -> String? {
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
