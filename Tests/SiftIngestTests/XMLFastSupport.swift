import Foundation
import SiftCore

@testable import SiftIngest

/// Reads XML with a chosen parser path (``XMLParsePath``) and compares what comes out.
enum XMLFastDiff {
  /// Everything a read gives: records, diagnostics, counts, or the error that stopped the file.
  struct Outcome: Equatable, CustomStringConvertible {
    var records: [Record] = []
    var diagnostics: [String] = []
    var recordCount = 0
    var rejectedCount = 0
    var error: String?

    var description: String {
      "\(records.count) records (\(recordCount) emitted, \(rejectedCount) rejected), error: \(error ?? "none"), "
        + "diagnostics: \(diagnostics.joined(separator: " | "))"
    }
  }

  enum Kind: Sendable { case endnote, pubmed }

  /// Reads `input` as `kind` with `path`, the fast scanner reading `chunk` bytes at a time.
  static func read(_ kind: Kind, _ input: InputSource, path: XMLParsePath, chunk: Int = XMLStream.chunkSize)
    -> Outcome
  {
    var out = Outcome()
    var records: [Record] = []
    var sink = RecordSink { records.append($0) }
    let options = XMLReadOptions(path: path, chunkSize: chunk)
    do {
      switch kind {
      case .endnote:
        var reader = EndNoteXMLReader()
        reader.xmlOptions = options
        try reader.read(input, into: &sink)
      case .pubmed:
        var reader = PubMedXMLReader()
        reader.xmlOptions = options
        try reader.read(input, into: &sink)
      }
    } catch {
      out.error = String(describing: error)
    }
    out.records = records
    out.diagnostics = sink.diagnostics.map(\.description)
    out.recordCount = sink.recordCount
    out.rejectedCount = sink.rejectedCount
    return out
  }

  /// The first record that differs between two outcomes, for a readable failure message.
  static func firstDifference(_ a: Outcome, _ b: Outcome) -> String {
    for (i, (x, y)) in zip(a.records, b.records).enumerated() where x != y {
      let fields = zip(x.fields, y.fields).first { $0.0 != $0.1 }
      return "record \(i): \(fields.map { "\($0.0) vs \($0.1)" } ?? "\(x) vs \(y)")"
    }
    return "\(a) vs \(b)"
  }

  static func memory(_ name: String, _ text: String) -> InputSource {
    .memory(name: name, bytes: Array(text.utf8))
  }
}

