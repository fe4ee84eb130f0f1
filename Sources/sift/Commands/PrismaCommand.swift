import ArgumentParser
import Foundation
import SiftKit

struct PrismaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prisma",
    abstract: "PRISMA 2020 flow counts and diagram, derived from the data.",
    discussion: """
      Counts every box of the PRISMA 2020 flow diagram from what happened to each record, checks the \
      identities between boxes, and writes the diagram (SVG) or the counts (JSON, CSV, Markdown). \
      PNG and PDF need `rsvg-convert`. See docs/prisma.md.
      """
  )

  @Option(help: "svg, json, csv, md, png or pdf (default: from --out's extension, else svg).")
  var format: String?

  @Option(help: "Write to this file instead of standard output.")
  var out: String?

  @Flag(help: "List the record ids behind every box (JSON, CSV, Markdown; SVG tooltips).")
  var explain = false

  @Option(help: "Read the flow from this JSON-encoded FlowInput instead of the project.")
  var flow: String?

  @OptionGroup var project: ProjectOptions

  func run() throws {
    let chosen = try outputFormat()
    if chosen.isRaster && out == nil {
      throw ValidationError("--format \(chosen.rawValue) is binary; give --out FILE.\(chosen.rawValue).")
    }
    let data = try PrismaRun.run(
      flowFile: flow, projectPath: flow == nil ? try project.locate() : ".", format: chosen, explain: explain)
    if let out {
      try data.write(to: URL(fileURLWithPath: out), options: .atomic)
    } else {
      FileHandle.standardOutput.write(data)
    }
  }

  private func outputFormat() throws -> PrismaOutputFormat {
    if let format {
      guard let chosen = PrismaOutputFormat(rawValue: format.lowercased()) else {
        let names = PrismaOutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("Unknown --format \(format); use one of \(names).")
      }
      return chosen
    }
    if let out, let chosen = PrismaOutputFormat(fileName: out) { return chosen }
    return .svg
  }
}
