import SiftCore

/// Builds small ``FlowInput`` values by hand: `fixture.add(3, .duplicate(of: "r1"))` appends three records.
struct FlowFixture {
  var stages: [Stage] = [.titleAbstract, .fullText]
  var criteria: [Criterion] = [
    Criterion(id: "E1", label: "Wrong population", text: "Participants are not adults with a mental disorder."),
    Criterion(id: "E2", label: "Not text-based", text: "The therapy is not delivered in text."),
    Criterion(id: "E3", label: "Not original research", text: "Reviews, editorials, protocols."),
    Criterion(
      id: "E4", label: "Published before 2005", text: "Year before 2005.", rule: AutoRule(field: .year, min: 2005)),
  ]
  var sources: [FlowSource] = [
    FlowSource(name: "Scopus", column: .databases),
    FlowSource(name: "PsycINFO", column: .databases),
  ]
  var records: [FlowRecord] = []
  var previousReview: PreviousReview?

  /// Appends `count` records with `fate` from `source` and returns their ids (`r1`, `r2`, … in order).
  @discardableResult
  mutating func add(_ count: Int, _ fate: Fate, source: String = "Scopus") -> [String] {
    (0..<count).map { _ in
      let id = "r\(records.count + 1)"
      records.append(FlowRecord(id: id, source: source, fate: fate))
      return id
    }
  }

  var flow: FlowInput {
    FlowInput(
      records: records, stages: stages, criteria: criteria, sources: sources, previousReview: previousReview)
  }

  /// A flow with a record in every box: 2 databases, one screening step, three reasons.
  static var typical: FlowFixture {
    var fixture = FlowFixture()
    fixture.add(1, .included(study: "S1"))  // r1
    fixture.add(4, .duplicate(of: "r1"))  // r2-r5
    fixture.add(2, .automation(criterion: "E4"), source: "PsycINFO")  // r6-r7
    fixture.add(1, .removedOther(reason: "retracted"))  // r8
    fixture.add(10, .excluded(stage: .titleAbstract, criteria: []), source: "PsycINFO")  // r9-r18
    fixture.add(2, .notRetrieved)  // r19-r20
    fixture.add(3, .excluded(stage: .fullText, criteria: ["E2"]))  // r21-r23
    fixture.add(1, .excluded(stage: .fullText, criteria: ["E1"]))  // r24
    fixture.add(2, .included(study: "S1"), source: "PsycINFO")  // r25-r26
    fixture.add(1, .included(study: "S2"))  // r27
    fixture.add(2, .included(study: nil))  // r28-r29
    return fixture
  }
}
