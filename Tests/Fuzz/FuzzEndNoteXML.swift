import SiftIngest

/// libFuzzer entry point: one input = one EndNoteXML file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEndNoteXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzRead(EndNoteXMLReader(), name: "fuzz.xml", data, size)
  return 0
}
