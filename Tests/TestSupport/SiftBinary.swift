import Foundation

/// Runs the built `sift` executable, for end-to-end tests.
public enum SiftBinary {
  /// The `sift` binary next to the test bundle (`swift test` builds it), or `$SIFT_BIN`.
  public static let url: URL = {
    if let env = ProcessInfo.processInfo.environment["SIFT_BIN"] { return URL(fileURLWithPath: env) }
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      Bundle.main.bundleURL,
      Bundle.main.bundleURL.deletingLastPathComponent(),
      Fixtures.packageRoot.appendingPathComponent(".build/debug"),
    ]
    for dir in candidates {
      let bin = dir.appendingPathComponent("sift")
      if FileManager.default.isExecutableFile(atPath: bin.path) { return bin }
    }
    return Fixtures.packageRoot.appendingPathComponent(".build/debug/sift")
  }()

  public struct Result: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// Runs `sift` with `arguments` in `directory`, feeding `input` on standard input.
  @discardableResult
  public static func run(_ arguments: [String], in directory: URL? = nil, input: String? = nil) throws -> Result {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    let inp = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inp
    try process.run()
    if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
    try? inp.fileHandleForWriting.close()
    // Drain stderr on another thread while reading stdout, so neither pipe can fill and block the child.
    let errBox = DataBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errBox.data = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let errData = errBox.data
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

private final class DataBox: @unchecked Sendable {
  var data = Data()
}
