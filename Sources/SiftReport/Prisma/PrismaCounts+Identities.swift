extension PrismaCounts {
  /// Checks the PRISMA identities on the records behind each box (not only on the numbers):
  /// identified − removed = screened at the first step; screened − excluded − awaiting = next step;
  /// sought − not retrieved = assessed; assessed − excluded − awaiting = included reports;
  /// the reasons add up to the excluded reports; total = new + previous.
  /// - Throws: ``PrismaError`` naming, for each broken identity, the records on one side only.
  public func verify() throws(PrismaError) {
    var checker = IdentityChecker()

    checker.checkCount(of: identified)
    checker.sum("identified = databases + registers", box: identified, parts: identified.items)
    for group in identified.items {
      checker.sum("\(group.label.lowercased()) = sum over sources", item: group, parts: group.items)
    }
    checker.checkCount(of: removed)
    checker.sum("removed = duplicates + automation + other", box: removed, parts: removed.items)
    checker.subset("removed ⊆ identified", removed.records, of: identified.records)

    var flowing = checker.minus(identified.records, removed.records)
    var flowingName = "identified − removed"
    for step in screening {
      checker.equal("\(step.screened.id) = \(flowingName)", expected: flowing, box: step.screened)
      checker.checkCount(of: step.excluded)
      checker.subset("\(step.excluded.id) ⊆ \(step.screened.id)", step.excluded.records, of: step.screened.records)
      flowing = checker.minus(step.screened.records, step.excluded.records + (step.screened.awaiting?.records ?? []))
      flowingName = "\(step.screened.id) − \(step.excluded.id) − awaiting"
    }
    checker.equal("sought = \(flowingName)", expected: flowing, box: sought)
    var includedReports = checker.chain(
      sought: sought, notRetrieved: notRetrieved, assessed: assessed, excluded: reportsExcluded)

    if let other = otherMethods {
      checker.checkCount(of: other.identified)
      checker.sum("other.identified = sum over sources", box: other.identified, parts: other.identified.items)
      let notSought = other.notSought?.records ?? []
      if let box = other.notSought {
        checker.checkCount(of: box)
        checker.sum("other.not-sought = sum of its lines", box: box, parts: box.items)
      }
      checker.equal(
        "other.sought = other.identified − other.not-sought",
        expected: checker.minus(other.identified.records, notSought),
        box: other.sought)
      includedReports += checker.chain(
        sought: other.sought, notRetrieved: other.notRetrieved, assessed: other.assessed,
        excluded: other.reportsExcluded)
    }

    if let reports = included.item("included.reports") {
      checker.equal(
        "included reports = Σ columns (assessed − excluded − awaiting)", expected: includedReports,
        actual: reports.records, n: reports.n, id: reports.id)
      if let studies = included.item("included.studies"), studies.n > reports.n || (reports.n > 0) != (studies.n > 0) {
        checker.fail("studies included (\(studies.n)) must be at least 1 and at most the reports (\(reports.n))", [])
      }
    } else {
      checker.fail("the included box has no `included.reports` line", [])
    }

    if let previous, let total {
      for part in ["studies", "reports"] {
        let new = included.item("included.\(part)")?.n ?? 0
        let old = previous.item("previous.\(part)")?.n ?? 0
        let sum = total.item("total.\(part)")?.n ?? -1
        if sum != new + old {
          checker.fail("total \(part) (\(sum)) ≠ new (\(new)) + previous (\(old))", [])
        }
      }
    } else if (previous == nil) != (total == nil) {
      checker.fail("an updated review needs both the previous-review and the total box", [])
    }

    if !checker.problems.isEmpty { throw PrismaError(problems: checker.problems) }
  }
}

/// Collects broken identities; each names the records found on one side only.
private struct IdentityChecker {
  var problems: [PrismaProblem] = []

  mutating func fail(_ message: String, _ records: [String]) {
    problems.append(PrismaProblem(kind: .brokenIdentity, message: "Identity broken: \(message).", records: records))
  }

  func minus(_ lhs: [String], _ rhs: [String]) -> [String] {
    let remove = Set(rhs)
    return lhs.filter { !remove.contains($0) }
  }

  mutating func checkCount(of box: PrismaBox) {
    if box.n != box.records.count {
      fail("box `\(box.id)` says n = \(box.n) but lists \(box.records.count) records", [])
    }
    for item in box.items where item.n != item.records.count {
      fail("line `\(item.id)` says n = \(item.n) but lists \(item.records.count) records", [])
    }
  }

  mutating func sum(_ name: String, box: PrismaBox, parts: [PrismaItem]) {
    sum(name, id: box.id, n: box.n, records: box.records, parts: parts)
  }

  mutating func sum(_ name: String, item: PrismaItem, parts: [PrismaItem]) {
    sum(name, id: item.id, n: item.n, records: item.records, parts: parts)
  }

  private mutating func sum(_ name: String, id: String, n: Int, records: [String], parts: [PrismaItem]) {
    let total = parts.reduce(0) { $0 + $1.n }
    let partRecords = parts.flatMap(\.records)
    var seen = Set<String>()
    let twice = partRecords.filter { !seen.insert($0).inserted }
    if !twice.isEmpty {
      fail("\(name): records counted on more than one line of `\(id)`", twice)
    }
    if total != n || Set(partRecords) != Set(records) {
      fail("\(name): `\(id)` has n = \(n), its lines add up to \(total)", symmetricDifference(records, partRecords))
    }
  }

  mutating func subset(_ name: String, _ part: [String], of whole: [String]) {
    let wholeSet = Set(whole)
    let outside = part.filter { !wholeSet.contains($0) }
    if !outside.isEmpty { fail(name, outside) }
  }

  mutating func equal(_ name: String, expected: [String], box: PrismaBox) {
    checkCount(of: box)
    equal(name, expected: expected, actual: box.records, n: box.n, id: box.id)
  }

  mutating func equal(_ name: String, expected: [String], actual: [String], n: Int, id: String) {
    if n != expected.count || Set(expected) != Set(actual) {
      fail("\(name): expected n = \(expected.count), `\(id)` has n = \(n)", symmetricDifference(expected, actual))
    }
  }

  /// Checks one retrieval chain and returns the reports it includes.
  mutating func chain(sought: PrismaBox, notRetrieved: PrismaBox, assessed: PrismaBox, excluded: PrismaBox)
    -> [String]
  {
    checkCount(of: notRetrieved)
    subset("\(notRetrieved.id) ⊆ \(sought.id)", notRetrieved.records, of: sought.records)
    equal(
      "\(assessed.id) = \(sought.id) − \(notRetrieved.id)", expected: minus(sought.records, notRetrieved.records),
      box: assessed)
    checkCount(of: excluded)
    subset("\(excluded.id) ⊆ \(assessed.id)", excluded.records, of: assessed.records)
    sum("\(excluded.id) = sum over reasons", box: excluded, parts: excluded.items)
    return minus(assessed.records, excluded.records + (assessed.awaiting?.records ?? []))
  }

  private func symmetricDifference(_ lhs: [String], _ rhs: [String]) -> [String] {
    let left = Set(lhs)
    let right = Set(rhs)
    var seen = Set<String>()
    return (lhs.filter { !right.contains($0) } + rhs.filter { !left.contains($0) }).filter { seen.insert($0).inserted }
  }
}
