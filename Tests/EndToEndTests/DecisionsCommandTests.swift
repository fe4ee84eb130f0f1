import Foundation
import TestSupport
import Testing

@Suite struct DecisionsCommandTests {
  @Test func importConflictsResolveAgreementExport() throws {
    let dir = try ProjectFixture.make()
    let a = try ProjectFixture.write(dir, "a.ris", ProjectFixture.ris(count: 8))
    #expect(try SiftBinary.run(["import", a, "--database", "Scopus"], in: dir).status == 0)
    // Years 2001…2008: R000001-R000004 fail I1 (before 2005).
    let rules = try SiftBinary.run(["rules"], in: dir)
    #expect(rules.stdout.contains("I1 Before 2005: 4 excluded by automation"))
    let cml = try ProjectFixture.write(
      dir, "title-CML.csv",
      "record,verdict,criteria,note,time\nR000005,include,,,2024-01-01T09:00:00Z\nR000006,include,,,\n"
        + "R000007,exclude,E1,,\nR000008,include,,,\n")
    let lj = try ProjectFixture.write(
      dir, "title-LJ.csv",
      "record,verdict,criteria,note\ndoi:10.5555/s5,include,,\nid:S6,exclude,E1,\nR000007,exclude,E1,\nR8,maybe,,\n")
    let imported = try SiftBinary.run(["decisions", "import", cml, "--reviewer", "CML", "--stage", "title"], in: dir)
    #expect(imported.stdout.contains("4 decisions recorded"), "\(imported.stderr)")
    #expect(
      try SiftBinary.run(["decisions", "import", lj, "--reviewer", "LJ", "--stage", "title"], in: dir).status == 0)
    let conflicts = try SiftBinary.run(["conflicts"], in: dir)
    #expect(conflicts.stdout.contains("title: 1 conflict"))
    #expect(conflicts.stdout.contains("R000006  CML include | LJ exclude (E1)"))
    let agreement = try SiftBinary.run(["agreement", "--stage", "title"], in: dir)
    // CML: I I E I; LJ (maybe → include): I E E I. po = 3/4; pe = 3/4·2/4 + 1/4·2/4 = 1/2; κ = 0.5; PABAK 0.5.
    #expect(agreement.stdout.contains("raw agreement 0.750; Cohen's kappa 0.500"), "\(agreement.stdout)")
    #expect(agreement.stdout.contains("PABAK 0.500"))
    let resolved = try SiftBinary.run(
      [
        "resolve", "R000006", "--stage", "title", "--verdict", "exclude", "--criteria", "E1", "--by", "CML", "--note",
        "discussed",
      ], in: dir)
    #expect(resolved.status == 0, "\(resolved.stderr)")
    #expect(try SiftBinary.run(["conflicts"], in: dir).stdout == "no conflicts\n")
    let export = try SiftBinary.run(["decisions", "export", "--stage", "title"], in: dir)
    #expect(export.stdout.hasPrefix("record,stage,reviewer,verdict,criteria,note,time,study\n"))
    #expect(export.stdout.contains("R000005,title,CML,include,,,2024-01-01T09:00:00Z"))
    #expect(export.stdout.split(separator: "\n").count == 9)
  }

  @Test func badFileChangesNothing() throws {
    let dir = try ProjectFixture.make()
    let a = try ProjectFixture.write(dir, "a.ris", ProjectFixture.ris(count: 3))
    _ = try SiftBinary.run(["import", a], in: dir)
    let bad = try ProjectFixture.write(dir, "bad.csv", "record,verdict\nR000001,include\nR000009,include\n")
    let result = try SiftBinary.run(["decisions", "import", bad, "--reviewer", "CML", "--stage", "title"], in: dir)
    #expect(result.status != 0)
    #expect(result.stderr.contains("bad.csv:3: error: no record R000009"))
    let unknown = try SiftBinary.run(["decisions", "import", bad, "--reviewer", "ZZ", "--stage", "title"], in: dir)
    #expect(unknown.stderr.contains("`ZZ` is not a reviewer of this protocol"))
    let export = try SiftBinary.run(["decisions", "export", "--all"], in: dir)
    #expect(export.stdout == "record,stage,reviewer,verdict,criteria,note,time,study\n")
  }

  /// Two processes recording decisions at the same time on one project lose none.
  @Test func concurrentWritersLoseNothing() throws {
    let dir = try ProjectFixture.make()
    let records = 200
    let a = try ProjectFixture.write(dir, "a.ris", ProjectFixture.ris(count: records))
    #expect(try SiftBinary.run(["import", a], in: dir).status == 0)
    // Each reviewer records every record, in 20 files of 10 rows, one `sift` process per file.
    var scripts: [String] = []
    for reviewer in ["CML", "LJ"] {
      var commands: [String] = []
      for chunk in 0..<20 {
        let rows = (1...10).map { "R\(chunk * 10 + $0),include" }.joined(separator: "\n")
        let file = try ProjectFixture.write(dir, "\(reviewer)-\(chunk).csv", "record,verdict\n\(rows)\n")
        commands.append(
          "'\(SiftBinary.url.path)' decisions import '\(file)' --reviewer \(reviewer) --stage title >/dev/null || exit 1"
        )
      }
      scripts.append(commands.joined(separator: "\n"))
    }
    let processes = try scripts.map { script -> Process in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", script]
      process.currentDirectoryURL = dir
      try process.run()
      return process
    }
    for process in processes { process.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })
    let export = try SiftBinary.run(["decisions", "export", "--history"], in: dir)
    let lines = export.stdout.split(separator: "\n").dropFirst()
    #expect(lines.count == 2 * records)
    #expect(lines.filter { $0.contains(",CML,") }.count == records)
    #expect(lines.filter { $0.contains(",LJ,") }.count == records)
  }
}
