import SiftIngest

/// libFuzzer entry point: one input = one Ovid file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOvid(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzRead(OvidReader(), name: "fuzz.txt", data, size)
  return 0
}
