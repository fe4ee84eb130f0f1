import Foundation
import SiftCore
import SiftReport

/// The output formats of `sift prisma`: the text formats of ``PrismaFormat`` plus PNG and PDF through `rsvg-convert`.
public enum PrismaOutputFormat: String, Sendable, CaseIterable {
  case svg, json, csv, md, png, pdf

  /// The format a file name implies (`.svg`, `.json`, `.csv`, `.md`, `.png`, `.pdf`), if any.
  public init?(fileName: String) {
    let ext = (fileName as NSString).pathExtension.lowercased()
    self.init(rawValue: ext == "markdown" ? "md" : ext)
  }

  /// Whether the output is binary and needs `rsvg-convert`.
  public var isRaster: Bool { self == .png || self == .pdf }
}

/// The use case behind `sift prisma`: read the flow, derive and verify the counts, render them.
public enum PrismaRun {
  /// Reads the flow, derives and verifies the counts, and renders them in `format`.
  public static func run(flowFile: String?, projectPath: String, format: PrismaOutputFormat, explain: Bool) throws
    -> Data
  {
    let counts = try PrismaCounts(flow: loadFlow(flowFile: flowFile, projectPath: projectPath))
    return try render(counts, format: format, explain: explain)
  }

  /// Reads the flow from `flowFile` (a JSON-encoded ``FlowInput``) when given, else from the project.
  public static func loadFlow(flowFile: String?, projectPath: String) throws -> FlowInput {
    if let flowFile { return try readFlowFile(flowFile) }
    return try ProjectFlow.load(projectPath: projectPath)
  }

  /// Decodes a JSON-encoded ``FlowInput``; errors name the file and the JSON path of the bad value.
  public static func readFlowFile(_ path: String) throws -> FlowInput {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw PrismaRunError.unreadable(path: path, reason: error.localizedDescription)
    }
    do {
      return try JSONDecoder().decode(FlowInput.self, from: data)
    } catch let error as DecodingError {
      throw PrismaRunError.invalidFlow(path: path, reason: describe(error))
    }
  }

  /// The bytes of `counts` in `format`. PNG and PDF need `rsvg-convert` on the PATH.
  public static func render(_ counts: PrismaCounts, format: PrismaOutputFormat, explain: Bool) throws -> Data {
    switch format {
    case .svg: Data(PrismaFormat.svg.render(counts, explain: explain).utf8)
    case .json: Data(PrismaFormat.json.render(counts, explain: explain).utf8)
    case .csv: Data(PrismaFormat.csv.render(counts, explain: explain).utf8)
    case .md: Data(PrismaFormat.md.render(counts, explain: explain).utf8)
    case .png, .pdf: try rasterize(PrismaSVG.render(counts, explain: explain), format: format)
    }
  }

  /// Converts SVG text to PNG (at twice the size) or PDF with `rsvg-convert`.
  public static func rasterize(_ svg: String, format: PrismaOutputFormat) throws -> Data {
    guard let tool = executable(named: "rsvg-convert") else {
      throw PrismaRunError.converterMissing(format: format.rawValue)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["--format", format.rawValue] + (format == .png ? ["--zoom", "2"] : [])
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Feed and drain on separate threads so a large diagram cannot deadlock on full pipes.
    let writer = Thread {
      input.fileHandleForWriting.write(Data(svg.utf8))
      try? input.fileHandleForWriting.close()
    }
    writer.start()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, !data.isEmpty else {
      throw PrismaRunError.converterFailed(
        status: process.terminationStatus, message: String(decoding: message, as: UTF8.self))
    }
    return data
  }

  /// The full path of `name` on the PATH, if it is there and executable.
  static func executable(named name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let keys = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
      let joined = keys.joined()
      return joined.isEmpty ? "the top level" : String(joined.drop { $0 == "." })
    }
    switch error {
    case .typeMismatch(let type, let context):
      return "at \(path(context)): expected \(type); \(context.debugDescription)"
    case .valueNotFound(let type, let context):
      return "at \(path(context)): missing \(type) value; \(context.debugDescription)"
    case .keyNotFound(let key, let context):
      return "at \(path(context)): missing key `\(key.stringValue)`"
    case .dataCorrupted(let context):
      return "at \(path(context)): \(context.debugDescription)"
    @unknown default:
      return String(describing: error)
    }
  }
}

/// Why `sift prisma` or `sift report` could not read its input or write its output.
public enum PrismaRunError: Error, CustomStringConvertible, Equatable {
  case unreadable(path: String, reason: String)
  case invalidFlow(path: String, reason: String)
  case converterMissing(format: String)
  case converterFailed(status: Int32, message: String)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      "\(path): cannot read the flow file: \(reason)"
    case .invalidFlow(let path, let reason):
      "\(path): not a JSON-encoded FlowInput (see docs/prisma.md): \(reason)"
    case .converterMissing(let format):
      "--format \(format) needs `rsvg-convert`, which is not on the PATH. Install it (Debian: "
        + "`apt-get install librsvg2-bin`) or write `--format svg` and convert it yourself."
    case .converterFailed(let status, let message):
      "rsvg-convert failed (exit status \(status)): \(message.trimmingCharacters(in: .whitespacesAndNewlines))"
    }
  }
}
