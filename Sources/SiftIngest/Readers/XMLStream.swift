import CLibXML2
import Foundation
import SiftCore

/// Streams an XML file with libxml2's `xmlTextReader` and hands out one record element at a time as a small tree.
///
/// Safe by construction: the network is off (`XML_PARSE_NONET`), entities are never substituted and no DTD is
/// loaded (so an external entity such as `file:///etc/passwd` is never read), libxml2's own entity amplification
/// and depth limits stay on (no `XML_PARSE_HUGE`), and elements nested deeper than ``maxDepth`` stop the file.
///
/// Each record element is expanded in full (`xmlTextReaderExpand`) before it is handed out, so a record is
/// either complete or reported as cut off. When libxml2 stops at a fatal error, the records it had already
/// completed are still handed out; the one it was inside is reported.
final class XMLStream {
  /// Deepest element nesting read; bibliographic XML is less than 15 levels deep.
  static let maxDepth = 100

  /// A problem libxml2 or the depth limit reported.
  struct Issue {
    var message: String
    var line: Int?
    var fatal: Bool
  }

  let displayPath: String
  private let reader: xmlTextReaderPtr
  private let collector: ErrorCollector
  /// Keeps the bytes of an in-memory input alive while libxml2 reads them.
  private let memory: UnsafeMutableBufferPointer<CChar>?
  /// Names of the open elements, outermost first (outside records).
  private var path: [String] = []
  /// The name of the document's root element, once seen.
  private(set) var rootName: String?
  /// Whether reading stopped because of a fatal error.
  private(set) var failed = false
  /// The line of the record element that a fatal error cut off, if any.
  private(set) var unfinishedRecordLine: Int?
  /// After a record was handed out, the reader must skip its subtree before reading on.
  private var skipSubtree = false
  /// After a fatal error: the next already-parsed sibling to hand out.
  private var salvageNext: xmlNodePtr?
  /// Names of entity references met in records and left out (Sift never expands entities).
  private(set) var skippedEntities: Set<String> = []
  /// The partial document taken over from libxml2 after a fatal error (freed with the stream).
  private var ownedDocument: xmlDocPtr?
  /// The path of the element holding the records, once a record was found.
  private var recordParentPath: [String]?
  /// Names already turned into strings, by their address in libxml2's dictionary (see ``internedName(_:of:)``).
  /// A direct-mapped cache: a slot per address hash, the last name seen there.
  private var nameCache = [(pointer: UnsafePointer<xmlChar>, name: String)?](repeating: nil, count: nameCacheSize)
  private static let nameCacheSize = 512
  /// Whether an element path (names from the root down, inclusive) is a record element.
  private let isRecord: ([String]) -> Bool

  /// libxml2 must be initialised once before it is used from several threads.
  private static let libxml2Initialised: Void = xmlInitParser()

  private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

