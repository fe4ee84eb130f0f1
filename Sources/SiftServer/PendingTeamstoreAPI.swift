// TEMPORARY: the contract's TeamStores/StoreCopy, stubbed so SiftServer compiles before teamstore commits them.
// Deleted on the next merge.
import SiftTeamStore

enum TeamStores {
  static func open(store: String?, projectPath: String) async throws -> any TeamStore { fatalError("pending") }
}
enum StoreCopy {
  static func run(from: any TeamStore, to: any TeamStore) async throws -> String { fatalError("pending") }
}
