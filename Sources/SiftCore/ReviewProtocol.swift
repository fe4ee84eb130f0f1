/// A review's protocol: the searches, the eligibility criteria, the stages and the settings of each step.
/// Read from `protocol.yaml` in the project (schema: `schemas/protocol.schema.json`).
public struct ReviewProtocol: Sendable, Hashable, Codable {
  public var title: String
  public var question: String?
  /// Reviewer initials or names, e.g. `[CML, LJ]`.
  public var reviewers: [String]
  public var databases: [SearchSource]
  public var registers: [SearchSource]?
  /// Other methods of identification (PRISMA's right column), e.g. citation searching.
  public var otherMethods: [SearchSource]?
  public var searchDates: SearchDates?
  public var dateWindow: DateWindow?
  /// Languages accepted, as written in the protocol (e.g. `English`, `German`).
  public var languages: [String]?
  public var criteria: [Criterion]
  /// Screening stages in order, e.g. `[title, abstract, full-text]` or `[title-abstract, full-text]`.
  public var stages: [Stage]
  public var dedup: DedupSettings?
  public var screening: ScreeningSettings?
  public var synthesis: SynthesisSettings?
  /// For updated reviews: what the previous version included.
  public var previousReview: PreviousReview?
  /// Id of the extraction form under `schemas/forms/` (or a path relative to the project).
  public var extractionForm: String?
  /// The team server's store when `sift serve` has no `--store`: `postgres://USER:PASSWORD@HOST:PORT/DB`, where
  /// `${NAME}` is replaced by the environment variable NAME (so the password need not be in the file).
  public var store: String?

  enum CodingKeys: String, CodingKey {
    case title, question, reviewers, databases, registers
    case otherMethods = "other_methods"
    case searchDates = "search_dates"
    case dateWindow = "date_window"
    case languages, criteria, stages, dedup, screening, synthesis
    case previousReview = "previous_review"
    case extractionForm = "extraction_form"
    case store
  }

  public init(
    title: String, question: String? = nil, reviewers: [String], databases: [SearchSource],
    registers: [SearchSource]? = nil, otherMethods: [SearchSource]? = nil, searchDates: SearchDates? = nil,
    dateWindow: DateWindow? = nil, languages: [String]? = nil, criteria: [Criterion], stages: [Stage],
    dedup: DedupSettings? = nil, screening: ScreeningSettings? = nil, synthesis: SynthesisSettings? = nil,
    previousReview: PreviousReview? = nil, extractionForm: String? = nil, store: String? = nil
  ) {
    self.title = title
    self.question = question
    self.reviewers = reviewers
    self.databases = databases
    self.registers = registers
    self.otherMethods = otherMethods
    self.searchDates = searchDates
    self.dateWindow = dateWindow
    self.languages = languages
    self.criteria = criteria
    self.stages = stages
    self.dedup = dedup
    self.screening = screening
    self.synthesis = synthesis
    self.previousReview = previousReview
    self.extractionForm = extractionForm
    self.store = store
  }
}

/// A database, register or other method searched, with its search as run.
public struct SearchSource: Sendable, Hashable, Codable {
  /// Name as reported in PRISMA, e.g. `Scopus`, `PsycINFO`, `Citation searching`.
  public var name: String
  /// Platform or interface, e.g. `EBSCOhost`, `Ovid`.
  public var platform: String?
  /// The search string exactly as run.
  public var search: String?
  /// Fields searched, e.g. `[title, abstract, keywords]`.
  public var fields: [String]?
  /// Date the search was run (ISO 8601).
  public var date: String?
  public var note: String?

  public init(
    name: String, platform: String? = nil, search: String? = nil, fields: [String]? = nil, date: String? = nil,
    note: String? = nil
  ) {
    self.name = name
    self.platform = platform
    self.search = search
    self.fields = fields
    self.date = date
    self.note = note
  }
}

public struct SearchDates: Sendable, Hashable, Codable {
  /// ISO 8601 date of the first search, when reported.
  public var first: String?
  /// ISO 8601 date of the final search.
  public var final: String?
  public init(first: String? = nil, final: String? = nil) {
    self.first = first
    self.final = final
  }
}

/// Publication years accepted, inclusive.
public struct DateWindow: Sendable, Hashable, Codable {
  public var from: Int?
  public var to: Int?
  public init(from: Int? = nil, to: Int? = nil) {
    self.from = from
    self.to = to
  }
}

