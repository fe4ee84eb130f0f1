import CLibXML2
import Foundation
import SiftCore

/// What ``XMLStream/next()`` hands out, in file order.
enum XMLStreamItem {
  /// A complete record element and its 0-based position among the file's record elements.
  case record(XMLTree, index: Int)
  /// A record element read to its end that cannot be kept (its error diagnostic, counted as rejected).
  case rejected(Diagnostic)
}

/// Streams an XML file through libxml2's SAX2 push parser and hands out one record element at a time.
///
/// The file is fed to libxml2 in chunks of ``chunkSize`` bytes; the callbacks collect a record's elements and text
/// as bytes (``XMLRecordData``) and queue the record when its end tag is read, so memory stays bounded by one chunk
/// plus the records it completes. No `String` is made per node: names are interned once per stream and values are
/// made when a reader asks for them.
///
/// Safe by construction: the network is off (`XML_PARSE_NONET`), entities are never substituted and no DTD is
/// loaded (no `XML_PARSE_NOENT`, no `XML_PARSE_DTDLOAD`, no external-subset handler), so an external entity such as
/// `file:///etc/passwd` is never read and the content of internal entities is left out of the records (their names
/// are reported). libxml2's entity amplification and depth limits stay on (no `XML_PARSE_HUGE`), elements nested
/// deeper than ``maxDepth`` stop the file, and a record holding a text node over ``maxTextBytes`` is rejected
/// with a diagnostic while the records after it are still read.
///
/// When libxml2 stops at a fatal error, the records completed before it have been handed out; the record it was
/// inside is reported through ``unfinishedRecordLine``.
final class XMLStream {
  /// Deepest element nesting read; bibliographic XML is less than 15 levels deep.
  static let maxDepth = 100
  /// Longest text node kept (libxml2's own limit without `XML_PARSE_HUGE`); a record with a longer one is rejected.
  static let maxTextBytes = 10_000_000
  /// Bytes handed to libxml2 at a time.
  static let chunkSize = 256 * 1024

  /// A problem libxml2 or a Sift limit reported.
  struct Issue {
    var message: String
    var line: Int?
    /// An error (the diagnostic is an error), as opposed to a warning.
    var fatal: Bool
    /// An error that stopped the parse (libxml2's fatal level, or a Sift limit).
    var stops: Bool
  }

  let displayPath: String
  private var state: UnsafeMutablePointer<XMLParseState>
  /// libxml2's parser; nil while the fast scanner reads.
  private var parser: xmlParserCtxtPtr?
  /// The open file, or -1 for an in-memory input.
  private let descriptor: Int32
  private let memory: [UInt8]
  private var memoryOffset = 0
  private let buffer: UnsafeMutableRawPointer
  private var finished = false
  private let known: [String]
  private let inline: Set<String>
  private let isRecord: ([String]) -> Bool
  private var options: XMLReadOptions
  /// The fast scanner, while it reads (nil once libxml2 reads).
  private var fast: UnsafeMutablePointer<XMLFastScanner>?
  /// The fast scanner's input: bytes not yet consumed, then the latest chunk.
  private var fastBytes: UnsafeMutablePointer<UInt8>
  private var fastCapacity: Int
  private var fastCount = 0
  /// Records handed out by the fast scanner; after a fall back to libxml2, as many of its first items are dropped.
  private var handedOut = 0
  private var skip = 0
  /// Why the fast scanner gave the file to libxml2, if it did.
  private(set) var anomaly: String?

  /// libxml2 must be initialised once before it is used from several threads.
  private static let libxml2Initialised: Void = xmlInitParser()

