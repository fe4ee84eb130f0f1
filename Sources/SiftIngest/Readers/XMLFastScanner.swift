import Foundation

/// A hand-written XML tokenizer for the common case: well-formed UTF-8 exports without a DTD. It drives the same
/// ``XMLParseState`` as libxml2's SAX2 callbacks, so records come out identical, about four times faster.
///
/// It accepts only: an optional UTF-8 byte order mark, an optional `<?xml version="1.0" …?>` declaration whose
/// encoding is absent or UTF-8, elements with attributes (either quote), text, the five predefined entities,
/// character references, CDATA sections, comments, processing instructions and a DOCTYPE without an internal subset
/// (skipped: libxml2 never loads the external DTD). Anything else (a DOCTYPE with an internal subset, another
/// entity, invalid UTF-8 or characters, malformed markup, namespaces, nesting over ``XMLStream/maxDepth``, a text
/// node over ``XMLStream/maxTextBytes``, a lone carriage return, the end of the file inside an element) is an
/// *anomaly*: the scanner stops and ``XMLStream`` reads the file again with libxml2, which reports it.
struct XMLFastScanner {
  /// What a call to ``scan(_:isEnd:state:)`` ended with.
  enum Outcome: Equatable {
    /// The bytes from `consumed` on hold an incomplete token: call again with more bytes.
    case needMore
    /// The document ended well.
    case done
    /// Something the fast path does not read; the reason is for tests and debugging.
    case anomaly(String)
  }

  /// The line being read (1-based, counting line feeds as libxml2 does).
  private(set) var line = 1
  /// Open elements: where each name starts in `openNames`.
  private var stack = XMLBuffer<Int>(capacity: 128)
  /// The names of the open elements, one after the other (an end tag is compared with the last one's bytes).
  private var openNames = XMLBuffer<UInt8>(capacity: 4096)
  private var headDone = false
  private var seenRoot = false
  private var seenDoctype = false
  /// Text bytes since the last start or end tag (libxml2's text node).
  private var textRun = 0
  private var names = XMLFastNames()
  private var scratch = XMLBuffer<UInt8>(capacity: 4096)
  private var attributeSpans = XMLBuffer<XMLFastAttributeCache.Span>(capacity: 32)
  private let attributeCache = XMLFastAttributeCache()
  /// For each byte, whether it may continue a name (see ``isNameChar(_:)``): one load per byte in name loops.
  private let nameChars: UnsafeMutablePointer<Bool>

  init() {
    nameChars = .allocate(capacity: 256)
    for c in 0..<256 {
      let byte = UInt8(c)
      let lower = byte | 0x20
      (nameChars + c).initialize(
        to: (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
          || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":"))
    }
  }

  /// Frees the buffers; the scanner must not be used afterwards.
  func release() {
    stack.release()
    openNames.release()
    scratch.release()
    attributeSpans.release()
    names.release()
    attributeCache.release()
    nameChars.deallocate()
  }

