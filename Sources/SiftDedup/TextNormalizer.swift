import Foundation

/// The text normalisations matching compares on: case, diacritics, punctuation, HTML/LaTeX markup,
/// Greek letters, language tags such as a trailing `[Chinese]`.
public enum TextNormalizer {
  /// A title reduced to lower-case ASCII words separated by single spaces.
  ///
  /// `<i>Na</i><sup>+</sup>-channel {\em blockers}: a review. [Chinese]` → `na channel blockers a review`.
  public static func title(_ raw: String) -> String {
    words(clean(raw)).joined(separator: " ")
  }

  /// The normalised title, main title and subtitle (around the first `:`, ` - `, `. `, `? `, `; `).
  public static func titleParts(_ raw: String) -> (title: String, main: String?, sub: String?) {
    let text = clean(raw)
    let title = words(text).joined(separator: " ")
    guard let (head, tail) = splitAtSeparator(text) else { return (title, nil, nil) }
    let main = words(head).joined(separator: " ")
    let sub = words(tail).joined(separator: " ")
    if main.isEmpty || sub.isEmpty { return (title, nil, nil) }
    return (title, main, sub)
  }

  /// The main title, before a subtitle separator, normalised; nil when there is none.
  public static func mainTitle(_ raw: String) -> String? {
    titleParts(raw).main
  }

  /// The subtitle, after the first separator, normalised; nil when there is none.
  public static func subtitle(_ raw: String) -> String? {
    titleParts(raw).sub
  }

  /// Splits at the first subtitle separator.
  static func splitAtSeparator(_ text: String) -> (String, String)? {
    let bytes = Array(text.utf8)
    var i = 0
    while i + 1 < bytes.count {
      let b = bytes[i]
      var sepEnd: Int?
      if (b == 0x3A || b == 0x2E || b == 0x3F || b == 0x3B), bytes[i + 1] == 0x20 {
        sepEnd = i + 2  // ": " ". " "? " "; "
      } else if b == 0x20, i + 2 < bytes.count {
        if bytes[i + 1] == 0x2D, bytes[i + 2] == 0x20 { sepEnd = i + 3 }  // " - "
        if bytes[i + 1] == 0x2D, i + 3 < bytes.count, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x20 { sepEnd = i + 4 }
        // " – " and " — " (E2 80 93/94)
        if bytes[i + 1] == 0xE2, i + 4 < bytes.count, bytes[i + 2] == 0x80,
          bytes[i + 3] == 0x93 || bytes[i + 3] == 0x94,
          bytes[i + 4] == 0x20
        {
          sepEnd = i + 5
        }
      }
      if let sepEnd {
        return (String(decoding: bytes[..<i], as: UTF8.self), String(decoding: bytes[sepEnd...], as: UTF8.self))
      }
      i += 1
    }
    return nil
  }

  /// The title without markup, editorial notes (`[Erratum appears in …]`, `[Review] [33 refs]`, `[corrected]`),
  /// a trailing language tag (`[Chinese]`), and the brackets of a translated title.
  static func clean(_ raw: String) -> String {
    var text = stripMarkup(raw)
    text = removeEditorialBrackets(text)
    var previous = ""
    while previous != text {
      previous = text
      text = stripTrailingBracketTag(text)
    }
    return text
  }

  private static let editorialWords = [
    "erratum", "refs", "review", "corrected", "comment", "retract", "see ", "published", "abstract", "letter",
  ]

  /// Removes `[...]` groups that are notes about the record rather than its title.
  static func removeEditorialBrackets(_ raw: String) -> String {
    guard raw.utf8.contains(0x5B) else { return raw }
    var out = ""
    var rest = Substring(raw)
    while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
      let inner = rest[rest.index(after: open)..<close].lowercased()
      out += rest[..<open]
      if !editorialWords.contains(where: { inner.contains($0) }) { out += rest[open...close] }
      rest = rest[rest.index(after: close)...]
    }
    out += rest
    return out
  }

  /// A name or journal reduced to lower-case ASCII words.
  public static func words(_ raw: String) -> [String] {
    var out: [String] = []
    var current: [UInt8] = []
    current.reserveCapacity(32)
    let bytes = Array(fold(raw).utf8)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      i += 1
      switch b {
      case 0x61...0x7A, 0x30...0x39: current.append(b)
      case 0x41...0x5A: current.append(b + 32)
      case 0x27: continue  // apostrophes join: o'brien → obrien
      case 0x3F where !current.isEmpty && i < bytes.count && isLetter(bytes[i]):
        continue  // `fran?ais`: a letter lost to a wrong encoding, not a word break
      case 0xE2 where i + 1 < bytes.count && bytes[i] == 0x80 && bytes[i + 1] == 0x99:
        i += 2  // U+2019, the typographic apostrophe
      default:
        if !current.isEmpty {
          out.append(String(decoding: current, as: UTF8.self))
          current.removeAll(keepingCapacity: true)
        }
      }
    }
    if !current.isEmpty { out.append(String(decoding: current, as: UTF8.self)) }
    return out
  }

  static func isLetter(_ b: UInt8) -> Bool {
    (0x61...0x7A).contains(b) || (0x41...0x5A).contains(b)
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
    guard raw.utf8.contains(where: { $0 == 0x3C || $0 == 0x26 || $0 == 0x5C || $0 == 0x7B || $0 == 0x24 }) else {
      return raw
    }
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
    var text = Substring(raw)
    while let f = text.first, f.isWhitespace || f == "\"" { text.removeFirst() }
    while let l = text.last, l.isWhitespace || l == "\"" || l == "." { text.removeLast() }
    guard text.first == "[" || text.last == "]" else { return String(text) }
    if text.hasPrefix("["), text.hasSuffix("]"), !text.dropFirst().dropLast().contains("[") {
      return String(text.dropFirst().dropLast())
    }
    if text.hasSuffix("]"), let open = text.lastIndex(of: "[") {
      let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
      let before = text[..<open].trimmingSpaces
      if inner.split(separator: " ").count <= 4, before.count >= 10 { return before }
    }
    return String(text)
  }
}