  /// Opens `input`; `isRecord` says which element paths (names from the root down, inclusive) are records.
  /// Throws ``IngestError`` when the file cannot be opened.
  init(_ input: InputSource, isRecord: @escaping ([String]) -> Bool) throws {
    self.isRecord = isRecord
    displayPath = input.displayPath
    collector = ErrorCollector()
    let opened: xmlTextReaderPtr?
    switch input {
    case .file(let path):
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
        FileManager.default.isReadableFile(atPath: path)
      else {
        throw IngestError(file: path, message: "cannot open the file; check that it exists and is readable")
      }
      memory = nil
      opened = xmlReaderForFile(path, nil, Self.options)
    case .memory(let name, let bytes):
      let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(bytes.count, 1))
      for (i, byte) in bytes.enumerated() { buffer[i] = CChar(bitPattern: byte) }
      memory = buffer
      opened = xmlReaderForMemory(buffer.baseAddress, Int32(clamping: bytes.count), name, nil, Self.options)
    }
    guard let opened else {
      memory?.deallocate()
      throw IngestError(file: input.displayPath, message: "libxml2 could not open the file as XML")
    }
    reader = opened
    _ = Self.libxml2Initialised
    xmlTextReaderSetErrorHandler(reader, xmlStreamErrorHandler, Unmanaged.passUnretained(collector).toOpaque())
  }

  deinit {
    xmlFreeTextReader(reader)
    if let ownedDocument { xmlFreeDoc(ownedDocument) }
    memory?.deallocate()
  }

  /// Problems reported so far, in order.
  var issues: [Issue] { collector.issues }

  /// The current parser line (1-based).
  var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

  /// Reads on to the next record element and returns it with all its content. Returns nil at the end of the document or after a fatal error
  /// (``failed``; records libxml2 completed before the error are still returned first).
  func nextRecord() -> XMLTree? {
    if failed { return salvage() }
    while true {
      let status: Int32
      let skipped = skipSubtree
      if skipSubtree {
        skipSubtree = false
        path.removeLast()
        status = xmlTextReaderNext(reader)
      } else {
        status = xmlTextReaderRead(reader)
      }
      if status == 0 { return nil }
      if status < 0 {
        // Records libxml2 parsed after the current node are still in its tree.
        let current = xmlTextReaderCurrentNode(reader)
        var start = nextRecordSibling(after: current, includingSelf: !skipped)
        if start == nil, recordParentPath == nil, let doc = xmlTextReaderCurrentDoc(reader) {
          // libxml2 failed before handing out a node: look for complete records in what it built.
          ownedDocument = doc
          start = firstRecord(in: xmlDocGetRootElement(doc), parentPath: [])
        }
        fail(nil, current: start)
        return salvage()
      }
      switch xmlTextReaderNodeType(reader) {
      case Int32(XML_READER_TYPE_ELEMENT.rawValue):
        let name = string(xmlTextReaderConstName(reader)) ?? ""
        if rootName == nil { rootName = name }
        path.append(name)
        if path.count > Self.maxDepth {
          fail(depthMessage(Self.maxDepth), current: nil)
          return nil
        }
        if isRecord(path) {
          recordParentPath = Array(path.dropLast())
          return expandRecord()
        }
        if xmlTextReaderIsEmptyElement(reader) == 1 { path.removeLast() }
      case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
        if !path.isEmpty { path.removeLast() }
      default:
        break
      }
    }
  }

  /// Parses the current record element to its end and converts it.
  private func expandRecord() -> XMLTree? {
    guard let node = xmlTextReaderExpand(reader) else {
      // libxml2 stopped inside or just after this record.
      let current = xmlTextReaderCurrentNode(reader)
      fail(nil, current: current)
      return salvage()
    }
    skipSubtree = true
    switch convert(node) {
    case .success(let tree): return tree
    case .failure(let issue):
      fail(issue.message, current: nil)
      unfinishedRecordLine = Int(xmlGetLineNo(node))
      return nil
    }
  }

  /// After a fatal error: hands out the next record libxml2 had completed before the error, if any.
  private func salvage() -> XMLTree? {
    guard let node = salvageNext else { return nil }
    salvageNext = nil
    if collector.openNodes.contains(node) {
      unfinishedRecordLine = Int(xmlGetLineNo(node))
      return nil
    }
    salvageNext = nextRecordSibling(after: node, includingSelf: false)
    switch convert(node) {
    case .success(let tree): return tree
    case .failure:
      unfinishedRecordLine = Int(xmlGetLineNo(node))
      salvageNext = nil
      return nil
    }
  }

  /// The first record element at or below `node` (depth-first, document order).
  private func firstRecord(in node: xmlNodePtr?, parentPath: [String]) -> xmlNodePtr? {
    guard let node, node.pointee.type == XML_ELEMENT_NODE, parentPath.count < Self.maxDepth else { return nil }
    let name = node.pointee.name.map { String(cString: $0) } ?? ""
    if rootName == nil { rootName = name }
    if isRecord(parentPath + [name]) {
      recordParentPath = parentPath
      return node
    }
    var child = node.pointee.children
    while let current = child {
      if let found = firstRecord(in: current, parentPath: parentPath + [name]) { return found }
      child = current.pointee.next
    }
    return nil
  }

  /// The first element from `node` on (or after it) that is a record element, among already-parsed siblings.
  private func nextRecordSibling(after node: xmlNodePtr?, includingSelf: Bool) -> xmlNodePtr? {
    guard let parentPath = recordParentPath, let node else { return nil }
    var candidate = includingSelf ? node : node.pointee.next
    while let current = candidate {
      if current.pointee.type == XML_ELEMENT_NODE, let name = current.pointee.name,
        isRecord(parentPath + [String(cString: name)])
      {
        return current
      }
      candidate = current.pointee.next
    }
    return nil
  }

  private func fail(_ message: String?, current: xmlNodePtr?) {
    failed = true
    salvageNext = current
    if let message {
      collector.issues.append(Issue(message: message, line: line, fatal: true))
    } else if !collector.issues.contains(where: \.fatal) {
      collector.issues.append(Issue(message: "the XML is not well-formed", line: line, fatal: true))
    }
  }

  private func depthMessage(_ depth: Int) -> String {
    "elements are nested more than \(depth) levels deep; Sift stops reading this file here"
  }

  /// Converts a libxml2 element subtree to an ``XMLTree`` (text and element children; entity references
  /// are left out, never expanded).
  private func convert(_ node: xmlNodePtr, depth: Int = 0) -> Result<XMLTree, XMLTreeIssue> {
    guard depth <= Self.maxDepth else { return .failure(XMLTreeIssue(message: depthMessage(Self.maxDepth))) }
    // Only the record element's line is used; libxml2 may search for lines past 65535, so skip the others.
    let line = depth == 0 ? Int(xmlGetLineNo(node)) : 0
    var tree = XMLTree(name: internedName(node.pointee.name, of: node), line: line)
    var attribute = node.pointee.properties
    while let attr = attribute {
      let name = internedName(attr.pointee.name, of: node)
      tree.attributes.append((name, textOf(attr.pointee.children)))
      attribute = attr.pointee.next
    }
    var child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE:
        switch convert(current, depth: depth + 1) {
        case .success(let sub): tree.children.append(.element(sub))
        case .failure(let issue): return .failure(issue)
        }
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = current.pointee.content { tree.children.append(.text(String(cString: content))) }
      case XML_ENTITY_REF_NODE:
        if let name = current.pointee.name, skippedEntities.count < 20 {
          skippedEntities.insert(String(cString: name))
        }
      default:
        break
      }
      child = current.pointee.next
    }
    return .success(tree)
  }

  /// An element or attribute name as a `String`, made once per distinct name: names libxml2 keeps in its
  /// dictionary have one stable address each for the life of the reader.
  private func internedName(_ pointer: UnsafePointer<xmlChar>?, of node: xmlNodePtr) -> String {
    guard let pointer else { return "" }
    let slot = (Int(bitPattern: pointer) >> 3) & (Self.nameCacheSize - 1)
    if let cached = nameCache[slot], cached.pointer == pointer { return cached.name }
    let name = String(cString: pointer)
    if let dict = node.pointee.doc?.pointee.dict, xmlDictOwns(dict, pointer) == 1 {
      nameCache[slot] = (pointer, name)
    }
    return name
  }

  /// The text of a node list (an attribute's value), entity references left out.
  private func textOf(_ first: xmlNodePtr?) -> String {
    var out = ""
    var node = first
    while let current = node {
      if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
        out += String(cString: content)
      }
      node = current.pointee.next
    }
    return out
  }

  private func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  /// Turns the issues into diagnostics. Non-fatal ones are warnings, fatal ones errors.
  func diagnostics() -> [Diagnostic] {
    issues.map { Diagnostic($0.fatal ? .error : .warning, $0.message, file: displayPath, line: $0.line) }
  }

  /// The first fatal issue as one line, e.g. `line 4: Opening and ending tag mismatch: …`.
  var fatalSummary: String? {
    guard let issue = issues.first(where: \.fatal) else { return nil }
    return (issue.line.map { "line \($0): " } ?? "") + issue.message
  }
}

