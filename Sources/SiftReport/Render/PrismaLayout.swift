/// The geometry of a PRISMA 2020 diagram: boxes placed on a grid of columns and rows, with arrows,
/// phase bars at the left and column headers at the top. All coordinates are whole pixels.
struct PrismaLayout {
  enum Column: Int, CaseIterable {
    case previous, main, mainExcluded, other, otherExcluded
  }

  struct Line {
    var text: String
    var x: Int
    var baseline: Int
    var italic = false
  }

  struct Frame {
    var x: Int
    var y: Int
    var width: Int
    var height: Int
    var midX: Int { x + width / 2 }
    var midY: Int { y + height / 2 }
    var right: Int { x + width }
    var bottom: Int { y + height }
  }

  struct Box {
    var id: String
    var frame: Frame
    var lines: [Line]
    var records: [String]
    var n: Int
  }

  struct Band {
    var id: String
    var text: [String]
    var frame: Frame
    /// Phase bars are drawn rotated; headers are horizontal.
    var vertical: Bool
  }

  struct Arrow {
    /// Points of the polyline, from start to arrow head.
    var points: [(x: Int, y: Int)]
  }

  // MARK: Settings

  static let canvasWidth = 794
  static let margin = 12
  static let phaseWidth = 24
  static let padX = 7
  static let padY = 6
  static let rowGap = 26
  static let headerGap = 14
  static let footnoteSize = 9
  static let source =
    "Layout after the PRISMA 2020 flow diagram template (Page MJ, et al. BMJ 2021;372:n71). "
    + "Counts derived from the project's records."

  let fontSize: Int
  var lineHeight: Int { fontSize + 4 }
  var bandFontSize: Int { fontSize + 1 }

  private(set) var boxes: [Box] = []
  private(set) var bands: [Band] = []
  private(set) var arrows: [Arrow] = []
  private(set) var footnotes: [Line] = []
  private(set) var height = 0

  // MARK: Building

  /// A box's content before wrapping: text lines with their indent level.
  struct Content {
    var id: String
    var lines: [(text: String, level: Int, italic: Bool)]
    var records: [String]
    var n: Int
  }

