import ArgumentParser
import Foundation
import SiftIngest
import SiftKit

struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write a deterministic synthetic RIS/EndNote XML corpus.",
    discussion: """
      Writes DIR/records.ris and DIR/records.xml (EndNote XML) with the same records, about 2 KB each.
      With --duplicates F, a fraction F of the records is emitted a second time with small changes (case,
      punctuation, abbreviated journal, missing DOI, page form 123-9), and DIR/truth.csv lists each duplicate
      group in a `merged_ids` column (ids joined by `;`). Same seed, same bytes.
      """)

  @Option(help: "Seed of the pseudo-random generator.") var seed: UInt64 = 1
  @Option(help: "Number of distinct records.") var records: Int = 100_000
  @Option(help: "Output folder (created if missing).") var out: String
  @Option(help: "Fraction of records re-emitted as near-duplicates (0...1).") var duplicates: Double = 0
  @Flag(help: "Write only the RIS file.") var risOnly = false

  func validate() throws {
    guard records > 0 else { throw ValidationError("--records must be positive") }
    guard (0...1).contains(duplicates) else { throw ValidationError("--duplicates must be between 0 and 1") }
  }

  func run() throws {
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    var rng = SplitMix64(seed: seed)
    let ris = try BufferedFile(path: (out as NSString).appendingPathComponent("records.ris"))
    let xml = risOnly ? nil : try BufferedFile(path: (out as NSString).appendingPathComponent("records.xml"))
    xml?.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml><records>\n")
    var truth: [String] = ["merged_ids"]
    var written = 0
    for n in 0..<records {
      let record = SyntheticRecord.make(number: n, rng: &rng)
      ris.write(record.ris())
      xml?.write(record.endNoteXML(recNumber: written + 1))
      written += 1
      if duplicates > 0, rng.nextDouble() < duplicates {
        let copy = record.nearDuplicate(rng: &rng)
        ris.write(copy.ris())
        xml?.write(copy.endNoteXML(recNumber: written + 1))
        written += 1
        truth.append("\(record.id);\(copy.id)")
      }
    }
    xml?.write("</records></xml>\n")
    try ris.close()
    try xml?.close()
    if duplicates > 0 {
      let path = (out as NSString).appendingPathComponent("truth.csv")
      try (truth.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
    print("sift-bench generate: \(written) records (\(truth.count - 1) near-duplicates) in \(out)")
  }
}

/// Deterministic pseudo-random numbers (SplitMix64).
struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
  }

  mutating func nextDouble() -> Double { Double(next() >> 11) / Double(1 << 53) }

  mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// Appends text to a file through a 4 MiB buffer.
final class BufferedFile {
  private let handle: FileHandle
  private var buffer: [UInt8] = []

  init(path: String) throws {
    handle = try OutputFile.open(path)
    buffer.reserveCapacity(1 << 22)
  }

  func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 22 { flush() }
  }

  func flush() {
    handle.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }

  func close() throws {
    flush()
    try handle.close()
  }
}
