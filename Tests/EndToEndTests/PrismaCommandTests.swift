import Foundation
import TestSupport
import Testing

@Suite struct PrismaCommandTests {
  static let golden = Fixtures.packageRoot.appendingPathComponent("Tests/Golden/prisma")
  static let names = ["empty", "title-abstract", "other-methods", "updated-review", "updated-other-methods"]

  @Test(arguments: names)
  func svgOnStandardOutputMatchesTheGoldenFile(_ name: String) throws {
    let flow = Self.golden.appendingPathComponent("\(name).flow.json").path
    let result = try SiftBinary.run(["prisma", "--flow", flow])
    #expect(result.status == 0, "\(result.stderr)")
    let expected = try String(contentsOf: Self.golden.appendingPathComponent("\(name).svg"), encoding: .utf8)
    #expect(result.stdout == expected)
  }

  @Test func theFormatFollowsTheOutputFileAndExplainListsRecords() throws {
    let directory = try Fixtures.temporaryDirectory("sift-prisma")
    defer { try? FileManager.default.removeItem(at: directory) }
    let flow = Self.golden.appendingPathComponent("other-methods.flow.json").path
    let out = directory.appendingPathComponent("counts.json")
    let result = try SiftBinary.run(["prisma", "--flow", flow, "--out", out.path, "--explain"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
    let boxes = try #require(object?["boxes"] as? [[String: Any]])
    let notRetrieved = try #require(boxes.first { $0["id"] as? String == "other.not-retrieved" })
    #expect(notRetrieved["n"] as? Int == 1)
    #expect((notRetrieved["records"] as? [String])?.count == 1)

    let csv = try SiftBinary.run(["prisma", "--flow", flow, "--format", "csv"])
    #expect(csv.stdout.hasPrefix("box,id,label,n\r\n"))
    let markdown = try SiftBinary.run(["prisma", "--flow", flow, "--format", "md"])
    #expect(markdown.stdout.hasPrefix("# PRISMA 2020 flow counts"))
  }

  @Test func aBrokenFlowFailsNamingTheRecords() throws {
    let directory = try Fixtures.temporaryDirectory("sift-prisma")
    defer { try? FileManager.default.removeItem(at: directory) }
    let flow = directory.appendingPathComponent("flow.json")
    let json = """
      {"stages": ["title-abstract", "full-text"], "criteria": [{"id": "E1", "label": "Wrong", "text": ""}],
       "sources": [{"name": "Scopus", "column": "databases"}],
       "records": [
        {"id": "a1", "source": "Scopus", "fate": {"included": {"study": "S1"}}},
        {"id": "a2", "source": "Scopus", "fate": {"excluded": {"stage": "full-text", "criteria": []}}},
        {"id": "a3", "source": "Scopus", "fate": {"excluded": {"stage": "abstract", "criteria": []}}}
       ]}
      """
    try Data(json.utf8).write(to: flow)
    let result = try SiftBinary.run(["prisma", "--flow", flow.path])
    #expect(result.status != 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("missing-criterion"))
    #expect(result.stderr.contains("Records: a2."))
    #expect(result.stderr.contains("stage `abstract`"))
    #expect(result.stderr.contains("Records: a3."))
    #expect(!result.stderr.contains("Fatal error"))
  }

  @Test func anInvalidFlowFileNamesTheFileAndThePath() throws {
    let directory = try Fixtures.temporaryDirectory("sift-prisma")
    defer { try? FileManager.default.removeItem(at: directory) }
    let flow = directory.appendingPathComponent("flow.json")
    try Data(#"{"stages": [], "criteria": [], "sources": [], "records": [{"id": "x", "source": 3}]}"#.utf8)
      .write(to: flow)
    let result = try SiftBinary.run(["prisma", "--flow", flow.path])
    #expect(result.status != 0)
    #expect(result.stderr.contains(flow.path))
    #expect(result.stderr.contains("records[0]"))
    let missing = try SiftBinary.run(["prisma", "--flow", directory.appendingPathComponent("none.json").path])
    #expect(missing.status != 0)
    #expect(missing.stderr.contains("none.json"))
  }

  @Test func unknownFormatsAndBinaryFormatsWithoutOutAreRefused() throws {
    let flow = Self.golden.appendingPathComponent("empty.flow.json").path
    let unknown = try SiftBinary.run(["prisma", "--flow", flow, "--format", "gif"])
    #expect(unknown.status != 0)
    #expect(unknown.stderr.contains("svg, json, csv, md, png, pdf"))
    let png = try SiftBinary.run(["prisma", "--flow", flow, "--format", "png"])
    #expect(png.status != 0)
    #expect(png.stderr.contains("--out"))
  }

  @Test func pngAndPDFUseRsvgConvertOrSaySoClearly() throws {
    let directory = try Fixtures.temporaryDirectory("sift-prisma")
    defer { try? FileManager.default.removeItem(at: directory) }
    let flow = Self.golden.appendingPathComponent("title-abstract.flow.json").path
    let hasConverter = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/rsvg-convert")
    }
    for (format, magic) in [("png", [UInt8]([0x89, 0x50, 0x4E, 0x47])), ("pdf", Array("%PDF".utf8))] {
      let out = directory.appendingPathComponent("prisma.\(format)")
      let result = try SiftBinary.run(["prisma", "--flow", flow, "--out", out.path])
      if hasConverter {
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Array(try Data(contentsOf: out).prefix(4)) == magic)
      } else {
        #expect(result.status != 0)
        #expect(result.stderr.contains("rsvg-convert"))
      }
    }
  }
}
