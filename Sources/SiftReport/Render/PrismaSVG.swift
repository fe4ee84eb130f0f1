/// Draws ``PrismaCounts`` as a self-contained SVG in the PRISMA 2020 layout: phase bars at the left, boxes
/// and arrows, exclusion boxes to the right, the other-methods column at the far right when present.
///
/// The output is valid XML with no external fonts, scripts or images; the same counts give the same bytes.
public enum PrismaSVG {
  /// The font stack used for all text.
  public static let fontFamily = "Helvetica, Arial, sans-serif"

  /// The SVG document. With `explain`, each box carries a `<title>` listing the record ids behind it.
  public static func render(_ counts: PrismaCounts, explain: Bool = false) -> String {
    let layout = PrismaLayout(counts: counts)
    let width = PrismaLayout.canvasWidth
    let height = layout.height
    var out: [String] = []
    out.append(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        + "viewBox=\"0 0 \(width) \(height)\" font-family=\"\(fontFamily)\" role=\"img\" "
        + "aria-labelledby=\"prisma-title\" aria-describedby=\"prisma-desc\">")
    out.append("<title id=\"prisma-title\">PRISMA 2020 flow diagram</title>")
    out.append("<desc id=\"prisma-desc\">\(XMLText.escape(summary(counts)))</desc>")
    out.append("<defs>")
    out.append(
      "<marker id=\"prisma-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
        + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 Z\" fill=\"#222222\"/></marker>")
    out.append("</defs>")
    out.append("<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>")

    for band in layout.bands {
      out.append(bandMarkup(band, fontSize: layout.bandFontSize))
    }
    for box in layout.boxes {
      out.append(boxMarkup(box, fontSize: layout.fontSize, explain: explain))
    }
    out.append("<g class=\"arrows\" fill=\"none\" stroke=\"#222222\" stroke-width=\"1.2\">")
    for arrow in layout.arrows {
      let points = arrow.points.enumerated().map { index, point in
        "\(index == 0 ? "M" : "L")\(point.x),\(point.y)"
      }
      out.append("<path d=\"\(points.joined(separator: " "))\" marker-end=\"url(#prisma-arrow)\"/>")
    }
    out.append("</g>")
    out.append("<g class=\"footnotes\" font-size=\"\(PrismaLayout.footnoteSize)\" fill=\"#444444\">")
    for line in layout.footnotes {
      out.append("<text x=\"\(line.x)\" y=\"\(line.baseline)\">\(XMLText.escape(line.text))</text>")
    }
    out.append("</g>")
    out.append("</svg>")
    return out.joined(separator: "\n") + "\n"
  }

  /// Every box and line as text, for screen readers: `Records screened: 242 (3 awaiting decision); …`.
  static func summary(_ counts: PrismaCounts) -> String {
    counts.allBoxes.map { box in
      var text = "\(box.label): \(box.n)"
      if let awaiting = box.awaiting { text += " (\(awaiting.n) awaiting decision)" }
      func lines(_ items: [PrismaItem]) -> String {
        items.map { item in
          "\(item.label) \(item.n)" + (item.items.isEmpty ? "" : " (\(lines(item.items)))")
        }.joined(separator: ", ")
      }
      if !box.items.isEmpty { text += " [\(lines(box.items))]" }
      return text
    }.joined(separator: "; ") + "."
  }

  private static func elementID(_ id: String) -> String {
    "prisma-" + id.replacingOccurrences(of: ".", with: "-")
  }

  private static func boxMarkup(_ box: PrismaLayout.Box, fontSize: Int, explain: Bool) -> String {
    var out = ["<g class=\"box\" id=\"\(elementID(box.id))\" font-size=\"\(fontSize)\">"]
    if explain {
      let records = box.records.isEmpty ? "no records" : box.records.joined(separator: ", ")
      out.append("<title>\(XMLText.escape("\(box.id) (n = \(box.n)): \(records)"))</title>")
    }
    let frame = box.frame
    out.append(
      "<rect x=\"\(frame.x)\" y=\"\(frame.y)\" width=\"\(frame.width)\" height=\"\(frame.height)\" rx=\"3\" "
        + "fill=\"#ffffff\" stroke=\"#222222\" stroke-width=\"1\"/>")
    for line in box.lines {
      let style = line.italic ? " font-style=\"italic\"" : ""
      out.append("<text x=\"\(line.x)\" y=\"\(line.baseline)\"\(style)>\(XMLText.escape(line.text))</text>")
    }
    out.append("</g>")
    return out.joined(separator: "\n")
  }

  private static func bandMarkup(_ band: PrismaLayout.Band, fontSize: Int) -> String {
    let frame = band.frame
    let (fill, stroke, kind) =
      band.vertical ? ("#c9dcf0", "#5b7fa6", "phase") : ("#fbe3a0", "#a8862c", "header")
    var out = [
      "<g class=\"\(kind)\" id=\"prisma-\(band.id)\" font-size=\"\(fontSize)\" font-weight=\"bold\">",
      "<rect x=\"\(frame.x)\" y=\"\(frame.y)\" width=\"\(frame.width)\" height=\"\(frame.height)\" rx=\"4\" "
        + "fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"1\"/>",
    ]
    if band.vertical {
      let baseline = fontSize * 35 / 100
      out.append(
        "<text transform=\"translate(\(frame.midX + baseline),\(frame.midY)) rotate(-90)\" "
          + "text-anchor=\"middle\">\(XMLText.escape(band.text.joined(separator: " ")))</text>")
    } else {
      let lineHeight = fontSize + 4
      let top = frame.midY - band.text.count * lineHeight / 2
      for (index, text) in band.text.enumerated() {
        out.append(
          "<text x=\"\(frame.midX)\" y=\"\(top + index * lineHeight + fontSize)\" text-anchor=\"middle\">"
            + "\(XMLText.escape(text))</text>")
      }
    }
    out.append("</g>")
    return out.joined(separator: "\n")
  }
}