  private static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)

  /// Opens `input`. `isRecord` says which element paths (names from the root down, inclusive) are records;
  /// elements named in `inline` are markup inside a value (``XMLTree/holdsValue``); `known` names get the ids
  /// `0..<known.count` in order, for fast lookups (``XMLTree/child(_:)-(Int32)``).
  /// Throws ``IngestError`` when the file cannot be opened.
  init(
    _ input: InputSource, known: [String] = [], inline: Set<String>, options: XMLReadOptions = XMLReadOptions(),
    isRecord: @escaping ([String]) -> Bool
  ) throws {
    displayPath = input.displayPath
    self.known = known
    self.inline = inline
    self.isRecord = isRecord
    self.options = options
    var seekable = true
    switch input {
    case .file(let path):
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
        FileManager.default.isReadableFile(atPath: path)
      else {
        throw IngestError(file: path, message: "cannot open the file; check that it exists and is readable")
      }
      let fd = open(path, O_RDONLY)
      guard fd >= 0 else {
        throw IngestError(file: path, message: "cannot open the file; check that it exists and is readable")
      }
      descriptor = fd
      memory = []
      seekable = lseek(fd, 0, SEEK_CUR) >= 0
    case .memory(_, let bytes):
      descriptor = -1
      memory = bytes
    }
    _ = Self.libxml2Initialised
    buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
    fastCapacity = max(options.chunkSize, 16) * 2
    fastBytes = .allocate(capacity: fastCapacity)
    state = UnsafeMutablePointer<XMLParseState>.allocate(capacity: 1)
    var path = options.path
    if path == .automatic, let forced = Self.forcedPath { path = forced }
    self.options.path = path
    let useFast = path == .fastOnly || (path == .automatic && seekable)
    if useFast {
      state.initialize(
        to: XMLParseState(parser: nil, displayPath: displayPath, known: known, inline: inline, isRecord: isRecord))
      let scanner = UnsafeMutablePointer<XMLFastScanner>.allocate(capacity: 1)
      scanner.initialize(to: XMLFastScanner())
      fast = scanner
    } else {
      do {
        try startLibXML2()
      } catch {
        state.deallocate()
        buffer.deallocate()
        fastBytes.deallocate()
        if descriptor >= 0 { close(descriptor) }
        throw error
      }
    }
  }

  /// `SIFT_XML=libxml2` in the environment turns the fast scanner off; `SIFT_XML=fast` turns the fall back off
  /// (an anomaly then stops the file with an error naming it).
  private static let forcedPath: XMLParsePath? = {
    switch ProcessInfo.processInfo.environment["SIFT_XML"] {
    case "libxml2": .libxml2
    case "fast": .fastOnly
    default: nil
    }
  }()

  /// Creates libxml2's push parser and a fresh state for it (the state memory is allocated, not initialised).
  private func startLibXML2() throws {
    var handler = xmlStreamHandler()
    guard let created = xmlCreatePushParserCtxt(&handler, nil, nil, 0, displayPath) else {
      throw IngestError(file: displayPath, message: "libxml2 could not start an XML parser")
    }
    parser = created
    xmlCtxtUseOptions(created, Self.parseOptions)
    state.initialize(
      to: XMLParseState(parser: created, displayPath: displayPath, known: known, inline: inline, isRecord: isRecord))
    created.pointee._private = UnsafeMutableRawPointer(state)
  }

  private func releaseScanner() {
    guard let fast else { return }
    fast.pointee.release()
    fast.deinitialize(count: 1)
    fast.deallocate()
    self.fast = nil
  }

  deinit {
    releaseScanner()
    if let parser {
      parser.pointee._private = nil
      if let document = parser.pointee.myDoc {
        parser.pointee.myDoc = nil
        xmlFreeDoc(document)
      }
      xmlFreeParserCtxt(parser)
    }
    state.pointee.releaseBuffers()
    state.deinitialize(count: 1)
    state.deallocate()
    buffer.deallocate()
    fastBytes.deallocate()
    if descriptor >= 0 { close(descriptor) }
  }

  /// Problems reported so far, in order.
  var issues: [Issue] { state.pointee.issues }
  /// The name of the document's root element, once seen.
  var rootName: String? { state.pointee.rootName }
  /// Whether reading stopped because of a fatal error or a Sift limit.
  var failed: Bool { state.pointee.failed }
  /// The line of the record element that a fatal error cut off, if any.
  var unfinishedRecordLine: Int? { state.pointee.unfinishedRecordLine }
  /// Record elements met so far (handed out, rejected, or cut off): the position of the next one.
  var recordsSeen: Int { state.pointee.recordsSeen }
  /// Names of entity references met in records and left out (Sift never expands entities).
  var skippedEntities: Set<String> { state.pointee.skippedEntities }

  /// The current parser line (1-based), or the line where reading stopped.
  var line: Int { state.pointee.stopLine ?? state.pointee.currentLine }

  /// The next record element, or a record rejected whole; nil at the end of the document or after a fatal error
  /// (``failed``; records completed before the error are handed out first).
  func next() -> XMLStreamItem? {
    while true {
      if let item = state.pointee.dequeue() {
        if skip > 0 {
          skip -= 1
          continue
        }
        if fast != nil { handedOut += 1 }
        return item
      }
      if finished { return nil }
      if fast != nil { feedFast() } else { feed() }
    }
  }

  /// Reads the next chunk (or the end of the input) into the fast scanner's bytes. Returns the bytes read.
  private func readChunk(into target: UnsafeMutablePointer<UInt8>, count wanted: Int) -> Int? {
    if descriptor >= 0 {
      var count = 0
      repeat { count = read(descriptor, target, wanted) } while count < 0 && errno == EINTR
      return count < 0 ? nil : count
    }
    let count = min(wanted, memory.count - memoryOffset)
    if count > 0 {
      memory.withUnsafeBufferPointer { bytes in
        if let base = bytes.baseAddress { target.update(from: base + memoryOffset, count: count) }
      }
      memoryOffset += count
    }
    return count
  }

  /// Hands the next chunk to the fast scanner; on an anomaly, starts again with libxml2.
  private func feedFast() {
    let wanted = options.chunkSize
    if fastCount + wanted > fastCapacity {
      let capacity = max(fastCapacity * 2, fastCount + wanted)
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
      grown.moveInitialize(from: fastBytes, count: fastCount)
      fastBytes.deallocate()
      fastBytes = grown
      fastCapacity = capacity
    }
    guard let count = readChunk(into: fastBytes + fastCount, count: wanted) else {
      fallBack("read error")
      return
    }
    fastCount += count
    let isEnd = count == 0
    guard let scanner = fast else { return }
    let (consumed, outcome) = scanner.pointee.scan(
      UnsafeBufferPointer(start: fastBytes, count: fastCount), isEnd: isEnd, state: state)
    switch outcome {
    case .needMore:
      let rest = fastCount - consumed
      if consumed > 0, rest > 0 { fastBytes.update(from: fastBytes + consumed, count: rest) }
      fastCount = rest
      if isEnd { fallBack("end of input") }
    case .done:
      finished = true
      releaseScanner()
    case .anomaly(let reason):
      fallBack(reason)
    }
  }

  /// Drops what the fast scanner read and reads the file again with libxml2 from its start, skipping the records
  /// the fast scanner already handed out (libxml2 reads them the same way).
  private func fallBack(_ reason: String) {
    anomaly = reason
    releaseScanner()
    fastCount = 0
    if options.path == .fastOnly {
      state.pointee.stopFast("fast XML path anomaly: \(reason)")
      finished = true
      return
    }
    state.pointee.releaseBuffers()
    state.deinitialize(count: 1)
    skip = handedOut
    if descriptor >= 0 {
      lseek(descriptor, 0, SEEK_SET)
    } else {
      memoryOffset = 0
    }
    do {
      try startLibXML2()
    } catch {
      state.initialize(
        to: XMLParseState(parser: nil, displayPath: displayPath, known: known, inline: inline, isRecord: isRecord))
      state.pointee.stopFast("libxml2 could not start an XML parser")
      finished = true
    }
  }

  /// Hands the next chunk (or the end of the input) to libxml2 and checks whether it stopped.
  private func feed() {
    guard let parser else { return }
    var count = 0
    if descriptor >= 0 {
      repeat { count = read(descriptor, buffer, Self.chunkSize) } while count < 0 && errno == EINTR
      if count < 0 {
        let reason = String(cString: strerror(errno))
        state.pointee.stop("cannot read the file (\(reason)); Sift stops reading it here")
        finishFailed()
        return
      }
      if count > 0 { xmlParseChunk(parser, buffer.assumingMemoryBound(to: CChar.self), Int32(count), 0) }
    } else {
      count = min(Self.chunkSize, memory.count - memoryOffset)
      if count > 0 {
        memory.withUnsafeBytes { bytes in
          let start = bytes.baseAddress.map { $0 + memoryOffset }?.assumingMemoryBound(to: CChar.self)
          _ = xmlParseChunk(parser, start, Int32(count), 0)
        }
        memoryOffset += count
      }
    }
    if count == 0 {
      xmlParseChunk(parser, nil, 0, 1)
      finished = true
    }
    if state.pointee.failed || parser.pointee.wellFormed == 0 { finishFailed() }
  }

  private func finishFailed() {
    finished = true
    state.pointee.markFailed()
  }

  /// Turns the issues into diagnostics. Errors stay errors, the rest are warnings.
  func diagnostics() -> [Diagnostic] {
    issues.map { Diagnostic($0.fatal ? .error : .warning, $0.message, file: displayPath, line: $0.line) }
  }

  /// The first issue that stopped the parse as one line, e.g. `line 4: Opening and ending tag mismatch: …`.
  var fatalSummary: String? {
    guard let issue = issues.first(where: \.stops) ?? issues.first(where: \.fatal) else { return nil }
    return (issue.line.map { "line \($0): " } ?? "") + issue.message
  }
}

