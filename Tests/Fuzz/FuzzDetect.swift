import SiftIngest

/// File names detection sees; the first input byte picks one, so the extension can disagree with the content.
private let names = [
  "fuzz.ris", "fuzz.txt", "fuzz.nbib", "fuzz.enw", "fuzz.xml", "fuzz.csv", "fuzz.bib", "fuzz.ciw", "fuzz",
]

/// libFuzzer entry point: one input = one file of unknown format, read through `Ingest.detect` and `Ingest.read`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDetect(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let name = size > 0 ? names[Int(data[0]) % names.count] : "fuzz"
  fuzzIngest(name: name, data, size)
  return 0
}
