import SiftIngest

/// libFuzzer entry point: one input = one WoS file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWoS(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzRead(WoSReader(), name: "fuzz.txt", data, size)
  return 0
}
