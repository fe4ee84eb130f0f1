import CLibXML2
import Foundation
import SiftCore

/// What ``XMLStream``'s SAX2 callbacks build: the path outside records, the record being read (elements, text and
/// attribute bytes), the stream's name and path tables, the queue of finished records, and the problems met.
/// Lives at a fixed address (libxml2's `_private` points at it); only the stream's own thread touches it.
struct XMLParseState {
  typealias Element = XMLRecordData.Element
  typealias Attribute = XMLRecordData.Attribute

  /// libxml2's parser, or nil when ``XMLFastScanner`` drives the state (it sets ``fastLine``).
  let parser: xmlParserCtxtPtr?
  let displayPath: String
  /// The line of the tag being read, set by ``XMLFastScanner`` before each call.
  var fastLine = 0
  private let inline: Set<String>
  private let isRecord: ([String]) -> Bool

  // Outside records.
  private var outerPath: [String] = []
  private(set) var rootName: String?

  // The record being read.
  private var inRecord = false
  private var recordLine = 0
  /// Open elements of the record, as indexes into `elements`.
  private var stack = XMLBuffer<Int>(capacity: 128)
  private var elements = XMLBuffer<Element>(capacity: 256)
  private var text = XMLBuffer<UInt8>(capacity: 64 * 1024)
  private var attributes = XMLBuffer<Attribute>(capacity: 256)
  private var attributeBytes = XMLBuffer<UInt8>(capacity: 4096)
  /// Bytes of the current text node so far.
  private var textRun = 0
  /// Set when a text node of the record is over the limit: where, and in which field.
  private var oversized: (line: Int, field: String)?

  // Tables shared by all records of the stream.
  private var names: [String] = []
  private var nameIDs: [String: Int32] = [:]
  private var inlineNames: [Bool] = []
  /// Names by their address in libxml2's dictionary: a direct-mapped cache, the last name seen in each slot.
  private var nameCache: [(pointer: UnsafePointer<xmlChar>?, id: Int32)]
  private static let nameCacheSize = 512
  /// Element paths relative to the record element (index 0 is the record element itself) and attribute paths.
  private var paths: [String] = [""]
  /// ``SiftCore/Field/code(of:)`` of each of `paths`.
  private var pathCodes: [UInt32] = [0]
  private var pathIDs: [Int: Int32] = [:]
  /// Path ids by key (see ``pathID(parent:name:attribute:)``): a direct-mapped cache in front of `pathIDs`.
  private var pathCache: [(key: Int, id: Int32)]
  private static let pathCacheSize = 1024

  // Output.
  private var queue: [XMLStreamItem] = []
  private var queueHead = 0
  private(set) var recordsSeen = 0
  private(set) var issues: [XMLStream.Issue] = []
  private(set) var skippedEntities: Set<String> = []
  private(set) var failed = false
  private(set) var unfinishedRecordLine: Int?
  private(set) var stopLine: Int?

  /// `known` names get the ids `0..<known.count`, in order (see ``XMLTree/nameID``).
  init(
    parser: xmlParserCtxtPtr?, displayPath: String, known: [String], inline: Set<String>,
    isRecord: @escaping ([String]) -> Bool
  ) {
    self.parser = parser
    self.displayPath = displayPath
    self.inline = inline
    self.isRecord = isRecord
    nameCache = Array(repeating: (nil, 0), count: Self.nameCacheSize)
    pathCache = Array(repeating: (-1, 0), count: Self.pathCacheSize)
    for name in known { _ = intern(name) }
  }

  /// Frees the record buffers; the state must not be used afterwards.
  func releaseBuffers() {
    stack.release()
    elements.release()
    text.release()
    attributes.release()
    attributeBytes.release()
  }

  /// The line libxml2 is reading.
  var currentLine: Int {
    guard let parser else { return fastLine }
    guard let input = parser.pointee.input else { return 0 }
    return Int(input.pointee.line)
  }

  // MARK: Callbacks

