import SiftCore

/// Small text helpers shared by the structured readers (XML, BibTeX).
enum FieldText {
  /// Runs of white space (spaces, tabs, line ends) collapsed to one space, and trimmed.
  static func collapse(_ text: String) -> String {
    var out = ""
    var pendingSpace = false
    for ch in text {
      if ch.isWhitespace {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(ch)
      }
    }
    return out
  }

  /// The collapsed text, or nil when it is empty.
  static func nonEmpty(_ text: String?) -> String? {
    guard let text else { return nil }
    let collapsed = collapse(text)
    return collapsed.isEmpty ? nil : collapsed
  }
}
