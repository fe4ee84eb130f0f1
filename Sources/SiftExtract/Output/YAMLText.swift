/// Writes YAML scalars: plain when that reads back as the same string, double-quoted otherwise.
public enum YAMLText {
  private static let plainSpecial = Set(":#,[]{}&*!|>'\"%@`\\")
  private static let reservedWords: Set<String> = [
    "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
  ]

  /// `text` as a YAML scalar.
  public static func scalar(_ text: String) -> String {
    isPlainSafe(text) ? text : quoted(text)
  }

  /// `text` as a YAML string scalar that other YAML readers also read as a string: like `scalar`, but numbers
  /// (`2`, `1.5`) are quoted too. For ids and labels.
  public static func string(_ text: String) -> String {
    NumberValue.parse(text) != nil ? quoted(text) : scalar(text)
  }

  /// `text` always double-quoted, with escapes.
  public static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          result += "\\x" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  static func isPlainSafe(_ text: String) -> Bool {
    guard let first = text.first, let last = text.last else { return false }
    if first.isWhitespace || last.isWhitespace { return false }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
      // `-0.47` and `-.5` are fine; `- x`, `-x` and other indicators are not.
      guard first == "-", let second = text.dropFirst().first, second.isNumber || second == "." else { return false }
    }
    if reservedWords.contains(text.lowercased()) { return false }
    for character in text {
      if character.isNewline || plainSpecial.contains(character) { return false }
      if let ascii = character.asciiValue, ascii < 0x20 || ascii == 0x7F { return false }
    }
    return true
  }
}
