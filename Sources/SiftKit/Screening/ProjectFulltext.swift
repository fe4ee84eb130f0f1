import SiftCore
import SiftStore

/// `sift fulltext`: records where a report's full text is, or that it could not be retrieved.
public enum ProjectFulltext {
  /// Where the full text is.
  public enum Location: Sendable, Hashable {
    case path(String)
    case url(String)
    case notRetrieved
  }

  /// Records the location of `reference`'s full text; returns a one-line confirmation.
  public static func record(reference: String, location: Location, project: Project) throws -> String {
    let review = project.review
    let time = SiftClock.now()
    return try project.store.write { access in
      let id = try RecordResolver(access: access).resolve(reference)
      let snapshot = try ScreeningSnapshot(access: access, review: review, only: [id])
      guard snapshot.isScreenable(id) else {
        throw ProjectError(snapshot.whyNotReached(id, stage: review.stages.first ?? .title))
      }
      switch location {
      case .path(let path):
        try access.appendFulltext(recordID: id, path: path, url: nil, notRetrieved: false, time: time)
        return "\(id): full text at \(path)"
      case .url(let url):
        try access.appendFulltext(recordID: id, path: nil, url: url, notRetrieved: false, time: time)
        return "\(id): full text at \(url)"
      case .notRetrieved:
        if review.stages.contains(.fullText), !(snapshot.decisions[id]?[.fullText] ?? [:]).isEmpty {
          throw ProjectError("\(id) already has full-text decisions; a report that was screened was retrieved")
        }
        try access.appendFulltext(recordID: id, path: nil, url: nil, notRetrieved: true, time: time)
        return "\(id): full text not retrieved"
      }
    }
  }
}
