import SiftIngest

/// libFuzzer entry point: one input = one PubMedXML file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPubMedXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzRead(PubMedXMLReader(), name: "fuzz.xml", data, size)
  return 0
}
