import SiftCore
import Testing

@Suite struct IdentifierTests {
  @Test(arguments: [
    ("10.2196/JMIR.1848", "10.2196/jmir.1848"),
    ("https://doi.org/10.1002/cpp.2014", "10.1002/cpp.2014"),
    ("http://dx.doi.org/10.1186/1471-244X-7-13", "10.1186/1471-244x-7-13"),
    ("doi:10.1016/j.invent.2014.04.002.", "10.1016/j.invent.2014.04.002"),
    ("10.1055/s-0033-1343320 [doi]", "10.1055/s-0033-1343320"),
  ])
  func normalisesDOI(raw: String, expected: String) {
    #expect(Identifier.normalizeDOI(raw) == expected)
  }

  @Test(arguments: ["", "n/a", "not a doi", "10."])
  func rejectsNonDOI(raw: String) {
    #expect(Identifier.normalizeDOI(raw) == nil)
  }
}