  init(counts: PrismaCounts) {
    let hasOther = counts.otherMethods != nil
    let hasPrevious = counts.previous != nil
    let columns = Column.allCases.filter {
      switch $0 {
      case .previous: hasPrevious
      case .main, .mainExcluded: true
      case .other, .otherExcluded: hasOther
      }
    }
    fontSize = columns.count > 3 ? 10 : 11

    // Column positions.
    let gap = columns.count > 3 ? 18 : 26
    let left = Self.margin + Self.phaseWidth + 10
    let available = Self.canvasWidth - Self.margin - left - gap * (columns.count - 1)
    let shares = columns.map { $0 == .previous ? 8 : 10 }
    let shareSum = shares.reduce(0, +)
    var columnX: [Column: Int] = [:]
    var columnWidth: [Column: Int] = [:]
    var x = left
    for (column, share) in zip(columns, shares) {
      let width = column == columns.last ? Self.canvasWidth - Self.margin - x : available * share / shareSum
      columnX[column] = x
      columnWidth[column] = width
      x += width + gap
    }

    // Rows of boxes.
    struct Row {
      var phase: String
      var cells: [(Column, Content)]
    }
    var rows: [Row] = []
    var identification: [(Column, Content)] = []
    if let previous = counts.previous { identification.append((.previous, Self.content(previous))) }
    identification += [(.main, Self.content(counts.identified)), (.mainExcluded, Self.content(counts.removed))]
    if let other = counts.otherMethods {
      identification.append((.other, Self.content(other.identified)))
      if let notSought = other.notSought { identification.append((.otherExcluded, Self.content(notSought))) }
    }
    rows.append(Row(phase: "Identification", cells: identification))
    for step in counts.screening {
      rows.append(
        Row(
          phase: "Screening",
          cells: [(.main, Self.content(step.screened)), (.mainExcluded, Self.content(step.excluded))]))
    }
    var soughtRow: [(Column, Content)] = [
      (.main, Self.content(counts.sought)), (.mainExcluded, Self.content(counts.notRetrieved)),
    ]
    var assessedRow: [(Column, Content)] = [
      (.main, Self.content(counts.assessed)), (.mainExcluded, Self.content(counts.reportsExcluded)),
    ]
    if let other = counts.otherMethods {
      soughtRow += [(.other, Self.content(other.sought)), (.otherExcluded, Self.content(other.notRetrieved))]
      assessedRow += [(.other, Self.content(other.assessed)), (.otherExcluded, Self.content(other.reportsExcluded))]
    }
    rows.append(Row(phase: "Screening", cells: soughtRow))
    rows.append(Row(phase: "Screening", cells: assessedRow))
    var includedRow: [(Column, Content)] = [(.main, Self.content(counts.included))]
    if let total = counts.total { includedRow.insert((.previous, Self.content(total)), at: 0) }
    rows.append(Row(phase: "Included", cells: includedRow))

    // Headers.
    let updated = hasPrevious
    var headers: [(id: String, text: String, from: Column, to: Column)] = []
    if hasPrevious { headers.append(("header-previous", "Previous studies", .previous, .previous)) }
    headers.append(
      (
        "header-databases",
        "Identification of \(updated ? "new " : "")studies via databases and registers", .main, .mainExcluded
      ))
    if hasOther {
      headers.append(
        ("header-other", "Identification of \(updated ? "new " : "")studies via other methods", .other, .otherExcluded))
    }
    var y = Self.margin
    var headerHeight = 0
    var headerBands: [Band] = []
    for header in headers {
      let hx = columnX[header.from] ?? left
      let width = (columnX[header.to] ?? hx) + (columnWidth[header.to] ?? 0) - hx
      let text = TextMetric.wrap(
        header.text, maxWidth: Double(width - 2 * Self.padX), fontSize: bandFontSize, bold: true)
      headerHeight = max(headerHeight, 2 * Self.padY + text.count * (bandFontSize + 4))
      headerBands.append(
        Band(id: header.id, text: text, frame: Frame(x: hx, y: y, width: width, height: 0), vertical: false))
    }
    for index in headerBands.indices { headerBands[index].frame.height = headerHeight }
    bands += headerBands
    y += headerHeight + Self.headerGap

    // Wrap every box, then size the rows.
    var wrapped: [[(Column, [Line], Content)]] = []
    var rowHeights: [Int] = []
    for row in rows {
      var cells: [(Column, [Line], Content)] = []
      var rowHeight = 0
      for (column, content) in row.cells {
        let width = columnWidth[column] ?? 0
        let lines = wrap(content, width: width)
        cells.append((column, lines, content))
        rowHeight = max(rowHeight, 2 * Self.padY + lines.count * lineHeight)
      }
      wrapped.append(cells)
      rowHeights.append(rowHeight)
    }
    // A phase bar must be tall enough for its label.
    for phase in ["Identification", "Screening", "Included"] {
      let indices = rows.indices.filter { rows[$0].phase == phase }
      guard let last = indices.last else { continue }
      let span = indices.reduce(0) { $0 + rowHeights[$1] } + Self.rowGap * (indices.count - 1)
      let needed = Int(TextMetric.width(of: phase, fontSize: bandFontSize, bold: true).rounded(.up)) + 2 * Self.padY
      if span < needed { rowHeights[last] += needed - span }
    }

    // Place boxes.
    var placed: [String: Frame] = [:]
    var rowTops: [Int] = []
    for (index, cells) in wrapped.enumerated() {
      let rowHeight = rowHeights[index]
      rowTops.append(y)
      for (column, lines, content) in cells {
        let height = 2 * Self.padY + lines.count * lineHeight
        let frame = Frame(
          x: columnX[column] ?? left, y: y + (rowHeight - height) / 2, width: columnWidth[column] ?? 0, height: height)
        let shifted = lines.map {
          Line(text: $0.text, x: $0.x + frame.x, baseline: $0.baseline + frame.y, italic: $0.italic)
        }
        boxes.append(Box(id: content.id, frame: frame, lines: shifted, records: content.records, n: content.n))
        placed[content.id] = frame
      }
      y += rowHeight + Self.rowGap
    }
    let diagramBottom = y - Self.rowGap

    // Phase bars.
    for phase in ["Identification", "Screening", "Included"] {
      let indices = rows.indices.filter { rows[$0].phase == phase }
      guard let first = indices.first, let last = indices.last else { continue }
      let top = rowTops[first]
      let bottom = rowTops[last] + rowHeights[last]
      bands.append(
        Band(
          id: "phase-\(phase.lowercased())", text: [phase],
          frame: Frame(x: Self.margin, y: top, width: Self.phaseWidth, height: bottom - top), vertical: true))
    }

    // Arrows.
    func right(_ from: String, _ to: String) {
      guard let a = placed[from], let b = placed[to] else { return }
      let rowMid = min(max(a.midY, b.y + 4), b.bottom - 4)
      arrows.append(Arrow(points: [(a.right, rowMid), (b.x, rowMid)]))
    }
    func down(_ from: String, _ to: String) {
      guard let a = placed[from], let b = placed[to] else { return }
      arrows.append(Arrow(points: [(a.midX, a.bottom), (a.midX, b.y)]))
    }
    var mainChain = ["identified"] + counts.screening.map(\.screened.id) + ["sought", "assessed", "included"]
    for (from, to) in zip(mainChain, mainChain.dropFirst()) { down(from, to) }
    right("identified", "removed")
    for step in counts.screening { right(step.screened.id, step.excluded.id) }
    right("sought", "not-retrieved")
    right("assessed", "reports-excluded")
    if let other = counts.otherMethods {
      mainChain = ["other.identified", "other.sought", "other.assessed"]
      for (from, to) in zip(mainChain, mainChain.dropFirst()) { down(from, to) }
      if other.notSought != nil { right("other.identified", "other.not-sought") }
      right("other.sought", "other.not-retrieved")
      right("other.assessed", "other.reports-excluded")
      if let a = placed["other.assessed"], let b = placed["included"] {
        arrows.append(Arrow(points: [(a.midX, a.bottom), (a.midX, b.midY), (b.right, b.midY)]))
      }
    }
    if counts.previous != nil {
      down("previous", "total")
      if let a = placed["included"], let b = placed["total"] {
        arrows.append(Arrow(points: [(a.x, a.midY), (b.right, a.midY)]))
      }
    }

    // Footnotes.
    y = diagramBottom + 16
    let footnoteWidth = Double(Self.canvasWidth - 2 * Self.margin)
    for note in counts.footnotes + [Self.source] {
      for text in TextMetric.wrap(note, maxWidth: footnoteWidth, fontSize: Self.footnoteSize) {
        y += Self.footnoteSize + 3
        footnotes.append(Line(text: text, x: Self.margin, baseline: y))
      }
    }
    height = y + Self.margin
  }

