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
