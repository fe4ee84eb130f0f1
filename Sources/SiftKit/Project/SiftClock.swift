import Foundation

/// The time stamps Sift writes: now, or `$SIFT_FIXED_TIME` when set (for byte-identical test and demo output).
public enum SiftClock {
  /// The current time as ISO 8601 UTC, e.g. `2024-03-05T14:30:00Z`.
  public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let fixed = environment["SIFT_FIXED_TIME"], let normalised = normalise(fixed) { return normalised }
    return format(Date())
  }

  /// `2024-03-05T14:30:00Z` for a date.
  public static func format(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }

  /// Reads `2024-03-05T14:30:00Z`, `2024-03-05T14:30:00+01:00` or `2024-03-05` and returns it as UTC ISO 8601;
  /// nil when the text is not such a time.
  public static func normalise(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let full = ISO8601DateFormatter()
    full.formatOptions = [.withInternetDateTime]
    if let date = full.date(from: trimmed) { return format(date) }
    let day = ISO8601DateFormatter()
    day.formatOptions = [.withFullDate]
    day.timeZone = TimeZone(identifier: "UTC")
    if trimmed.count == 10, let date = day.date(from: trimmed) { return format(date) }
    return nil
  }
}
