import Foundation
import SiftCore
import Testing

@testable import SiftReport

@Suite struct PrismaSVGTests {
  @Test(arguments: GoldenPrisma.names)
  func parsesAsSVGWithAnA4WidthViewBox(_ name: String) throws {
    let svg = PrismaSVG.render(try PrismaCounts(flow: GoldenPrisma.flow(name)))
    let inspector = try SVGInspector(svg)
    #expect(SVGInspector.name(of: inspector.root) == "svg")
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" "))
    let height = try #require(inspector.attribute(inspector.root, "height"))
    #expect(inspector.attribute(inspector.root, "width") == "794")
    #expect(inspector.attribute(inspector.root, "viewBox") == "0 0 794 \(height)")
    #expect(inspector.attribute(inspector.root, "font-family") == "Helvetica, Arial, sans-serif")
  }

  @Test(arguments: GoldenPrisma.names)
  func noTextLineLeavesItsBox(_ name: String) throws {
    let svg = PrismaSVG.render(try PrismaCounts(flow: GoldenPrisma.flow(name)))
    let groups = try SVGInspector(svg).groups
    #expect(groups.filter { $0.kind == "box" }.count >= 9)
    for group in groups {
      let rect = group.rect
      #expect(group.fontSize > 0, "\(group.id) has no font size")
      for text in group.texts {
        let width = TextMetric.width(of: text.content, fontSize: group.fontSize, bold: group.bold)
        if group.kind == "phase" {
          #expect(width <= rect.height - 4, "\(group.id): `\(text.content)` is taller than its bar")
          #expect(text.transform?.contains("rotate(-90)") == true)
          continue
        }
        let left = text.anchor == "middle" ? text.x - width / 2 : text.x
        let right = left + width
        #expect(left >= rect.x + 2, "\(group.id): `\(text.content)` starts left of its box")
        #expect(
          right <= rect.x + rect.width - 2, "\(group.id): `\(text.content)` overflows by \(right - rect.x - rect.width)"
        )
        #expect(text.y - Double(group.fontSize) >= rect.y, "\(group.id): `\(text.content)` sticks out at the top")
        #expect(text.y + 2 <= rect.y + rect.height, "\(group.id): `\(text.content)` sticks out at the bottom")
      }
    }
  }

  @Test(arguments: GoldenPrisma.names)
  func boxesDoNotOverlap(_ name: String) throws {
    let svg = PrismaSVG.render(try PrismaCounts(flow: GoldenPrisma.flow(name)))
    let rects = try SVGInspector(svg).groups.map { ($0.id, $0.rect) }
    for (index, (id, a)) in rects.enumerated() {
      for (otherID, b) in rects[(index + 1)...] {
        let apart =
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y
        #expect(apart, "\(id) overlaps \(otherID)")
      }
    }
  }

  @Test(arguments: GoldenPrisma.names)
  func matchesTheGoldenFile(_ name: String) throws {
    let svg = PrismaSVG.render(try PrismaCounts(flow: GoldenPrisma.flow(name)))
    let expected = try #require(
      try GoldenPrisma.expected("\(name).svg", actual: svg),
      "Tests/Golden/prisma/\(name).svg is missing; run with SIFT_RECORD_GOLDEN=1 to record it")
    #expect(
      svg == expected,
      "differs from Tests/Golden/prisma/\(name).svg; look at it, then re-record with SIFT_RECORD_GOLDEN=1")
  }

  @Test(arguments: GoldenPrisma.names)
  func rerunsAreByteIdentical(_ name: String) throws {
    let flow = try GoldenPrisma.flow(name)
    let first = PrismaSVG.render(try PrismaCounts(flow: flow), explain: true)
    let second = PrismaSVG.render(try PrismaCounts(flow: flow), explain: true)
    #expect(Data(first.utf8) == Data(second.utf8))
  }

  @Test(arguments: GoldenPrisma.names)
  func isSelfContained(_ name: String) throws {
    let svg = PrismaSVG.render(try PrismaCounts(flow: GoldenPrisma.flow(name)), explain: true)
    for forbidden in ["<script", "<image", "<foreignObject", "@import", "@font-face", "href", "<style"] {
      #expect(!svg.contains(forbidden), "contains \(forbidden)")
    }
    let urls = svg.components(separatedBy: "url(").dropFirst().map { $0.prefix(while: { $0 != ")" }) }
    #expect(urls.allSatisfy { $0 == "#prisma-arrow" })
    #expect(svg.components(separatedBy: "http").count == 2, "only the SVG namespace may name a URL")
  }

  @Test func textIsEscapedAndReadsBackUnchanged() throws {
    var fixture = FlowFixture()
    fixture.sources = [FlowSource(name: "Web of Science <Core> & \"ESCI\" 'all'", column: .databases)]
    fixture.criteria[0].label = "Children < 12 & adolescents > 18"
    fixture.add(1, .excluded(stage: .fullText, criteria: ["E1"]), source: fixture.sources[0].name)
    let svg = PrismaSVG.render(try PrismaCounts(flow: fixture.flow))
    #expect(svg.contains("&lt;Core&gt; &amp; &quot;ESCI&quot; &#39;all&#39;"))
    let texts = try SVGInspector(svg).groups.flatMap { $0.texts.map(\.content) }.joined(separator: " ")
    #expect(texts.contains("Web of Science <Core> & \"ESCI\" 'all'"))
    #expect(texts.contains("Children < 12 & adolescents > 18"))
  }

  @Test func explainPutsTheRecordIdsInEachBoxTitle() throws {
    let counts = try PrismaCounts(flow: FlowFixture.typical.flow)
    let groups = try SVGInspector(PrismaSVG.render(counts, explain: true)).groups
    let notRetrieved = try #require(groups.first { $0.id == "prisma-not-retrieved" })
    #expect(notRetrieved.title == "not-retrieved (n = 2): r19, r20")
    let plain = try SVGInspector(PrismaSVG.render(counts)).groups
    #expect(plain.allSatisfy { $0.title == nil })
  }

  @Test func theDiagramShowsTheCountsAndTheInProgressLine() throws {
    var fixture = FlowFixture.typical
    fixture.add(3, .awaiting(stage: .titleAbstract))
    let svg = PrismaSVG.render(try PrismaCounts(flow: fixture.flow))
    let groups = try SVGInspector(svg).groups
    func text(_ id: String) -> String {
      groups.first { $0.id == id }?.texts.map(\.content).joined(separator: " ") ?? ""
    }
    #expect(
      text("prisma-screened-title-abstract") == "Records screened (n\u{A0}=\u{A0}25) In progress: 3 awaiting decision")
    #expect(text("prisma-reports-excluded").hasPrefix("Reports excluded (n\u{A0}=\u{A0}4):"))
    #expect(
      text("prisma-included")
        == "Studies included in review (n\u{A0}=\u{A0}4) Reports of included studies (n\u{A0}=\u{A0}6)")
    #expect(groups.contains { $0.id == "prisma-phase-identification" })
    #expect(!groups.contains { $0.id == "prisma-other-identified" })
    #expect(!groups.contains { $0.id == "prisma-header-other" })
  }

  @Test func columnsAppearOnlyWhenTheirDataExists() throws {
    let plain = try SVGInspector(PrismaSVG.render(try PrismaCounts(flow: GoldenPrisma.flow("title-abstract"))))
    let full = try SVGInspector(PrismaSVG.render(try PrismaCounts(flow: GoldenPrisma.flow("updated-other-methods"))))
    let plainIDs = Set(plain.groups.map(\.id))
    let fullIDs = Set(full.groups.map(\.id))
    for id in [
      "prisma-other-identified", "prisma-other-assessed", "prisma-previous", "prisma-total", "prisma-header-previous",
    ] {
      #expect(!plainIDs.contains(id))
      #expect(fullIDs.contains(id))
    }
    // Other methods sit right of the databases column.
    let main = try #require(full.groups.first { $0.id == "prisma-sought" })
    let other = try #require(full.groups.first { $0.id == "prisma-other-sought" })
    #expect(other.rect.x > main.rect.x + main.rect.width)
    #expect(other.rect.y == main.rect.y)
  }
}
