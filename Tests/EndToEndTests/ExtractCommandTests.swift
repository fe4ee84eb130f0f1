import Foundation
import TestSupport
import Testing

@Suite struct ExtractCommandTests {
  @Test func importConflictsConsensusResolve() throws {
    let project = try ExtractProjectFixture.make()
    let cml = try ExtractProjectFixture.sift(["extract", "import", "in/CML.yaml", "--reviewer", "CML"], in: project)
    #expect(cml.stdout.contains("CML: stored 2 studies"))
    try ExtractProjectFixture.sift(["extract", "import", "in/LJ.csv", "--reviewer", "LJ"], in: project)

    let conflicts = try ExtractProjectFixture.sift(["extract", "conflicts"], in: project)
    #expect(conflicts.stdout.contains("study 1, row 1a, table participants, column age: CML 40.0 (10) | LJ 40.0 (11)"))
    #expect(conflicts.stdout.contains("column therapist_time: CML 15min. a week | LJ (empty)"))
    #expect(conflicts.stdout.contains("2 conflicts between CML and LJ, 2 not resolved."))

    let consensus = try ExtractProjectFixture.sift(["extract", "consensus"], in: project)
    #expect(consensus.stdout.contains("2 conflicts open"))
    try ExtractProjectFixture.sift(
      ["extract", "resolve", "1", "1a", "age", "--value", "40.0 (10)", "--by", "CML+LJ"], in: project)
    try ExtractProjectFixture.sift(
      ["extract", "resolve", "1", "1a", "therapist_time", "--value", "15min. a week", "--by", "CML+LJ"], in: project)
    let after = try ExtractProjectFixture.sift(["extract", "conflicts", "--open"], in: project)
    #expect(after.stdout.contains("0 conflicts between CML and LJ, 0 not resolved."))
    let stored = try ExtractProjectFixture.read(project, "extraction/consensus.yaml")
    #expect(stored.contains("age: {mean: 40.0, sd: 10}"))
    let log = try ExtractProjectFixture.read(project, "extraction/resolutions.yaml")
    #expect(log.contains("column: age, value: \"40.0 (10)\", by: CML+LJ, CML: \"40.0 (10)\", LJ: \"40.0 (11)\""))
  }

  @Test func invalidFilesStoreNothingUnlessPartial() throws {
    let project = try ExtractProjectFixture.make()
    let bad = ExtractProjectFixture.cmlYAML.replacingOccurrences(of: "sample_size: 60", with: "sample_size: sixty")
    try ExtractProjectFixture.write(bad, project, "in/bad.yaml")
    let refused = try SiftBinary.run(["extract", "import", "in/bad.yaml", "--reviewer", "CML"], in: project)
    #expect(refused.status == 1)
    #expect(
      refused.stderr.contains("error: study 1, row 1b, table study, column sample_size: \"sixty\" is not an integer"))
    #expect(refused.stderr.contains("bad.yaml:34: error:"))  // the line of the bad value
    #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("extraction/CML.yaml").path))

