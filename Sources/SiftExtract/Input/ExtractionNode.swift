/// A parsed YAML (or JSON) document as a plain tree with line numbers, so that SiftExtract needs no YAML library:
/// SiftKit converts Yams nodes into this.
public struct ExtractionNode: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// A scalar exactly as written (`40.0` stays `40.0`).
    case scalar(String)
    case sequence([ExtractionNode])
    case mapping([Pair])
    /// An empty value (`key:`, `~`, `null`).
    case null
  }

  /// A key and its value, in document order.
  public struct Pair: Sendable, Hashable {
    public var key: String
    public var value: ExtractionNode
    public init(key: String, value: ExtractionNode) {
      self.key = key
      self.value = value
    }
  }

  public var kind: Kind
  /// 1-based line in the source, when known.
  public var line: Int?

  public init(_ kind: Kind, line: Int? = nil) {
    self.kind = kind
    self.line = line
  }

  public static func scalar(_ text: String, line: Int? = nil) -> ExtractionNode { .init(.scalar(text), line: line) }
  public static func sequence(_ items: [ExtractionNode], line: Int? = nil) -> ExtractionNode {
    .init(.sequence(items), line: line)
  }
  public static func mapping(_ pairs: [(String, ExtractionNode)], line: Int? = nil) -> ExtractionNode {
    .init(.mapping(pairs.map { Pair(key: $0.0, value: $0.1) }), line: line)
  }

  /// The scalar text, nil for other kinds.
  public var scalarText: String? {
    if case .scalar(let text) = kind { return text }
    return nil
  }

  /// The pairs of a mapping, nil for other kinds.
  public var pairs: [Pair]? {
    if case .mapping(let pairs) = kind { return pairs }
    return nil
  }

  /// The items of a sequence, nil for other kinds.
  public var items: [ExtractionNode]? {
    if case .sequence(let items) = kind { return items }
    return nil
  }

  public var isNull: Bool { kind == .null }

  /// The value of `key` in a mapping.
  public subscript(key: String) -> ExtractionNode? {
    pairs?.first { $0.key == key }?.value
  }

  /// What the node is, for messages.
  var kindName: String {
    switch kind {
    case .scalar: return "a value"
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    case .null: return "empty"
    }
  }
}
