import Foundation

/// Start tags of exports repeat the same attributes over and over (EndNote's `<style face="normal"
/// font="default" size="100%">` around every value): a small direct-mapped cache from the raw bytes between the
/// element name and `>` to the decoded attributes, so a repeated attribute list is compared, not parsed again.
/// Only lists on one line, without `>` in a value and at most ``maxBytes`` long are cached.
struct XMLFastAttributeCache {
  /// One decoded attribute: its name id and its value's slice of the entry's decoded bytes.
  struct Span {
    var name: Int32
    var start: Int
    var end: Int
  }

  /// A cached attribute list.
  struct Entry {
    /// The decoded values; each span's `start..<end` indexes them.
    var decoded: UnsafePointer<UInt8>
    var spans: UnsafePointer<Span>
    var count: Int
    /// Whether the raw bytes end with `/` (an empty-element tag).
    var selfClosing: Bool
  }

  static let maxBytes = 256
  static let maxAttributes = 8
  private static let slotCount = 32

  private let raw: UnsafeMutablePointer<UInt8>
  private let decoded: UnsafeMutablePointer<UInt8>
  private let spans: UnsafeMutablePointer<Span>
  /// Raw length per slot; -1 when empty.
  private let lengths: UnsafeMutablePointer<Int>
  private let counts: UnsafeMutablePointer<Int>
  private let selfClosing: UnsafeMutablePointer<Bool>

  init() {
    let slots = Self.slotCount
    raw = .allocate(capacity: slots * Self.maxBytes)
    decoded = .allocate(capacity: slots * Self.maxBytes)
    spans = .allocate(capacity: slots * Self.maxAttributes)
    lengths = .allocate(capacity: slots)
    lengths.initialize(repeating: -1, count: slots)
    counts = .allocate(capacity: slots)
    counts.initialize(repeating: 0, count: slots)
    selfClosing = .allocate(capacity: slots)
    selfClosing.initialize(repeating: false, count: slots)
  }

  /// Frees the storage; the cache must not be used afterwards.
  func release() {
    raw.deallocate()
    decoded.deallocate()
    spans.deallocate()
    lengths.deallocate()
    counts.deallocate()
    selfClosing.deallocate()
  }

  @inline(__always)
  private static func slot(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    var key = UInt64(count)
    if count >= 8 {
      key ^= UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self)
      key ^= UnsafeRawPointer(bytes + count - 8).loadUnaligned(as: UInt64.self) &* 31
    } else {
      for k in 0..<count { key = key &* 131 &+ UInt64(bytes[k]) }
    }
    return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 59)
  }

  /// The cached attributes of the raw bytes `bytes[0..<count]` (from just after the element name to just before
  /// `>`), if cached.
  @inline(__always)
  func lookup(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Entry? {
    guard count <= Self.maxBytes else { return nil }
    let slot = Self.slot(bytes, count)
    guard lengths[slot] == count, memcmp(raw + slot * Self.maxBytes, bytes, count) == 0 else { return nil }
    return Entry(
      decoded: decoded + slot * Self.maxBytes, spans: spans + slot * Self.maxAttributes, count: counts[slot],
      selfClosing: selfClosing[slot])
  }

  /// Caches the attributes read from `bytes[0..<count]`: `spans` index `values`.
  func store(
    _ bytes: UnsafePointer<UInt8>, _ count: Int, values: UnsafePointer<UInt8>, valueCount: Int,
    spans source: UnsafePointer<Span>, spanCount: Int, selfClosing closes: Bool
  ) {
    guard count <= Self.maxBytes, valueCount <= Self.maxBytes, spanCount <= Self.maxAttributes,
      memchr(bytes, Int32(UInt8(ascii: ">")), count) == nil
    else { return }
    let slot = Self.slot(bytes, count)
    (raw + slot * Self.maxBytes).update(from: bytes, count: count)
    (decoded + slot * Self.maxBytes).update(from: values, count: valueCount)
    (spans + slot * Self.maxAttributes).update(from: source, count: spanCount)
    lengths[slot] = count
    counts[slot] = spanCount
    selfClosing[slot] = closes
  }
}
