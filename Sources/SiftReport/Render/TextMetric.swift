/// A conservative estimate of rendered text width, used to wrap text so it never overflows its box.
///
/// Widths are per character in em, rounded up from the widest of Helvetica/Arial, Liberation Sans and
/// DejaVu Sans (the usual fallback for `sans-serif` on Linux); characters outside the table count 1 em.
/// Bold text counts 12% wider.
public enum TextMetric {
  /// The width of `text` in px at `fontSize` px.
  public static func width(of text: String, fontSize: Int, bold: Bool = false) -> Double {
    var ems = 0.0
    for character in text.unicodeScalars {
      ems += em(character)
    }
    return ems * Double(fontSize) * (bold ? 1.12 : 1.0)
  }

  /// Width of one character in em.
  static func em(_ scalar: Unicode.Scalar) -> Double {
    switch scalar {
    case "i", "j", "l", "I", ".", ",", ":", ";", "'", "|": return 0.36
    case " ", "\u{00A0}", "!", "(", ")", "[", "]", "{", "}", "`", "f", "t", "r", "-", "/", "\\", "\"": return 0.46
    case "m", "M", "W", "w", "%", "@", "\u{2014}": return 1.0
    case "=", "+", "<", ">", "~", "^", "#", "&", "*", "\u{2212}", "\u{00D7}": return 0.86
    case "A"..."Z": return 0.82
    case "a"..."z", "0"..."9", "_", "?", "$", "\u{2013}", "\u{2026}", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}":
      return 0.68
    default: return 1.0
    }
  }

  /// Splits `text` into lines no wider than `maxWidth` px, breaking at spaces; a word wider than a whole
  /// line is cut between characters. Never returns an empty array.
  public static func wrap(_ text: String, maxWidth: Double, fontSize: Int, bold: Bool = false) -> [String] {
    var lines: [String] = []
    var current = ""
    func fits(_ candidate: String) -> Bool {
      width(of: candidate, fontSize: fontSize, bold: bold) <= maxWidth
    }
    for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
      let candidate = current.isEmpty ? word : current + " " + word
      if fits(candidate) {
        current = candidate
        continue
      }
      if !current.isEmpty { lines.append(current) }
      current = ""
      // Cut a word that does not fit on a line of its own.
      for character in word {
        let next = current + String(character)
        if fits(next) || current.isEmpty {
          current = next
        } else {
          lines.append(current)
          current = String(character)
        }
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }
}