  /// Reads the complete tokens of `bytes` into `state`. Returns how many bytes were consumed and the outcome.
  mutating func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, isEnd: Bool, state: UnsafeMutablePointer<XMLParseState>
  ) -> (consumed: Int, outcome: Outcome) {
    guard let base = bytes.baseAddress else {
      return (0, isEnd ? finish() : .needMore)
    }
    let end = bytes.count
    var p = 0
    if !headDone {
      switch head(bytes, isEnd: isEnd) {
      case .success(let length):
        p = length
        headDone = true
      case .failure(let outcome):
        return (0, outcome)
      }
    }
    while p < end {
      if base[p] == UInt8(ascii: "<") {
        let result = markup(base, p, end, isEnd: isEnd, state: state)
        switch result {
        case .success(let next): p = next
        case .failure(let failure): return (p, failure.outcome)
        }
      } else {
        guard let lt = memchr(base + p, Int32(UInt8(ascii: "<")), end - p) else {
          if isEnd { return (p, stack.isEmpty ? whitespaceOnly(base, p, end) ?? finish() : .anomaly("end inside")) }
          if end - p > XMLStream.maxTextBytes + 64 { return (p, .anomaly("text node too long")) }
          return (p, .needMore)
        }
        let stop = lt.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
        if stack.isEmpty {
          if let anomaly = whitespaceOnly(base, p, stop) { return (p, anomaly) }
        } else if let anomaly = text(base, p, stop, state: state) {
          return (p, anomaly)
        }
        p = stop
      }
    }
    return (p, isEnd ? finish() : .needMore)
  }

  private func finish() -> Outcome {
    if !seenRoot { return .anomaly("no root element") }
    if !stack.isEmpty { return .anomaly("end of file inside an element") }
    return .done
  }

  private typealias Step = Result<Int, Failure>
  private struct Failure: Error {
    var outcome: Outcome
    static let more = Failure(outcome: .needMore)
    static func anomaly(_ reason: String) -> Failure { Failure(outcome: .anomaly(reason)) }
  }

  // MARK: The head

  private enum HeadResult {
    case success(Int)
    case failure(Outcome)
  }

  /// The byte order mark and the XML declaration: their length, or an anomaly for anything unusual.
  private func head(_ bytes: UnsafeBufferPointer<UInt8>, isEnd: Bool) -> HeadResult {
    let count = bytes.count
    if count < 6 && !isEnd { return .failure(.needMore) }
    var p = 0
    if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { p = 3 }
    if count - p < 6 && !isEnd { return .failure(.needMore) }
    guard p < count, bytes[p] == UInt8(ascii: "<") else {
      return .failure(.anomaly("the file does not start with <"))
    }
    guard count - p >= 6, bytes[p + 1] == UInt8(ascii: "?"), bytes[p + 2] == UInt8(ascii: "x"),
      bytes[p + 3] == UInt8(ascii: "m"), bytes[p + 4] == UInt8(ascii: "l"), isSpace(bytes[p + 5])
    else { return .success(p) }
    var close = p + 5
    while close + 1 < count, !(bytes[close] == UInt8(ascii: "?") && bytes[close + 1] == UInt8(ascii: ">")) {
      close += 1
    }
    guard close + 1 < count else { return .failure(isEnd || count > 4096 ? .anomaly("declaration") : .needMore) }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[(p + 5)..<close]), as: UTF8.self)
    guard Self.acceptsDeclaration(text) else { return .failure(.anomaly("XML declaration")) }
    return .success(close + 2)
  }

  /// Whether the declaration's pseudo-attributes are `version="1.0"`, an optional UTF-8 encoding and an optional
  /// standalone, in that order, each as libxml2 reads them without a remark.
  static func acceptsDeclaration(_ text: String) -> Bool {
    var parts: [(String, String)] = []
    var rest = Substring(text)
    while true {
      rest = rest.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
      if rest.isEmpty { break }
      guard let equals = rest.firstIndex(of: "=") else { return false }
      let name = String(rest[..<equals]).trimmingCharacters(in: .whitespaces)
      rest = rest[rest.index(after: equals)...].drop(while: { $0 == " " || $0 == "\t" })
      guard let quote = rest.first, quote == "\"" || quote == "'" else { return false }
      rest = rest.dropFirst()
      guard let close = rest.firstIndex(of: quote) else { return false }
      parts.append((name, String(rest[..<close])))
      rest = rest[rest.index(after: close)...]
      if let next = rest.first, next != " " && next != "\t" && next != "\n" && next != "\r" { return false }
    }
    guard let version = parts.first, version.0 == "version", version.1 == "1.0" else { return false }
    var index = 1
    if index < parts.count, parts[index].0 == "encoding" {
      let encoding = parts[index].1.lowercased()
      guard encoding == "utf-8" else { return false }
      index += 1
    }
    if index < parts.count, parts[index].0 == "standalone" {
      guard parts[index].1 == "yes" || parts[index].1 == "no" else { return false }
      index += 1
    }
    return index == parts.count
  }

  // MARK: Markup

  private mutating func markup(
    _ b: UnsafePointer<UInt8>, _ p: Int, _ end: Int, isEnd: Bool, state: UnsafeMutablePointer<XMLParseState>
  ) -> Step {
    guard p + 1 < end else { return .failure(isEnd ? .anomaly("end in markup") : .more) }
    let result: Step
    switch b[p + 1] {
    case UInt8(ascii: "/"): result = endTag(b, p, end, state: state)
    case UInt8(ascii: "!"): result = bang(b, p, end, state: state)
    case UInt8(ascii: "?"): result = processingInstruction(b, p, end)
    default: result = startTag(b, p, end, state: state)
    }
    if case .failure(let failure) = result, failure.outcome == .needMore {
      if isEnd { return .failure(.anomaly("end of file inside markup")) }
      if end - p > 16 * 1024 * 1024 { return .failure(.anomaly("markup too long")) }
    }
    return result
  }

  private mutating func startTag(
    _ b: UnsafePointer<UInt8>, _ p: Int, _ end: Int, state: UnsafeMutablePointer<XMLParseState>
  ) -> Step {
    var i = p + 1
    let nameStart = i
    guard i < end, isNameStart(b[i]) else { return .failure(i < end ? .anomaly("start tag name") : .more) }
    while i < end, isNameChar(b[i]) { i += 1 }
    guard i < end else { return .failure(.more) }
    let nameEnd = i
    // First pass: find the end of the tag and check it, without touching the state (the tag may be incomplete).
    var lines = 0
    var attributeCount = 0
    scratch.removeAll()
    attributeSpans.removeAll()
    var selfClosing = false
    var cached: XMLFastAttributeCache.Entry?
    if b[i] != UInt8(ascii: ">"), b[i] != UInt8(ascii: "/"), let gt = memchr(b + i, Int32(UInt8(ascii: ">")), end - i) {
      let gtIndex = gt.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: b)
      cached = attributeCache.lookup(b + i, gtIndex - i)
      if let cached {
        attributeCount = cached.count
        selfClosing = cached.selfClosing
        i = gtIndex - (selfClosing ? 1 : 0)
      }
    }
    let rawStart = i
    while cached == nil {
      var sawSpace = false
      while i < end, isSpace(b[i]) {
        if b[i] == 0x0A { lines += 1 }
        if b[i] == 0x0D, i + 1 < end, b[i + 1] != 0x0A { return .failure(.anomaly("lone CR in tag")) }
        sawSpace = true
        i += 1
      }
      guard i < end else { return .failure(.more) }
      let c = b[i]
      if c == UInt8(ascii: ">") { break }
      if c == UInt8(ascii: "/") {
        guard i + 1 < end else { return .failure(.more) }
        guard b[i + 1] == UInt8(ascii: ">") else { return .failure(.anomaly("/ in tag")) }
        selfClosing = true
        break
      }
      guard sawSpace, isNameStart(c) else { return .failure(.anomaly("attribute")) }
      let attributeStart = i
      while i < end, isNameChar(b[i]) { i += 1 }
      let attributeEnd = i
      while i < end, isSpace(b[i]) {
        if b[i] == 0x0A { lines += 1 }
        if b[i] == 0x0D, i + 1 < end, b[i + 1] != 0x0A { return .failure(.anomaly("lone CR in tag")) }
        i += 1
      }
      guard i < end else { return .failure(.more) }
      guard b[i] == UInt8(ascii: "=") else { return .failure(.anomaly("attribute without =")) }
      i += 1
      while i < end, isSpace(b[i]) {
        if b[i] == 0x0A { lines += 1 }
        if b[i] == 0x0D, i + 1 < end, b[i + 1] != 0x0A { return .failure(.anomaly("lone CR in tag")) }
        i += 1
      }
      guard i < end else { return .failure(.more) }
      let quote = b[i]
      guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
        return .failure(.anomaly("unquoted attribute"))
      }
      i += 1
      guard let close = memchr(b + i, Int32(quote), end - i) else { return .failure(.more) }
      let valueEnd = close.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: b)
      let name = names.id(UnsafeBufferPointer(start: b + attributeStart, count: attributeEnd - attributeStart)) {
        state.pointee.intern($0)
      }
      for k in 0..<attributeSpans.count where attributeSpans[k].name == name {
        return .failure(.anomaly("duplicate attribute"))
      }
      if isNamespaced(b, attributeStart, attributeEnd) || isXMLNS(b, attributeStart, attributeEnd) {
        return .failure(.anomaly("namespace"))
      }
      let start = scratch.count
      guard let valueLines = attributeValue(b, i, valueEnd) else {
        return .failure(.anomaly("attribute value"))
      }
      lines += valueLines
      attributeSpans.append(XMLFastAttributeCache.Span(name: name, start: start, end: scratch.count))
      attributeCount += 1
      i = valueEnd + 1
    }
    let values = cached?.decoded ?? UnsafePointer(scratch.base)
    let spans = cached?.spans ?? UnsafePointer(attributeSpans.base)
    if cached == nil, lines == 0, attributeCount > 0 {
      attributeCache.store(
        b + rawStart, i + (selfClosing ? 1 : 0) - rawStart, values: values, valueCount: scratch.count, spans: spans,
        spanCount: attributeCount, selfClosing: selfClosing)
    }
    let close = i + (selfClosing ? 2 : 1)
    if stack.count >= XMLStream.maxDepth { return .failure(.anomaly("nesting too deep")) }
    if stack.isEmpty && seenRoot { return .failure(.anomaly("second root element")) }
    if isNamespaced(b, nameStart, nameEnd) { return .failure(.anomaly("namespace")) }
    let name = names.id(UnsafeBufferPointer(start: b + nameStart, count: nameEnd - nameStart)) {
      state.pointee.intern($0)
    }
    seenRoot = true
    line += lines
    textRun = 0
    state.pointee.fastLine = line
    if let (path, isInline) = state.pointee.beginElement(name) {
      let attributeStart = state.pointee.attributeCount
      for k in 0..<attributeCount {
        let span = spans[k]
        state.pointee.addDecodedAttribute(
          span.name, value: UnsafeBufferPointer(start: values + span.start, count: span.end - span.start),
          elementPath: isInline ? -1 : path)
      }
      state.pointee.pushElement(name, path: path, attributeStart: attributeStart)
    }
    if selfClosing {
      state.pointee.endElement()
      if stack.isEmpty { seenRoot = true }
    } else {
      stack.append(openNames.count)
      openNames.append(contentsOf: UnsafeBufferPointer(start: b + nameStart, count: nameEnd - nameStart))
    }
    return .success(close)
  }

  private mutating func endTag(
    _ b: UnsafePointer<UInt8>, _ p: Int, _ end: Int, state: UnsafeMutablePointer<XMLParseState>
  ) -> Step {
    var i = p + 2
    let nameStart = i
    // The usual case: the open element's name, then a byte that cannot continue a name.
    if !stack.isEmpty {
      let open = stack[stack.count - 1]
      let length = openNames.count - open
      if nameStart + length < end, !isNameChar(b[nameStart + length]),
        memcmp(openNames.base + open, b + nameStart, length) == 0
      {
        i = nameStart + length
      }
    }
    while i < end, isNameChar(b[i]) { i += 1 }
    let nameEnd = i
    var lines = 0
    while i < end, isSpace(b[i]) {
      if b[i] == 0x0A { lines += 1 }
      if b[i] == 0x0D, i + 1 < end, b[i + 1] != 0x0A { return .failure(.anomaly("lone CR in tag")) }
      i += 1
    }
    guard i < end else { return .failure(.more) }
    guard b[i] == UInt8(ascii: ">"), nameEnd > nameStart, !stack.isEmpty else {
      return .failure(.anomaly("end tag"))
    }
    let open = stack[stack.count - 1]
    guard openNames.count - open == nameEnd - nameStart,
      memcmp(openNames.base + open, b + nameStart, nameEnd - nameStart) == 0
    else { return .failure(.anomaly("mismatched end tag")) }
    _ = stack.removeLast()
    openNames.truncate(to: open)
    line += lines
    textRun = 0
    state.pointee.fastLine = line
    state.pointee.endElement()
    return .success(i + 1)
  }

  /// `<!--…-->`, `<![CDATA[…]]>`, `<!DOCTYPE …>` (see ``doctype(_:_:_:)``); anything else is an anomaly.
  private mutating func bang(
    _ b: UnsafePointer<UInt8>, _ p: Int, _ end: Int, state: UnsafeMutablePointer<XMLParseState>
  ) -> Step {
    if end - p < 9 { return .failure(.more) }
    if b[p + 2] == UInt8(ascii: "-") && b[p + 3] == UInt8(ascii: "-") {
      // A comment: ends at the first `--`, which must be followed by `>`.
      var i = p + 4
      while true {
        guard let dash = memchr(b + i, Int32(UInt8(ascii: "-")), end - i) else { return .failure(.more) }
        let d = dash.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: b)
        guard d + 2 < end else { return .failure(.more) }
        if b[d + 1] == UInt8(ascii: "-") {
          guard b[d + 2] == UInt8(ascii: ">") else { return .failure(.anomaly("-- in comment")) }
          guard let lines = validate(b, p + 4, d, allowCR: false) else { return .failure(.anomaly("comment text")) }
          line += lines
          return .success(d + 3)
        }
        i = d + 1
      }
    }
    if memcmp(b + p + 2, "DOCTYPE", 7) == 0 { return doctype(b, p, end) }
    guard memcmp(b + p + 2, "[CDATA[", 7) == 0 else { return .failure(.anomaly("<! other than a comment or CDATA")) }
    guard !stack.isEmpty else { return .failure(.anomaly("CDATA outside the root")) }
    var i = p + 9
    while true {
      guard let bracket = memchr(b + i, Int32(UInt8(ascii: "]")), end - i) else { return .failure(.more) }
      let k = bracket.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: b)
      guard k + 2 < end else { return .failure(.more) }
      if b[k + 1] == UInt8(ascii: "]") && b[k + 2] == UInt8(ascii: ">") {
        if let anomaly = deliver(b, p + 9, k, entities: false, state: state) {
          return .failure(Failure(outcome: anomaly))
        }
        return .success(k + 3)
      }
      i = k + 1
    }
  }

  /// `<!DOCTYPE name>`, `<!DOCTYPE name SYSTEM "uri">` or `<!DOCTYPE name PUBLIC "id" "uri">` before the root
  /// element: skipped, as libxml2 without `XML_PARSE_DTDLOAD` never reads the external DTD. An internal subset
  /// (`[`), a second DOCTYPE, one after the root, or anything unusual in it is an anomaly.
  private mutating func doctype(_ b: UnsafePointer<UInt8>, _ p: Int, _ end: Int) -> Step {
    guard stack.isEmpty, !seenRoot, !seenDoctype else { return .failure(.anomaly("DOCTYPE not first")) }
    var i = p + 9
    var lines = 0
    /// Skips white space; nil for a lone CR, else whether any was skipped.
    func skipSpaces() -> Bool? {
      let start = i
      while i < end, isSpace(b[i]) {
        if b[i] == 0x0A { lines += 1 }
        if b[i] == 0x0D, i + 1 < end, b[i + 1] != 0x0A { return nil }
        i += 1
      }
      return i > start
    }
    /// Reads a quoted literal; nil when incomplete, false when not a literal or invalid.
    func literal(publicID: Bool) -> Bool? {
      guard i < end else { return nil }
      let quote = b[i]
      guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return false }
      guard let close = memchr(b + i + 1, Int32(quote), end - i - 1) else { return nil }
      let closeIndex = close.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: b)
      if publicID {
        for k in (i + 1)..<closeIndex {
          let c = b[k]
          let lower = c | 0x20
          let ok =
            (lower >= 0x61 && lower <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x20 || c == 0x0A
            || memchr("-'()+,./:=?;!*#@$_%", Int32(c), 19) != nil
          guard ok, c != 0 else { return false }
          if c == 0x0A { lines += 1 }
        }
      } else {
        guard let literalLines = validate(b, i + 1, closeIndex, allowCR: false) else { return false }
        lines += literalLines
      }
      i = closeIndex + 1
      return true
    }
    guard let space = skipSpaces() else { return .failure(.anomaly("lone CR in DOCTYPE")) }
    guard i < end else { return .failure(.more) }
    guard space, isNameStart(b[i]) else { return .failure(.anomaly("DOCTYPE name")) }
    let nameStart = i
    while i < end, isNameChar(b[i]) { i += 1 }
    if isNamespaced(b, nameStart, i) { return .failure(.anomaly("DOCTYPE name with a colon")) }
    guard let spaced = skipSpaces() else { return .failure(.anomaly("lone CR in DOCTYPE")) }
    guard i + 6 < end else { return .failure(.more) }
    let isSystem = memcmp(b + i, "SYSTEM", 6) == 0
    if isSystem || memcmp(b + i, "PUBLIC", 6) == 0 {
      guard spaced else { return .failure(.anomaly("DOCTYPE external id")) }
      i += 6
      guard skipSpaces() == true else { return .failure(.anomaly("DOCTYPE external id")) }
      if !isSystem {
        switch literal(publicID: true) {
        case nil: return .failure(.more)
        case false?: return .failure(.anomaly("DOCTYPE public id"))
        case true?: break
        }
        guard skipSpaces() == true else { return .failure(i < end ? .anomaly("DOCTYPE system id") : .more) }
      }
      switch literal(publicID: false) {
      case nil: return .failure(.more)
      case false?: return .failure(.anomaly("DOCTYPE system id"))
      case true?: break
      }
      guard skipSpaces() != nil else { return .failure(.anomaly("lone CR in DOCTYPE")) }
    }
    guard i < end else { return .failure(.more) }
    guard b[i] == UInt8(ascii: ">") else {
      return .failure(.anomaly(b[i] == UInt8(ascii: "[") ? "DOCTYPE internal subset" : "DOCTYPE"))
    }
    seenDoctype = true
    line += lines
    return .success(i + 1)
  }

  /// `<?target …?>`: skipped, as libxml2's SAX handler without a processing-instruction callback does.
  private mutating func processingInstruction(_ b: UnsafePointer<UInt8>, _ p: Int, _ end: Int) -> Step {
    var i = p + 2
    let targetStart = i
    guard i < end, isNameStart(b[i]) else { return .failure(i < end ? .anomaly("PI target") : .more) }
    while i < end, isNameChar(b[i]) { i += 1 }
    guard i + 1 < end else { return .failure(.more) }
    if i - targetStart == 3, b[targetStart] | 0x20 == UInt8(ascii: "x"), b[targetStart + 1] | 0x20 == UInt8(ascii: "m"),
      b[targetStart + 2] | 0x20 == UInt8(ascii: "l")
    {
      return .failure(.anomaly("reserved PI target"))
    }
    if isNamespaced(b, targetStart, i) { return .failure(.anomaly("PI target with a colon")) }
    if !(isSpace(b[i]) || (b[i] == UInt8(ascii: "?") && b[i + 1] == UInt8(ascii: ">"))) {
      return .failure(.anomaly("PI target"))
    }
    while true {
      guard let mark = memchr(b + i, Int32(UInt8(ascii: "?")), end - i) else { return .failure(.more) }
      let q = mark.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: b)
      guard q + 1 < end else { return .failure(.more) }
      if b[q + 1] == UInt8(ascii: ">") {
        guard let lines = validate(b, targetStart, q, allowCR: false) else { return .failure(.anomaly("PI text")) }
        line += lines
        return .success(q + 2)
      }
      i = q + 1
    }
  }

  // MARK: Text

  /// Text outside the root element: white space only.
  private mutating func whitespaceOnly(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Outcome? {
    var lines = 0
    for i in start..<end {
      let c = b[i]
      guard isSpace(c) else { return .anomaly("text outside the root element") }
      if c == 0x0A { lines += 1 }
      if c == 0x0D, i + 1 < end, b[i + 1] != 0x0A { return .anomaly("lone CR") }
      if c == 0x0D, i + 1 == end { return .anomaly("lone CR") }
    }
    line += lines
    return nil
  }

  /// Character data up to the next `<`.
  private mutating func text(
    _ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, state: UnsafeMutablePointer<XMLParseState>
  ) -> Outcome? {
    deliver(b, start, end, entities: true, state: state)
  }

  /// Checks `b[start..<end]` (text, or CDATA content when `entities` is false), decodes references and line ends,
  /// and hands the text to the state.
  private mutating func deliver(
    _ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, entities: Bool, state: UnsafeMutablePointer<XMLParseState>
  ) -> Outcome? {
    var i = start
    var lines = 0
    var plain = true
    let highs: UInt64 = 0x8080_8080_8080_8080
    let ones: UInt64 = 0x0101_0101_0101_0101
    let raw = UnsafeRawPointer(b)
    while i < end {
      if i + 8 <= end {
        let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        // No byte below 0x20, none from 0x80, no `&`, no `]`: nothing to look at.
        let controls = (w &- 0x2020_2020_2020_2020) & ~w & highs
        let amp = w ^ (0x26 &* ones)
        let bracket = w ^ (0x5D &* ones)
        let specials = controls | (w & highs) | ((amp &- ones) & ~amp & highs) | ((bracket &- ones) & ~bracket & highs)
        if specials == 0 {
          i += 8
          continue
        }
      }
      let c = b[i]
      if c >= 0x80 {
        guard let width = utf8Width(b, i, end) else { return .anomaly("invalid UTF-8 or character") }
        i += width
        continue
      }
      switch c {
      case 0x0A: lines += 1
      case 0x09: break
      case 0x0D:
        // libxml2 keeps CR LF as it is inside CDATA sections, but not always: left to libxml2.
        guard entities else { return .anomaly("CR in a CDATA section") }
        guard i + 1 < end, b[i + 1] == 0x0A else { return .anomaly("lone CR") }
        plain = false
      case UInt8(ascii: "&"):
        guard entities else { break }
        plain = false
      case UInt8(ascii: "]"):
        if entities, i + 2 < end, b[i + 1] == UInt8(ascii: "]"), b[i + 2] == UInt8(ascii: ">") {
          return .anomaly("]]> in text")
        }
      default:
        if c < 0x20 { return .anomaly("control character") }
      }
      i += 1
    }
    line += lines
    if plain {
      return hand(UnsafeBufferPointer(start: b + start, count: end - start), state: state)
    }
    // Decode line ends and references into the scratch buffer.
    scratch.removeAll()
    i = start
    while i < end {
      let c = b[i]
      if c == 0x0D {
        i += 1  // CR LF → LF (a lone CR was refused above)
        continue
      }
      if c == UInt8(ascii: "&") && entities {
        guard let next = reference(b, i, end) else { return .anomaly("entity or character reference") }
        i = next
        continue
      }
      scratch.append(c)
      i += 1
    }
    return hand(UnsafeBufferPointer(start: scratch.base, count: scratch.count), state: state)
  }

  private mutating func hand(_ text: UnsafeBufferPointer<UInt8>, state: UnsafeMutablePointer<XMLParseState>)
    -> Outcome?
  {
    guard let base = text.baseAddress, !text.isEmpty else { return nil }
    textRun += text.count
    if textRun > XMLStream.maxTextBytes { return .anomaly("text node over the limit") }
    state.pointee.characters(base, count: text.count)
    return nil
  }

  /// Decodes the reference at `b[i]` (`&`) into `scratch`; returns the index after its `;`, or nil when it is not
  /// a predefined entity or a valid character reference.
  private mutating func reference(_ b: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
    var j = i + 1
    guard j < end else { return nil }
    if b[j] == UInt8(ascii: "#") {
      j += 1
      var value: UInt32 = 0
      var digits = 0
      if j < end, b[j] == UInt8(ascii: "x") {
        j += 1
        while j < end, let digit = hexValue(b[j]) {
          value = value &* 16 &+ digit
          digits += 1
          if digits > 8 { return nil }
          j += 1
        }
      } else {
        while j < end, b[j] >= 0x30, b[j] <= 0x39 {
          value = value &* 10 &+ UInt32(b[j] - 0x30)
          digits += 1
          if digits > 9 { return nil }
          j += 1
        }
      }
      guard digits > 0, j < end, b[j] == UInt8(ascii: ";"), isXMLChar(value) else { return nil }
      appendUTF8(value)
      return j + 1
    }
    let nameStart = j
    while j < end, j - nameStart < 5, b[j] != UInt8(ascii: ";") { j += 1 }
    guard j < end, b[j] == UInt8(ascii: ";") else { return nil }
    let length = j - nameStart
    let s = b + nameStart
    let decoded: UInt8
    switch length {
    case 2 where s[0] == UInt8(ascii: "l") && s[1] == UInt8(ascii: "t"): decoded = UInt8(ascii: "<")
    case 2 where s[0] == UInt8(ascii: "g") && s[1] == UInt8(ascii: "t"): decoded = UInt8(ascii: ">")
    case 3 where s[0] == UInt8(ascii: "a") && s[1] == UInt8(ascii: "m") && s[2] == UInt8(ascii: "p"):
      decoded = UInt8(ascii: "&")
    case 4
    where s[0] == UInt8(ascii: "q") && s[1] == UInt8(ascii: "u") && s[2] == UInt8(ascii: "o")
      && s[3] == UInt8(ascii: "t"):
      decoded = UInt8(ascii: "\"")
    case 4
    where s[0] == UInt8(ascii: "a") && s[1] == UInt8(ascii: "p") && s[2] == UInt8(ascii: "o")
      && s[3] == UInt8(ascii: "s"):
      decoded = UInt8(ascii: "'")
    default: return nil
    }
    scratch.append(decoded)
    return j + 1
  }

  /// Appends the UTF-8 bytes of scalar `v` to `scratch`.
  private mutating func appendUTF8(_ v: UInt32) {
    switch v {
    case 0..<0x80:
      scratch.append(UInt8(v))
    case 0x80..<0x800:
      scratch.append(UInt8(0xC0 | v >> 6))
      scratch.append(UInt8(0x80 | v & 0x3F))
    case 0x800..<0x1_0000:
      scratch.append(UInt8(0xE0 | v >> 12))
      scratch.append(UInt8(0x80 | (v >> 6) & 0x3F))
      scratch.append(UInt8(0x80 | v & 0x3F))
    default:
      scratch.append(UInt8(0xF0 | v >> 18))
      scratch.append(UInt8(0x80 | (v >> 12) & 0x3F))
      scratch.append(UInt8(0x80 | (v >> 6) & 0x3F))
      scratch.append(UInt8(0x80 | v & 0x3F))
    }
  }

  /// Appends the decoded value `b[start..<end]` of an attribute to `scratch` (references decoded, literal tabs
  /// and line ends turned into spaces, CR LF into one space); returns the line feeds it holds, or nil when the
  /// value holds `<`, an unknown entity, an invalid reference or character.
  private mutating func attributeValue(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
    var i = start
    var lines = 0
    while i < end {
      let c = b[i]
      if c >= 0x80 {
        guard let width = utf8Width(b, i, end) else { return nil }
        for k in 0..<width { scratch.append(b[i + k]) }
        i += width
        continue
      }
      switch c {
      case UInt8(ascii: "<"): return nil
      case UInt8(ascii: "&"):
        guard let next = reference(b, i, end) else { return nil }
        i = next
        continue
      case 0x0A, 0x09:
        if c == 0x0A { lines += 1 }
        scratch.append(0x20)
      case 0x0D:
        guard i + 1 < end, b[i + 1] == 0x0A else { return nil }
        i += 1
        continue
      default:
        if c < 0x20 { return nil }
        scratch.append(c)
      }
      i += 1
    }
    return lines
  }

  /// Checks comment or PI text: valid UTF-8 characters only, no lone CR. Returns its line feeds.
  private func validate(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, allowCR: Bool) -> Int? {
    var i = start
    var lines = 0
    while i < end {
      let c = b[i]
      if c >= 0x80 {
        guard let width = utf8Width(b, i, end) else { return nil }
        i += width
        continue
      }
      if c == 0x0A { lines += 1 }
      if c == 0x0D { guard i + 1 < end, b[i + 1] == 0x0A else { return nil } }
      if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D { return nil }
      i += 1
    }
    return lines
  }

  // MARK: Bytes

  /// The length of the valid UTF-8 sequence at `b[i]` (a lead byte) encoding an XML character, or nil.
  @inline(__always)
  private func utf8Width(_ b: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
    let c = b[i]
    @inline(__always) func cont(_ k: Int) -> Bool { i + k < end && b[i + k] & 0xC0 == 0x80 }
    switch c {
    case 0xC2...0xDF:
      return cont(1) ? 2 : nil
    case 0xE0...0xEF:
      guard cont(1), cont(2) else { return nil }
      let c1 = b[i + 1]
      if c == 0xE0 && c1 < 0xA0 { return nil }  // overlong
      if c == 0xED && c1 >= 0xA0 { return nil }  // surrogates
      if c == 0xEF && c1 == 0xBF && b[i + 2] >= 0xBE { return nil }  // U+FFFE, U+FFFF
      return 3
    case 0xF0...0xF4:
      guard cont(1), cont(2), cont(3) else { return nil }
      let c1 = b[i + 1]
      if c == 0xF0 && c1 < 0x90 { return nil }
      if c == 0xF4 && c1 >= 0x90 { return nil }
      return 4
    default:
      return nil
    }
  }

  private func isXMLChar(_ value: UInt32) -> Bool {
    switch value {
    case 0x09, 0x0A, 0x0D: true
    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x1_0000...0x10_FFFF: true
    default: false
    }
  }

  private func hexValue(_ c: UInt8) -> UInt32? {
    switch c {
    case 0x30...0x39: UInt32(c - 0x30)
    case 0x41...0x46: UInt32(c - 0x41 + 10)
    case 0x61...0x66: UInt32(c - 0x61 + 10)
    default: nil
    }
  }

  @inline(__always)
  private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D }

  /// ASCII name start characters (other names, legal or not, are left to libxml2).
  @inline(__always)
  private func isNameStart(_ c: UInt8) -> Bool {
    let lower = c | 0x20
    return (lower >= 0x61 && lower <= 0x7A) || c == UInt8(ascii: "_")
  }

  @inline(__always)
  private func isNameChar(_ c: UInt8) -> Bool {
    nameChars[Int(c)]
  }

  /// Whether an attribute name is `xmlns` (a namespace declaration, not an attribute for libxml2).
  private func isXMLNS(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    end - start == 5 && memcmp(b + start, "xmlns", 5) == 0
  }

  /// Whether a name holds a colon (namespaces are left to libxml2).
  private func isNamespaced(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    memchr(b + start, Int32(UInt8(ascii: ":")), end - start) != nil
  }
}

