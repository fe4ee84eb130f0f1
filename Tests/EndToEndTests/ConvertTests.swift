import Foundation
import TestSupport
import Testing

@Suite struct ConvertTests {
  static func export(_ path: String) -> String { Fixtures.export(path).path }

  @Test func risToCSVOnStandardOutput() throws {
    let result = try SiftBinary.run(["convert", Self.export("ris/asreview-scopus.ris"), "--to", "csv"])
    #expect(result.status == 0)
    let lines = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(lines.first?.hasPrefix("id,type,title,authors,year,journal,") == true)
    #expect(lines.count == 7)
    #expect(result.stderr.contains("asreview-scopus.ris: RIS, 6 records"))
  }

  @Test func risToRISIsStableAndRereadable() throws {
    let dir = try Fixtures.temporaryDirectory("sift-convert")
    let first = dir.appendingPathComponent("a.ris").path
    let second = dir.appendingPathComponent("b.ris").path
    let input = Self.export("ris/asreview-ovid_psycinfo.ris")
    #expect(try SiftBinary.run(["convert", input, "--out", first]).status == 0)
    #expect(try SiftBinary.run(["convert", first, "--out", second]).status == 0)
    let a = try String(contentsOfFile: first, encoding: .utf8)
    let b = try String(contentsOfFile: second, encoding: .utf8)
    #expect(a == b)
    #expect(a.components(separatedBy: "\nER  - ").count - 1 == 6)
  }

  @Test func severalFilesToJSONLinesByExtension() throws {
    let dir = try Fixtures.temporaryDirectory("sift-convert")
    let out = dir.appendingPathComponent("all.jsonl").path
    let result = try SiftBinary.run([
      "convert", Self.export("ris/rispy-example_full.ris"), Self.export("medline/jabref-NbibImporterTest.nbib"),
      "--out", out,
    ])
    #expect(result.status == 0)
    let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines.allSatisfy { $0.hasPrefix("{\"") && $0.hasSuffix("}") })
    #expect(result.stderr.contains("3 records written as jsonl"))
  }

  @Test func structuredFormatsConvertToBibTeX() throws {
    let result = try SiftBinary.run([
      "convert", Self.export("endnote-xml/jabref-EndnoteXmlImporterTestArticle.xml"),
      Self.export("pubmed-xml/jabref-MedlineImporterTestNbib.xml"), Self.export("bibtex/colrev-ebsco_bib.bib"),
      "--to", "bibtex",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.components(separatedBy: "\n@").count == 5)
    #expect(result.stdout.contains("doi = {10.1038/bjc.2014.606}"))
    #expect(result.stderr.contains("EndNote XML, 1 records"))
    #expect(result.stderr.contains("PubMed XML, 2 records"))
    #expect(result.stderr.contains("BibTeX, 2 records"))
  }

  @Test func missingFileFailsWithOneLine() throws {
    let result = try SiftBinary.run(["convert", "no-such-file.ris", "--to", "csv"])
    #expect(result.status != 0)
    #expect(result.stderr == "sift convert: error: no-such-file.ris: no such file\n")
    #expect(result.stdout.isEmpty)
  }

  @Test func unknownFormatFailsAndLeavesNoOutput() throws {
    let dir = try Fixtures.temporaryDirectory("sift-convert")
    let out = dir.appendingPathComponent("x.csv").path
    let result = try SiftBinary.run(["convert", Self.export("edge/jabref-IsiImporterTestEmpty.isi"), "--out", out])
    #expect(result.status != 0)
    #expect(result.stderr.hasPrefix("sift convert: error: "))
    #expect(result.stderr.contains("jabref-IsiImporterTestEmpty.isi"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func unknownOutputFormatFails() throws {
    let result = try SiftBinary.run(["convert", Self.export("ris/rispy-example_basic.ris"), "--to", "docx"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("unknown output format `docx`"))
  }
}
