import Foundation
import SiftCore

/// JSON lines: one JSON object per record (the ``Record`` model, keys sorted, absent values left out), one per line.
struct JSONLEncoder: RecordEncoder {
  private let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  var header: String { "" }

  mutating func encode(_ record: Record) -> String {
    // Record holds only strings, integers and arrays of them: encoding cannot fail.
    guard let data = try? encoder.encode(record) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