/// EndNote XML and PubMed XML documents made from a seed: the markup the fast scanner reads (attributes in either
/// quote, entities, character references, CDATA, comments, processing instructions, CR LF, multi-line tags,
/// non-ASCII text), never anything it hands to libxml2.
struct XMLDocumentGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

  private mutating func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    var x = state
    x = (x ^ (x >> 33)) &* 0xFF51_AFD7_ED55_8CCD
    return x ^ (x >> 33)
  }

  private mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
  private mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

  private static let words = [
    "depression", "Müller", "café", "naïve", "trial", "CBT", "α-synuclein", "über", "Øresund", "東京", "ﬁ", "😀",
    "a&amp;b", "x &lt; y", "&gt;", "&quot;q&quot;", "&apos;", "&#233;", "&#x1F600;", "&#38;", "&#10;", "&#13;",
    "&#9;", "line\nbreak", "crlf\r\nend", "tab\there", "  spaced  ", "10.1000/ABC.123", "]]", "] ]>", "Smith, J",
  ]

  /// A piece of text (may hold references and line ends).
  private mutating func text() -> String {
    var parts: [String] = []
    for _ in 0..<(1 + int(5)) { parts.append(pick(Self.words)) }
    var s = parts.joined(separator: pick([" ", "  ", "\n", " \r\n "]))
    switch int(8) {
    case 0:
      // CR in CDATA goes to libxml2 (see XMLFastAnomalyTests).
      let plain = s.replacingOccurrences(of: "&", with: "&&").replacingOccurrences(of: "\r\n", with: "\n")
      s = "<![CDATA[" + plain + " <b>&x;</b>]]>"
    case 1: s += "<!-- note - with dash \n -->"
    case 2: s = "<?pi data ?>" + s
    default: break
    }
    return s
  }

  private mutating func attributeValue() -> String {
    let values = ["normal", "100%", "a &amp; b", "x&#10;y", "tab\tand\nline", "caf\u{E9}", "&lt;&gt;", "q&quot;"]
    return pick(values)
  }

  private mutating func attributes() -> String {
    var out = ""
    for name in ["face", "font", "size"].prefix(int(4)) {
      let quote = int(2) == 0 ? "\"" : "'"
      var value = attributeValue()
      if quote == "'" { value = value.replacingOccurrences(of: "'", with: "&apos;") }
      out += pick([" ", "\n  ", "\t"]) + name + pick(["=", " = "]) + quote + value + quote
    }
    return out + pick(["", " ", "\n"])
  }

  /// A value element: text, maybe wrapped in EndNote's `<style>`.
  private mutating func value(_ name: String) -> String {
    if int(3) == 0 { return "<\(name)\(attributes())/>" }
    let inner = int(2) == 0 ? "<style\(attributes())>\(text())</style>" : text()
    return "<\(name)\(int(4) == 0 ? attributes() : "")>\(inner)</\(name)>"
  }

  /// An EndNote XML export of `count` records.
  mutating func endNote(records count: Int) -> String {
    var out = int(2) == 0 ? "\u{FEFF}" : ""
    out += pick([
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "<?xml version='1.0' encoding='utf-8' standalone='yes'?>\r\n",
      "", "<?xml version=\"1.0\"?>",
    ])
    out += "<xml>\n<!-- exported -->\n<records>"
    for i in 0..<count {
      var record = "<record>\(int(2) == 0 ? "\n" : "")"
      record += "<rec-number>\(i + 1)</rec-number>"
      record += "<ref-type name=\"\(pick(["Journal Article", "Book", "Report &amp; X"]))\">17</ref-type>"
      record += "<contributors><authors>"
      for _ in 0..<int(4) { record += value("author") }
      record += "</authors></contributors>"
      record += "<titles>\(value("title"))\(value("secondary-title"))</titles>"
      record += "<dates><year>\(1990 + int(30))</year></dates>"
      for name in ["pages", "volume", "electronic-resource-num", "abstract", "isbn"] where int(3) > 0 {
        record += value(name)
      }
      record += "<keywords>\(value("keyword"))\(value("keyword"))</keywords>"
      record += "<urls><related-urls>\(value("url"))</related-urls></urls>"
      if int(5) == 0 { record += "<custom1 a='1'\n b=\"2\"></custom1>" }
      record += "</record>\(pick(["", "\n", "\r\n", "  "]))"
      out += record
    }
    out += "</records></xml>" + pick(["", "\n", "\n<!-- end -->\n", "<?done?>"])
    return out
  }

  /// A PubMed XML set of `count` articles.
  mutating func pubMed(records count: Int) -> String {
    var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<PubmedArticleSet>\n"
    for i in 0..<count {
      out += """
        <PubmedArticle>
          <MedlineCitation Status="MEDLINE" Owner='NLM'>
            <PMID Version="1">\(1000 + i)</PMID>
            <Article PubModel="Print">
              <Journal><Title>\(text())</Title></Journal>
              <ArticleTitle>\(text()) <i>in vivo</i> <sup>2</sup></ArticleTitle>
              <Abstract><AbstractText Label="BACKGROUND">\(text())</AbstractText></Abstract>
              <AuthorList><Author ValidYN="Y"><LastName>\(pick(Self.words))</LastName><ForeName>A</ForeName></Author></AuthorList>
            </Article>
          </MedlineCitation>
          <PubmedData><ArticleIdList><ArticleId IdType="doi">10.1000/x\(i)</ArticleId></ArticleIdList></PubmedData>
        </PubmedArticle>\n
        """
    }
    return out + "</PubmedArticleSet>\n"
  }
}
