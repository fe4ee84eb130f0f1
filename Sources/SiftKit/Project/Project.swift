import Foundation
import SiftCore
import SiftStore

/// An open review project: its folder, its protocol and its store.
public struct Project: Sendable {
  /// The folder holding `protocol.yaml` and `sift.sqlite`.
  public let root: String
  public let review: ReviewProtocol
  public let store: ProjectStore

  public static let protocolFile = "protocol.yaml"
  public static let databaseFile = "sift.sqlite"

  public var protocolPath: String { (root as NSString).appendingPathComponent(Self.protocolFile) }

  /// Opens the project in folder `root`: reads and checks its protocol, opens its database.
  public init(root: String) throws {
    self.root = root
    let protocolPath = (root as NSString).appendingPathComponent(Self.protocolFile)
    review = try ProtocolLoader.load(path: protocolPath)
    store = try ProjectStore(path: (root as NSString).appendingPathComponent(Self.databaseFile))
  }

  /// The project folder: `explicit` (from `--project`) when given, else the first folder from `directory` upward
  /// that holds `sift.sqlite`.
  public static func locate(explicit: String?, from directory: String = FileManager.default.currentDirectoryPath)
    throws -> String
  {
    let fm = FileManager.default
    if let explicit {
      let database = (explicit as NSString).appendingPathComponent(databaseFile)
      guard fm.fileExists(atPath: database) else {
        throw ProjectError(
          "\(explicit): not a Sift project (no \(databaseFile)); create one with `sift init \(explicit)`")
      }
      return explicit
    }
    var folder = URL(fileURLWithPath: directory).standardizedFileURL
    while true {
      if fm.fileExists(atPath: folder.appendingPathComponent(databaseFile).path) { return folder.path }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { break }
      folder = parent
    }
    throw ProjectError(
      "no Sift project in \(directory) or any folder above it (no \(databaseFile)); run `sift init` or pass --project DIR"
    )
  }

  /// Locates and opens the project.
  public static func open(explicit: String?) throws -> Project {
    try Project(root: locate(explicit: explicit))
  }

  /// Opens the project at `path`, or the nearest one above it when `path` holds no `sift.sqlite`.
  public static func open(near path: String) throws -> Project {
    let database = (path as NSString).appendingPathComponent(databaseFile)
    if FileManager.default.fileExists(atPath: database) { return try Project(root: path) }
    return try Project(root: locate(explicit: nil, from: path))
  }

  /// Creates a project in `folder`: writes `protocol.yaml` (the template, or a copy of `protocolSource` after checking
  /// it) unless one exists, and creates `sift.sqlite`. Returns what it did, one line per file.
  public static func create(at folder: String, protocolSource: String? = nil) throws -> String {
    let fm = FileManager.default
    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let protocolPath = (folder as NSString).appendingPathComponent(protocolFile)
    let databasePath = (folder as NSString).appendingPathComponent(databaseFile)
    if fm.fileExists(atPath: databasePath) {
      throw ProjectError("\(folder): already a Sift project (\(databaseFile) exists)")
    }
    var lines: [String] = []
    if let protocolSource {
      _ = try ProtocolLoader.load(path: protocolSource)
      if fm.fileExists(atPath: protocolPath) {
        throw ProjectError("\(protocolPath) exists; remove it or leave out --protocol")
      }
      try fm.copyItem(atPath: protocolSource, toPath: protocolPath)
      lines.append("\(protocolPath): copied from \(protocolSource)")
    } else if fm.fileExists(atPath: protocolPath) {
      _ = try ProtocolLoader.load(path: protocolPath)
      lines.append("\(protocolPath): kept (it exists and is valid)")
    } else {
      try Data(ProtocolTemplate.text.utf8).write(to: URL(fileURLWithPath: protocolPath))
      lines.append("\(protocolPath): template written; edit it to your review")
    }
    _ = try ProjectStore(path: databasePath, create: true)
    lines.append("\(databasePath): created")
    return lines.joined(separator: "\n")
  }
}
