import SiftIngest

/// libFuzzer entry point: one input = one ScopusCSV file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScopusCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzRead(ScopusCSVReader(), name: "fuzz.csv", data, size)
  return 0
}
