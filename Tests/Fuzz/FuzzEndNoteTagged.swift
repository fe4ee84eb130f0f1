import SiftIngest

/// libFuzzer entry point: one input = one EndNoteTagged file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEndNoteTagged(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzRead(EndNoteTaggedReader(), name: "fuzz.enw", data, size)
  return 0
}
