import Foundation
import TestSupport
import Testing

/// Helpers for project end-to-end tests: a project folder made with `sift init` and synthetic RIS files.
enum ProjectFixture {
  static let protocolText = """
    title: End-to-end review
    reviewers: [CML, LJ]
    databases: [{name: Scopus}, {name: PsycINFO}]
    other_methods: [{name: Citation searching}]
    criteria:
      - {id: I1, label: Before 2005, text: From 2005 on., rule: {field: year, min: 2005}}
      - {id: E1, label: Not therapy, text: Not about therapy.}
    stages: [title, abstract, full-text]
    screening: {highlight: [alliance]}
    """

  /// A new project; returns its folder.
  static func make() throws -> URL {
    let dir = try Fixtures.temporaryDirectory("sift-e2e")
    try Data(protocolText.utf8).write(to: dir.appendingPathComponent("protocol.yaml"))
    let result = try SiftBinary.run(["init", dir.path])
    guard result.status == 0 else { throw FixtureError(message: result.stderr) }
    return dir
  }

  struct FixtureError: Error { var message: String }

  /// `count` RIS records with titles `Study n of the alliance`, years 2000 + n % 20, DOIs `10.5555/<prefix><n>`.
  static func ris(count: Int, prefix: String = "s") -> String {
    (1...count).map { n in
      """
      TY  - JOUR
      TI  - Study \(n) of the alliance (\(prefix))
      AU  - Author\(n), A.
      PY  - \(2000 + n % 20)
      DO  - 10.5555/\(prefix)\(n)
      ID  - \(prefix.uppercased())\(n)
      AB  - Abstract \(n).
      ER  - 

      """
    }.joined()
  }

  static func write(_ dir: URL, _ name: String, _ text: String) throws -> String {
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }
}

@Suite struct ProjectCommandTests {
  @Test func initWritesAValidTemplateAndDatabase() throws {
    let dir = try Fixtures.temporaryDirectory("sift-e2e")
    let result = try SiftBinary.run(["init", "review"], in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("review/protocol.yaml: template written"))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("review/sift.sqlite").path))
    let again = try SiftBinary.run(["init", "review"], in: dir)
    #expect(again.status != 0)
    #expect(again.stderr.contains("already a Sift project"))
    // The template is a working protocol: rules run on it.
    let rules = try SiftBinary.run(["rules"], in: dir.appendingPathComponent("review"))
    #expect(rules.status == 0, "\(rules.stderr)")
  }

  @Test func commandsFindTheProjectFromASubfolderOrByOption() throws {
    let dir = try ProjectFixture.make()
    let sub = dir.appendingPathComponent("notes/deeper")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    #expect(try SiftBinary.run(["conflicts"], in: sub).stdout == "no conflicts\n")
    let elsewhere = try Fixtures.temporaryDirectory("sift-none")
    let none = try SiftBinary.run(["conflicts"], in: elsewhere)
    #expect(none.status != 0)
    #expect(none.stderr.contains("no Sift project in"))
    #expect(try SiftBinary.run(["conflicts", "--project", dir.path], in: elsewhere).status == 0)
  }

  @Test func invalidProtocolIsReportedByPointer() throws {
    let dir = try ProjectFixture.make()
    try Data("title: T\nreviewers: [A]\ndatabases: []\ncriteria: [{id: Q1, label: a, text: b}]\nstages: [title]\n".utf8)
      .write(to: dir.appendingPathComponent("protocol.yaml"))
    let result = try SiftBinary.run(["rules"], in: dir)
    #expect(result.status != 0)
    #expect(result.stderr.contains("protocol.yaml:4: error: /criteria/0/id: `Q1` is not a criterion id"))
  }

  @Test func corruptDatabaseGivesAClearMessage() throws {
    let dir = try ProjectFixture.make()
    try Data(String(repeating: "garbage ", count: 1000).utf8).write(to: dir.appendingPathComponent("sift.sqlite"))
    let result = try SiftBinary.run(["conflicts"], in: dir)
    #expect(result.status != 0)
    #expect(result.stderr.contains("not a readable Sift database"))
  }

  @Test func importReportsPerFileAndNeverDoublesRecords() throws {
    let dir = try ProjectFixture.make()
    let a = try ProjectFixture.write(dir, "a.ris", ProjectFixture.ris(count: 3))
    let first = try SiftBinary.run(["import", a, "--database", "Scopus"], in: dir)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("a.ris: RIS: 3 read, 3 stored (R000001…R000003), 0 rejected"))
    let again = try SiftBinary.run(["import", a, "--database", "Scopus"], in: dir)
    #expect(again.stdout.contains("already imported"))
    let snowball = try ProjectFixture.write(dir, "c.ris", ProjectFixture.ris(count: 2, prefix: "c"))
    let other = try SiftBinary.run(["import", "--source", "other-methods:Citation searching", snowball], in: dir)
    #expect(other.stdout.contains("stored (R000004…R000005)"))
    #expect(other.stdout.contains("source: Citation searching (2)"))
    let missing = try SiftBinary.run(["import", "nope.ris"], in: dir)
    #expect(missing.status != 0)
    #expect(missing.stderr.contains("nope.ris"))
  }

  /// A killed import leaves the database as it was: all of the file or none of it.
  @Test func killedImportIsAllOrNothing() throws {
    let dir = try ProjectFixture.make()
    let big = try ProjectFixture.write(dir, "big.ris", ProjectFixture.ris(count: 20000, prefix: "b"))
    let process = Process()
    process.executableURL = SiftBinary.url
    process.arguments = ["import", big, "--database", "Scopus"]
    process.currentDirectoryURL = dir
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    Thread.sleep(forTimeInterval: 0.4)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let export = try SiftBinary.run(["import", big, "--database", "Scopus"], in: dir)
    #expect(export.status == 0, "\(export.stderr)")
    // Either the killed run finished (then this run says "already imported") or it left nothing (this run stores all).
    #expect(
      export.stdout.contains("already imported")
        || export.stdout.contains("20000 read, 20000 stored (R000001…R020000)"), "\(export.stdout)")
  }
}
