import SiftExtract
import Testing

@Suite struct RoundTripTests {
  @Test func csvWriteThenReadGivesTheSameExtraction() throws {
    let extraction = try Mini.extraction()
    let written = CSVExtractionWriter(form: Mini.form).write(extraction)
    let (again, issues) = CSVExtractionReader(form: Mini.form).read(written)
    #expect(issues.filter(\.isError).isEmpty)
    #expect(again.flattened(form: Mini.form).map(\.address) == extraction.flattened(form: Mini.form).map(\.address))
    #expect(CSVExtractionWriter(form: Mini.form).write(again) == written)
  }

  @Test func csvKeepsQuotedCommasAndLineBreaks() throws {
    let extraction = try Mini.extraction()
    let quality = extraction.cell(at: CellAddress(study: "1", row: "1b", table: "measurements", column: "quality"))
    #expect(quality?.value == .text("Client: 6 (2)\nTherapist: 4 (1)"))
    let written = CSVExtractionWriter(form: Mini.form).write(extraction)
    #expect(written.contains("\"WAI, C & T\""))
  }

  @Test(arguments: ["=HYPERLINK(\"http://evil\")", "+1 cmd", "@SUM(A1)", "-cmd|calc", "'tis", "-0.5"])
  func csvGuardsFormulasAndReadsThemBackUnchanged(text: String) throws {
    let input =
      "study,row,table,entry,column,value,text,note\n1,1a,participants,,problem,anxiety,"
      + ExtractionCSV.quote(text) + "," + ExtractionCSV.quote(text) + "\n"
    let (extraction, issues) = CSVExtractionReader(form: Mini.form).read(input)
    #expect(issues.filter(\.isError).isEmpty)
    let address = CellAddress(study: "1", row: "1a", table: "participants", column: "problem")
    #expect(extraction.cell(at: address)?.text == text)
    let written = CSVExtractionWriter(form: Mini.form).write(extraction)
    let formulaLike = text.first.map { "=+-@".contains($0) } ?? false && text != "-0.5"
    #expect(written.contains(ExtractionCSV.quote("'" + text)) == formulaLike)
    let (again, _) = CSVExtractionReader(form: Mini.form).read(written)
    #expect(again.cell(at: address)?.text == text)
    #expect(again.cell(at: address)?.note == text)
  }

  @Test func yamlWriterQuotesWhatPlainYAMLWouldMisread() {
    #expect(YAMLText.scalar("Andersson et al. (28)") == "Andersson et al. (28)")
    #expect(YAMLText.scalar("yes") == "\"yes\"")
    #expect(YAMLText.scalar("Weekly, n.a.") == "\"Weekly, n.a.\"")
    #expect(YAMLText.scalar("WAI: Working Alliance Inventory") == "\"WAI: Working Alliance Inventory\"")
    #expect(YAMLText.scalar("-0.47") == "-0.47")
    #expect(YAMLText.scalar("- x") == "\"- x\"")
    #expect(YAMLText.scalar("a\nb") == "\"a\\nb\"")
    #expect(YAMLText.scalar("") == "\"\"")
  }

  @Test func yamlWriterIsDeterministicAndKeepsPrintedText() throws {
    let extraction = try Mini.extraction()
    let writer = YAMLExtractionWriter(form: Mini.form)
    let text = writer.write(extraction)
    #expect(text == writer.write(extraction))
    #expect(text.contains("study: \"1\""))
    #expect(text.contains("gender: {value: 75, text: \"75% female\"}"))
    #expect(text.contains("age: {mean: 40, sd: n.a.}"))
    #expect(text.contains("problem: [anxiety, depression]"))
  }

  @Test func templatesListEveryColumnEmpty() {
    let skeleton = Extraction(studies: [Study(id: "1", rows: [Row(id: "1a")])])
    let yaml = YAMLExtractionWriter(form: Mini.form, includeEmptyColumns: true).write(skeleton)
    #expect(yaml.contains("          sample_size:\n"))
    #expect(yaml.contains("        scores:\n          - measure:\n            rater:\n"))
    let csv = CSVExtractionWriter(form: Mini.form, includeEmptyColumns: true).write(skeleton)
    #expect(csv.contains("1,1a,scores,1,mean,,,"))
  }
}
