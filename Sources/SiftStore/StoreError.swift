import GRDB

/// A store failure people can act on: the database file and what to do.
public struct StoreError: Error, Sendable, CustomStringConvertible {
  public enum Code: Sendable, Hashable {
    case notFound, busy, corrupt, readOnly, other
  }
  public var code: Code
  public var path: String
  public var message: String

  public init(_ code: Code, path: String, message: String) {
    self.code = code
    self.path = path
    self.message = message
  }

  public var description: String { "\(path): error: \(message)" }

  /// Translates an SQLite error into words.
  static func from(_ error: DatabaseError, path: String) -> StoreError {
    switch error.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return StoreError(
        .busy, path: path,
        message: "the project database is locked by another process (another `sift` still writing?); "
          + "wait for it to finish and run the command again")
    case .SQLITE_CORRUPT, .SQLITE_NOTADB:
      return StoreError(
        .corrupt, path: path,
        message: "this file is not a readable Sift database (damaged or not SQLite: \(error.message ?? "")); "
          + "restore it from a backup or create a new project with `sift init`")
    case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
      return StoreError(
        .readOnly, path: path,
        message: "cannot open the project database for writing (\(error.message ?? "")); check the folder's permissions"
      )
    default:
      return StoreError(.other, path: path, message: "database error: \(error.message ?? "\(error.resultCode)")")
    }
  }
}
