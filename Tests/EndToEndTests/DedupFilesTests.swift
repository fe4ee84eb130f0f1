import Foundation
import TestSupport
import Testing

@Suite struct DedupFilesTests {
  static func export(_ path: String) -> String { Fixtures.export(path).path }

  @Test func sameRecordsExportedTwiceGiveSixClustersOfTwo() throws {
    let dir = try Fixtures.temporaryDirectory("sift-dedup")
    let out = dir.appendingPathComponent("unique.ris").path
    let clusters = dir.appendingPathComponent("clusters.csv").path
    let maybe = dir.appendingPathComponent("maybe.csv").path
    let a = Self.export("ris/asreview-ovid_psycinfo.ris")
    let b = Self.export("ris/asreview-ovid_zotero.ris")
    let result = try SiftBinary.run(["dedup", a, b, "--out", out, "--clusters", clusters, "--maybe", maybe])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("12 records in, 6 unique"))
    #expect(result.stderr.contains("6 duplicates removed"))
    let unique = try String(contentsOfFile: out, encoding: .utf8)
    #expect(unique.components(separatedBy: "\nER  - ").count - 1 == 6)
    let rows = try String(contentsOfFile: clusters, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(rows.first == "cluster,file,index,id,primary,reason")
    #expect(rows.count == 13)
    let byCluster = Dictionary(grouping: rows.dropFirst(), by: { $0.split(separator: ",").first ?? "" })
    #expect(byCluster.count == 6)
    #expect(byCluster.values.allSatisfy { $0.count == 2 })
    #expect(try String(contentsOfFile: maybe, encoding: .utf8).hasPrefix("a_file,a_index,b_file,b_index,score,reason"))
  }

  @Test func outputIsDeterministicAndFormatFollowsTheExtension() throws {
    let dir = try Fixtures.temporaryDirectory("sift-dedup")
    let first = dir.appendingPathComponent("one.csv").path
    let second = dir.appendingPathComponent("two.csv").path
    let a = Self.export("ris/asreview-ovid_psycinfo.ris")
    let b = Self.export("ris/asreview-ovid_zotero.ris")
    #expect(try SiftBinary.run(["dedup", a, b, "--out", first, "--quiet"]).status == 0)
    #expect(try SiftBinary.run(["dedup", a, b, "--out", second, "--quiet"]).status == 0)
    let x = try String(contentsOfFile: first, encoding: .utf8)
    #expect(x == (try String(contentsOfFile: second, encoding: .utf8)))
    #expect(x.hasPrefix("id,type,title"))
  }

  @Test func missingFileAndBadExtensionAreClearErrors() throws {
    let missing = try SiftBinary.run(["dedup", "/nonexistent/file.ris", "--out", "/tmp/x.ris"])
    #expect(missing.status != 0)
    #expect(missing.stderr.contains("/nonexistent/file.ris: no such file"))
    let bad = try SiftBinary.run(["dedup", Self.export("ris/asreview-ovid_zotero.ris"), "--out", "/tmp/x.docx"])
    #expect(bad.status != 0)
    #expect(bad.stderr.contains(".docx"))
  }

  @Test func projectModeUsesTheStoreAndKeepsOverrides() throws {
    let dir = try Fixtures.temporaryDirectory("sift-dedup-project")
    #expect(try SiftBinary.run(["init", dir.path]).status == 0)
    let imported = try SiftBinary.run(
      ["import", Self.export("ris/asreview-ovid_psycinfo.ris"), Self.export("ris/asreview-ovid_zotero.ris")], in: dir)
    #expect(imported.status == 0, "\(imported.stderr)")
    let first = try SiftBinary.run(["dedup"], in: dir)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("12 records, 6 duplicates removed in 6 clusters, 6 left"))
    let split = try SiftBinary.run(["dedup", "--split", "R000007", "--project", dir.path])
    #expect(split.status == 0, "\(split.stderr)")
    #expect(split.stdout.contains("5 duplicates removed"))
    let outside = try SiftBinary.run(["dedup"], in: try Fixtures.temporaryDirectory("sift-no-project"))
    #expect(outside.status != 0)
    #expect(outside.stderr.contains("sift init"))
  }

  @Test func projectFlagsNeedNoFiles() throws {
    let result = try SiftBinary.run(["dedup", Self.export("ris/asreview-ovid_zotero.ris"), "--review"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("without FILE"))
  }
}
