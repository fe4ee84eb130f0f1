import SiftCore
import SiftScreen
import SiftStore

/// `sift decisions export`: current decisions as CSV, blinded by default.
public enum DecisionsExport {
  /// The CSV text and how many decisions were withheld for blinding.
  public struct Output: Sendable {
    public var csv: String
    public var withheld: Int
  }

  /// Current decisions (stage order, record, reviewer). Blinded: a decision on a record that not every reviewer has
  /// decided at that stage is withheld, unless `reviewer` asks for their own decisions or `all` is set.
  /// With `history`, every decision ever recorded (withdrawals as an empty verdict) and a `supersedes` column.
  public static func run(project: Project, stage: Stage?, reviewer: String?, all: Bool, history: Bool) throws -> Output
  {
    let review = project.review
    return try project.store.read { access in
      try csv(
        rows: access.projectRows(), history: history ? access.decisionHistory() : nil, review: review, stage: stage,
        reviewer: reviewer, all: all)
    }
  }
}
