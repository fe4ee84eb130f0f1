/// The export formats Sift reads.
public enum Format: String, Sendable, Hashable, Codable, CaseIterable {
  case ris
  case wosTagged = "wos"
  case medline
  case ovid
  case endnoteTagged = "enw"
  case endnoteXML = "endnote-xml"
  case pubmedXML = "pubmed-xml"
  case scopusCSV = "scopus-csv"
  case csv
  case bibtex

  /// A name for people, e.g. in `sift import` output.
  public var displayName: String {
    switch self {
    case .ris: "RIS"
    case .wosTagged: "Web of Science tagged"
    case .medline: "MEDLINE/nbib"
    case .ovid: "Ovid field-label"
    case .endnoteTagged: "EndNote tagged"
    case .endnoteXML: "EndNote XML"
    case .pubmedXML: "PubMed XML"
    case .scopusCSV: "Scopus CSV"
    case .csv: "CSV/TSV"
    case .bibtex: "BibTeX"
    }
  }
}
