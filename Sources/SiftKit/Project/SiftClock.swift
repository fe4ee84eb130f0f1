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
    if let fast = fastPath(trimmed) { return fast }
    let full = ISO8601DateFormatter()
    full.formatOptions = [.withInternetDateTime]
    if let date = full.date(from: trimmed) { return format(date) }
    let day = ISO8601DateFormatter()
    day.formatOptions = [.withFullDate]
    day.timeZone = TimeZone(identifier: "UTC")
    if trimmed.count == 10, let date = day.date(from: trimmed) { return format(date) }
    return nil
  }

  /// `2024-03-05T14:30:00Z` (returned as is) and `2024-03-05` (midnight) without a date formatter.
  private static func fastPath(_ text: String) -> String? {
    let bytes = Array(text.utf8)
    func digits(_ range: Range<Int>) -> Int? {
      var value = 0
      for i in range {
        guard bytes[i] >= 48, bytes[i] <= 57 else { return nil }
        value = value * 10 + Int(bytes[i] - 48)
      }
      return value
    }
    guard bytes.count == 10 || bytes.count == 20, bytes[4] == 45, bytes[7] == 45,
      digits(0..<4) != nil, let month = digits(5..<7), let day = digits(8..<10), (1...12).contains(month),
      (1...31).contains(day)
    else { return nil }
    if bytes.count == 10 { return text + "T00:00:00Z" }
    guard bytes[10] == 84, bytes[13] == 58, bytes[16] == 58, bytes[19] == 90, let hour = digits(11..<13),
      let minute = digits(14..<16), let second = digits(17..<19), hour < 24, minute < 60, second < 61
    else { return nil }
    return text
  }
}
