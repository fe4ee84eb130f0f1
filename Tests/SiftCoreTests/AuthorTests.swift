import SiftCore
import Testing

@Suite struct AuthorTests {
  @Test(arguments: [
    ("Andersson, Gerhard", "Andersson", "Gerhard"),
    ("Bergman Nordgren L", "Bergman Nordgren", "L"),
    ("Charlotte M. van Lotringen", "van Lotringen", "Charlotte M."),
    ("Valle-Delgado,J. J. ", "Valle-Delgado", "J. J."),
    ("Peter M. ten Klooster", "ten Klooster", "Peter M."),
  ])
  func splitsNames(raw: String, family: String, given: String) {
    let author = Author.parse(raw)
    #expect(author.family == family)
    #expect(author.given == given)
    #expect(author.asWritten == raw.trimmingSpaces)
  }

  @Test func singleWordIsFamily() {
    #expect(Author.parse("Anonymous") == Author(asWritten: "Anonymous", family: "Anonymous", given: nil))
  }
}
