import ArgumentParser
import Foundation
import SiftCore
import SiftIngest
import SiftKit

struct IngestBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest", abstract: "Measure parsing speed and memory of the readers.")

  @Argument(help: "Export files to parse.")
  var files: [String]

  @Flag(help: "Print each record as a JSON line instead of measuring (for checking readers).")
  var dump = false

  @Flag(help: "Print each reader's detection score for each file.")
  var sniff = false

  @Option(help: "Read every file as this format (e.g. ris, endnote-xml) instead of detecting it.")
  var format: String?

  @Option(help: "Threads a reader may use (1 = read and map on this thread only; sets SIFT_THREADS).")
  var threads: Int?

  @Flag(
    help: """
      Measure what `sift import` does per file (NUL scrubbing, database filling) instead of parsing into records \
      only.
      """)
  var full = false

  /// Readers built on other branches that the registry may not list yet; used with --format.
  static let extraReaders: [any RecordReader] = [EndNoteXMLReader(), PubMedXMLReader(), BibTeXReader()]

  func run() throws {
    if let threads {
      guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
      setenv("SIFT_THREADS", String(threads), 1)
    }
    if sniff {
      for file in files {
        let input = InputSource.file(path: file)
        let head = try input.readHead().text
        let scores = ReaderRegistry.all.map {
          "\($0.format.rawValue)=\($0.sniff(head, fileExtension: input.fileExtension))"
        }
        let chosen = (try? Ingest.detect(input).format.rawValue) ?? "rejected"
        print("\(file): \(chosen) [\(scores.joined(separator: " "))]")
      }
      return
    }
    if dump {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      let summaries = try IngestFiles.read(paths: files, progress: false) { record in
        var slim = record
        slim.fields = []
        print(String(decoding: try encoder.encode(slim), as: UTF8.self))
      }
      for s in summaries {
        print("# \(s.path): \(s.format.rawValue) \(s.database ?? "-") \(s.encoding) records=\(s.recordCount)")
        for d in s.diagnostics { print("# \(d)") }
      }
      return
    }
    let chosen = try format.map { raw -> any RecordReader in
      guard let f = Format(rawValue: raw),
        let reader = ReaderRegistry.reader(for: f) ?? Self.extraReaders.first(where: { $0.format == f })
      else { throw ValidationError("no reader for format \(raw)") }
      return reader
    }
    for file in files {
      let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
      let start = DispatchTime.now().uptimeNanoseconds
      let cpuStart = cpuSeconds()
      var count = 0
      var checksum = 0
      let formatName: String
      // Parsing into records: the detected (or given) reader alone, unless --full asks for the whole ingest path.
      let reader = try chosen ?? (full ? nil : Ingest.detect(.file(path: file)))
      if let chosen = reader {
        var sink = RecordSink { record in
          count += 1
          checksum &+= record.authors.count &+ (record.title?.utf8.count ?? 0)
        }
        try chosen.read(.file(path: file), into: &sink)
        formatName = chosen.format.rawValue
      } else {
        let summaries = try IngestFiles.read(paths: [file], progress: false) { record in
          count += 1
          checksum &+= record.authors.count &+ (record.title?.utf8.count ?? 0)
        }
        formatName = summaries.first?.format.rawValue ?? "?"
      }
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      let cpu = cpuSeconds() - cpuStart
      let recordsPerSecond = Double(count) / seconds
      let megabytesPerSecond = Double(size) / 1_048_576 / seconds
      print(
        "sift \(formatName) \(file): records=\(count) seconds=\(fixed(seconds, 3)) cpu=\(fixed(cpu, 3)) "
          + "records/s=\(fixed(recordsPerSecond, 0)) records/cpu-s=\(fixed(Double(count) / max(cpu, 1e-9), 0)) MB/s=\(fixed(megabytesPerSecond, 1)) peakRSS_MB=\(fixed(Double(peakRSSKilobytes()) / 1024, 1)) "
          + "checksum=\(checksum)")
    }
  }

  private func fixed(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
  }

  /// User plus system CPU time of this process (all threads) so far, in seconds.
  private func cpuSeconds() -> Double {
    var time = timespec()
    guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// Peak resident set size (VmHWM) of this process, in KiB; 0 where /proc is not there.
  private func peakRSSKilobytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
    return 0
  }
}
