import SiftIngest

/// libFuzzer entry point: one input = one CSV file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzRead(GenericCSVReader(), name: "fuzz.csv", data, size)
  return 0
}
