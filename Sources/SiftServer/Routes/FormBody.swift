/// An `application/x-www-form-urlencoded` body: repeated names keep every value, in order.
struct FormBody: Sendable {
  private(set) var pairs: [(String, String)] = []

  init(_ text: String) {
    for part in text.split(separator: "&", omittingEmptySubsequences: true) {
      let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = Self.decode(kv[0])
      let value = kv.count > 1 ? Self.decode(kv[1]) : ""
      pairs.append((name, value))
    }
  }

  /// The first value of `name`.
  subscript(_ name: String) -> String? { pairs.first { $0.0 == name }?.1 }

  /// Every value of `name`, in order.
  func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }

  /// Percent-decoding with `+` as space; invalid escapes are kept as written, invalid UTF-8 becomes U+FFFD.
  static func decode(_ text: Substring) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    let utf8 = Array(text.utf8)
    var index = 0
    while index < utf8.count {
      let byte = utf8[index]
      if byte == UInt8(ascii: "+") {
        bytes.append(UInt8(ascii: " "))
      } else if byte == UInt8(ascii: "%"), index + 2 < utf8.count,
        let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2])
      {
        bytes.append(high << 4 | low)
        index += 2
      } else {
        bytes.append(byte)
      }
      index += 1
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
