import Foundation
import SiftCore
import SiftExtract

/// The `sift extract` use cases: template, import, consensus, conflicts, resolve.
public enum ExtractionWorkflow {
  public typealias Failure = ExtractionProject.Failure

  /// File format of templates.
  public enum FileFormat: String, Sendable, CaseIterable {
    case yaml, csv
  }

  // MARK: Template

  /// An empty extraction of the included studies for one reviewer. Study and row ids come from `studiesFile`
  /// (lines `study`, `study,row` or `study,row,label`), else from the included studies of the project's store
  /// (`sift.sqlite`, via `ProjectFlow.load`), else from the consensus.
  public static func template(
    project: ExtractionProject, reviewer: String, format: FileFormat, studiesFile: URL?
  ) throws(Failure) -> String {
    let skeleton: Extraction
    if let studiesFile {
      skeleton = try studies(from: studiesFile)
    } else if let included = try ExtractionIncluded.skeleton(projectDirectory: project.directory) {
      skeleton = included
    } else if let consensus = try project.loadStored(ExtractionProject.consensus) {
      // Ids, labels and record links only: nothing the other reviewer or the consensus extracted.
      skeleton = Extraction(
        studies: consensus.studies.map { study in
          Study(id: study.id, label: study.label, records: study.records, rows: study.rows.map { Row(id: $0.id) })
        })
    } else {
      throw Failure(
        "no included studies known: the project has no store with included studies; give --studies FILE (one "
          + "study id per line, or study,row[,label]) or create \(project.relative(project.consensusURL)) first")
    }
    var extraction = skeleton
    extraction.form = project.form.id
    extraction.reviewer = reviewer
    switch format {
    case .csv:
      return CSVExtractionWriter(form: project.form, includeEmptyColumns: true).write(extraction)
    case .yaml:
      return YAMLExtractionWriter(form: project.form, includeEmptyColumns: true).write(
        extraction, header: formGuide(project.form, reviewer: reviewer))
    }
  }

  /// Comment lines listing the form's tables and columns, for the top of a YAML template.
  static func formGuide(_ form: ExtractionForm, reviewer: String) -> [String] {
    var lines = [
      "Extraction template for reviewer \(reviewer), form \(form.id) (docs/extraction.md).",
      "Leave a column empty when not yet extracted; write n.a. when the paper does not report it;",
      "give the paper's printed wording as {value: …, text: \"…\"} when it differs from the value.",
      "",
    ]
    for table in form.tables {
      let kind = table.isMany ? "a list of entries per row" : "one entry per row"
      lines.append("\(table.id) (\(kind))\(table.caption.map { ": \($0)" } ?? "")")
      for column in table.columns {
        var text = "  \(column.id): \(column.type.rawValue)"
        if let values = column.values {
          text += " [\(values.joined(separator: ", "))]\(column.open == true ? " or other" : "")"
        }
        if column.required == true { text += ", required" }
        if let unit = column.unit { text += ", unit \(unit)" }
        lines.append(text)
      }
    }
    lines.append("")
    return lines
  }

