import Foundation
import SiftCore
import SiftKit
import TestSupport

/// A temporary project with a small protocol and helpers to write input files.
struct TestProject {
  let root: URL
  let project: Project

  static let protocolText = """
    title: Test review
    reviewers: [CML, LJ]
    databases:
      - name: Scopus
      - name: PsycINFO
    other_methods:
      - name: Citation searching
    criteria:
      - {id: I1, label: Published before 2005, text: From 2005 on., rule: {field: year, min: 2005}}
      - {id: E1, label: Not therapy, text: Not about therapy.}
      - {id: E2, label: Not English, text: Not in English., rule: {field: language, any_of: [English]}}
    stages: [title, abstract, full-text]
    screening:
      highlight: [alliance]
    """

  init(protocolText: String = TestProject.protocolText) throws {
    root = try Fixtures.temporaryDirectory("sift-kit")
    try Data(protocolText.utf8).write(to: root.appendingPathComponent("protocol.yaml"))
    _ = try Project.create(at: root.path)
    project = try Project(root: root.path)
  }

  /// Writes `text` to a file in the project folder and returns its path.
  func write(_ name: String, _ text: String) throws -> String {
    let url = root.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  /// A RIS record.
  static func ris(
    title: String, year: Int, doi: String? = nil, id: String, language: String = "English",
    authors: [String] = ["Smith, J.", "Jones, K."], abstract: String = "About the alliance."
  ) -> String {
    var lines = ["TY  - JOUR", "TI  - \(title)"]
    lines += authors.map { "AU  - \($0)" }
    lines += ["PY  - \(year)", "JO  - Journal of Tests", "LA  - \(language)", "ID  - \(id)", "AB  - \(abstract)"]
    if let doi { lines.append("DO  - \(doi)") }
    lines.append("ER  - ")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Imports records `R000001`… : three from "Scopus", two from "PsycINFO" (one a duplicate of R000001 by DOI).
  func importStandard() throws {
    let scopus = try write(
      "scopus.ris",
      Self.ris(title: "Therapeutic alliance in online therapy", year: 2010, doi: "10.1000/a", id: "S1")
        + Self.ris(title: "Old study of alliance", year: 1999, doi: "10.1000/b", id: "S2")
        + Self.ris(title: "Alliance in email counselling", year: 2015, doi: "10.1000/c", id: "S3"))
    let psyc = try write(
      "psycinfo.ris",
      Self.ris(title: "Therapeutic alliance in online therapy", year: 2010, doi: "10.1000/A", id: "P1")
        + Self.ris(
          title: "Chat therapy and the working alliance", year: 2018, doi: "10.1000/d", id: "P2",
          language: "German"))
    _ = try ProjectImport.run(
      project: project, paths: [scopus], source: ImportSource(name: "Scopus", column: .databases))
    _ = try ProjectImport.run(
      project: project, paths: [psyc], source: ImportSource(name: "PsycINFO", column: .databases))
  }

  /// Records a CSV of decisions.
  func decide(_ reviewer: String, _ stage: Stage, _ csv: String) throws {
    let path = try write("\(stage.rawValue)-\(reviewer).csv", csv)
    _ = try DecisionsImport.run(
      path: path, options: .init(reviewer: reviewer, stage: stage), project: project)
  }
}
