import Foundation
import SiftCore
import SiftReport

/// The use case behind `sift report`: writes `prisma.svg`, `prisma.json` and `index.html` into the output folder.
public enum ReportRun {
  /// What `sift report` wrote.
  public struct Summary: Sendable, Equatable {
    public var index: String
    /// Files of the folder the page embeds or links, by name.
    public var files: [String]
  }

  /// Files larger than this are linked, never embedded.
  public static let embedLimit = 2_000_000

  /// Derives the PRISMA counts (from `flowFile` or the project), writes the diagram and the page.
  public static func write(
    outDirectory: String, flowFile: String?, projectPath: String, title: String
  ) throws -> Summary {
    let counts = try PrismaCounts(flow: PrismaRun.loadFlow(flowFile: flowFile, projectPath: projectPath))
    let folder = URL(fileURLWithPath: outDirectory, isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let svg = PrismaSVG.render(counts)
    try Data(svg.utf8).write(to: folder.appendingPathComponent("prisma.svg"), options: .atomic)
    try Data(PrismaExport.json(counts).utf8).write(to: folder.appendingPathComponent("prisma.json"), options: .atomic)

    let own: Set<String> = ["index.html", "prisma.svg", "prisma.json"]
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      !$0.hasPrefix(".") && !own.contains($0)
    }.sorted()
    var files: [ReportPage.File] = []
    for name in names {
      let url = folder.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
        continue
      }
      files.append(ReportPage.File(name: name, contents: textContents(url)))
    }
    let page = ReportPage(
      title: title, prismaSVG: svg, prismaFiles: ["prisma.svg", "prisma.json"], files: files)
    let index = folder.appendingPathComponent("index.html")
    try Data(page.html.utf8).write(to: index, options: .atomic)
    return Summary(index: index.path, files: names)
  }

  /// The file's text when it is a text format the page can embed and small enough; else nil.
  private static func textContents(_ url: URL) -> String? {
    let embeddable: Set<String> = ["md", "markdown", "csv", "tsv", "txt"]
    guard embeddable.contains(url.pathExtension.lowercased()),
      let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int, size <= embedLimit,
      let data = try? Data(contentsOf: url)
    else { return nil }
    return String(decoding: data, as: UTF8.self)
  }
}
