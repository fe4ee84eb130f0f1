/// A growable buffer of plain values that ``XMLParseState`` reuses from record to record: no allocation per record
/// and no copy-on-write checks per append. Indexes are not checked; the owner frees it with ``release()``.
struct XMLBuffer<Element: BitwiseCopyable> {
  private(set) var base: UnsafeMutablePointer<Element>
  private(set) var count = 0
  private var capacity: Int
  /// The capacity the buffer returns to after holding an unusually large record.
  private let usualCapacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    usualCapacity = capacity
    base = .allocate(capacity: capacity)
  }

  /// Frees the storage; the buffer must not be used afterwards.
  func release() {
    base.deallocate()
  }

  var isEmpty: Bool { count == 0 }

  @inline(__always)
  mutating func append(_ value: Element) {
    if count == capacity { grow(to: count + 1) }
    (base + count).initialize(to: value)
    count += 1
  }

  @inline(__always)
  mutating func append(contentsOf values: UnsafeBufferPointer<Element>) {
    guard let source = values.baseAddress, !values.isEmpty else { return }
    if count + values.count > capacity { grow(to: count + values.count) }
    (base + count).initialize(from: source, count: values.count)
    count += values.count
  }

  @inline(__always)
  subscript(index: Int) -> Element {
    get { base[index] }
    nonmutating set { base[index] = newValue }
  }

  /// Removes the last value and returns it (the buffer must not be empty).
  @inline(__always)
  mutating func removeLast() -> Element {
    count -= 1
    return base[count]
  }

  /// Keeps the first `count` values (not more than it holds).
  @inline(__always)
  mutating func truncate(to count: Int) {
    self.count = count
  }

  /// Empties the buffer; storage far larger than usual (after a huge record) is given back.
  mutating func removeAll() {
    count = 0
    if capacity > 64 * usualCapacity {
      base.deallocate()
      capacity = usualCapacity
      base = .allocate(capacity: capacity)
    }
  }

  /// The values as an array.
  func array() -> [Element] {
    Array(UnsafeBufferPointer(start: base, count: count))
  }

  private mutating func grow(to minimum: Int) {
    let newCapacity = Swift.max(minimum, capacity * 2)
    let new = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
    new.moveInitialize(from: base, count: count)
    base.deallocate()
    base = new
    capacity = newCapacity
  }
}
