import Foundation
import TestSupport
import Testing

@Suite struct ScreenCommandTests {
  /// Without a terminal, `sift screen` reads one command per line; decisions land and the next run resumes.
  @Test func lineModeRecordsAndResumes() throws {
    let dir = try ProjectFixture.make()
    let a = try ProjectFixture.write(dir, "a.ris", ProjectFixture.ris(count: 4))
    _ = try SiftBinary.run(["import", a], in: dir)
    let first = try SiftBinary.run(
      ["screen", "--stage", "title", "--reviewer", "CML"], in: dir, input: "i\nx\ne\ns\nu\nq\n")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("[1/4]"))
    #expect(first.stdout.contains("Study 1 of the **alliance**"))
    #expect(first.stdout.contains("`x`: use i, e [criteria], m, s, u or q"))
    #expect(first.stdout.contains("undone: R000002"))
    #expect(first.stdout.contains("stopped; 1/4 decided"))
    let second = try SiftBinary.run(
      ["screen", "--stage", "title", "--reviewer", "CML"], in: dir, input: "m\ne E1\ni\n")
    #expect(second.stdout.contains("screening title as CML: 1/4 decided"))
    #expect(second.stdout.contains("done: 4/4 decided at title"))
    let export = try SiftBinary.run(["decisions", "export", "--reviewer", "CML"], in: dir)
    // Times are "now"; compare everything before them.
    let rows = export.stdout.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",")
    }
    #expect(
      rows == [
        "record,stage,reviewer,verdict,criteria,note", "R000001,title,CML,include,,", "R000002,title,CML,maybe,,",
        "R000003,title,CML,exclude,E1,", "R000004,title,CML,include,,",
      ])
  }

  @Test func unknownReviewerIsRefused() throws {
    let dir = try ProjectFixture.make()
    let result = try SiftBinary.run(["screen", "--stage", "title", "--reviewer", "Bob"], in: dir, input: "")
    #expect(result.status != 0)
    #expect(result.stderr.contains("`Bob` is not a reviewer"))
  }
}
