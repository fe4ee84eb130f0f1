import SiftCore

/// Every reader Sift has, in the order detection tries them (the first of equal scores wins).
public enum ReaderRegistry {
  public static let all: [any RecordReader] = [
    RISReader(), WoSReader(), MedlineReader(), OvidReader(), EndNoteTaggedReader(),
    EndNoteXMLReader(), PubMedXMLReader(), BibTeXReader(),  // from ingest-struct (merged)
    // The lead adds at merge: ScopusCSVReader(), GenericCSVReader() (branch dedup)
  ]

  /// The reader for a format.
  public static func reader(for format: Format) -> (any RecordReader)? {
    all.first { $0.format == format }
  }
}
