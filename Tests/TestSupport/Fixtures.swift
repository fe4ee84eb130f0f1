import Foundation

/// Paths the tests need: the package root, the shared fixtures beside the clone, the built `sift` binary.
public enum Fixtures {
  /// The package root (the folder holding Package.swift).
  public static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  /// `../shared` beside the clone, or `$SIFT_SHARED`.
  public static let shared: URL = {
    if let env = ProcessInfo.processInfo.environment["SIFT_SHARED"] { return URL(fileURLWithPath: env) }
    return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
  }()

  /// `../shared/fixtures/exports`.
  public static var exports: URL { shared.appendingPathComponent("fixtures/exports") }

  /// `../shared/fixtures/dedup`.
  public static var dedup: URL { shared.appendingPathComponent("fixtures/dedup") }

  /// A file under `../shared/fixtures/exports`, e.g. `ris/rispy-example_basic.ris`.
  public static func export(_ relativePath: String) -> URL {
    exports.appendingPathComponent(relativePath)
  }

  /// The rows of `../shared/fixtures/exports/PROVENANCE.md`'s table: path and record count.
  public static func provenanceCounts() throws -> [(path: String, records: Int)] {
    let text = try String(contentsOf: exports.appendingPathComponent("PROVENANCE.md"), encoding: .utf8)
    var rows: [(String, Int)] = []
    for line in text.split(separator: "\n") where line.hasPrefix("| ") {
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      // | path | origin repo | origin path | commit | licence | exercises | records | bytes |
      guard cells.count >= 9, let records = Int(cells[7]), cells[1].contains("/") else { continue }
      rows.append((cells[1], records))
    }
    return rows
  }

  /// A new empty temporary folder.
  public static func temporaryDirectory(_ name: String = "sift-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
