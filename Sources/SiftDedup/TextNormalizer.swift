import Foundation

/// The text normalisations matching compares on: case, diacritics, punctuation, HTML/LaTeX markup,
/// Greek letters, language tags such as a trailing `[Chinese]`.
public enum TextNormalizer {
  /// A title reduced to lower-case ASCII words separated by single spaces.
  ///
  /// `<i>Na</i><sup>+</sup>-channel {\em blockers}: a review. [Chinese]` → `na channel blockers a review`.
  public static func title(_ raw: String) -> String {
    var text = stripMarkup(raw)
    text = stripTrailingBracketTag(text)
    return words(text).joined(separator: " ")
  }

  /// The main title, before a subtitle separator (`:`, ` - `, ` – `, `. `), normalised; nil when there is none.
  public static func mainTitle(_ raw: String) -> String? {
    let text = stripTrailingBracketTag(stripMarkup(raw))
    let separators = [": ", " - ", " – ", " — ", ". ", "? "]
    var cut: String.Index?
    for sep in separators {
      if let r = text.range(of: sep), cut.map({ r.lowerBound < $0 }) ?? true { cut = r.lowerBound }
    }
    guard let cut else { return nil }
    let main = words(String(text[..<cut])).joined(separator: " ")
    return main.isEmpty ? nil : main
  }

  /// A name or journal reduced to lower-case ASCII words.
  public static func words(_ raw: String) -> [String] {
    var out: [String] = []
    var current = ""
    for scalar in fold(raw).unicodeScalars {
      switch scalar.value {
      case 0x61...0x7A, 0x30...0x39: current.unicodeScalars.append(scalar)
      case 0x41...0x5A: current.unicodeScalars.append(Unicode.Scalar(scalar.value + 32) ?? scalar)
      case 0x27, 0x2019:  // apostrophes join: o'brien → obrien
        continue
      default:
        if !current.isEmpty {
          out.append(current)
          current = ""
        }
      }
    }
    if !current.isEmpty { out.append(current) }
    return out
  }

  /// Letters only, lower-case ASCII: `O'Brien-Smith` → `obriensmith`.
  public static func compact(_ raw: String) -> String {
    words(raw).joined()
  }

  /// Removes diacritics and spells out Greek letters and ligatures.
  static func fold(_ raw: String) -> String {
    var text = raw
    if text.unicodeScalars.contains(where: { $0.value > 0x7F }) {
      var spelled = ""
      for ch in text {
        if let name = greek[ch] { spelled += name } else { spelled.append(ch) }
      }
      text = spelled.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
    return text
  }

  private static let greek: [Character: String] = [
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "κ": "kappa", "λ": "lambda",
    "μ": "mu", "π": "pi", "σ": "sigma", "τ": "tau", "ω": "omega", "θ": "theta", "Δ": "delta", "Ω": "omega",
    "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
  ]

  /// Drops HTML/XML tags and entities, and LaTeX commands and braces, keeping their text.
  static func stripMarkup(_ raw: String) -> String {
    guard raw.contains(where: { $0 == "<" || $0 == "&" || $0 == "\\" || $0 == "{" }) else { return raw }
    var out = ""
    var chars = Array(raw)
    var i = 0
    // Entities first, on the whole string.
    let entities: [(String, String)] = [
      ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&#39;", "'"),
      ("&nbsp;", " "),
    ]
    var decoded = raw
    for (e, r) in entities where decoded.contains(e) { decoded = decoded.replacingOccurrences(of: e, with: r) }
    chars = Array(decoded)
    while i < chars.count {
      let c = chars[i]
      if c == "<", let close = chars[i...].firstIndex(of: ">"), close - i < 40,
        i + 1 < chars.count, chars[i + 1].isLetter || chars[i + 1] == "/"
      {
        // A tag such as <i>, </sup>, <span class="x">: replaced by nothing (sub/sup glue to the word).
        i = close + 1
        continue
      }
      if c == "\\" {
        // LaTeX command: \textit, \em, \'e → keep the argument letters only.
        var j = i + 1
        while j < chars.count, chars[j].isLetter { j += 1 }
        if j == i + 1, j < chars.count { j += 1 }  // \' \" \& etc.
        i = j
        continue
      }
      if c == "{" || c == "}" || c == "$" {
        i += 1
        continue
      }
      out.append(c)
      i += 1
    }
    return out
  }

  /// Drops a trailing `[Chinese]`, `[Article in French]`, `[Review]` (a bracketed tag of at most 4 words)
  /// and unwraps a title written wholly in brackets (a translated title, `[Title in English]`).
  static func stripTrailingBracketTag(_ raw: String) -> String {
    var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    while text.hasSuffix(".") { text.removeLast() }
    if text.hasPrefix("["), text.hasSuffix("]"), !text.dropFirst().dropLast().contains("[") {
      return String(text.dropFirst().dropLast())
    }
    if text.hasSuffix("]"), let open = text.lastIndex(of: "[") {
      let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
      let before = text[..<open].trimmingCharacters(in: .whitespacesAndNewlines)
      if inner.split(separator: " ").count <= 4, before.count >= 10 { return before }
    }
    return text
  }
}