  /// Lines of a box relative to its top-left corner, wrapped to the box's inner width.
  private func wrap(_ content: Content, width: Int) -> [Line] {
    var lines: [Line] = []
    for line in content.lines {
      let indent = line.level * 10
      let pieces = TextMetric.wrap(
        line.text, maxWidth: Double(width - 2 * Self.padX - indent), fontSize: fontSize)
      for piece in pieces {
        lines.append(
          Line(
            text: piece, x: Self.padX + indent, baseline: Self.padY + lines.count * lineHeight + fontSize + 1,
            italic: line.italic))
      }
    }
    return lines
  }

  /// `(n = 12)` with no-break spaces, so wrapping never splits it.
  static func count(_ n: Int) -> String {
    "(n\u{00A0}=\u{00A0}\(n))"
  }

  /// The text of a box, following the template's wording.
  static func content(_ box: PrismaBox) -> Content {
    var lines: [(String, Int, Bool)] = []
    func add(_ item: PrismaItem, level: Int) {
      lines.append(("\(item.label) \(count(item.n))", level, false))
      for sub in item.items { add(sub, level: level + 1) }
    }
    switch box.id {
    case "identified", "removed", "other.identified":
      lines.append(("\(box.label):", 0, false))
      for item in box.items { add(item, level: 1) }
    case "included", "previous", "total":
      for item in box.items { add(item, level: 0) }
    default:
      lines.append(("\(box.label) \(count(box.n))\(box.items.isEmpty ? "" : ":")", 0, false))
      for item in box.items { add(item, level: 1) }
    }
    if let awaiting = box.awaiting {
      lines.append(("In progress: \(awaiting.n) awaiting decision", 0, true))
    }
    return Content(id: box.id, lines: lines, records: box.records, n: box.n)
  }
}
