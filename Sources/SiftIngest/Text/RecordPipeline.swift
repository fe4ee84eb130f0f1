import Foundation
import SiftCore

/// What a reader's scanning stage hands to its mapping stage, in file order.
enum ScanEvent: Sendable {
  /// A record's raw fields, with its 0-based index, where it starts and what the scan learnt about its fields.
  case record(index: Int, line: Int, offset: Int, fields: [Field], hints: RISFields.Hints)
  case diagnostic(Diagnostic)
}

/// What the scanning stage reports at the end of the file.
struct ScanResult: Sendable {
  var encoding: String
  /// Diagnostics about the whole file (skipped lines, encoding), reported after the records.
  var trailing: [Diagnostic]
}

/// Runs a reader in two stages: scanning (reading, decoding, splitting lines into fields) and mapping (building
/// records and handing them on). For large files the scan runs on a second thread, a few batches ahead.
enum RecordPipeline {
  /// Files at least this large are scanned on a second thread (when there is more than one processor).
  static let threadedThreshold = 8 << 20

  /// `scan` calls `emit` for each event and stops early when it returns false; `consume` runs on the caller's thread.
  static func run(
    _ input: InputSource,
    scan: @escaping @Sendable (_ emit: (ScanEvent) -> Bool) throws -> ScanResult,
    consume: (ScanEvent) throws -> Void
  ) throws -> ScanResult {
    guard shouldThread(input) else {
      var failure: Error?
      let result = try scan { event in
        do {
          try consume(event)
          return true
        } catch {
          failure = error
          return false
        }
      }
      if let failure { throw failure }
      return result
    }
    let queue = BatchQueue()
    let thread = Thread {
      var batch: [ScanEvent] = []
      batch.reserveCapacity(BatchQueue.batchSize)
      do {
        let result = try scan { event in
          batch.append(event)
          guard batch.count >= BatchQueue.batchSize else { return true }
          defer {
            batch = []
            batch.reserveCapacity(BatchQueue.batchSize)
          }
          return queue.put(batch)
        }
        if !batch.isEmpty { _ = queue.put(batch) }
        queue.finish(.success(result))
      } catch {
        queue.finish(.failure(error))
      }
    }
    thread.stackSize = 1 << 22
    thread.start()
    do {
      while let batch = queue.take() {
        for event in batch { try consume(event) }
      }
    } catch {
      queue.cancel()
      throw error
    }
    return try queue.outcome()
  }

  /// Whether the environment allows a second thread: `SIFT_THREADS=1` keeps reading on the caller's thread.
  static var threadsAllowed: Bool {
    guard let raw = ProcessInfo.processInfo.environment["SIFT_THREADS"], let threads = Int(raw) else { return true }
    return threads > 1
  }

  private static func shouldThread(_ input: InputSource) -> Bool {
    guard ProcessInfo.processInfo.activeProcessorCount > 1, threadsAllowed, case .file(let path) = input else {
      return false
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    return size >= threadedThreshold
  }
}

/// A bounded queue of event batches between the scanning thread and the caller.
private final class BatchQueue: @unchecked Sendable {
  static let batchSize = 256
  private static let capacity = 8

  private let condition = NSCondition()
  private var batches: [[ScanEvent]] = []
  private var head = 0
  private var done: Result<ScanResult, any Error>?
  private var cancelled = false

  /// Adds a batch, waiting while the queue is full; false when the consumer has stopped.
  func put(_ batch: [ScanEvent]) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while batches.count - head >= Self.capacity, !cancelled { condition.wait() }
    guard !cancelled else { return false }
    batches.append(batch)
    condition.broadcast()
    return true
  }

  /// The next batch, or nil when the scan has finished and every batch was taken.
  func take() -> [ScanEvent]? {
    condition.lock()
    defer { condition.unlock() }
    while head == batches.count, done == nil { condition.wait() }
    guard head < batches.count else { return nil }
    let batch = batches[head]
    batches[head] = []
    head += 1
    if head > 64 {
      batches.removeFirst(head)
      head = 0
    }
    condition.broadcast()
    return batch
  }

  func finish(_ outcome: Result<ScanResult, any Error>) {
    condition.lock()
    done = outcome
    condition.broadcast()
    condition.unlock()
  }

  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }

  func outcome() throws -> ScanResult {
    condition.lock()
    defer { condition.unlock() }
    guard let done else { throw IngestError(file: "", message: "internal error: scan did not finish") }
    return try done.get()
  }
}