    let partial = try ExtractProjectFixture.sift(
      ["extract", "import", "in/bad.yaml", "--reviewer", "CML", "--partial"], in: project)
    #expect(partial.stdout.contains("1 invalid cells left out"))
    let stored = try ExtractProjectFixture.read(project, "extraction/CML.yaml")
    #expect(stored.contains("sample_size: 40"))
    #expect(!stored.contains("sixty"))
  }

  @Test func storedFilesAreCanonicalAndStable() throws {
    let project = try ExtractProjectFixture.make()
    try ExtractProjectFixture.sift(["extract", "import", "in/CML.yaml", "--reviewer", "CML"], in: project)
    let first = try ExtractProjectFixture.read(project, "extraction/CML.yaml")
    try ExtractProjectFixture.sift(["extract", "import", "extraction/CML.yaml", "--reviewer", "CML2"], in: project)
    #expect(
      try ExtractProjectFixture.read(project, "extraction/CML2.yaml")
        == first.replacingOccurrences(of: "reviewer: CML", with: "reviewer: CML2"))
  }

  @Test func templatesForStudiesFileAndConsensus() throws {
    let project = try ExtractProjectFixture.make()
    try ExtractProjectFixture.write(
      "study,row,label\n1,1a,Alpha (1)\n1,1b,Alpha (1)\n2,2,Beta (2)\n", project, "studies.csv")
    let yaml = try ExtractProjectFixture.sift(
      ["extract", "template", "--reviewer", "LJ", "--studies", "studies.csv"], in: project)
    #expect(yaml.stdout.contains("reviewer: LJ"))
    #expect(yaml.stdout.contains("  - study: \"2\"\n    label: Beta (2)\n    rows:\n      - row: \"2\"\n"))
    #expect(yaml.stdout.contains("          sample_size:\n"))
    // The template reads back without errors.
    try ExtractProjectFixture.write(yaml.stdout, project, "in/template.yaml")
    try ExtractProjectFixture.sift(["extract", "import", "in/template.yaml", "--reviewer", "LJ"], in: project)

    let missing = try SiftBinary.run(["extract", "template", "--reviewer", "LJ"], in: project)
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("--studies FILE"))

    try ExtractProjectFixture.sift(["extract", "import", "in/CML.yaml", "--reviewer", "consensus"], in: project)
    let csv = try ExtractProjectFixture.sift(
      ["extract", "template", "--reviewer", "LJ", "--format", "csv"], in: project)
    #expect(csv.stdout.hasPrefix("study,row,table,entry,column,value,text,note\n1,,_study,,label,Alpha et al. (1),,\n"))
    #expect(csv.stdout.contains("1,1a,participants,,age,,,"))
    #expect(!csv.stdout.contains("40.0"))  // nothing extracted leaks into a template
  }

  @Test func builtInFormMatchesTheSchemaFile() throws {
    let result = try SiftBinary.run(["extract", "form", "--builtin", "text-alliance"])
    let file = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("schemas/forms/text-alliance.yaml"), encoding: .utf8)
    #expect(result.stdout == file, "regenerate Sources/SiftKit/ExtractionBuiltinForms.swift from the YAML file")
  }

  @Test func noProjectIsAClearError() throws {
    let empty = try Fixtures.temporaryDirectory("sift-noproject")
    let result = try SiftBinary.run(["extract", "conflicts"], in: empty)
    #expect(result.status == 1)
    #expect(result.stderr.contains("no protocol.yaml"))
  }
}

@Suite struct ExtractTemplateFromStoreTests {
  /// A store project with two included records: the template lists them as studies 1 and 2.
  @Test func templateListsTheIncludedStudiesOfTheStore() throws {
    let root = try Fixtures.temporaryDirectory("sift-extract-store")
    let project = root.appendingPathComponent("p")
    try ExtractProjectFixture.sift(["init", project.path], in: root)
    let ris = """
      TY  - JOUR
      ID  - A1
      AU  - Smith, John
      AU  - Doe, Jane
      AU  - Roe, R
      TI  - Alliance in chat therapy
      PY  - 2019
      DO  - 10.1000/a1
      ER  -

      TY  - JOUR
      ID  - B2
      AU  - Brown, B
      TI  - Email therapy alliance
      PY  - 2020
      ER  -

      """
    try ExtractProjectFixture.write(ris, project, "in/records.ris")
    try ExtractProjectFixture.write(
      "record,verdict,criteria,note\nid:A1,include,,\nid:B2,include,,\n", project, "d.csv")
    try ExtractProjectFixture.write(
      "record,verdict,criteria,note,study\nid:A1,include,,,\nid:B2,include,,,Brown (2020)\n", project, "f.csv")
    try ExtractProjectFixture.sift(["import", "in/records.ris"], in: project)
    for stage in ["title", "abstract", "full-text"] {
      for reviewer in ["R1", "R2"] {
        try ExtractProjectFixture.sift(
          ["decisions", "import", stage == "full-text" ? "f.csv" : "d.csv", "--reviewer", reviewer, "--stage", stage],
          in: project)
      }
    }
    let csv = try ExtractProjectFixture.sift(
      ["extract", "template", "--reviewer", "R1", "--format", "csv"], in: project)
    #expect(csv.stdout.contains("1,,_study,,label,Smith et al. (2019),,\n1,,_study,1,record,id:A1,,\n"))
    #expect(csv.stdout.contains("2,,_study,,label,Brown (2020),,\n2,,_study,1,record,id:B2,,\n"))
    #expect(csv.stdout.contains("2,2,study,,sample_size,,,"))
  }
}
