import SiftIngest

/// libFuzzer entry point: one input = one Medline file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMedline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzRead(MedlineReader(), name: "fuzz.nbib", data, size)
  return 0
}
