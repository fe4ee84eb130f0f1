import Foundation
import SiftCore
import Yams

/// Reads `protocol.yaml` into a ``SiftCore/ReviewProtocol`` and checks it; errors are located by JSON pointer.
public enum ProtocolLoader {
  /// Reads and checks the protocol file at `path`.
  public static func load(path: String) throws -> ReviewProtocol {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ProtocolError(file: path, problems: [.init(pointer: "", message: "cannot read the file")])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ProtocolError(file: path, problems: [.init(pointer: "", message: "the file is not UTF-8 text")])
    }
    return try parse(text, file: path)
  }

  /// Parses and checks protocol YAML text; `file` names it in errors.
  public static func parse(_ text: String, file: String = "protocol.yaml") throws -> ReviewProtocol {
    let node: Node
    do {
      guard let root = try Yams.compose(yaml: text) else {
        throw ProtocolError(file: file, problems: [.init(pointer: "", message: "the file is empty")])
      }
      node = root
    } catch let error as ProtocolError {
      throw error
    } catch {
      throw ProtocolError(file: file, problems: [.init(pointer: "", message: "not valid YAML: \(error)")])
    }
    var problems = ProtocolKeys.unknownKeys(node)
    if !problems.isEmpty { throw ProtocolError(file: file, problems: problems) }
    let review: ReviewProtocol
    do {
      review = try YAMLDecoder().decode(ReviewProtocol.self, from: node)
    } catch let error as DecodingError {
      throw ProtocolError(file: file, problems: [problem(error, root: node)])
    } catch {
      throw ProtocolError(file: file, problems: [.init(pointer: "", message: "\(error)")])
    }
    problems = ProtocolChecks.problems(review).map { problem in
      var located = problem
      located.line = line(of: problem.pointer, in: node)
      return located
    }
    if !problems.isEmpty { throw ProtocolError(file: file, problems: problems) }
    return review
  }

  static func pointer(_ path: [any CodingKey]) -> String {
    path.map { key in "/" + (key.intValue.map(String.init) ?? escape(key.stringValue)) }.joined()
  }

  private static func escape(_ token: String) -> String {
    token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
  }

  /// The 1-based line of the node a pointer names (or its nearest existing parent).
  static func line(of pointer: String, in root: Node) -> Int? {
    var node = root
    for token in pointer.split(separator: "/").map(String.init) {
      if let mapping = node.mapping, let child = mapping[token] {
        node = child
      } else if let sequence = node.sequence, let index = Int(token), sequence.indices.contains(index) {
        node = sequence[index]
      } else {
        break
      }
    }
    return node.mark?.line
  }

  private static func problem(_ error: DecodingError, root: Node) -> ProtocolError.Problem {
    func make(_ path: [any CodingKey], _ message: String) -> ProtocolError.Problem {
      let at = pointer(path)
      return .init(pointer: at, line: line(of: at, in: root), message: message)
    }
    switch error {
    case .typeMismatch(let type, let context):
      return make(context.codingPath, "expected \(describe(type))")
    case .valueNotFound(let type, let context):
      return make(context.codingPath, "expected \(describe(type)), found nothing")
    case .keyNotFound(let key, let context):
      return make(context.codingPath + [key], "missing; this key is required")
    case .dataCorrupted(let context):
      return make(context.codingPath, corrupted(context.debugDescription))
    @unknown default:
      return .init(pointer: "", message: "\(error)")
    }
  }

  private static func describe(_ type: Any.Type) -> String {
    let name = "\(type)"
    if type == String.self { return "a string" }
    if type == Int.self { return "an integer" }
    if type == Double.self { return "a number" }
    if type == Bool.self { return "true or false" }
    if name.hasPrefix("Array") { return "a list" }
    if name.hasPrefix("Dictionary") { return "a mapping" }
    if name.contains("Scalar") { return "a single value (text, number or true/false), not a list or mapping" }
    return "a mapping (\(name))"
  }

  private static func corrupted(_ debug: String) -> String {
    if debug.contains("Stage") {
      return "not a stage; expected one of \(Stage.allCases.map(\.rawValue).joined(separator: ", "))"
    }
    if debug.contains("FieldName") {
      return "not a rule field; expected one of year, language, publication_type"
    }
    return debug
  }
}
