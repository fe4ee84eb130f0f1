import Foundation

/// Normalisation of record identifiers.
public enum Identifier {
  /// Lower-cases a DOI and strips `https://doi.org/`, `http://dx.doi.org/`, `doi:` prefixes and surrounding junk.
  /// Returns nil when no `10.` DOI is present.
  public static func normalizeDOI(_ raw: String) -> String? {
    var s = raw.trimmingSpaces.lowercased()
    guard let range = s.range(of: "10.") else { return nil }
    s = String(s[range.lowerBound...])
    // A DOI ends at whitespace; trailing punctuation from prose is dropped.
    if let ws = s.firstIndex(where: { $0.isWhitespace }) { s = String(s[..<ws]) }
    while let last = s.last, ".,;)]>\"'".contains(last) { s.removeLast() }
    guard s.contains("/"), s.count > 4 else { return nil }
    return s
  }
}
