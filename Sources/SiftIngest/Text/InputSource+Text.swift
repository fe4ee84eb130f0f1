import SiftCore

/// A whole small file decoded to a string.
public struct DecodedText: Sendable {
  /// The text, lines joined with `\n` whatever the file used.
  public var text: String
  /// What ``LineReader/encodingDescription`` said.
  public var encoding: String
  /// The Windows-1252 warning, when lines needed it.
  public var diagnostics: [Diagnostic]
}

extension InputSource {
  /// Reads and decodes the whole input (for small formats such as BibTeX); same rules as ``LineReader``.
  public func readAllText() throws -> DecodedText {
    let reader = try LineReader(self)
    var out: [UInt8] = []
    var first = true
    while let line = try reader.next() {
      if !first { out.append(0x0A) }
      first = false
      out.append(contentsOf: line.bytes)
    }
    return DecodedText(
      text: String(decoding: out, as: UTF8.self), encoding: reader.encodingDescription,
      diagnostics: reader.decodingDiagnostic.map { [$0] } ?? [])
  }

  /// The decoded start of the input (up to `limit` bytes), lines joined with `\n`, for format detection.
  public func readHead(limit: Int = 65536) throws -> (text: String, encoding: TextEncoding) {
    let reader = try LineReader(self, limit: limit)
    var out: [UInt8] = []
    var first = true
    while let line = try reader.next() {
      if !first { out.append(0x0A) }
      first = false
      out.append(contentsOf: line.bytes)
    }
    return (String(decoding: out, as: UTF8.self), reader.encoding)
  }
}