/// Element and attribute names by their bytes: a direct-mapped cache in front of the stream's name table.
struct XMLFastNames {
  private struct Slot {
    var hash: UInt64 = 0
    var start = 0
    var length = -1
    var id: Int32 = -1
  }

  private var slots = XMLBuffer<Slot>(capacity: 1024)
  /// The bytes of the cached names.
  private var store = XMLBuffer<UInt8>(capacity: 4096)

  init() {
    for _ in 0..<1024 { slots.append(Slot()) }
  }

  func release() {
    slots.release()
    store.release()
  }

  /// The id of the name `bytes`; `intern` adds a new name to the stream's table.
  @inline(__always)
  mutating func id(_ bytes: UnsafeBufferPointer<UInt8>, intern: (String) -> Int32) -> Int32 {
    // The length and the first and last bytes (a few loads, not a loop over the name); the name is compared anyway.
    var key = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      let count = bytes.count
      if count >= 8 {
        key ^= raw.loadUnaligned(as: UInt64.self)
        key = (key &* 0xFF51_AFD7_ED55_8CCD) ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
      } else if count >= 4 {
        key ^=
          UInt64(raw.loadUnaligned(as: UInt32.self)) << 32
          | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
      } else {
        for k in 0..<count { key ^= UInt64(base[k]) << (8 * UInt64(k)) }
      }
    }
    let hash = (key ^ (key >> 29)) &* 0xC4CE_B9FE_1A85_EC53
    let slot = Int(truncatingIfNeeded: hash >> 54)
    let cached = slots[slot]
    if cached.hash == hash, cached.length == bytes.count, let base = bytes.baseAddress,
      memcmp(store.base + cached.start, base, bytes.count) == 0
    {
      return cached.id
    }
    let id = intern(String(decoding: bytes, as: UTF8.self))
    if store.count > 1 << 20 {
      // Unusually many names: forget them all.
      store.removeAll()
      for k in 0..<1024 { slots[k] = Slot() }
    }
    let start = store.count
    store.append(contentsOf: bytes)
    slots[slot] = Slot(hash: hash, start: start, length: bytes.count, id: id)
    return id
  }
}
