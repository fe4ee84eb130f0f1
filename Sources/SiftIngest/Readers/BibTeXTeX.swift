import Foundation

/// Decodes the TeX in BibTeX values to plain Unicode text: accents (`{\"o}`, `\'e`, `\c{C}`), special letters
/// (`{\ss}`, `\o`, `\i`), escaped characters (`\&`, `\$`, `\%`, `\_`), text commands (`\textbackslash{}`),
/// formatting commands (`\emph{x}` → `x`), grouping braces and math dollars removed, white space collapsed.
enum BibTeXTeX {
  static func decode(_ raw: String) -> String {
    // Most values hold no TeX at all.
    if !raw.utf8.contains(where: { $0 == 0x5C || $0 == 0x7B || $0 == 0x7D || $0 == 0x24 || $0 == 0x7E }) {
      return FieldText.collapse(raw)
    }
    let scalars = Array(raw.unicodeScalars)
    var i = 0
    var out = ""
    decodeGroup(scalars, &i, into: &out, untilBrace: false)
    // Accent commands add combining marks: compose them (`o` + U+0308 → `ö`).
    let composed =
      out.unicodeScalars.contains { (0x0300...0x036F).contains($0.value) }
      ? out.precomposedStringWithCanonicalMapping : out
    return FieldText.collapse(composed)
  }

  /// Combining marks for the accent commands.
  private static let accents: [String: Unicode.Scalar] = [
    "\"": "\u{0308}", "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "~": "\u{0303}", "=": "\u{0304}",
    ".": "\u{0307}", "u": "\u{0306}", "v": "\u{030C}", "H": "\u{030B}", "c": "\u{0327}", "k": "\u{0328}",
    "r": "\u{030A}", "d": "\u{0323}", "b": "\u{0331}",
  ]

  /// Letters written as commands.
  private static let letters: [String: String] = [
    "ss": "ß", "i": "ı", "j": "ȷ", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ae": "æ", "AE": "Æ", "oe": "œ",
    "OE": "Œ", "aa": "å", "AA": "Å", "SS": "SS", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
    "textbackslash": "\\", "textbraceleft": "{", "textbraceright": "}", "textasciitilde": "~",
    "textasciicircum": "^", "textunderscore": "_", "textendash": "–", "textemdash": "—", "textquoteright": "’",
    "textquoteleft": "‘", "textquotedblleft": "“", "textquotedblright": "”", "textdegree": "°", "textregistered": "®",
    "texttrademark": "™", "copyright": "©", "textcopyright": "©", "S": "§", "P": "¶", "dag": "†", "ldots": "…",
    "dots": "…", "textellipsis": "…", "pounds": "£", "euro": "€", "textperiodcentered": "·", "guillemotleft": "«",
    "guillemotright": "»", "textless": "<", "textgreater": ">", "textbar": "|", "&": "&", "$": "$",
    "%": "%", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ", "\\": " ", ",": " ", ";": " ", "-": "", "/": "",
    "@": "", "textpm": "±", "pm": "±", "times": "×", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ",
    "mu": "μ", "kappa": "κ", "lambda": "λ", "sigma": "σ", "chi": "χ", "omega": "ω", "le": "≤", "ge": "≥",
  ]

  private static func isLetter(_ c: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(c) || ("A"..."Z").contains(c)
  }

  /// Decodes until the end (or the `}` closing the current group), consuming the `}`.
  private static func decodeGroup(_ s: [Unicode.Scalar], _ i: inout Int, into out: inout String, untilBrace: Bool) {
    while i < s.count {
      let c = s[i]
      switch c {
      case "}":
        i += 1
        if untilBrace { return }
      case "{":
        i += 1
        decodeGroup(s, &i, into: &out, untilBrace: true)
      case "$":
        i += 1
      case "~":
        out += " "
        i += 1
      case "\\":
        decodeCommand(s, &i, into: &out)
      default:
        out.unicodeScalars.append(c)
        i += 1
      }
    }
  }

  /// Decodes one command starting at the backslash.
  private static func decodeCommand(_ s: [Unicode.Scalar], _ i: inout Int, into out: inout String) {
    i += 1
    guard i < s.count else { return }
    var name = ""
    if isLetter(s[i]) {
      while i < s.count, isLetter(s[i]) {
        name.unicodeScalars.append(s[i])
        i += 1
      }
    } else {
      name.unicodeScalars.append(s[i])
      i += 1
    }
    let isWord = name.unicodeScalars.first.map(isLetter) ?? false
    if let mark = accents[name], !(isWord && name.count > 1) {
      var argument = ""
      if isWord { skipSpaces(s, &i) }
      if i < s.count {
        if s[i] == "{" {
          i += 1
          decodeGroup(s, &i, into: &argument, untilBrace: true)
        } else if s[i] == "\\" {
          decodeCommand(s, &i, into: &argument)
        } else {
          argument.unicodeScalars.append(s[i])
          i += 1
        }
      }
      var scalars = Array(argument.unicodeScalars)
      if let first = scalars.first {
        // Accents over the dotless i and j sit on the ordinary letter.
        if first == "ı" { scalars[0] = "i" }
        if first == "ȷ" { scalars[0] = "j" }
        out.unicodeScalars.append(scalars[0])
        out.unicodeScalars.append(mark)
        out.unicodeScalars.append(contentsOf: scalars.dropFirst())
      } else {
        out.unicodeScalars.append(mark)
      }
      return
    }
    if let letter = letters[name] {
      out += letter
      if isWord {
        // `\ss{}` and `\ss ` both mean ß: drop an empty group or the space that ends the command word.
        if i + 1 < s.count, s[i] == "{", s[i + 1] == "}" {
          i += 2
        } else if i < s.count, s[i] == " " {
          i += 1
        }
      }
      return
    }
    // Any other command (\emph, \textit, \url, \mbox…): dropped; its argument group is read as text.
    if isWord { skipSpaces(s, &i) }
  }

  private static func skipSpaces(_ s: [Unicode.Scalar], _ i: inout Int) {
    while i < s.count, s[i] == " " { i += 1 }
  }
}
