import Foundation
import SiftCore
import SiftIngest

#if canImport(Glibc)
  import Glibc
#endif

/// Use case: read export files into records, as `sift import`, `sift convert` and `sift dedup` do.
public enum IngestFiles {
  /// The records of all files, in file order, and what each file produced.
  public struct Result: Sendable {
    public var records: [Record]
    public var files: [FileReadSummary]
    /// Every diagnostic of every file, in file order.
    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
  }

  /// Files at least this large get a progress bar when stderr is a terminal.
  public static let progressThreshold = 4 << 20

  /// Reads every file (format detected unless `format` is given) and collects the records.
  /// `progress` shows a bar on stderr for large files when stderr is a terminal.
  public static func read(
    paths: [String], database: String? = nil, format: Format? = nil, progress: Bool = true
  ) throws -> Result {
    var records: [Record] = []
    let files = try read(paths: paths, database: database, format: format, progress: progress) {
      records.append($0)
    }
    return Result(records: records, files: files)
  }

  /// Streams the records of every file to `onRecord`; returns one summary per file.
  public static func read(
    paths: [String], database: String? = nil, format: Format? = nil, progress: Bool = true,
    onRecord: (Record) throws -> Void
  ) throws -> [FileReadSummary] {
    var summaries: [FileReadSummary] = []
    for path in paths {
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      var bar = ProgressBar(label: (path as NSString).lastPathComponent, total: size)
      bar.enabled = progress && size >= progressThreshold && isatty(2) == 1
      let summary = try Ingest.read(.file(path: path), format: format, database: database) { record in
        if bar.enabled, let offset = record.provenance.byteOffset { bar.update(offset) }
        try onRecord(record)
      }
      bar.finish()
      summaries.append(summary)
    }
    return summaries
  }
}

/// A one-line progress bar on stderr, redrawn at most ten times a second.
struct ProgressBar {
  var label: String
  var total: Int
  var enabled = false
  private var lastDraw: UInt64 = 0

  init(label: String, total: Int) {
    self.label = label
    self.total = total
  }

  mutating func update(_ done: Int) {
    let now = DispatchTime.now().uptimeNanoseconds
    guard now - lastDraw > 100_000_000 else { return }
    lastDraw = now
    draw(done)
  }

  mutating func finish() {
    guard enabled else { return }
    draw(total)
    FileHandle.standardError.write(Data("\n".utf8))
  }

  private func draw(_ done: Int) {
    let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
    let width = 30
    let filled = Int(fraction * Double(width))
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    let percent = Int(fraction * 100)
    let mb = String(format: "%.1f", Double(total) / 1_048_576)
    FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)% of \(mb) MB".utf8))
  }
}
