/// A small in-memory XML element: one record's subtree, built while streaming (see ``XMLStream``).
struct XMLTree: Sendable {
  var name: String
  var attributes: [(name: String, value: String)] = []
  var children: [XMLTreeNode] = []
  /// 1-based line where the element starts.
  var line: Int = 0

  /// The value of an attribute, if present.
  func attribute(_ name: String) -> String? {
    attributes.first { $0.name == name }?.value
  }

  /// The direct child elements.
  var elements: [XMLTree] {
    children.compactMap { if case .element(let e) = $0 { e } else { nil } }
  }

  /// The first direct child element named `name`.
  func child(_ name: String) -> XMLTree? {
    for case .element(let e) in children where e.name == name { return e }
    return nil
  }

  /// The first direct child element named `name`.
  func child(_ name: Substring) -> XMLTree? {
    for case .element(let e) in children where e.name == name { return e }
    return nil
  }

  /// The direct child elements named `name`.
  func children(_ name: String) -> [XMLTree] {
    var out: [XMLTree] = []
    for case .element(let e) in children where e.name == name { out.append(e) }
    return out
  }

  /// The first element along a `/`-separated path of child names, e.g. `titles/title`.
  func path(_ path: String) -> XMLTree? {
    var current = self
    var rest = path[...]
    while let slash = rest.firstIndex(of: "/") {
      guard let next = current.child(rest[..<slash]) else { return nil }
      current = next
      rest = rest[rest.index(after: slash)...]
    }
    return current.child(rest)
  }

  /// Every element along a path whose last step may repeat, e.g. `keywords/keyword`.
  func all(_ path: String) -> [XMLTree] {
    var out: [XMLTree] = []
    collect(path.split(separator: "/")[...], into: &out)
    return out
  }

  private func collect(_ steps: ArraySlice<Substring>, into out: inout [XMLTree]) {
    guard let step = steps.first else { return }
    let rest = steps.dropFirst()
    for case .element(let e) in children where e.name == step {
      if rest.isEmpty { out.append(e) } else { e.collect(rest, into: &out) }
    }
  }

  /// All text inside the element, its descendants' text concatenated in document order (markup dropped).
  var rawText: String {
    if children.count == 1, case .text(let text) = children[0] { return text }
    var out = ""
    appendText(to: &out)
    return out
  }

  private func appendText(to out: inout String) {
    for child in children {
      switch child {
      case .text(let text): out += text
      case .element(let element): element.appendText(to: &out)
      }
    }
  }

  /// The text with runs of white space collapsed to one space and trimmed; nil when empty.
  var text: String? {
    let collapsed = FieldText.collapse(rawText)
    return collapsed.isEmpty ? nil : collapsed
  }
}

/// A child of an ``XMLTree``.
enum XMLTreeNode: Sendable {
  case element(XMLTree)
  case text(String)
}
