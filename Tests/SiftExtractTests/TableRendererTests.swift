import Foundation
import SiftExtract
import Testing

/// Golden-file tests of the table renderers. Re-record with `SIFT_RECORD_GOLDEN=1 swift test --filter TableRenderer`.
@Suite struct TableRendererTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  static func tables() throws -> [PrintedTable] {
    TableBuilder(form: Mini.form).tables(try Mini.extraction())
  }

  @Test(arguments: TableFormat.allCases)
  func matchesTheGoldenFile(format: TableFormat) throws {
    let rendered = try Self.tables().map { TableRenderer.render($0, as: format) }.joined(separator: "\n")
    let url = Self.golden.appendingPathComponent("mini-tables.\(format.fileExtension)")
    if ProcessInfo.processInfo.environment["SIFT_RECORD_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
      try Data(rendered.utf8).write(to: url)
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(rendered == expected, "re-record with SIFT_RECORD_GOLDEN=1 if the change is intended")
  }

  @Test func printedCellsUseTextThenValueWithPrintWith() throws {
    let tables = try Self.tables()
    let studies = try #require(tables.first { $0.number == 2 })
    #expect(studies.headers == ["Design", "N", "Contact"])
    #expect(studies.lines.map { $0.cells[0] } == ["Randomised controlled trial", "RCT", "Open trial", "RCT"])
    #expect(studies.lines.map { $0.cells[2] } == ["Weekly, 15 min a week", "n.a.", "On demand", ""])
    let participants = try #require(tables.first { $0.number == 1 })
    #expect(participants.lines.map { $0.cells[1] } == ["75% female", "50% female", "", ""])
    #expect(participants.lines.map { $0.cells[2] } == ["30 (5)", "40 (n.a.)", "n.a. (3)", ""])
  }

  @Test func manyTablesSortByLabelAndSkipRowsWithoutEntries() throws {
    let measurements = try #require(try Self.tables().first { $0.number == 3 })
    #expect(measurements.lines.map(\.id) == ["1", "2a", "2b"])
    #expect(measurements.lines.map(\.row) == ["2", "1a", "1b"])
    #expect(measurements.referenceHeader == "Authors")
    #expect(measurements.footnotes == ["n.a., not available.", "WAI: Working Alliance Inventory."])
    #expect(measurements.groups.map { $0.map(\.id) } == [["1"], ["2a", "2b"]])
  }

  @Test func escapingPerFormat() throws {
    let measurements = try #require(try Self.tables().first { $0.number == 3 })
    #expect(TableRenderer.markdown(measurements).contains("TAQ \\| C"))
    #expect(TableRenderer.markdown(measurements).contains("Client: 6 (2)<br>Therapist: 4 (1)"))
    #expect(TableRenderer.latex(measurements).contains("Beta \\& Co (2)"))
    #expect(TableRenderer.html(measurements).contains("<td>Beta &amp; Co (2)</td>"))
    #expect(TableRenderer.html(measurements).contains("<th scope=\"row\">2a</th>"))
    #expect(TableRenderer.csv(measurements).contains("\"Client: 6 (2)\nTherapist: 4 (1)\""))
  }
}