  /// Study and row ids from a file: `study`, `study,row` or `study,row,label` per line (`#` comments).
  static func studies(from url: URL) throws(Failure) -> Extraction {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw Failure("\(url.path): cannot read the studies file: \(error.localizedDescription)")
    }
    var extraction = Extraction()
    let records: [ExtractionCSV.Record]
    do {
      records = try ExtractionCSV.parse(text)
    } catch {
      throw Failure("\(url.path): \(error.description)")
    }
    for record in records {
      let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
      guard let studyID = fields.first, !studyID.isEmpty, !studyID.hasPrefix("#") else { continue }
      if studyID.lowercased() == "study" { continue }
      let rowID = fields.count > 1 && !fields[1].isEmpty ? fields[1] : studyID
      guard RowID.isValid(rowID) else {
        throw Failure("\(url.path):\(record.line): row id \"\(rowID)\" must match \(RowID.pattern)")
      }
      var study = extraction.study(studyID) ?? Study(id: studyID)
      if fields.count > 2, !fields[2].isEmpty { study.label = fields[2] }
      if !study.rows.contains(where: { $0.id == rowID }) { study.rows.append(Row(id: rowID)) }
      if let index = extraction.studies.firstIndex(where: { $0.id == studyID }) {
        extraction.studies[index] = study
      } else {
        extraction.studies.append(study)
      }
    }
    guard !extraction.studies.isEmpty else { throw Failure("\(url.path): no study ids") }
    return extraction
  }

  // MARK: Export

  /// A stored extraction as canonical YAML or long CSV.
  public static func export(project: ExtractionProject, reviewer: String, format: FileFormat) throws(Failure)
    -> String
  {
    guard let extraction = try project.loadStored(reviewer) else {
      throw Failure("no extraction for \(reviewer) (\(project.relative(project.extractionURL(reviewer))))")
    }
    switch format {
    case .csv: return CSVExtractionWriter(form: project.form).write(extraction)
    case .yaml: return YAMLExtractionWriter(form: project.form).write(extraction)
    }
  }

  // MARK: Import

  /// What an import did.
  public struct ImportResult: Sendable {
    public var issues: [ExtractionIssue]
    /// Whether `extraction/<reviewer>.yaml` was written.
    public var stored: Bool
    public var destination: String
    public var studies: Int
    public var cells: Int
    public var errors: Int { issues.filter(\.isError).count }
  }

  /// Validates a file and stores it as `extraction/<reviewer>.yaml`; with errors stores nothing unless `partial`
  /// (then the valid cells are stored and the invalid ones listed as errors).
  public static func importFile(
    project: ExtractionProject, file: URL, reviewer: String, partial: Bool
  ) throws(Failure) -> ImportResult {
    try checkReviewer(reviewer)
    let (extraction, issues) = try project.read(file, displayName: file.path)
    let hasErrors = issues.contains(where: \.isError)
    let destination = project.relative(project.extractionURL(reviewer))
    let cells = extraction.flattened(form: project.form).count
    if hasErrors && !partial {
      return ImportResult(
        issues: issues, stored: false, destination: destination, studies: extraction.studies.count, cells: cells)
    }
    try project.store(extraction, as: reviewer)
    return ImportResult(
      issues: issues, stored: true, destination: destination, studies: extraction.studies.count, cells: cells)
  }

  static func checkReviewer(_ reviewer: String) throws(Failure) {
    let allowed = reviewer.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    guard !reviewer.isEmpty, allowed, reviewer != "resolutions" else {
      throw Failure("reviewer \"\(reviewer)\" must be letters, digits, - or _ (e.g. CML), and not `resolutions`")
    }
  }

  // MARK: Conflicts and consensus

  /// The two reviewers compared: `given`, else the protocol's first two, else the two reviewer files present.
  public static func reviewers(project: ExtractionProject, given: [String]?) throws(Failure) -> (String, String) {
    var names = given ?? []
    if names.isEmpty, let fromProtocol = project.settings.reviewers, fromProtocol.count >= 2 {
      names = Array(fromProtocol.prefix(2))
    }
    if names.isEmpty {
      let files =
        (try? FileManager.default.contentsOfDirectory(atPath: project.extractionDirectory.path)) ?? []
      names = files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
        .filter { $0 != ExtractionProject.consensus && $0 != "resolutions" }.sorted()
    }
    guard names.count == 2 else {
      throw Failure(
        "cannot tell which two reviewers to compare (found: \(names.joined(separator: ", "))); give --reviewers A,B")
    }
    return (names[0], names[1])
  }

  /// Both reviewers' stored extractions.
  static func loadPair(project: ExtractionProject, reviewers: (String, String)) throws(Failure) -> (
    Extraction, Extraction
  ) {
    guard let first = try project.loadStored(reviewers.0) else {
      throw Failure("no extraction for \(reviewers.0): run sift extract import FILE --reviewer \(reviewers.0)")
    }
    guard let second = try project.loadStored(reviewers.1) else {
      throw Failure("no extraction for \(reviewers.1): run sift extract import FILE --reviewer \(reviewers.1)")
    }
    return (first, second)
  }

  /// Every cell where the two reviewers differ, marked resolved when the consensus holds it.
  public static func conflicts(project: ExtractionProject, reviewers: (String, String)) throws(Failure)
    -> [ExtractionConflict]
  {
    let (first, second) = try loadPair(project: project, reviewers: reviewers)
    let consensus = try project.loadStored(ExtractionProject.consensus)
    return ExtractionComparison(form: project.form).conflicts(first, second, consensus: consensus)
  }

  /// Copies every cell both reviewers agree on into the consensus; returns cells copied and conflicts left open.
  public static func buildConsensus(project: ExtractionProject, reviewers: (String, String)) throws(Failure) -> (
    copied: Int, open: Int
  ) {
    let (first, second) = try loadPair(project: project, reviewers: reviewers)
    let existing = try project.loadStored(ExtractionProject.consensus) ?? Extraction()
    let comparison = ExtractionComparison(form: project.form)
    let (merged, copied) = comparison.merge(first, second, into: existing)
    try project.store(merged, as: ExtractionProject.consensus)
    let open = comparison.conflicts(first, second, consensus: merged).filter { !$0.isResolved }.count
    return (copied, open)
  }

  /// A cell as shown in conflict lists: value, then the printed text in brackets; `(empty)` when empty.
  public static func describe(_ cell: Cell?) -> String {
    guard let cell else { return "(empty)" }
    var parts: [String] = []
    if let value = cell.value { parts.append(ValueCodec.write(value)) }
    if let text = cell.text { parts.append("[text: \(text.replacingOccurrences(of: "\n", with: "\\n"))]") }
    return parts.isEmpty ? "(empty)" : parts.joined(separator: " ")
  }

  /// Conflicts as text lines or CSV.
  public static func render(
    _ conflicts: [ExtractionConflict], reviewers: (String, String), csv: Bool
  ) -> String {
    if csv {
      var lines = [
        ExtractionCSV.line(["study", "row", "table", "entry", "column", reviewers.0, reviewers.1, "consensus"])
      ]
      for conflict in conflicts {
        let address = conflict.address
        lines.append(
          ExtractionCSV.line([
            address.study, address.row, address.table, String(address.entry), address.column,
            conflict.first.map(describe) ?? "", conflict.second.map(describe) ?? "",
            conflict.consensus.map(describe) ?? "",
          ]))
      }
      return lines.joined(separator: "\n") + "\n"
    }
    var lines: [String] = []
    for conflict in conflicts {
      var line =
        "\(conflict.address): \(reviewers.0) \(describe(conflict.first)) | \(reviewers.1) \(describe(conflict.second))"
      if let consensus = conflict.consensus { line += "  -> resolved: \(describe(consensus))" }
      lines.append(line)
    }
    let open = conflicts.filter { !$0.isResolved }.count
    lines.append("\(conflicts.count) conflicts between \(reviewers.0) and \(reviewers.1), \(open) not resolved.")
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: Resolve

  /// Records the agreed value of one cell in the consensus and logs the decision in `extraction/resolutions.yaml`.
  public static func resolve(
    project: ExtractionProject, study: String, row: String, column: String, table: String?, entry: Int?,
    value: String, text: String?, by: String
  ) throws(Failure) -> ExtractionResolution {
    let (address, cell): (CellAddress, Cell)
    do {
      (address, cell) = try ExtractionResolutionRequest.cell(
        form: project.form, study: study, row: row, column: column, table: table, entry: entry, value: value,
        text: text)
    } catch {
      throw Failure(error.description)
    }
    var consensus = try project.loadStored(ExtractionProject.consensus) ?? Extraction(form: project.form.id)
    var previous: [String: String] = [:]
    if let pair = try? reviewers(project: project, given: nil) {
      for name in [pair.0, pair.1] {
        if let extraction = try project.loadStored(name) { previous[name] = describe(extraction.lookup(address)) }
      }
    }
    previous["consensus"] = describe(consensus.lookup(address))
    consensus.set(cell, at: address)
    try project.store(consensus, as: ExtractionProject.consensus)
    let resolution = ExtractionResolution(address: address, cell: cell, by: by, previous: previous)
    try appendLog(resolution, project: project)
    return resolution
  }

  static func appendLog(_ resolution: ExtractionResolution, project: ExtractionProject) throws(Failure) {
    let url = project.resolutionsURL
    var text = (try? String(contentsOf: url, encoding: .utf8)) ?? "resolutions:\n"
    if !text.hasSuffix("\n") { text += "\n" }
    let address = resolution.address
    var fields = [
      "study: \(YAMLText.quoted(address.study))", "row: \(YAMLText.scalar(address.row))",
      "table: \(address.table)", "entry: \(address.entry)", "column: \(YAMLText.scalar(address.column))",
      "value: \(YAMLText.quoted(resolution.cell.value.map(ValueCodec.write) ?? ""))",
    ]
    if let printed = resolution.cell.text { fields.append("text: \(YAMLText.quoted(printed))") }
    fields.append("by: \(YAMLText.scalar(resolution.by))")
    for key in resolution.previous.keys.sorted() {
      fields.append("\(YAMLText.scalar(key)): \(YAMLText.quoted(resolution.previous[key] ?? ""))")
    }
    text += "  - {" + fields.joined(separator: ", ") + "}\n"
    try project.write(text, to: url)
  }
}