/// Which parser reads an XML file (for tests; readers use ``automatic``).
enum XMLParsePath: Sendable {
  /// The fast scanner, and libxml2 from the start of the file when it meets anything unusual.
  case automatic
  /// libxml2 only (the reference parser).
  case libxml2
  /// The fast scanner only: an anomaly stops the file with an error naming it (tests).
  case fastOnly
}

/// How ``XMLStream`` reads (tests set these through the readers).
struct XMLReadOptions: Sendable {
  var path: XMLParsePath = .automatic
  /// Bytes the fast scanner reads at a time.
  var chunkSize: Int = XMLStream.chunkSize
}

/// The SAX2 callbacks: libxml2's defaults for the document and the DTD's declarations (kept in the parser's own
/// document, never loaded from outside), Sift's for elements, text, entity references and errors.
private func xmlStreamHandler() -> xmlSAXHandler {
  var handler = xmlSAXHandler()
  xmlSAXVersion(&handler, 2)
  handler.externalSubset = nil
  handler.startElement = nil
  handler.endElement = nil
  handler.comment = nil
  handler.processingInstruction = nil
  handler.error = nil
  handler.warning = nil
  handler.fatalError = nil
  handler.startElementNs = { context, localname, prefix, uri, _, _, attributeCount, defaultedCount, attributes in
    guard let state = xmlParseState(context) else { return }
    state.pointee.startElement(
      localname, prefix: prefix, uri: uri, attributes: attributes,
      count: Int(attributeCount) - Int(defaultedCount))
  }
  handler.endElementNs = { context, _, _, _ in
    guard let state = xmlParseState(context) else { return }
    state.pointee.endElement()
  }
  handler.characters = xmlStreamCharacters
  handler.ignorableWhitespace = xmlStreamCharacters
  handler.cdataBlock = xmlStreamCharacters
  handler.reference = { context, name in
    guard let state = xmlParseState(context), let name else { return }
    state.pointee.noteSkippedEntity(name)
  }
  handler.getEntity = { context, name in
    let entity = xmlSAX2GetEntity(context, name)
    if let entity, let name, entity.pointee.etype != XML_INTERNAL_PREDEFINED_ENTITY,
      let state = xmlParseState(context), state.pointee.parser?.pointee.inSubset == 0
    {
      state.pointee.noteSkippedEntity(name)
    }
    return entity
  }
  handler.serror = { context, error in
    guard let context, let error else { return }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let raw = parser.pointee._private else { return }
    raw.assumingMemoryBound(to: XMLParseState.self).pointee.report(error)
  }
  return handler
}

private func xmlStreamCharacters(_ context: UnsafeMutableRawPointer?, _ bytes: UnsafePointer<xmlChar>?, _ count: Int32)
{
  guard let state = xmlParseState(context), let bytes, count > 0 else { return }
  state.pointee.characters(bytes, count: Int(count))
}

/// The stream state behind a callback's parser context, or nil when the callback reports the content of an
/// entity (parsed by libxml2 in a context of its own or as a further input): that content is left out.
@inline(__always)
private func xmlParseState(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<XMLParseState>? {
  guard let context else { return nil }
  let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
  guard let raw = parser.pointee._private else { return nil }
  let state = raw.assumingMemoryBound(to: XMLParseState.self)
  guard state.pointee.parser == parser, parser.pointee.inputNr <= 1 else { return nil }
  return state
}
