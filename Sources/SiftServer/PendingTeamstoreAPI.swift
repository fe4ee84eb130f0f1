// TEMPORARY: the contract's teamstore API, stubbed so SiftServer compiles before `git merge teamstore`.
// Deleted on the merge.
import SiftCore
import SiftKit
import SiftScreen
import SiftStore
import SiftTeamStore

extension ProjectScreening {
  static func queue(rows: ProjectRows, review: ReviewProtocol, reviewer: String, stage: Stage) -> Queue {
    fatalError("pending teamstore")
  }
  static func check(_ input: DecisionInput, rows: ProjectRows, review: ReviewProtocol) throws -> String {
    fatalError("pending teamstore")
  }
  static func check(_ input: ResolutionInput, rows: ProjectRows, review: ReviewProtocol) throws -> String {
    fatalError("pending teamstore")
  }
}
extension ProjectConflicts {
  static func list(rows: ProjectRows, review: ReviewProtocol, records: [RecordRow], stage: Stage?) -> [Conflict] {
    fatalError("pending teamstore")
  }
}
extension ProjectAgreement {
  static func compute(rows: ProjectRows, review: ReviewProtocol, stage: Stage?) -> [PairAgreement] { fatalError("pending teamstore") }
}
extension ProjectFlow {
  static func derive(rows: ProjectRows, review: ReviewProtocol) -> FlowInput { fatalError("pending teamstore") }
}
enum TeamStores {
  static func open(store: String?, projectPath: String) async throws -> any TeamStore { fatalError("pending") }
}
enum StoreCopy {
  static func run(from: any TeamStore, to: any TeamStore) async throws -> String { fatalError("pending") }
}
extension DecisionsExport {
  static func csv(
    rows: ProjectRows, history: [DecisionRow]?, review: ReviewProtocol, stage: Stage?, reviewer: String?, all: Bool
  ) -> Output { fatalError("pending") }
}
