import SiftExtract
import Testing

@Suite struct ValidationTests {
  /// A YAML-like tree: one study with one row whose sample size is not an integer.
  static func document(sampleSize: String, extraColumn: Bool = false) -> ExtractionNode {
    var studyPairs: [(String, ExtractionNode)] = [
      ("design", .scalar("RCT", line: 7)),
      ("sample_size", .scalar(sampleSize, line: 8)),
    ]
    if extraColumn { studyPairs.append(("modality", .scalar("web", line: 9))) }
    return .mapping([
      ("form", .scalar("mini")),
      (
        "studies",
        .sequence([
          .mapping(
            [
              ("study", .scalar("2")),
              ("label", .scalar("Beta (2)")),
              (
                "rows",
                .sequence([
                  .mapping(
                    [
                      ("row", .scalar("2b")),
                      (
                        "participants",
                        .mapping([("age", .mapping([("mean", .scalar("n.a.")), ("sd", .scalar("0.80"))]))])
                      ),
                      ("study", .mapping(studyPairs, line: 6)),
                    ], line: 4)
                ])
              ),
            ], line: 2)
        ])
      ),
    ])
  }

  @Test func typeErrorsNameStudyRowTableAndColumn() throws {
    let (extraction, issues) = ExtractionParser(form: Mini.form, file: "CML.yaml").parse(
      Self.document(sampleSize: "101 participants"))
    let error = try #require(issues.first { $0.isError })
    #expect(error.study == "2")
    #expect(error.row == "2b")
    #expect(error.table == "study")
    #expect(error.column == "sample_size")
    #expect(error.line == 8)
    #expect(error.description.hasPrefix("CML.yaml:8: error: study 2, row 2b, table study, column sample_size:"))
    // The bad cell is left out; the good cells next to it are kept.
    let row = try #require(extraction.study("2")?.rows.first)
    #expect(row.entry("study")?.cells["sample_size"] == nil)
    #expect(row.entry("study")?.value("design") == .category("RCT"))
    #expect(
      row.entry("participants")?.value("age")
        == .meanSD(mean: .notAvailable, sd: .number(NumberValue.parse("0.80") ?? NumberValue(0.8))))
  }

  @Test func unknownColumnsAreErrors() {
    let (_, issues) = ExtractionParser(form: Mini.form).parse(Self.document(sampleSize: "88", extraColumn: true))
    let errors = issues.filter(\.isError)
    #expect(errors.count == 1)
    #expect(errors.first?.column == "modality")
    #expect(errors.first?.message.contains("design, sample_size, frequency, time") == true)
  }

  @Test func validDocumentHasNoErrors() {
    let (extraction, issues) = ExtractionParser(form: Mini.form).parse(Self.document(sampleSize: "88"))
    #expect(issues.filter(\.isError).isEmpty)
    #expect(
      extraction.cell(at: CellAddress(study: "2", row: "2b", table: "study", column: "sample_size"))?.value?.number
        == 88)
  }

  @Test func requiredColumnsLeftEmptyAreWarnings() {
    let (_, issues) = ExtractionParser(form: Mini.form).parse(Self.document(sampleSize: "88"))
    let warnings = issues.filter { $0.severity == .warning }
    #expect(warnings.map(\.column) == ["problem"])
  }

  @Test func csvErrorsNameTheLine() {
    let text = """
      study,row,table,entry,column,value,text,note
      1,1a,study,,sample_size,88,,
      1,1a,study,,sample_size,89,,
      1,1a,scores,x,mean,5,,
      1,1a,nosuch,,mean,5,,
      1,1a,participants,,gender,75 %,,
      2,1a,study,,design,RCT,,
      """
    let (extraction, issues) = CSVExtractionReader(form: Mini.form, file: "LJ.csv").read(text)
    let errors = issues.filter(\.isError)
    #expect(errors.map(\.line) == [3, 4, 5, 7])
    #expect(errors[0].message.contains("first on line 2"))
    #expect(errors[3].message.contains("also in study 1"))
    // 75 % is a valid percentage; the first sample size is kept.
    #expect(
      extraction.cell(at: CellAddress(study: "1", row: "1a", table: "study", column: "sample_size"))?.value?.number
        == 88)
    #expect(
      extraction.cell(at: CellAddress(study: "1", row: "1a", table: "participants", column: "gender"))?.value?.number
        == 75)
  }

  @Test func formProblemsAreFound() {
    var form = Mini.form
    form.tables[0].columns.append(FormColumn(id: "label", type: .text))
    form.tables[1].columns[2].printWith = ["nosuch"]
    form.weight = WeightColumn(table: "study", column: "n")
    #expect(form.problems().count == 3)
    #expect(Mini.form.problems().isEmpty)
  }
}