  mutating func startElement(
    _ localname: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?,
    attributes list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int
  ) {
    let name = nameID(localname, prefix: prefix, uri: uri)
    if outerPath.count + stack.count >= XMLStream.maxDepth {
      stop("elements are nested more than \(XMLStream.maxDepth) levels deep; Sift stops reading this file here")
      return
    }
    guard let (path, isInline) = beginElement(name) else { return }
    let attributeStart = attributes.count
    if let list, count > 0 {
      // Attributes of inline markup (EndNote's `<style face=… font=… size=…>`) are seldom fields: their paths
      // are made when asked for.
      for i in 0..<count { addAttribute(list + 5 * i, elementPath: isInline ? -1 : path) }
    }
    pushElement(name, path: path, attributeStart: attributeStart)
  }

  /// Starts element `name` (the depth already checked): outside records it extends the outer path and may start
  /// a record. Returns the element's path and whether it is inline markup, or nil outside records.
  @inline(__always)
  mutating func beginElement(_ name: Int32) -> (path: Int32, isInline: Bool)? {
    if inRecord {
      // `stack` is never empty inside a record.
      let parent = stack[stack.count - 1]
      let isInline = inlineNames[Int(name)]
      if !isInline { elements[parent].holdsValue = false }
      return (pathID(parent: elements[parent].path, name: name, attribute: false), isInline)
    }
    let string = names[Int(name)]
    if rootName == nil { rootName = string }
    outerPath.append(string)
    guard isRecord(outerPath) else { return nil }
    outerPath.removeLast()
    inRecord = true
    recordLine = currentLine
    return (0, false)
  }

  /// The number of attributes of the record so far (where the next element's attributes start).
  var attributeCount: Int { attributes.count }

  /// Adds the element begun by ``beginElement(_:)`` once its attributes are added.
  @inline(__always)
  mutating func pushElement(_ name: Int32, path: Int32, attributeStart: Int) {
    textRun = 0
    elements.append(
      Element(
        name: name, path: path, line: Int32(clamping: currentLine), holdsValue: true, end: -1,
        textStart: text.count, textEnd: text.count, attributeStart: attributeStart, attributeEnd: attributes.count))
    stack.append(elements.count - 1)
  }

  /// Adds an attribute whose value is already decoded (``XMLFastScanner``).
  @inline(__always)
  mutating func addDecodedAttribute(_ name: Int32, value: UnsafeBufferPointer<UInt8>, elementPath: Int32) {
    let start = attributeBytes.count
    attributeBytes.append(contentsOf: value)
    let path = elementPath < 0 ? -1 : pathID(parent: elementPath, name: name, attribute: true)
    attributes.append(Attribute(name: name, path: path, valueStart: start, valueEnd: attributeBytes.count))
  }

  /// Whether a text node of the current record went over ``XMLStream/maxTextBytes``.
  var hasOversizedText: Bool { oversized != nil }

  mutating func endElement() {
    guard inRecord else {
      if !outerPath.isEmpty { outerPath.removeLast() }
      return
    }
    let index = stack.removeLast()
    elements[index].end = elements.count
    elements[index].textEnd = text.count
    textRun = 0
    if stack.isEmpty { finishRecord() }
  }

  mutating func characters(_ bytes: UnsafePointer<xmlChar>, count: Int) {
    guard inRecord, oversized == nil else { return }
    textRun += count
    if textRun > XMLStream.maxTextBytes {
      let element = elements[stack[stack.count - 1]]
      let field = element.path == 0 ? names[Int(element.name)] : paths[Int(element.path)]
      oversized = (Int(element.line), field)
      text.removeAll()  // the record is rejected: let its text go now
      return
    }
    text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
  }

  /// Records the name of an entity reference met inside a record (its content is left out).
  mutating func noteSkippedEntity(_ name: UnsafePointer<xmlChar>) {
    guard inRecord, skippedEntities.count < 20 else { return }
    skippedEntities.insert(String(cString: name))
  }

