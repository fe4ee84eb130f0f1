import Yams

/// The keys `protocol.yaml` may use at each place; any other key is a typo worth reporting.
enum ProtocolKeys {
  private static let source: Set<String> = ["name", "platform", "search", "fields", "date", "note"]

  /// Allowed keys of the mapping at a pointer whose indices are written `*`.
  static let allowed: [String: Set<String>] = [
    "": [
      "title", "question", "reviewers", "databases", "registers", "other_methods", "search_dates", "date_window",
      "languages", "criteria", "stages", "dedup", "screening", "synthesis", "previous_review", "extraction_form",
      "store",
    ],
    "/databases/*": source,
    "/registers/*": source,
    "/other_methods/*": source,
    "/search_dates": ["first", "final"],
    "/date_window": ["from", "to"],
    "/criteria/*": ["id", "label", "text", "rule"],
    "/criteria/*/rule": ["field", "min", "max", "any_of", "none_of"],
    "/dedup": ["merge_threshold", "review_threshold"],
    "/screening": ["maybe_counts_as_include", "highlight"],
    "/synthesis": ["correlation_thresholds", "count_by"],
    "/synthesis/correlation_thresholds": ["small", "moderate", "strong"],
    "/previous_review": ["citation", "studies", "reports"],
  ]

  /// Problems for keys not in ``allowed``.
  static func unknownKeys(_ root: Node) -> [ProtocolError.Problem] {
    var problems: [ProtocolError.Problem] = []
    walk(root, pointer: "", pattern: "", into: &problems)
    return problems
  }

  private static func walk(_ node: Node, pointer: String, pattern: String, into problems: inout [ProtocolError.Problem])
  {
    if let mapping = node.mapping {
      let keys = allowed[pattern]
      for (keyNode, value) in mapping {
        let key = keyNode.string ?? ""
        let childPointer = pointer + "/" + key
        if let keys, !keys.contains(key) {
          problems.append(
            .init(
              pointer: childPointer, line: keyNode.mark?.line,
              message: "unknown key; expected one of \(keys.sorted().joined(separator: ", "))"))
          continue
        }
        walk(value, pointer: childPointer, pattern: pattern + "/" + key, into: &problems)
      }
    } else if let sequence = node.sequence {
      for (index, item) in sequence.enumerated() {
        walk(item, pointer: pointer + "/\(index)", pattern: pattern + "/*", into: &problems)
      }
    }
  }
}
