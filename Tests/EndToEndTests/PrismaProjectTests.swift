import Foundation
import TestSupport
import Testing

/// `sift prisma` on a project built with the project commands (init, import, rules, decisions).
@Suite struct PrismaProjectTests {
  static let protocolYAML = """
    title: "PRISMA end-to-end"
    reviewers: [R1, R2]
    databases:
      - name: PubMed
      - name: PsycINFO
    other_methods:
      - name: Citation searching
    criteria:
      - id: I1
        label: Psychotherapy study
        text: "A psychological treatment delivered by a therapist."
      - id: E1
        label: Published before 2005
        text: "Published before 2005."
        rule: {field: year, min: 2005}
      - id: E3
        label: Not original research
        text: "Reviews and editorials."
    stages: [title, abstract, full-text]
    """

  static func ris(_ records: [(id: String, title: String, year: Int)]) -> String {
    records.map { "TY  - JOUR\nID  - \($0.id)\nTI  - \($0.title)\nAU  - Smith, J\nPY  - \($0.year)\nER  - \n" }
      .joined(separator: "\n")
  }

  @Test func countsComeFromTheProjectsRecordsAndDecisions() throws {
    let directory = try Fixtures.temporaryDirectory("sift-prisma-project")
    defer { try? FileManager.default.removeItem(at: directory) }
    func write(_ name: String, _ text: String) throws {
      try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }
    func sift(_ arguments: [String]) throws -> String {
      let result = try SiftBinary.run(arguments + ["--project", "P"], in: directory)
      #expect(result.status == 0, "sift \(arguments.joined(separator: " ")): \(result.stderr)")
      return result.stdout
    }
    try write("protocol.yaml", Self.protocolYAML)
    #expect(try SiftBinary.run(["init", "P", "--protocol", "protocol.yaml"], in: directory).status == 0)
    try write(
      "pubmed.ris",
      Self.ris([
        ("A1", "Alliance in internet therapy", 2015), ("A2", "Alliance in internet therapy, follow-up", 2016),
        ("A3", "An old alliance paper", 2001), ("A4", "Text therapy alliance review", 2018),
        ("A5", "Chat counselling alliance", 2019), ("A6", "Email therapy alliance", 2020),
        ("A7", "A cardiology trial", 2017),
      ]))
    try write("cites.ris", Self.ris([("C1", "A snowballed alliance study", 2019)]))
    _ = try sift(["import", "pubmed.ris", "--database", "PubMed"])
    _ = try sift(["import", "cites.ris", "--database", "Citation searching"])
    _ = try sift(["rules"])
    let passing = ["A1", "A2", "A4", "A5", "A6", "C1"]
    try write(
      "title.csv", "record,verdict\n" + (passing.map { "id:\($0),include" } + ["id:A7,exclude"]).joined(separator: "\n")
    )
    try write("abstract.csv", "record,verdict\n" + passing.map { "id:\($0),include" }.joined(separator: "\n"))
    let fullText = [
      "id:A1,include,,S1", "id:A2,include,,S1", "id:A4,exclude,E3,", "id:A5,exclude,I1;E3,", "id:C1,include,,S2",
    ]
    try write(
      "full-R1.csv", "record,verdict,criteria,study\n" + (fullText + ["id:A6,include,,S3"]).joined(separator: "\n"))
    try write("full-R2.csv", "record,verdict,criteria,study\n" + fullText.joined(separator: "\n"))
    // Stage by stage: a record reaches a stage once both reviewers passed it at the one before.
    for (stage, file) in [("title", "title.csv"), ("abstract", "abstract.csv"), ("full-text", "full-R?.csv")] {
      for reviewer in ["R1", "R2"] {
        let name = file.replacingOccurrences(of: "R?", with: reviewer)
        _ = try sift(["decisions", "import", name, "--reviewer", reviewer, "--stage", stage])
      }
    }

    let json = try sift(["prisma", "--format", "json"])
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let boxes = try #require(object?["boxes"] as? [[String: Any]])
    var n: [String: Int] = [:]
    for box in boxes {
      n[box["id"] as? String ?? ""] = box["n"] as? Int
      for item in box["items"] as? [[String: Any]] ?? [] { n[item["id"] as? String ?? ""] = item["n"] as? Int }
      if let awaiting = box["awaiting"] as? [String: Any] { n[awaiting["id"] as? String ?? ""] = awaiting["n"] as? Int }
    }
    #expect(n["identified"] == 7)
    #expect(n["removed.automation"] == 1)
    #expect(n["screened.title"] == 6)
    #expect(n["excluded.title"] == 1)
    #expect(n["screened.abstract"] == 5)
    #expect(n["sought"] == 5)
    #expect(n["assessed"] == 5)
    #expect(n["assessed.awaiting"] == 1)
    #expect(n["reports-excluded"] == 2)
    #expect(n["reports-excluded.I1"] == 1)  // A5: I1 first, counted once
    #expect(n["reports-excluded.E3"] == 1)
    #expect(n["other.identified"] == 1)
    #expect(n["other.assessed"] == 1)
    #expect(n["included"] == 2)  // S1 (two reports) and S2 (citation searching)
    #expect(n["included.reports"] == 3)
    let footnotes = object?["footnotes"] as? [String] ?? []
    #expect(footnotes.contains { $0.hasPrefix("1 report was excluded for more than one reason") })

    #expect(json.contains("\"label\" : \"I1 not met: Psychotherapy study\""))
    let svg = try sift(["prisma"])
    #expect(svg.hasPrefix("<svg "))
    #expect(svg == (try sift(["prisma"])))
  }
}
