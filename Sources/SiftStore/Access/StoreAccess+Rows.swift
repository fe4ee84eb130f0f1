import GRDB

extension StoreAccess {
  /// The rows screening, agreement and PRISMA read (see ``ProjectRows``), of every record or (faster, for a few
  /// decisions) of `only` these records. Imports are always all of them.
  public func projectRows(only recordIDs: [String]? = nil) throws -> ProjectRows {
    ProjectRows(
      imports: try imports(),
      recordSources: try recordSources(recordIDs: recordIDs).map {
        ProjectRows.RecordSource(id: $0.id, source: $0.source)
      },
      dedupMembers: try latestDedupMembers(recordIDs: recordIDs),
      automation: try automationResults(recordIDs: recordIDs),
      decisions: try currentDecisions(recordIDs: recordIDs),
      resolutions: try currentResolutions(recordIDs: recordIDs),
      fulltexts: try currentFulltexts(recordIDs: recordIDs),
      studyLinks: try studyLinks(recordIDs: recordIDs)
    )
  }

  /// Records with these ids, in import order (unknown ids are left out).
  public func records(ids: [String]) throws -> [RecordRow] {
    try RecordRow.filter(sql: "id IN (\(Self.placeholders(ids.count)))", arguments: StatementArguments(ids))
      .order(sql: "seq").fetchAll(db)
  }
}
