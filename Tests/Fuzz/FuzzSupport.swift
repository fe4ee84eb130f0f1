import SiftCore
import SiftIngest

/// Feeds fuzzer bytes to a reader as an in-memory file, then renders whatever it read in every output format.
/// Errors (``IngestError``) are expected for most inputs; crashes, hangs and memory errors are what the fuzzer finds.
func fuzzRead(_ reader: some RecordReader, name: String, _ data: UnsafePointer<UInt8>, _ size: Int) {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var records: [Record] = []
  var sink = RecordSink { records.append($0) }
  do {
    try reader.read(.memory(name: name, bytes: bytes), into: &sink)
  } catch {
    return
  }
  for format in OutputFormat.allCases {
    _ = RecordText.render(records, as: format)
  }
}

/// Feeds fuzzer bytes through format detection and ``Ingest/read(_:format:database:onRecord:)``, as `sift ingest` does.
func fuzzIngest(name: String, _ data: UnsafePointer<UInt8>, _ size: Int) {
  let input = InputSource.memory(name: name, bytes: Array(UnsafeBufferPointer(start: data, count: size)))
  _ = try? Ingest.detect(input)
  var records: [Record] = []
  guard (try? Ingest.read(input, onRecord: { records.append($0) })) != nil else { return }
  for format in OutputFormat.allCases {
    _ = RecordText.render(records, as: format)
  }
}
