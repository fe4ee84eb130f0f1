import SiftIngest

/// libFuzzer entry point: one input = one BibTeX file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBibTeX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzRead(BibTeXReader(), name: "fuzz.bib", data, size)
  return 0
}
