/// The character encoding of a text export, as Sift detected it from the bytes.
public enum TextEncoding: String, Sendable, Hashable, Codable {
  case utf8 = "UTF-8"
  case utf8BOM = "UTF-8 (BOM)"
  case utf16LE = "UTF-16LE"
  case utf16BE = "UTF-16BE"

  /// Detects the encoding from the first bytes (a byte order mark, or UTF-16 zero bytes); UTF-8 otherwise.
  /// Returns the encoding and the length of its byte order mark.
  public static func detect(_ head: some Collection<UInt8>) -> (encoding: TextEncoding, bomLength: Int) {
    let b = Array(head.prefix(4))
    if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return (.utf8BOM, 3) }
    if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return (.utf16LE, 2) }
    if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return (.utf16BE, 2) }
    // UTF-16 without a byte order mark: ASCII text has a zero in every other byte.
    if b.count >= 4 {
      if b[0] != 0, b[1] == 0, b[2] != 0, b[3] == 0 { return (.utf16LE, 0) }
      if b[0] == 0, b[1] != 0, b[2] == 0, b[3] != 0 { return (.utf16BE, 0) }
    }
    return (.utf8, 0)
  }
}
