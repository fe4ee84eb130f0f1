import SiftCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Streams the lines of an ``InputSource``, reading a file in 1 MiB chunks, never the whole file.
///
/// Detects UTF-8 (with or without BOM) and UTF-16 LE/BE (transcoded); a line that is not valid UTF-8 is read as
/// Windows-1252 where its bytes are not UTF-8 (its valid UTF-8 sequences are kept). Line ends may be LF, CRLF or CR alone.
public final class LineReader {
  /// Bytes read per chunk.
  public static let chunkSize = 1 << 20

  /// The encoding detected from the first bytes.
  public private(set) var encoding: TextEncoding = .utf8
  /// 1-based number of the first line decoded as Windows-1252, if any.
  public private(set) var firstWindows1252Line: Int?
  /// How many lines were decoded as Windows-1252.
  public private(set) var windows1252LineCount = 0

  private let path: String
  private var fd: Int32 = -1
  private var memory: [UInt8]
  private var memoryPosition = 0
  private var limit: Int
  private var rawRead = 0
  private var eof = false
  private var started = false

  private var buffer: [UInt8] = []
  /// End of the bytes in ``buffer`` (UTF-8 files are read straight into it, so it may be longer).
  private var bufferEnd = 0
  private var position = 0
  /// File offset of the next line (UTF-8: position in raw bytes; UTF-16: counted per line).
  private var sourceOffset = 0
  private var lineNumber = 0

  private var rawChunk: [UInt8] = []
  private var pendingByte: UInt8?
  private var pendingHighSurrogate: UInt16?
  private var scratch: [UInt8] = []

  /// Opens `input`. `limit` caps how many bytes are read (used for detection heads).
  public init(_ input: InputSource, limit: Int = .max) throws {
    self.limit = limit
    switch input {
    case .file(let path):
      self.path = path
      self.memory = []
      let fd = open(path, O_RDONLY)
      guard fd >= 0 else {
        throw IngestError(file: path, message: "cannot open file (\(String(cString: strerror(errno)))); check the path")
      }
      self.fd = fd
    case .memory(let name, let bytes):
      self.path = name
      self.memory = bytes
    }
  }

  deinit {
    if fd >= 0 { close(fd) }
  }

  /// The warning to report when lines were read as Windows-1252, once per file.
  public var decodingDiagnostic: Diagnostic? {
    guard let first = firstWindows1252Line else { return nil }
    let more = windows1252LineCount > 1 ? " and \(windows1252LineCount - 1) more lines" : ""
    return Diagnostic(
      .warning,
      "bytes that are not valid UTF-8 at this line\(more) were read as Windows-1252; "
        + "re-export the file as UTF-8 if characters look wrong",
      file: path, line: first)
  }

  /// The encoding's name for summaries, e.g. `UTF-8` or `UTF-8 + Windows-1252 (3 lines)`.
  public var encodingDescription: String {
    windows1252LineCount > 0 ? "\(encoding.rawValue) + Windows-1252 (\(windows1252LineCount) lines)" : encoding.rawValue
  }

  /// Records the encoding and its warning in `sink`. Call once when the file has been read.
  public func finish(into sink: inout RecordSink) {
    sink.encoding = encodingDescription
    if let diagnostic = decodingDiagnostic { sink.warn(diagnostic) }
  }

  /// The next line, or nil at the end of the input.
  public func next() throws -> Line? {
    if !started { try start() }
    while true {
      let end = bufferEnd
      if position >= end {
        if eof { return nil }
        try refill()
        continue
      }
      // Find the line end: the first LF, or a CR before it.
      var lineEnd = -1
      var terminator = 0
      buffer.withUnsafeBufferPointer { buf in
        guard let base = buf.baseAddress else { return }
        let start = base + position
        let length = end - position
        let lf = memchr(start, 0x0A, length)
        let searchLength = lf.map { UnsafeRawPointer($0) - UnsafeRawPointer(start) } ?? length
        if let cr = memchr(start, 0x0D, searchLength) {
          let index = UnsafeRawPointer(cr) - UnsafeRawPointer(base)
          lineEnd = index
          terminator = (index + 1 < end && base[index + 1] == 0x0A) ? 2 : 1
          if index + 1 == end { terminator = -1 }  // CR at buffer end: need the next byte
        } else if let lf {
          lineEnd = UnsafeRawPointer(lf) - UnsafeRawPointer(base)
          terminator = 1
        }
      }
      if lineEnd < 0 || terminator < 0 {
        if !eof {
          try refill()
          continue
        }
        if lineEnd < 0 { lineEnd = end }
        terminator = lineEnd < end ? 1 : 0
      }
      lineNumber += 1
      let offset = sourceOffset
      let raw = buffer[position..<lineEnd]
      let consumed = lineEnd - position + terminator
      if encoding == .utf16LE || encoding == .utf16BE {
        sourceOffset += (UTF8Bytes.utf16Count(raw) + (terminator == 2 ? 2 : terminator)) * 2
      } else {
        sourceOffset += consumed
      }
      position = lineEnd + terminator
      let valid = buffer.withUnsafeBufferPointer { buf in
        UTF8Bytes.isValid(UnsafeBufferPointer(rebasing: buf[raw.startIndex..<raw.endIndex]))
      }
      if valid { return Line(bytes: raw, number: lineNumber, offset: offset) }
      if firstWindows1252Line == nil { firstWindows1252Line = lineNumber }
      windows1252LineCount += 1
      scratch = []
      buffer.withUnsafeBufferPointer { buf in
        UTF8Bytes.appendRepairingAsWindows1252(
          UnsafeBufferPointer(rebasing: buf[raw.startIndex..<raw.endIndex]), to: &scratch)
      }
      return Line(bytes: scratch[...], number: lineNumber, offset: offset)
    }
  }

