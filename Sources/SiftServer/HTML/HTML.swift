/// HTML built as Swift strings. Every value that is not a literal of this module goes through ``HTML/escape(_:)``
/// (records from the wild hold `<`, `&`, quotes and scripts); ``HTML/text(_:)`` is the only way to interpolate text.
public enum HTML {
  /// `text` safe in element content and in double- or single-quoted attribute values.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\u{0}": out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
