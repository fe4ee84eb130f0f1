import SiftExtract
import Yams

/// Reads YAML text into SiftExtract's plain tree (with line numbers), keeping scalars exactly as written.
public enum ExtractionYAML {
  /// A YAML syntax error, with the file and line.
  public struct SyntaxError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): error: not valid YAML: \(message)" }
  }

  /// The document's tree (an empty document is an empty mapping).
  public static func parse(_ text: String, file: String) throws(SyntaxError) -> ExtractionNode {
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch {
      throw SyntaxError(file: file, message: "\(error)")
    }
    guard let node else { return .mapping([]) }
    return convert(node)
  }

  static func convert(_ node: Node) -> ExtractionNode {
    let line = node.mark?.line
    switch node {
    case .scalar(let scalar):
      if scalar.style == .plain || scalar.style == .any {
        if ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return ExtractionNode(.null, line: line) }
      }
      return ExtractionNode(.scalar(scalar.string), line: line)
    case .sequence(let sequence):
      return ExtractionNode(.sequence(sequence.map(convert)), line: line)
    case .mapping(let mapping):
      let pairs = mapping.map { pair in
        ExtractionNode.Pair(key: pair.key.string ?? "", value: convert(pair.value))
      }
      return ExtractionNode(.mapping(pairs), line: line)
    case .alias:
      return ExtractionNode(.null, line: line)
    }
  }
}
