import SiftCore

extension XMLTree {
  /// Every text-bearing element below this one as a verbatim ``Field``, in document order. The tag is the element
  /// path relative to this element (`titles/title`); attributes come as `path@name`. Elements named in
  /// `inline` (`style`, `i`, `sup`…) are markup inside a value, not fields of their own.
  func verbatimFields(inline: Set<String>) -> [Field] {
    var fields: [Field] = []
    collectFields(prefix: "", inline: inline, into: &fields)
    return fields
  }

  private func collectFields(prefix: String, inline: Set<String>, into fields: inout [Field]) {
    for case .element(let child) in children {
      let path = prefix.isEmpty ? child.name : prefix + "/" + child.name
      for attribute in child.attributes {
        fields.append(Field(path + "@" + attribute.name, attribute.value))
      }
      if child.isValueElement(inline: inline) {
        let value = FieldText.trimmed(child.rawText)
        if !value.isEmpty || child.attributes.isEmpty { fields.append(Field(path, value)) }
      } else {
        child.collectFields(prefix: path, inline: inline, into: &fields)
      }
    }
  }

  /// True when the element holds text (possibly with inline markup) rather than further structure.
  func isValueElement(inline: Set<String>) -> Bool {
    for case .element(let e) in children where !inline.contains(e.name) { return false }
    return true
  }
}
