import Foundation
import SiftCore
import TestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Parses an SVG with Foundation's XML parser (libxml2) and reads back its boxes and text lines.
struct SVGInspector {
  struct Text {
    var x: Double
    var y: Double
    var content: String
    var anchor: String?
    var transform: String?
  }

  struct Group {
    var id: String
    var kind: String
    var fontSize: Int
    var bold: Bool
    var rect: (x: Double, y: Double, width: Double, height: Double)
    var texts: [Text]
    var title: String?
  }

  let document: XMLDocument
  let root: XMLElement

  init(_ svg: String) throws {
    document = try XMLDocument(data: Data(svg.utf8), options: [])
    guard let root = document.rootElement() else { throw InspectorError.noRoot }
    self.root = root
  }

  enum InspectorError: Error { case noRoot }

  /// The attribute's value. (`attribute(forName:)` misses un-prefixed attributes of namespaced elements on Linux.)
  func attribute(_ element: XMLElement, _ name: String) -> String? {
    element.attributes?.first { $0.name == name }?.stringValue
  }

  /// Every `<g>` with a `class` of `box`, `header` or `phase`.
  var groups: [Group] {
    elements(named: "g", under: root).compactMap { group in
      guard let kind = attribute(group, "class"), ["box", "header", "phase"].contains(kind),
        let rect = children(named: "rect", of: group).first
      else { return nil }
      func number(_ element: XMLElement, _ name: String) -> Double {
        Double(attribute(element, name) ?? "") ?? .nan
      }
      let texts = children(named: "text", of: group).map { text in
        Text(
          x: number(text, "x"), y: number(text, "y"), content: text.stringValue ?? "",
          anchor: attribute(text, "text-anchor"), transform: attribute(text, "transform"))
      }
      return Group(
        id: attribute(group, "id") ?? "", kind: kind, fontSize: Int(attribute(group, "font-size") ?? "") ?? 0,
        bold: attribute(group, "font-weight") == "bold",
        rect: (number(rect, "x"), number(rect, "y"), number(rect, "width"), number(rect, "height")),
        texts: texts, title: children(named: "title", of: group).first?.stringValue)
    }
  }

  func elements(named name: String, under element: XMLElement) -> [XMLElement] {
    var found: [XMLElement] = []
    for child in element.children ?? [] {
      guard let child = child as? XMLElement else { continue }
      if Self.name(of: child) == name { found.append(child) }
      found += elements(named: name, under: child)
    }
    return found
  }

  /// The element's name without a namespace prefix.
  static func name(of element: XMLElement) -> String {
    let name = element.localName ?? element.name ?? ""
    return String(name.split(separator: ":").last ?? "")
  }

  func children(named name: String, of element: XMLElement) -> [XMLElement] {
    (element.children ?? []).compactMap { $0 as? XMLElement }.filter { Self.name(of: $0) == name }
  }
}

/// The golden flows and diagrams under Tests/Golden/prisma.
enum GoldenPrisma {
  static let directory = Fixtures.packageRoot.appendingPathComponent("Tests/Golden/prisma")
  static let names = ["empty", "title-abstract", "other-methods", "updated-review", "updated-other-methods"]

  static func flow(_ name: String) throws -> FlowInput {
    let data = try Data(contentsOf: directory.appendingPathComponent("\(name).flow.json"))
    return try JSONDecoder().decode(FlowInput.self, from: data)
  }

  static var recording: Bool { ProcessInfo.processInfo.environment["SIFT_RECORD_GOLDEN"] == "1" }

  /// The checked-in `name`, or nil when missing. With `SIFT_RECORD_GOLDEN=1`, writes `actual` first.
  static func expected(_ fileName: String, actual: String) throws -> String? {
    let url = directory.appendingPathComponent(fileName)
    if recording { try Data(actual.utf8).write(to: url) }
    guard let data = try? Data(contentsOf: url) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }
}
