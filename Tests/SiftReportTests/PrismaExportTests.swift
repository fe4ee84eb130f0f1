import Foundation
import SiftCore
import Testing

@testable import SiftReport

@Suite struct PrismaExportTests {
  @Test func jsonListsEveryBoxInDiagramOrderWithSortedKeys() throws {
    let counts = try PrismaCounts(flow: FlowFixture.typical.flow)
    let json = PrismaExport.json(counts)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let boxes = try #require(object["boxes"] as? [[String: Any]])
    #expect(boxes.compactMap { $0["id"] as? String } == counts.allBoxes.map(\.id))
    #expect(boxes.allSatisfy { $0["records"] == nil })
    let removed = try #require(boxes.first { $0["id"] as? String == "removed" })
    #expect(removed["n"] as? Int == 7)
    #expect((removed["items"] as? [[String: Any]])?.map { $0["n"] as? Int } == [4, 2, 1])
    // Keys sorted: awaiting?, id, items, label, n, records?
    let firstBox = try #require(json.range(of: "\"id\" : \"identified\""))
    let label = try #require(json.range(of: "\"label\" : \"Records identified from\""))
    #expect(firstBox.lowerBound < label.lowerBound)
    #expect(json == PrismaExport.json(try PrismaCounts(flow: FlowFixture.typical.flow)))
  }

  @Test func jsonWithExplainListsTheRecords() throws {
    var fixture = FlowFixture.typical
    fixture.add(1, .awaiting(stage: .fullText))
    let json = PrismaExport.json(try PrismaCounts(flow: fixture.flow), explain: true)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let boxes = try #require(object["boxes"] as? [[String: Any]])
    let notRetrieved = try #require(boxes.first { $0["id"] as? String == "not-retrieved" })
    #expect(notRetrieved["records"] as? [String] == ["r19", "r20"])
    let assessed = try #require(boxes.first { $0["id"] as? String == "assessed" })
    let awaiting = try #require(assessed["awaiting"] as? [String: Any])
    #expect(awaiting["records"] as? [String] == ["r30"])
    #expect(awaiting["n"] as? Int == 1)
  }

  @Test func csvHasOneRowPerBoxAndLineAndQuotesCommas() throws {
    var fixture = FlowFixture.typical
    fixture.criteria[0].label = "Wrong population, or \"none\""
    let csv = PrismaExport.csv(try PrismaCounts(flow: fixture.flow), explain: true)
    let rows = csv.components(separatedBy: "\r\n").dropLast()
    #expect(rows.first == "box,id,label,n,records")
    #expect(rows.contains("not-retrieved,not-retrieved,Reports not retrieved,2,r19 r20"))
    #expect(rows.contains("reports-excluded,reports-excluded.E1,\"E1: Wrong population, or \"\"none\"\"\",1,r24"))
    let psycinfo = ([6, 7] + Array(9...18) + [25, 26]).map { "r\($0)" }.joined(separator: " ")
    #expect(rows.contains("identified,identified.databases.2,PsycINFO,14,\(psycinfo)"))
    // Boxes (9) + lines: databases (1+2), registers (1), removed (3), reasons (2), included (2).
    #expect(rows.count == 1 + 9 + 11)
  }

  @Test func markdownIsATableWithFootnotes() throws {
    var fixture = FlowFixture.typical
    fixture.add(1, .excluded(stage: .fullText, criteria: ["E3", "E1"]))
    let markdown = PrismaExport.markdown(try PrismaCounts(flow: fixture.flow))
    #expect(markdown.contains("| `removed.duplicates` | \u{2003}Duplicate records removed | 4 |"))
    #expect(markdown.contains("| `sought` | **Reports sought for retrieval** | 13 |"))
    #expect(markdown.contains("- 1 report was excluded for more than one reason"))
  }

  @Test(arguments: PrismaFormat.allCases)
  func everyFormatIsStable(_ format: PrismaFormat) throws {
    let flow = try GoldenPrisma.flow("other-methods")
    let first = format.render(try PrismaCounts(flow: flow), explain: true)
    #expect(first == format.render(try PrismaCounts(flow: flow), explain: true))
  }
}