  /// Records one of libxml2's messages (few of them: libxml2 may repeat itself after a fatal error).
  mutating func report(_ error: xmlErrorPtr) {
    let level = error.pointee.level
    var message = error.pointee.message.map { String(cString: $0) }?.trimmingSpaces ?? "XML error"
    if message.contains("Excessive depth") {
      message = "elements are nested more than 256 levels deep; Sift stops reading this file here"
    }
    let line = error.pointee.line > 0 ? Int(error.pointee.line) : nil
    let stops = level == XML_ERR_FATAL
    if stops, stopLine == nil { stopLine = line ?? currentLine }
    guard issues.count < 20, !issues.contains(where: { $0.message == message }) else { return }
    issues.append(
      XMLStream.Issue(message: message, line: line, fatal: stops || level == XML_ERR_ERROR, stops: stops))
  }

  // MARK: Stopping

  /// Stops the parse at a Sift limit with `message`.
  mutating func stop(_ message: String) {
    let line = currentLine
    failed = true
    if stopLine == nil { stopLine = line }
    issues.append(XMLStream.Issue(message: message, line: line, fatal: true, stops: true))
    if let parser { xmlStopParser(parser) }
  }

  /// Stops a read without libxml2 (the fast scanner only, or libxml2 failing to start) with `message`.
  mutating func stopFast(_ message: String) {
    stop(message)
    markFailed()
  }

  /// After the parse stopped: the record it was inside is cut off, and the file has a fatal issue.
  mutating func markFailed() {
    failed = true
    if stopLine == nil { stopLine = currentLine }
    if inRecord {
      unfinishedRecordLine = recordLine
      recordsSeen += 1
      inRecord = false
      stack.removeAll()
      elements.removeAll()
      text.removeAll()
      attributes.removeAll()
      attributeBytes.removeAll()
    }
    if !issues.contains(where: \.stops) {
      issues.append(XMLStream.Issue(message: "the XML is not well-formed", line: stopLine, fatal: true, stops: true))
    }
  }

  // MARK: Records

  mutating func dequeue() -> XMLStreamItem? {
    guard queueHead < queue.count else { return nil }
    let item = queue[queueHead]
    queueHead += 1
    if queueHead == queue.count {
      queue.removeAll(keepingCapacity: true)
      queueHead = 0
    }
    return item
  }

  private mutating func finishRecord() {
    inRecord = false
    let index = recordsSeen
    recordsSeen += 1
    if let oversized {
      queue.append(
        .rejected(
          Diagnostic(
            .error,
            "text over 10 MB in <\(oversized.field)>: the record is rejected (Sift reads at most"
              + " \(XMLStream.maxTextBytes) bytes in one XML text node); the records around it are read",
            file: displayPath, line: oversized.line, recordIndex: index)))
      self.oversized = nil
    } else {
      let data = XMLRecordData(
        names: names, paths: paths, pathCodes: pathCodes, elements: elements.array(), text: text.array(),
        attributes: attributes.array(), attributeBytes: attributeBytes.array())
      queue.append(.record(XMLTree(data: data, index: 0), index: index))
    }
    elements.removeAll()
    text.removeAll()
    attributes.removeAll()
    attributeBytes.removeAll()
  }

  // MARK: Names, paths, attributes

  /// The index of an element or attribute name in `names`. Names in libxml2's dictionary keep one address for the
  /// life of the parser, so most are found by address.
  private mutating func nameID(
    _ localname: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?
  ) -> Int32 {
    guard let localname else { return intern("") }
    if let prefix, uri == nil {
      // An unbound prefix: libxml2 keeps it in the name (`mml:math`).
      return intern(String(cString: prefix) + ":" + String(cString: localname))
    }
    // Fibonacci hashing of the address: dictionary strings are packed a few bytes apart.
    let slot = Int(truncatingIfNeeded: (UInt(bitPattern: Int(bitPattern: localname)) &* 0x9E37_79B9_7F4A_7C15) >> 55)
    let cached = nameCache[slot]
    if cached.pointer == localname { return cached.id }
    let id = intern(String(cString: localname))
    if let dictionary = parser?.pointee.dict, xmlDictOwns(dictionary, localname) == 1 {
      nameCache[slot] = (localname, id)
    }
    return id
  }

