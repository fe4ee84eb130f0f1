import Foundation

/// Slows password guessing: after `limit` failed sign-ins for one account name within `window`, further attempts for
/// that name are refused (429) until the oldest failure leaves the window. A success clears the name's failures.
public actor LoginThrottle {
  public let limit: Int
  public let window: TimeInterval
  private var failures: [String: [Date]] = [:]

  public init(limit: Int = 10, window: TimeInterval = 900) {
    self.limit = limit
    self.window = window
  }

  /// Whether `name` may try now.
  public func allows(_ name: String, now: Date = Date()) -> Bool {
    recent(name, now: now).count < limit
  }

  public func failed(_ name: String, now: Date = Date()) {
    failures[name] = recent(name, now: now) + [now]
    if failures.count > 100_000 { failures = failures.filter { !$0.value.isEmpty } }
  }

  public func succeeded(_ name: String) {
    failures[name] = nil
  }

  private func recent(_ name: String, now: Date) -> [Date] {
    (failures[name] ?? []).filter { now.timeIntervalSince($0) < window }
  }
}
