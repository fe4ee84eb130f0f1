import Foundation
import TestSupport
import Testing

@Suite struct PrismaReportCommandTests {
  @Test func reportWritesTheDiagramAndAPageEmbeddingTheFolder() throws {
    let directory = try Fixtures.temporaryDirectory("sift-report")
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data("# Synthesis\n\n| Strength | n |\n|---|---:|\n| Strong | 3 |\n".utf8)
      .write(to: directory.appendingPathComponent("synthesis.md"))
    try Data("study,N\n1,88\n".utf8).write(to: directory.appendingPathComponent("table1.csv"))
    let flow = Fixtures.packageRoot.appendingPathComponent("Tests/Golden/prisma/other-methods.flow.json").path
    let arguments = ["report", "--out", directory.path, "--flow", flow, "--title", "Alliance & text"]
    let result = try SiftBinary.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("index.html"))
    let index = try String(contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8)
    let svg = try String(contentsOf: directory.appendingPathComponent("prisma.svg"), encoding: .utf8)
    let golden = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("Tests/Golden/prisma/other-methods.svg"), encoding: .utf8)
    #expect(svg == golden)
    #expect(index.contains(svg.trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(index.contains("<h1>Alliance &amp; text</h1>"))
    #expect(index.contains("<td class=\"num\">3</td>"))
    #expect(index.contains("<td>88</td>"))
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("prisma.json").path))

    // A second run gives the same bytes.
    #expect(try SiftBinary.run(arguments).status == 0)
    #expect(try String(contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8) == index)
  }

  @Test func reportFailsClearlyWhenTheCountsCannotBeDerived() throws {
    let directory = try Fixtures.temporaryDirectory("sift-report")
    defer { try? FileManager.default.removeItem(at: directory) }
    let flow = directory.appendingPathComponent("flow.json")
    try Data(
      #"{"stages": ["full-text"], "criteria": [], "sources": [], "records": [{"id": "z9", "source": "X", "fate": {"notRetrieved": {}}}]}"#
        .utf8
    ).write(to: flow)
    let result = try SiftBinary.run([
      "report", "--out", directory.appendingPathComponent("out").path, "--flow", flow.path,
    ])
    #expect(result.status != 0)
    #expect(result.stderr.contains("z9"))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/index.html").path))
  }
}