  /// The id of `name` in the stream's name table, added when new.
  mutating func intern(_ name: String) -> Int32 {
    if let id = nameIDs[name] { return id }
    let id = Int32(names.count)
    names.append(name)
    inlineNames.append(inline.contains(name))
    nameIDs[name] = id
    return id
  }

  /// The index in `paths` of `parent/name` (an element) or `parent@name` (an attribute).
  private mutating func pathID(parent: Int32, name: Int32, attribute: Bool) -> Int32 {
    let key = Int(parent) << 33 | Int(name) << 1 | (attribute ? 1 : 0)
    let slot = Int(truncatingIfNeeded: (UInt(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 54)
    let cached = pathCache[slot]
    if cached.key == key { return cached.id }
    if let id = pathIDs[key] {
      pathCache[slot] = (key, id)
      return id
    }
    let parentPath = paths[Int(parent)]
    let string =
      attribute
      ? parentPath + "@" + names[Int(name)]
      : parentPath.isEmpty ? names[Int(name)] : parentPath + "/" + names[Int(name)]
    let id = Int32(paths.count)
    paths.append(string)
    pathCodes.append(Field.code(of: string))
    pathIDs[key] = id
    pathCache[slot] = (key, id)
    return id
  }

  /// Adds one attribute (libxml2's five pointers: local name, prefix, URI, value, value end).
  private mutating func addAttribute(_ fields: UnsafeMutablePointer<UnsafePointer<xmlChar>?>, elementPath: Int32) {
    let name = nameID(fields[0], prefix: fields[1], uri: fields[2])
    let start = attributeBytes.count
    if let value = fields[3], let end = fields[4], end > value {
      let bytes = UnsafeBufferPointer(start: value, count: end - value)
      if memchr(value, Int32(UInt8(ascii: "&")), bytes.count) != nil {
        decodeAttribute(bytes)
      } else {
        attributeBytes.append(contentsOf: bytes)
      }
    }
    let path = elementPath < 0 ? -1 : pathID(parent: elementPath, name: name, attribute: true)
    attributes.append(Attribute(name: name, path: path, valueStart: start, valueEnd: attributeBytes.count))
  }

  /// Appends an attribute value that holds references: without entity substitution libxml2 leaves `&#38;` for an
  /// ampersand and `&name;` for an entity. Character references are decoded; entity references are left out.
  private mutating func decodeAttribute(_ bytes: UnsafeBufferPointer<UInt8>) {
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      guard byte == UInt8(ascii: "&"), let semicolon = bytes[i...].prefix(40).firstIndex(of: UInt8(ascii: ";")) else {
        attributeBytes.append(byte)
        i += 1
        continue
      }
      let reference = bytes[(i + 1)..<semicolon]
      i = semicolon + 1
      if reference.first == UInt8(ascii: "#") {
        if let scalar = Self.characterReference(reference.dropFirst()) {
          for byte in String(Character(scalar)).utf8 { attributeBytes.append(byte) }
        }
        continue
      }
      let name = String(decoding: reference, as: UTF8.self)
      switch name {
      case "lt": attributeBytes.append(UInt8(ascii: "<"))
      case "gt": attributeBytes.append(UInt8(ascii: ">"))
      case "amp": attributeBytes.append(UInt8(ascii: "&"))
      case "quot": attributeBytes.append(UInt8(ascii: "\""))
      case "apos": attributeBytes.append(UInt8(ascii: "'"))
      default:
        if inRecord, skippedEntities.count < 20 { skippedEntities.insert(name) }
      }
    }
  }

  /// The scalar of a character reference's digits (`38`, `x26`).
  private static func characterReference(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar? {
    var digits = digits
    var radix = 10
    if digits.first == UInt8(ascii: "x") {
      radix = 16
      digits = digits.dropFirst()
    }
    guard !digits.isEmpty, digits.count <= 8 else { return nil }
    var value: UInt32 = 0
    for byte in digits {
      guard let digit = Int(String(UnicodeScalar(byte)), radix: radix) else { return nil }
      value = value * UInt32(radix) + UInt32(digit)
    }
    return Unicode.Scalar(value)
  }
}
