import SiftCore

extension XMLTree {
  /// Every text-bearing element below this one (the record element) as a verbatim ``Field``, in document order.
  /// The tag is the element path relative to the record element (`titles/title`); attributes come as `path@name`.
  /// Elements named in the stream's `inline` set (`style`, `i`, `sup`…) are markup inside a value, not fields of
  /// their own.
  func verbatimFields() -> [Field] {
    var fields: [Field] = []
    fields.reserveCapacity(32)
    collectFields(of: index, into: &fields)
    return fields
  }

  private func collectFields(of parent: Int, into fields: inout [Field]) {
    let elements = data.elements
    let end = elements[parent].end
    var child = parent + 1
    while child < end {
      let element = elements[child]
      for i in element.attributeStart..<element.attributeEnd {
        fields.append(Field(data.paths[Int(data.attributes[i].path)], data.attributeValue(i)))
      }
      if element.holdsValue {
        let value = trimmedText(element)
        if !value.isEmpty || element.attributeStart == element.attributeEnd {
          fields.append(Field(data.paths[Int(element.path)], value))
        }
      } else {
        collectFields(of: child, into: &fields)
      }
      child = element.end
    }
  }

  /// The element's text with leading and trailing white space removed (inner white space kept).
  private func trimmedText(_ element: XMLRecordData.Element) -> String {
    data.text.withUnsafeBufferPointer { all in
      var start = element.textStart
      var end = element.textEnd
      guard start < end else { return "" }
      let first = all[start]
      let last = all[end - 1]
      if first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
        return String(decoding: UnsafeBufferPointer(rebasing: all[start..<end]), as: UTF8.self)
      }
      // Trim ASCII white space on the bytes, then let the Unicode-aware trim handle the rest.
      while start < end, all[start] == 0x20 || (all[start] >= 0x09 && all[start] <= 0x0D) { start += 1 }
      while end > start, all[end - 1] == 0x20 || (all[end - 1] >= 0x09 && all[end - 1] <= 0x0D) { end -= 1 }
      let text = String(decoding: UnsafeBufferPointer(rebasing: all[start..<end]), as: UTF8.self)
      return FieldText.trimmed(text)
    }
  }
}
