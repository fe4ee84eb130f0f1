/// One record element read by ``XMLStream``, flattened: its elements in document order and all its text as UTF-8
/// bytes in document order. Because the text of an element's descendants is contiguous in document order, the text
/// of any element (markup dropped) is one slice of ``text``; no `String` is made until a reader asks for a value.
final class XMLRecordData: Sendable {
  /// One element: indexes into the stream's name and path tables, its subtree and its slices.
  struct Element: Sendable {
    /// Index into ``XMLRecordData/names``.
    var name: Int32
    /// Index into ``XMLRecordData/paths``: the element path relative to the record element (`titles/title`).
    var path: Int32
    /// 1-based line of the start tag.
    var line: Int32
    /// Whether every child element is inline markup (the element holds a value, not structure).
    var holdsValue: Bool
    /// Index just after the element's last descendant: the first child is `self + 1` when that is below `end`,
    /// and a child's next sibling is the child's `end`.
    var end: Int
    var textStart: Int
    var textEnd: Int
    var attributeStart: Int
    var attributeEnd: Int
  }

  /// One attribute; the value is a slice of ``XMLRecordData/attributeBytes``.
  struct Attribute: Sendable {
    var name: Int32
    /// Index into ``XMLRecordData/paths``: `elementPath@name`; -1 for attributes of inline elements (made when
    /// asked for, see ``XMLRecordData/attributePath(_:of:)``).
    var path: Int32
    var valueStart: Int
    var valueEnd: Int
  }

  /// Element and attribute names, shared by all records of a stream.
  let names: [String]
  /// Element paths relative to the record element, and attribute paths (`path@name`), shared by all records.
  let paths: [String]
  /// ``SiftCore/Field/code(of:)`` of each path, made once with it.
  let pathCodes: [UInt32]
  let elements: [Element]
  let text: [UInt8]
  let attributes: [Attribute]
  let attributeBytes: [UInt8]

  init(
    names: [String], paths: [String], pathCodes: [UInt32], elements: [Element], text: [UInt8],
    attributes: [Attribute], attributeBytes: [UInt8]
  ) {
    self.names = names
    self.paths = paths
    self.pathCodes = pathCodes
    self.elements = elements
    self.text = text
    self.attributes = attributes
    self.attributeBytes = attributeBytes
  }

  /// The bytes `start..<end` of ``text`` as a `String`.
  func string(_ start: Int, _ end: Int) -> String {
    text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
  }

  /// The bytes `start..<end` of ``text`` with white space collapsed (see ``FieldText/collapse(_:)``).
  func collapsed(_ start: Int, _ end: Int) -> String {
    text.withUnsafeBufferPointer {
      let bytes = UnsafeBufferPointer(rebasing: $0[start..<end])
      return FieldText.isCollapsed(bytes) ? String(decoding: bytes, as: UTF8.self) : FieldText.collapse(bytes)
    }
  }

  /// The verbatim field tag of attribute `i` of element `element`: `elementPath@name`.
  func attributePath(_ i: Int, of element: Element) -> String {
    let attribute = attributes[i]
    if attribute.path >= 0 { return paths[Int(attribute.path)] }
    return paths[Int(element.path)] + "@" + names[Int(attribute.name)]
  }

  /// The value of attribute `i`.
  func attributeValue(_ i: Int) -> String {
    let attribute = attributes[i]
    return attributeBytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[attribute.valueStart..<attribute.valueEnd]), as: UTF8.self)
    }
  }
}

/// An element of a record read by ``XMLStream``: a view into the record's ``XMLRecordData``.
struct XMLTree: Sendable {
  let data: XMLRecordData
  let index: Int

  private var element: XMLRecordData.Element { data.elements[index] }

  /// The element's name (local name; `prefix:name` when the prefix is not bound to a namespace).
  var name: String { data.names[Int(element.name)] }

  /// The id of the element's name in the stream's name table: names the reader gave the stream as `known` have
  /// their position in that list, so comparing ids is comparing names.
  var nameID: Int32 { element.name }

  /// 1-based line where the element starts.
  var line: Int { Int(element.line) }

  /// The element's text slice of the record's bytes.
  var textRange: Range<Int> {
    let element = element
    return element.textStart..<element.textEnd
  }

  /// The attributes, in document order.
  var attributes: [(name: String, value: String)] {
    let element = element
    return (element.attributeStart..<element.attributeEnd).map {
      (data.names[Int(data.attributes[$0].name)], data.attributeValue($0))
    }
  }

  /// The value of an attribute, if present.
  func attribute(_ name: String) -> String? {
    let element = element
    for i in element.attributeStart..<element.attributeEnd where data.names[Int(data.attributes[i].name)] == name {
      return data.attributeValue(i)
    }
    return nil
  }

  /// Calls `body` with the index of each direct child element, in order.
  @inline(__always)
  func forEachChild(_ body: (Int) throws -> Void) rethrows {
    let end = element.end
    var child = index + 1
    while child < end {
      try body(child)
      child = data.elements[child].end
    }
  }

  /// The direct child elements.
  var elements: [XMLTree] {
    var out: [XMLTree] = []
    forEachChild { out.append(XMLTree(data: data, index: $0)) }
    return out
  }

  /// The first direct child element named `name`.
  func child(_ name: String) -> XMLTree? {
    let end = element.end
    var child = index + 1
    while child < end {
      let entry = data.elements[child]
      if data.names[Int(entry.name)] == name { return XMLTree(data: data, index: child) }
      child = entry.end
    }
    return nil
  }

  /// The first direct child element named `name`.
  func child(_ name: Substring) -> XMLTree? {
    let end = element.end
    var child = index + 1
    while child < end {
      let entry = data.elements[child]
      if data.names[Int(entry.name)] == name { return XMLTree(data: data, index: child) }
      child = entry.end
    }
    return nil
  }

  /// The direct child elements named `name`.
  func children(_ name: String) -> [XMLTree] {
    var out: [XMLTree] = []
    forEachChild { child in
      if data.names[Int(data.elements[child].name)] == name { out.append(XMLTree(data: data, index: child)) }
    }
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
    forEachChild { child in
      guard data.names[Int(data.elements[child].name)] == step else { return }
      let tree = XMLTree(data: data, index: child)
      if rest.isEmpty { out.append(tree) } else { tree.collect(rest, into: &out) }
    }
  }

  /// All text inside the element, its descendants' text concatenated in document order (markup dropped).
  var rawText: String {
    let element = element
    return data.string(element.textStart, element.textEnd)
  }

  /// Whether the element holds no text at all.
  var hasNoText: Bool { element.textStart == element.textEnd }

  /// The text with runs of white space collapsed to one space and trimmed; nil when empty.
  var text: String? {
    let element = element
    guard element.textStart < element.textEnd else { return nil }
    let collapsed = data.collapsed(element.textStart, element.textEnd)
    return collapsed.isEmpty ? nil : collapsed
  }

  /// Whether the element holds text (possibly with inline markup) rather than further structure.
  var holdsValue: Bool { element.holdsValue }
}
