import Foundation
import SiftCore

/// De-duplication of export files without a project (`sift dedup FILE…`): keys, the unique records, and the
/// `clusters.csv` / `maybe.csv` reports. Pure: the caller reads and writes the files.
public enum FileDedup {
  /// What a run over files produced.
  public struct Outcome: Sendable {
    public var result: DedupResult
    /// The primary record of every cluster, in input order (file by file, record by record).
    public var unique: [Record]
    /// `cluster,file,index,id,primary,reason`: one row per input record, in input order.
    public var clustersCSV: String
    /// `a_file,a_index,b_file,b_index,score,reason`: the pairs for a person to look at, best first.
    public var maybeCSV: String
    /// Records in, clusters, duplicates removed, per file.
    public var summary: String
  }

  /// The key of record `index` (0-based) of file `fileNumber` (0-based): `f001-r0000012`; sorts in input order.
  public static func key(fileNumber: Int, index: Int) -> String {
    "f" + pad(fileNumber + 1, 3) + "-r" + pad(index, 7)
  }

  /// De-duplicates the records of `files` (each file's records in file order).
  public static func run(
    files: [(path: String, records: [Record])], options: DedupOptions = .init()
  ) -> Outcome {
    var input: [DedupRecord] = []
    var location: [String: (file: Int, index: Int)] = [:]
    for (f, file) in files.enumerated() {
      for (i, record) in file.records.enumerated() {
        let key = key(fileNumber: f, index: i)
        input.append(DedupRecord(key: key, record: record))
        location[key] = (f, i)
      }
    }
    let result = Deduplicator.run(input, options: options)
    var clusterOf: [String: (cluster: DuplicateCluster, reason: String)] = [:]
    for cluster in result.clusters {
      for member in cluster.members { clusterOf[member.key] = (cluster, member.reason) }
    }

    var unique: [Record] = []
    var clusters = "cluster,file,index,id,primary,reason\n"
    var kept = [Int](repeating: 0, count: files.count)
    var within = [Int](repeating: 0, count: files.count)
    for item in input {
      guard let (f, i) = location[item.key], let (cluster, reason) = clusterOf[item.key] else { continue }
      let isPrimary = cluster.primary == item.key
      if isPrimary {
        unique.append(item.record)
        kept[f] += 1
      } else if let p = location[cluster.primary], p.file == f {
        within[f] += 1
      }
      let id = item.record.accession ?? item.record.pmid ?? item.record.doi ?? ""
      let row = [cluster.id, files[f].path, String(i), id, isPrimary ? "true" : "false", reason]
      clusters += row.map(csvCell).joined(separator: ",") + "\n"
    }

    var maybe = "a_file,a_index,b_file,b_index,score,reason\n"
    for pair in result.maybe {
      guard let a = location[pair.a], let b = location[pair.b] else { continue }
      let row = [
        files[a.file].path, String(a.index), files[b.file].path, String(b.index), PairScorer.format(pair.score),
        pair.reason,
      ]
      maybe += row.map(csvCell).joined(separator: ",") + "\n"
    }

    let total = input.count
    let multi = result.clusters.filter { $0.members.count > 1 }.count
    var lines = [
      "\(total) records in, \(result.clusters.count) unique (\(multi) clusters of duplicates), "
        + "\(total - result.clusters.count) duplicates removed, \(result.maybe.count) pairs to review"
    ]
    for (f, file) in files.enumerated() {
      lines.append(
        "  \(file.path): \(file.records.count) records, \(kept[f]) kept, "
          + "\(file.records.count - kept[f]) duplicates (\(within[f]) of a record in the same file)")
    }
    return Outcome(
      result: result, unique: unique, clustersCSV: clusters, maybeCSV: maybe,
      summary: lines.joined(separator: "\n") + "\n")
  }

  /// One CSV cell, quoted when it holds a comma, quote or line end (RFC 4180). A cell a spreadsheet would run as a
  /// formula (starting with `=`, `+`, `-`, `@`, tab or CR, e.g. from an export's `AN` tag) gets a leading `'`.
  static func csvCell(_ value: String) -> String {
    let raw = SpreadsheetSafety.guarded(value)
    guard raw.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return raw }
    return "\"" + raw.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  static func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }
}
