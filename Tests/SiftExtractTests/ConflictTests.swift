import SiftExtract
import Testing

@Suite struct ConflictTests {
  static let ageAddress = CellAddress(study: "1", row: "1a", table: "participants", column: "age")
  static let nAddress = CellAddress(study: "1", row: "1a", table: "study", column: "sample_size")

  static func pair() throws -> (Extraction, Extraction) {
    let first = try Mini.extraction()
    var second = first
    second.set(
      Cell(value: ValueCodec.parse("30 (5.5)", for: FormColumn(id: "age", type: .meanSD)).value), at: ageAddress)
    second.set(nil, at: nAddress)
    // Same number written differently is no conflict.
    second.set(
      Cell(value: .number(NumberValue(written: "0.3", value: 0.3))),
      at: CellAddress(study: "1", row: "1a", table: "relationships", column: "r"))
    return (first, second)
  }

  @Test func everyDifferingCellIsListed() throws {
    let (first, second) = try Self.pair()
    let conflicts = ExtractionComparison(form: Mini.form).conflicts(first, second)
    #expect(conflicts.map(\.address) == [Self.ageAddress, Self.nAddress])
    #expect(conflicts[1].second == nil)
    #expect(conflicts.allSatisfy { !$0.isResolved })
  }

  @Test func printedTextDifferencesAreConflicts() throws {
    let first = try Mini.extraction()
    var second = first
    let gender = CellAddress(study: "1", row: "1a", table: "participants", column: "gender")
    second.set(Cell(value: .number(NumberValue(75)), text: "75 % female"), at: gender)
    #expect(ExtractionComparison(form: Mini.form).conflicts(first, second).map(\.address) == [gender])
  }

  @Test func consensusTakesAgreedCellsAndResolutionsCloseConflicts() throws {
    let (first, second) = try Self.pair()
    let comparison = ExtractionComparison(form: Mini.form)
    let (consensus, copied) = comparison.merge(first, second, into: Extraction())
    #expect(copied == first.flattened(form: Mini.form).count - 2)
    #expect(consensus.lookup(Self.ageAddress) == nil)
    #expect(consensus.study("1")?.label == "Alpha et al. (1)")
    var resolved = consensus
    let (address, cell) = try ExtractionResolutionRequest.cell(
      form: Mini.form, study: "1", row: "1a", column: "age", table: nil, entry: nil, value: "30 (5)", text: nil)
    resolved.set(cell, at: address)
    let conflicts = comparison.conflicts(first, second, consensus: resolved)
    #expect(conflicts.filter(\.isResolved).map(\.address) == [Self.ageAddress])
  }

  @Test func resolveRejectsBadValuesAndAmbiguousColumns() {
    #expect(throws: ExtractionResolutionError.self) {
      try ExtractionResolutionRequest.cell(
        form: Mini.form, study: "1", row: "1a", column: "sample_size", table: nil, entry: nil, value: "many",
        text: nil)
    }
    var form = Mini.form
    form.tables[1].columns.append(FormColumn(id: "mean", type: .number))
    #expect(throws: ExtractionResolutionError.self) {
      try ExtractionResolutionRequest.cell(
        form: form, study: "1", row: "1a", column: "mean", table: nil, entry: nil, value: "5", text: nil)
    }
  }
}