/// An eligibility criterion: `I1`… for inclusion, `E1`… for exclusion.
public struct Criterion: Sendable, Hashable, Codable {
  public var id: String
  /// A short label for lists and the PRISMA diagram, e.g. `Not original research`.
  public var label: String
  /// The criterion's full text, as in the protocol or paper.
  public var text: String
  /// Set when a record field decides the criterion automatically.
  public var rule: AutoRule?

  public init(id: String, label: String, text: String, rule: AutoRule? = nil) {
    self.id = id
    self.label = label
    self.text = text
    self.rule = rule
  }

  public var isInclusion: Bool { id.uppercased().hasPrefix("I") }
}

/// A criterion that a record field decides: `{field: year, min: 2005}`, `{field: language, any_of: [English]}`,
/// `{field: publication_type, none_of: [Review, Meta-Analysis]}`. A record fails the rule when the field
/// is known and outside it; an unknown field never excludes automatically.
public struct AutoRule: Sendable, Hashable, Codable {
  public enum FieldName: String, Sendable, Hashable, Codable {
    case year, language
    case publicationType = "publication_type"
  }
  public var field: FieldName
  public var min: Int?
  public var max: Int?
  public var anyOf: [String]?
  public var noneOf: [String]?

  enum CodingKeys: String, CodingKey {
    case field, min, max
    case anyOf = "any_of"
    case noneOf = "none_of"
  }

  public init(field: FieldName, min: Int? = nil, max: Int? = nil, anyOf: [String]? = nil, noneOf: [String]? = nil) {
    self.field = field
    self.min = min
    self.max = max
    self.anyOf = anyOf
    self.noneOf = noneOf
  }
}

/// Named de-duplication thresholds (scores in 0…1).
public struct DedupSettings: Sendable, Hashable, Codable {
  /// Score at or above which two records are merged automatically.
  public var mergeThreshold: Double?
  /// Score at or above which a pair is listed for a person to decide.
  public var reviewThreshold: Double?

  enum CodingKeys: String, CodingKey {
    case mergeThreshold = "merge_threshold"
    case reviewThreshold = "review_threshold"
  }
  public init(mergeThreshold: Double? = nil, reviewThreshold: Double? = nil) {
    self.mergeThreshold = mergeThreshold
    self.reviewThreshold = reviewThreshold
  }
}

public struct ScreeningSettings: Sendable, Hashable, Codable {
  /// Whether `maybe` counts as include when deciding progress and conflicts (default true).
  public var maybeCountsAsInclude: Bool?
  /// Terms highlighted while screening.
  public var highlight: [String]?

  enum CodingKeys: String, CodingKey {
    case maybeCountsAsInclude = "maybe_counts_as_include"
    case highlight
  }
  public init(maybeCountsAsInclude: Bool? = nil, highlight: [String]? = nil) {
    self.maybeCountsAsInclude = maybeCountsAsInclude
    self.highlight = highlight
  }
}

/// Thresholds that name the strength of a correlation |r| (defaults: Cohen's 0.10, 0.30, 0.50).
public struct SynthesisSettings: Sendable, Hashable, Codable {
  public var correlationThresholds: CorrelationThresholds?
  /// Count `studies` or `interventions` (rows) in category counts.
  public var countBy: String?

  enum CodingKeys: String, CodingKey {
    case correlationThresholds = "correlation_thresholds"
    case countBy = "count_by"
  }
  public init(correlationThresholds: CorrelationThresholds? = nil, countBy: String? = nil) {
    self.correlationThresholds = correlationThresholds
    self.countBy = countBy
  }
}

/// |r| below `small` is weak; `small` ≤ |r| < `moderate` small; `moderate` ≤ |r| < `strong` moderate; else strong.
public struct CorrelationThresholds: Sendable, Hashable, Codable {
  public var small: Double
  public var moderate: Double
  public var strong: Double
  public init(small: Double = 0.10, moderate: Double = 0.30, strong: Double = 0.50) {
    self.small = small
    self.moderate = moderate
    self.strong = strong
  }
}

public struct PreviousReview: Sendable, Hashable, Codable {
  public var citation: String?
  public var studies: Int
  public var reports: Int
  public init(citation: String? = nil, studies: Int, reports: Int) {
    self.citation = citation
    self.studies = studies
    self.reports = reports
  }
}
