import SiftCore
import SiftScreen

/// One reviewer screening one stage, a record at a time (`sift screen`). Shows nothing of other reviewers' verdicts.
public struct ScreeningSession {
  public let project: Project
  public let reviewer: String
  public let stage: Stage
  /// Records left to decide, in id order; the session starts at the first (where the reviewer stopped last time).
  public private(set) var queue: [String]
  public private(set) var position = 0
  /// Records the reviewer has decided at this stage.
  public private(set) var done: Int
  /// Records that reached this stage.
  public let total: Int
  private var decidedThisSession: [String] = []

  public init(project: Project, reviewer: String, stage: Stage) throws {
    self.project = project
    self.reviewer = reviewer
    self.stage = stage
    let queue = try ProjectScreening.queue(project: project, reviewer: reviewer, stage: stage)
    self.queue = queue.todo
    done = queue.done
    total = queue.total
  }

  /// The record to show, nil when the queue is finished.
  public var current: String? { position < queue.count ? queue[position] : nil }

  /// Records the reviewer's verdict on the current record and moves on.
  public mutating func decide(_ verdict: Verdict, criteria: [String] = [], note: String? = nil) throws {
    guard let id = current else { return }
    try ProjectScreening.record(
      [
        DecisionInput(
          origin: "sift screen", reference: id, reviewer: reviewer, stage: stage, verdict: verdict, criteria: criteria,
          note: note)
      ], project: project)
    decidedThisSession.append(id)
    done += 1
    position += 1
  }

  /// Moves past the current record without deciding; it is offered again next session.
  public mutating func skip() {
    if current != nil { position += 1 }
  }

  /// Withdraws the last decision of this session and shows that record again; returns its id (nil: nothing to undo).
  @discardableResult
  public mutating func undo() throws -> String? {
    guard let id = decidedThisSession.popLast() else { return nil }
    try ProjectScreening.record(
      [DecisionInput(origin: "sift screen (undo)", reference: id, reviewer: reviewer, stage: stage, verdict: nil)],
      project: project)
    done -= 1
    queue.insert(id, at: position)
    return id
  }

  /// What the reviewer sees of a record at this stage: id, year, source title, title, and (after the title stage)
  /// the abstract; highlight terms marked.
  public func card(_ id: String, width: Int, style: CardStyle) throws -> String {
    let record = try ProjectScreening.content(of: id, project: project)
    let terms = project.review.screening?.highlight ?? []
    var lines: [String] = []
    let meta = [record.year.map(String.init), record.sourceTitle].compactMap { $0 }.joined(separator: " · ")
    lines.append(id + (meta.isEmpty ? "" : "  " + meta))
    let authors =
      record.authors.prefix(3).map(\.family).joined(separator: ", ") + (record.authors.count > 3 ? " et al." : "")
    if !authors.isEmpty { lines.append(authors) }
    lines.append("")
    lines += Self.wrap(record.title ?? "(no title)", width: width).map { style.render($0, terms: terms, bold: true) }
    if stage == .fullText {
      let location = try project.store.read { try $0.currentFulltexts(recordIDs: [id]).first }
      lines.append("Full text: " + (location?.path ?? location?.url ?? "not recorded (sift fulltext \(id) --path P)"))
    }
    if stage != .title {
      lines.append("")
      let abstract = record.abstract ?? "(no abstract)"
      lines += Self.wrap(abstract, width: width).map { style.render($0, terms: terms, bold: false) }
    }
    return lines.joined(separator: "\n")
  }

  /// How highlighted terms are shown.
  public enum CardStyle: Sendable {
    /// ANSI: titles bold, terms inverse.
    case ansi
    /// Plain text: terms in `**…**`.
    case plain

    func render(_ line: String, terms: [String], bold: Bool) -> String {
      let runs = Highlighter.runs(line, terms: terms)
      switch self {
      case .plain:
        return runs.map { $0.highlighted ? "**\($0.text)**" : $0.text }.joined()
      case .ansi:
        let base = bold ? "\u{1B}[1m" : ""
        let body = runs.map { $0.highlighted ? "\u{1B}[7m\($0.text)\u{1B}[0m\(base)" : $0.text }.joined()
        return base + body + "\u{1B}[0m"
      }
    }
  }

  /// Word-wraps `text` to `width` columns.
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(whereSeparator: { $0.isWhitespace }) {
      if !line.isEmpty, line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.isEmpty ? [""] : lines
  }
}
