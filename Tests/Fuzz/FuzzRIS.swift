import SiftIngest

/// libFuzzer entry point: one input = one RIS file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRIS(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzRead(RISReader(), name: "fuzz.ris", data, size)
  return 0
}