  /// Calls `body` with each remaining line until it returns false or the input ends: the line's bytes (valid
  /// UTF-8, without the line end; valid only during the call), its 1-based number and the byte offset of its start.
  /// Same lines as ``next()``, without a slice per line: for readers that scan whole files.
  public func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int, Int) throws -> Bool) throws {
    if !started { try start() }
    let utf16 = encoding == .utf16LE || encoding == .utf16BE
    while true {
      let end = bufferEnd
      if position >= end {
        if eof { return }
        try refill()
        continue
      }
      var stop = false
      var needMore = false
      try buffer.withUnsafeBufferPointer { buf in
        guard let base = buf.baseAddress else { return }
        // The reader's state in locals while lines are cut (class properties cost an exclusivity check per access).
        var pos = position
        var lineNo = lineNumber
        var fileOffset = sourceOffset
        defer {
          position = pos
          lineNumber = lineNo
          sourceOffset = fileOffset
        }
        // Validate the complete lines of the buffer at once; lines inside that region need no check of their own.
        var validEnd = pos
        var lastLF = end - 1
        while lastLF >= pos, base[lastLF] != 0x0A { lastLF -= 1 }
        if lastLF >= pos, UTF8Bytes.isValid(UnsafeBufferPointer(start: base + pos, count: lastLF + 1 - pos)) {
          validEnd = lastLF + 1
        }
        // The first CR at or after `pos`, or `end` when there is none (most files: one search per chunk).
        var nextCR = memchr(base + pos, 0x0D, end - pos).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? end
        while pos < end {
          var lineEnd: Int
          var terminator: Int
          let lf = Self.indexOfLF(base, from: pos, end: end)
          if nextCR < pos {
            nextCR = memchr(base + pos, 0x0D, end - pos).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? end
          }
          if nextCR < end, nextCR < (lf < 0 ? end : lf) {
            lineEnd = nextCR
            if nextCR + 1 == end {
              terminator = -1  // CR at buffer end: need the next byte
            } else {
              terminator = base[nextCR + 1] == 0x0A ? 2 : 1
            }
          } else if lf >= 0 {
            lineEnd = lf
            terminator = 1
          } else {
            lineEnd = -1
            terminator = 0
          }
          if lineEnd < 0 || terminator < 0 {
            if !eof {
              needMore = true
              return
            }
            if lineEnd < 0 { lineEnd = end }
            terminator = lineEnd < end ? 1 : 0
          }
          lineNo += 1
          let offset = fileOffset
          let raw = UnsafeBufferPointer(start: base + pos, count: lineEnd - pos)
          if utf16 {
            fileOffset += (UTF8Bytes.utf16Count(raw) + (terminator == 2 ? 2 : terminator)) * 2
          } else {
            fileOffset += lineEnd - pos + terminator
          }
          pos = lineEnd + terminator
          let keepGoing: Bool
          if lineEnd < validEnd || UTF8Bytes.isValid(raw) {
            keepGoing = try body(raw, lineNo, offset)
          } else {
            if firstWindows1252Line == nil { firstWindows1252Line = lineNo }
            windows1252LineCount += 1
            scratch.removeAll(keepingCapacity: true)
            UTF8Bytes.appendRepairingAsWindows1252(raw, to: &scratch)
            keepGoing = try scratch.withUnsafeBufferPointer { try body($0, lineNo, offset) }
          }
          if !keepGoing {
            stop = true
            return
          }
        }
      }
      if stop { return }
      if needMore { try refill() }
    }
  }

  /// Index of the first LF in `base[from..<end]`, or -1 (`memchr`: its vector loop wins even on short lines).
  @inline(__always)
  static func indexOfLF(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> Int {
    guard let hit = memchr(base + from, 0x0A, end - from) else { return -1 }
    return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
  }

  private func start() throws {
    started = true
    let head = try readRaw()
    let (detected, bom) = TextEncoding.detect(head)
    encoding = detected
    sourceOffset = bom
    append(head.dropFirst(bom))
    bufferEnd = buffer.count
  }

  private func refill() throws {
    if fd >= 0, encoding == .utf8 || encoding == .utf8BOM {
      try readIntoBuffer()
      return
    }
    if position > 0 {
      buffer.removeSubrange(0..<position)
      position = 0
    }
    let chunk = try readRaw()
    append(chunk)
    bufferEnd = buffer.count
  }

  /// A UTF-8 file's next chunk, read straight into ``buffer`` after the bytes not yet consumed (moved to its
  /// start); the buffer is kept at its size, so it is neither copied nor allocated again.
  private func readIntoBuffer() throws {
    let kept = bufferEnd - position
    let want = min(Self.chunkSize, limit - rawRead)
    if buffer.count < kept + want { buffer.append(contentsOf: repeatElement(0, count: kept + want - buffer.count)) }
    let from = position
    var got = 0
    var failure: Int32 = 0
    buffer.withUnsafeMutableBytes { buf in
      guard let base = buf.baseAddress else { return }
      if from > 0, kept > 0 { memmove(base, base + from, kept) }
      while got < want {
        let n = read(fd, base + kept + got, want - got)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if n == 0 {
          eof = true
          return
        }
        got += n
      }
    }
    position = 0
    bufferEnd = kept + got
    if failure != 0 {
      throw IngestError(file: path, message: "read failed (\(String(cString: strerror(failure))))")
    }
    if want <= 0 { eof = true }
    rawRead += got
    if rawRead >= limit { eof = true }
  }

  /// Appends raw bytes to the buffer, transcoding UTF-16.
  private func append(_ raw: ArraySlice<UInt8>) {
    switch encoding {
    case .utf8, .utf8BOM:
      buffer.append(contentsOf: raw)
    case .utf16LE, .utf16BE:
      var bytes = raw
      if let pending = pendingByte {
        bytes = [pending] + raw
        pendingByte = nil
      }
      var i = bytes.startIndex
      let bigEndian = encoding == .utf16BE
      buffer.reserveCapacity(buffer.count + bytes.count * 3 / 2)
      while i + 1 < bytes.endIndex {
        let unit =
          bigEndian
          ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
        i += 2
        appendUTF16(unit)
      }
      if i < bytes.endIndex { pendingByte = bytes[i] }
      if eof {
        if pendingHighSurrogate != nil {
          UTF8Bytes.appendScalar(0xFFFD, to: &buffer)
          pendingHighSurrogate = nil
        }
        if pendingByte != nil {
          UTF8Bytes.appendScalar(0xFFFD, to: &buffer)
          pendingByte = nil
        }
      }
    }
  }

  private func appendUTF16(_ unit: UInt16) {
    if let high = pendingHighSurrogate {
      pendingHighSurrogate = nil
      if unit >= 0xDC00, unit <= 0xDFFF {
        let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
        UTF8Bytes.appendScalar(scalar, to: &buffer)
        return
      }
      UTF8Bytes.appendScalar(0xFFFD, to: &buffer)
    }
    if unit >= 0xD800, unit <= 0xDBFF {
      pendingHighSurrogate = unit
    } else if unit >= 0xDC00, unit <= 0xDFFF {
      UTF8Bytes.appendScalar(0xFFFD, to: &buffer)
    } else {
      UTF8Bytes.appendScalar(UInt32(unit), to: &buffer)
    }
  }

  /// Reads the next raw chunk; sets `eof` when the input is exhausted.
  /// The slice is only valid until the next call (it shares the reused chunk array).
  private func readRaw() throws -> ArraySlice<UInt8> {
    let want = min(Self.chunkSize, limit - rawRead)
    guard want > 0 else {
      eof = true
      return []
    }
    if fd < 0 {
      let end = min(memory.count, memoryPosition + want)
      let chunk = memory[memoryPosition..<end]
      memoryPosition = end
      rawRead += chunk.count
      if memoryPosition >= memory.count || rawRead >= limit { eof = true }
      return chunk
    }
    if rawChunk.count != Self.chunkSize { rawChunk = [UInt8](repeating: 0, count: Self.chunkSize) }
    var got = 0
    while got < want {
      let n = rawChunk.withUnsafeMutableBytes { buf -> Int in
        guard let base = buf.baseAddress else { return 0 }
        return read(fd, base + got, want - got)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw IngestError(file: path, message: "read failed (\(String(cString: strerror(errno))))")
      }
      if n == 0 {
        eof = true
        break
      }
      got += n
    }
    rawRead += got
    if rawRead >= limit { eof = true }
    return rawChunk[0..<got]
  }
}
