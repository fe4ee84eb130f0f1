/// The layouts `sift decisions import` reads.
public enum DecisionsFormat: String, Sendable, CaseIterable {
  /// Sift's own layout: `record,verdict,criteria,note[,time][,study]` (docs/screening.md).
  case sift
  /// ASReview LAB export: `included` 1/0/empty, matched by `doi` or `title`.
  case asreview
  /// Rayyan export: `notes` holding `RAYYAN-INCLUSION: {"Name"=>"Included"}`, matched by `doi`/`pmid`/`title`.
  case rayyan
}
