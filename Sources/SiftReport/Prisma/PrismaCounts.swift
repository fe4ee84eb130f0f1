import SiftCore

/// The PRISMA 2020 flow counts of a new (or updated) review, derived from the records' fates.
///
/// Build with ``init(flow:)``; every box carries the ids of the records behind it. The identities of
/// docs/prisma.md are verified before a value is returned (see ``verify()``).
public struct PrismaCounts: Sendable, Hashable, Codable {
  /// Records identified from databases and registers, one item per source in protocol order.
  public var identified: PrismaBox
  /// Records removed before screening: duplicates, automation tools, other reasons.
  public var removed: PrismaBox
  /// One step per screening stage before full text, in protocol order.
  public var screening: [PrismaScreeningStep]
  public var sought: PrismaBox
  public var notRetrieved: PrismaBox
  /// Reports assessed for eligibility (full text); `awaiting` holds reports without a decision yet.
  public var assessed: PrismaBox
  /// Reports excluded at full text, one item per reason (each report under its first criterion).
  public var reportsExcluded: PrismaBox
  /// The "other methods" column, present only when the protocol has such sources.
  public var otherMethods: PrismaOtherMethods?
  /// Studies and reports included in the previous version of the review (updated reviews).
  public var previous: PrismaBox?
  /// Studies included in review (new studies for an updated review) and reports of included studies.
  public var included: PrismaBox
  /// Updated reviews: new + previous studies and reports.
  public var total: PrismaBox?
  /// Notes printed under the diagram.
  public var footnotes: [String]

  /// Every box in diagram order (top to bottom, left column before right).
  public var allBoxes: [PrismaBox] {
    var boxes: [PrismaBox] = []
    if let previous { boxes.append(previous) }
    boxes += [identified, removed]
    for step in screening { boxes += [step.screened, step.excluded] }
    boxes += [sought, notRetrieved, assessed, reportsExcluded]
    if let other = otherMethods {
      boxes.append(other.identified)
      if let notSought = other.notSought { boxes.append(notSought) }
      boxes += [other.sought, other.notRetrieved, other.assessed, other.reportsExcluded]
    }
    boxes.append(included)
    if let total { boxes.append(total) }
    return boxes
  }

  /// The box with `id`, if the diagram has one.
  public func box(_ id: String) -> PrismaBox? {
    allBoxes.first { $0.id == id }
  }

  public init(
    identified: PrismaBox, removed: PrismaBox, screening: [PrismaScreeningStep], sought: PrismaBox,
    notRetrieved: PrismaBox, assessed: PrismaBox, reportsExcluded: PrismaBox, otherMethods: PrismaOtherMethods?,
    previous: PrismaBox?, included: PrismaBox, total: PrismaBox?, footnotes: [String]
  ) {
    self.identified = identified
    self.removed = removed
    self.screening = screening
    self.sought = sought
    self.notRetrieved = notRetrieved
    self.assessed = assessed
    self.reportsExcluded = reportsExcluded
    self.otherMethods = otherMethods
    self.previous = previous
    self.included = included
    self.total = total
    self.footnotes = footnotes
  }
}

/// One screening step before full text: records screened at `stage` and records excluded there.
public struct PrismaScreeningStep: Sendable, Hashable, Codable {
  public var stage: Stage
  public var screened: PrismaBox
  public var excluded: PrismaBox
  public init(stage: Stage, screened: PrismaBox, excluded: PrismaBox) {
    self.stage = stage
    self.screened = screened
    self.excluded = excluded
  }
}

/// The right-hand column: records found by other methods (websites, citation searching…).
public struct PrismaOtherMethods: Sendable, Hashable, Codable {
  public var identified: PrismaBox
  /// Other-methods records that never reached retrieval (duplicates, screened out, awaiting); only when n > 0.
  public var notSought: PrismaBox?
  public var sought: PrismaBox
  public var notRetrieved: PrismaBox
  public var assessed: PrismaBox
  public var reportsExcluded: PrismaBox
  public init(
    identified: PrismaBox, notSought: PrismaBox?, sought: PrismaBox, notRetrieved: PrismaBox, assessed: PrismaBox,
    reportsExcluded: PrismaBox
  ) {
    self.identified = identified
    self.notSought = notSought
    self.sought = sought
    self.notRetrieved = notRetrieved
    self.assessed = assessed
    self.reportsExcluded = reportsExcluded
  }
}
