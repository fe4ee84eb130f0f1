import SiftCore

extension XMLTree {
  /// Every text-bearing element below this one (the record element) as a verbatim ``Field``, in document order.
  /// The tag is the element path relative to the record element (`titles/title`); attributes come as `path@name`.
  /// Elements named in the stream's `inline` set (`style`, `i`, `sup`…) are markup inside a value, not fields of
  /// their own.
  func verbatimFields() -> [Field] {
    verbatimFieldValues().fields
  }

  /// ``verbatimFields()`` and, for each element, which field holds its value, so a reader can take its values
  /// from the fields' strings instead of making them again.
  func verbatimFieldValues() -> XMLFieldValues {
    var values = XMLFieldValues(
      fields: [], fieldOf: [Int32](repeating: -1, count: data.elements.count))
    values.fields.reserveCapacity(32)
    collectFields(of: index, into: &values)
    return values
  }

  private func collectFields(of parent: Int, into values: inout XMLFieldValues) {
    let elements = data.elements
    let end = elements[parent].end
    var child = parent + 1
    while child < end {
      let element = elements[child]
      for i in element.attributeStart..<element.attributeEnd {
        values.fields.append(Field(data.attributePath(i, of: element), data.attributeValue(i)))
      }
      if element.holdsValue {
        let value = trimmedText(element)
        if !value.isEmpty || element.attributeStart == element.attributeEnd {
          values.fieldOf[child] = Int32(values.fields.count)
          let path = Int(element.path)
          values.fields.append(Field(data.paths[path], value, tagCode: data.pathCodes[path]))
        }
      } else {
        collectFields(of: child, into: &values)
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

/// A record's verbatim fields, and which field holds each element's value (see ``XMLTree/verbatimFieldValues()``).
struct XMLFieldValues {
  var fields: [Field]
  /// For each element of the record, the index of the field holding its trimmed text, or -1.
  var fieldOf: [Int32]

  /// ``XMLTree/text`` of element `index` of `data`, sharing the field's string when white space needs no change.
  func text(at index: Int, in data: XMLRecordData) -> String? {
    let field = fieldOf[index]
    let element = data.elements[index]
    if field >= 0 {
      let value = fields[Int(field)].value
      if value.utf8.count == element.textEnd - element.textStart {
        let collapsed = FieldText.collapse(value)
        return collapsed.isEmpty ? nil : collapsed
      }
    }
    guard element.textStart < element.textEnd else { return nil }
    let collapsed = data.collapsed(element.textStart, element.textEnd)
    return collapsed.isEmpty ? nil : collapsed
  }

  /// ``XMLTree/rawText`` of element `index` of `data`, sharing the field's string when the text has no white space
  /// to trim.
  func rawText(at index: Int, in data: XMLRecordData) -> String {
    let field = fieldOf[index]
    let element = data.elements[index]
    if field >= 0 {
      let value = fields[Int(field)].value
      if value.utf8.count == element.textEnd - element.textStart { return value }
    }
    return data.string(element.textStart, element.textEnd)
  }
}
