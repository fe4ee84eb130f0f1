import SiftCore

/// Applies a criterion's ``AutoRule`` to a record. A record fails when the field is known and outside the rule;
/// an unknown (missing) field never fails.
public enum RuleEvaluator {
  /// Whether `record` fails `rule` (and so is excluded by the criterion automatically).
  public static func fails(_ record: Record, _ rule: AutoRule) -> Bool {
    switch rule.field {
    case .year:
      guard let year = record.year else { return false }
      if let min = rule.min, year < min { return true }
      if let max = rule.max, year > max { return true }
      return false
    case .language:
      let languages = splitLanguages(record.language)
      guard !languages.isEmpty else { return false }
      return failsList(languages.map(languageKey), rule: rule, normalise: languageKey)
    case .publicationType:
      let types = record.publicationTypes.map(typeKey).filter { !$0.isEmpty }
      guard !types.isEmpty else { return false }
      return failsList(types, rule: rule, normalise: typeKey)
    }
  }

  /// The ids of the criteria whose rules `record` fails, in protocol order.
  public static func failedCriteria(_ record: Record, criteria: [Criterion]) -> [String] {
    criteria.compactMap { criterion in
      guard let rule = criterion.rule, fails(record, rule) else { return nil }
      return criterion.id
    }
  }

  private static func failsList(_ values: [String], rule: AutoRule, normalise: (String) -> String) -> Bool {
    if let anyOf = rule.anyOf {
      let accepted = Set(anyOf.map(normalise))
      if !values.contains(where: accepted.contains) { return true }
    }
    if let noneOf = rule.noneOf {
      let refused = Set(noneOf.map(normalise))
      if values.contains(where: refused.contains) { return true }
    }
    return false
  }

  private static func splitLanguages(_ raw: String?) -> [String] {
    guard let raw else { return [] }
    return raw.split(whereSeparator: { ";,/".contains($0) }).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
  }

  /// ISO 639 codes and names map to one key: `eng`, `en`, `English` → `english`.
  static func languageKey(_ raw: String) -> String {
    let key = raw.trimmingSpaces.lowercased()
    return languageCodes[key] ?? key
  }

  private static let languageCodes: [String: String] = [
    "en": "english", "eng": "english", "de": "german", "ger": "german", "deu": "german", "fr": "french",
    "fre": "french", "fra": "french", "es": "spanish", "spa": "spanish", "it": "italian", "ita": "italian",
    "nl": "dutch", "dut": "dutch", "nld": "dutch", "sv": "swedish", "swe": "swedish", "pt": "portuguese",
    "por": "portuguese", "zh": "chinese", "chi": "chinese", "zho": "chinese", "ja": "japanese", "jpn": "japanese",
    "ru": "russian", "rus": "russian", "no": "norwegian", "nor": "norwegian", "da": "danish", "dan": "danish",
    "fi": "finnish", "fin": "finnish", "pl": "polish", "pol": "polish", "ko": "korean", "kor": "korean",
  ]

  /// Publication types compare case-insensitively, ignoring spaces, hyphens and underscores.
  static func typeKey(_ raw: String) -> String {
    String(raw.lowercased().filter { $0.isLetter || $0.isNumber })
  }
}