/// Why a subtree could not be converted.
private struct XMLTreeIssue: Error {
  var message: String
}

/// Collects libxml2's messages for one stream, and the elements that were still open at the first fatal error.
private final class ErrorCollector {
  var issues: [XMLStream.Issue] = []
  var openNodes: Set<xmlNodePtr> = []
}

/// libxml2's per-reader error callback: records the message, its line and whether it is fatal. The locator is
/// libxml2's parser context; its stack of open elements says which records an error cut off.
private func xmlStreamErrorHandler(
  _ context: UnsafeMutableRawPointer?, _ message: UnsafePointer<CChar>?, _ severity: xmlParserSeverities,
  _ locator: xmlTextReaderLocatorPtr?
) {
  guard let context else { return }
  let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
  var text = message.map { String(cString: $0) }?.trimmingSpaces ?? "XML error"
  if text.contains("Excessive depth") {
    text = "elements are nested more than 256 levels deep; Sift stops reading this file here"
  }
  let line = locator.map { Int(xmlTextReaderLocatorLineNumber($0)) }.flatMap { $0 > 0 ? $0 : nil }
  let fatal = severity == XML_PARSER_SEVERITY_ERROR
  // Every fatal error adds the elements open in its parser context: libxml2 parses entities in a context of their
  // own, so the first error alone may not show the record it cut off. More marked elements only means fewer
  // records salvaged, never a cut-off record handed out.
  if fatal, let locator {
    let parser = locator.assumingMemoryBound(to: xmlParserCtxt.self)
    if let stack = parser.pointee.nodeTab {
      for i in 0..<Int(max(parser.pointee.nodeNr, 0)) {
        if let node = stack[i] { collector.openNodes.insert(node) }
      }
    }
  }
  // Keep the diagnostics few: libxml2 may repeat itself after the first fatal error.
  guard collector.issues.count < 20, !collector.issues.contains(where: { $0.message == text }) else { return }
  collector.issues.append(XMLStream.Issue(message: text, line: line, fatal: fatal))
}
